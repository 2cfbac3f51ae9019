"""Facts the gradient descent page states in prose (docs/foundations/gradient-descent.md)."""

import importlib.util
import re

import keras
import numpy as np

from keras_kb.facts import fact, printed
from keras_kb.pages import SNIPPETS

PAGE = "foundations/gradient-descent.md"


def _one_decimal(value):
    return f"{round(float(value), 1):g}"


def _updates_per_epoch():
    """{batch size: updates per epoch} as the batches block printed them."""
    lines = printed(PAGE, r"(?:batch +\d+: updates per epoch +\d+.*\n?)+")[0]
    return {int(b): u for b, u in re.findall(r"batch +(\d+): updates per epoch +(\d+)", lines)}


def _samples():
    return printed(PAGE, r"(\d+) points; least-squares line")[1]


def _learning_rates():
    """(learning rates, steps) of the learning-rate block's run."""
    lines = printed(PAGE, r"(?:lr=\S+ +w after \d+ steps = .*\n?)+")[0]
    found = re.findall(r"lr=(\S+) +w after (\d+) steps", lines)
    (steps,) = {s for _, s in found}
    return [lr for lr, _ in found], steps


def _figure_paths():
    """{learning rate: steps drawn} read off the learning-rate figure itself."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = SNIPPETS / "figures" / "learning_rates.py"
    spec = importlib.util.spec_from_file_location("learning_rates_figure", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figure = module.draw(lambda ko, en: en)
    drawn = {}
    for axes in figure.axes:
        rate = re.match(r"lr = (\S+):", axes.get_title())[1]
        path_line = axes.get_lines()[1]  # [0] is the loss curve, [1] the path of the steps
        drawn[rate] = len(path_line.get_xdata()) - 1
    plt.close(figure)
    return drawn


def _bumpy_minima():
    """The minima of L(w) = w^4 - 3w^2 + w, shallow first: where L' = 4w^3 - 6w + 1 = 0."""
    roots = np.roots([4, 0, -6, 1]).real
    minima = [w for w in roots if 12 * w**2 - 6 > 0]  # L'' > 0
    return sorted(minima, key=lambda w: -(w**4 - 3 * w**2 + w))


@fact(
    PAGE, ko="$y = {}x + {}$에 잡음을 더한 {}개 점", en="from {2} noisy points of $y = {0}x + {1}$"
)
def noisy_line():
    shown = printed(PAGE, r"(\d+) points; least-squares line y = (\S+)x \+ (\S+)")
    return _one_decimal(shown[2]), _one_decimal(shown[3]), shown[1]


@fact(
    PAGE,
    ko="`W = W - learning_rate * gradient`를 {}번 반복하면 $w$와 $b$가 참값 {}과 {}에 도달합니다",
    en="Repeating `W = W - learning_rate * gradient` {} times brings $w$ and $b$ to their true "
    "values {} and {}",
)
def descent_reaches_true_values():
    shown = printed(PAGE, r"after (\d+) steps: w=(\S+) b=(\S+)")
    return shown[1], _one_decimal(shown[2]), _one_decimal(shown[3])


@fact(
    PAGE,
    ko="기울기가 {}배인 가중치는 기울기의 반대 방향으로 {}배 멀리",
    en="the weight whose gradient is {} times larger moves {} times farther",
)
def step_follows_gradient_size():
    shown = printed(PAGE, r"gradient ratio (\S+) -> step ratio (\S+)")
    return f"{float(shown[1]):g}", f"{float(shown[2]):g}"


@fact(PAGE, ko='`SGD`를 설명하는 첫 문장 "{}"입니다', en='description of `SGD`, "{}"')
def sgd_description():
    return keras.optimizers.SGD.__doc__.splitlines()[0]


@fact(PAGE, ko="에포크당 갱신 횟수 (샘플 {}개)", en="Updates per epoch ({} samples)")
def table_samples():
    return _samples()


@fact(
    PAGE,
    ko="| 전체 배치 경사 하강법 (batch gradient descent) | 전체 데이터 | {} |",
    en="| Batch gradient descent | the whole data set | {} |",
)
def table_full_batch_updates():
    return _updates_per_epoch()[int(_samples())]


@fact(
    PAGE,
    ko="(stochastic gradient descent, SGD) | 1 | {} |",
    en="| Stochastic gradient descent (SGD) | 1 | {} |",
)
def table_sgd_updates():
    return _updates_per_epoch()[1]


@fact(PAGE, ko="| 보통 10~1,000 | {} / 배치 크기 |", en="| typically 10–1,000 | {} / batch size |")
def table_mini_batch_updates():
    updates = _updates_per_epoch()
    assert all(int(u) == int(_samples()) // b for b, u in updates.items())
    return _samples()


@fact(PAGE, ko="배치를 {}번 새로 뽑아", en="Draw a batch {} times")
def batch_draws():
    return printed(PAGE, r"estimated from (\d+) random batches")[1]


@fact(PAGE, ko="$w = {}$부터 {}걸음을 걸어 봅니다", en="Take {1} steps from $w = {0}$")
def learning_rate_walk():
    return printed(PAGE, r"from w = (\S+):")[1], _learning_rates()[1]


@fact(
    PAGE,
    ko="이 포물선에서 {}는 한 걸음에 최솟값에 도착합니다",
    en="on this parabola, {} lands on the minimum in one step",
)
def one_step_learning_rate():
    return printed(PAGE, r"lr=(\S+), one step: w = 1\.0\b")[1]  # the minimum of (w - 1)^2


@fact(
    PAGE,
    ko="학습률 다섯 개({})로 {}걸음씩 걷고",
    en="takes {1} steps for five learning rates ({0})",
)
def learning_rates_run():
    rates, steps = _learning_rates()
    return ", ".join(rates), steps


@fact(
    PAGE,
    ko="그중 네 경우의 처음 {}걸음을 그립니다. "
    "발산하는 경우는 경로가 그림 안에 남도록 {} 대신 {}로 그렸습니다",
    en="the figure draws the first {0} steps of four of them, "
    "with {2} instead of {1} for the diverging one",
)
def learning_rate_figure():
    drawn, (rates, _) = _figure_paths(), _learning_rates()
    (steps,) = set(drawn.values())
    *shared, diverging = drawn  # the figure's panels, the diverging one last
    assert set(shared) <= set(rates), "the figure draws learning rates the code does not run"
    return str(steps), max(rates, key=float), diverging


@fact(
    PAGE,
    ko="$w \\approx {}$의 얕은 골짜기와 $w \\approx {}$의 깊은 골짜기",
    en="a shallow valley at $w \\approx {}$ and a deep one at $w \\approx {}$",
)
def bumpy_valleys():
    return tuple(f"{w:.2f}" for w in _bumpy_minima())


@fact(
    PAGE,
    ko="$w = {}$에서 출발한 순수 경사 하강법은 얕은 골짜기에 멈추고",
    en="Plain gradient descent started at $w = {}$ stops in the shallow valley",
)
def plain_descent_stuck():
    shown = printed(PAGE, r"from w=(\S+): plain GD stops at w=(\S+) .* reaches w=(\S+) ")
    shallow, deep = _bumpy_minima()
    assert abs(float(shown[2]) - shallow) < 0.01 and abs(float(shown[3]) - deep) < 0.01
    return shown[1]
