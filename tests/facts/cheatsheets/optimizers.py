"""Facts the optimizers cheat sheet states in prose (docs/cheatsheets/optimizers.md)."""

import inspect
import re

import keras
import numpy as np
import tensorflow as tf

from keras_kb.facts import fact, printed

PAGE = "cheatsheets/optimizers.md"
NAMES = ("SGD", "RMSprop", "Adam", "Adadelta", "Adagrad", "Adamax", "Nadam")


def _default_learning_rate(name):
    return float(getattr(keras.optimizers, name)().learning_rate)


def _race():
    """{optimizer: (steps, final loss)} from the page's run of 'Comparing at the defaults'."""
    run = printed(PAGE, r"SGD +\d+ steps, loss").string
    rows = re.findall(r"(\w+) +(\d+) steps, loss [\d.]+ -> ([\d.]+)", run)
    return {name: (int(steps), float(loss)) for name, steps, loss in rows}


@fact(
    PAGE,
    ko="`tf.keras.optimizers`이고, Keras {}에서는 `keras.optimizers`로 씁니다",
    en="a typo for `tf.keras.optimizers`; in Keras {} write `keras.optimizers`",
)
def keras_major_version():
    same = all(getattr(tf.keras.optimizers, n) is getattr(keras.optimizers, n) for n in NAMES)
    return keras.__version__.split(".")[0] if same else "not the same optimizers"


@fact(
    PAGE,
    ko="아래 표의 Keras {} 이름과 기본 학습률은",
    en="The Keras {} names and default learning rates in the table below",
)
def table_keras_version():
    return keras.__version__.split(".")[0]


@fact(PAGE, ko="Keras {}에서도 맞습니다", en="still holds in Keras {}")
def base_class_keras_version():
    return keras.__version__.split(".")[0]


@fact(
    PAGE,
    ko="Keras 3에서 {0}은 `{1}`뿐이고, 여기 나오는 나머지는 `Adagrad`를 포함해 모두 {2}입니다",
    en="In Keras 3 only `{1}` defaults to {0}; all the others here, `Adagrad` included, "
    "default to {2}",
)
def default_learning_rates():
    rates = {name: f"{_default_learning_rate(name):g}" for name in NAMES}
    odd = [name for name in NAMES if list(rates.values()).count(rates[name]) == 1]
    rest = {rates[name] for name in NAMES if name not in odd}
    if len(odd) != 1 or len(rest) != 1 or rates["Adagrad"] not in rest:
        return "no single odd one", ", ".join(odd), ", ".join(sorted(rest))
    return rates[odd[0]], odd[0], rest.pop()


@fact(
    PAGE,
    ko="(`momentum` 인자는 선택 사항이고 기본값은 {})",
    en="(its `momentum` argument is optional and defaults to {})",
)
def rmsprop_momentum_default():
    return f"{keras.optimizers.RMSprop().momentum:g}"


@fact(
    PAGE,
    ko="크기가 {}배 다른 기울기 두 개로 한 걸음을 밟아, 둘 다 거의 같은 걸음 크기(약 {})로",
    en="two gradients {} times apart in size: both move by almost the same step (about {})",
)
def rmsprop_equal_steps():
    run = printed(PAGE, r"gradients \[([^\]]+)\] -> RMSprop: \[([^\]]+)\]")
    gradients = np.array(run[1].split(), dtype=float)
    steps = np.abs(np.array(run[2].split(), dtype=float))
    step = f"{steps.mean():.4f}" if np.allclose(steps, steps[0], rtol=0.01) else "different"
    return f"{gradients.max() / gradients.min():g}", step


@fact(
    PAGE,
    ko="`keras.optimizers.Optimizer`는 `{}`가 필수이고",
    en="`keras.optimizers.Optimizer` requires a `{}`",
)
def base_class_requires():
    try:
        keras.optimizers.Optimizer()
    except TypeError as error:
        return ", ".join(re.findall(r"'(\w+)'", str(error)))
    return "nothing"


@fact(
    PAGE,
    ko="각 옵티마이저의 기본 학습률로 {}걸음 학습합니다",
    en="{} steps with each optimizer's default learning rate",
)
def race_steps():
    steps = {steps for steps, _ in _race().values()}
    return str(steps.pop()) if len(steps) == 1 else "different"


@fact(
    PAGE,
    ko="학습률이 {0}배 큰 `{1}`가 가장 빠르고, 기본 학습률이 {2}인 `{3}`는 거의 움직이지 않습니다",
    en="`{1}`, whose learning rate is {0} times larger, is fastest, and `{3}` at its default "
    "of {2} hardly moves",
)
def race_fastest_and_slowest():
    final = {name: loss for name, (_, loss) in _race().items()}
    fastest, slowest = min(final, key=final.get), max(final, key=final.get)
    others = [_default_learning_rate(n) for n in final if n != fastest]
    ratio = _default_learning_rate(fastest) / np.median(others)
    return f"{ratio:g}", fastest, f"{_default_learning_rate(slowest):g}", slowest


@fact(
    PAGE,
    ko="원 논문의 Adadelta는 학습률 {}을 씁니다",
    en="the original Adadelta paper uses a learning rate of {}",
)
def adadelta_paper_learning_rate():
    return re.search(r"original paper,\s+use (\d+(?:\.\d+)?)", keras.optimizers.Adadelta.__doc__)[1]


@fact(
    PAGE,
    ko="(표에 없는 `{}`만 {})",
    en="(only `{}`, not in the table, has {})",
)
def the_one_optimizer_off_the_common_default():
    rates = {}  # every optimizer class whose learning_rate has a float default
    for name in dir(keras.optimizers):
        cls = getattr(keras.optimizers, name)
        if inspect.isclass(cls) and issubclass(cls, keras.optimizers.Optimizer):
            default = inspect.signature(cls).parameters.get("learning_rate")
            if default is not None and isinstance(default.default, float):
                rates[name] = default.default
    (name,) = [n for n, rate in rates.items() if n != "SGD" and f"{rate:g}" != "0.001"]
    return name, f"{rates[name]:g}"
