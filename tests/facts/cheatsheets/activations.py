"""Facts the activation cheat sheet states in prose (docs/cheatsheets/activations.md)."""

import inspect
import re

import keras
import numpy as np

from keras_kb.facts import fact, printed
from tests.support.library import derivative

PAGE = "cheatsheets/activations.md"


def _number(value, digits=6):
    """A float as the page writes it: rounded, no trailing zeros (0.2, 1, 0)."""
    return f"{round(float(value), digits) + 0.0:g}"  # + 0.0: no "-0"


def _slope(name, at):
    """d activation / dz at the points `at`, by automatic differentiation."""
    return derivative(keras.activations.get(name), at)


@fact(
    PAGE,
    ko="(Keras에서는 `{}` 층, `{}` 함수)",
    en="(in Keras, the `{}` layer and the `{}` function)",
)
def leaky_relu_names():
    return keras.layers.LeakyReLU.__name__, keras.activations.leaky_relu.__name__


@fact(
    PAGE,
    ko="ReLU의 기울기가 **음수 입력에서** {}이라는 뜻입니다. 양수 입력에서는 {}입니다",
    en="ReLU's gradient is {} **for negative inputs**; for positive inputs it is {}",
)
def relu_gradient_by_sign():
    negative, positive = _slope("relu", [-3.0, 3.0])
    return _number(negative), _number(positive)


@fact(
    PAGE,
    ko="`keras.activations.leaky_relu`는 $\\alpha = {}$인 식과 일치",
    en="`keras.activations.leaky_relu` matches the formula with $\\alpha = {}$",
)
def leaky_relu_function_slope():
    z = np.array([-3.0, -0.5], dtype="float32")
    slopes = np.asarray(keras.activations.leaky_relu(z)) / z
    return _number(slopes[0]) if np.allclose(slopes, slopes[0]) else "not one slope"


@fact(PAGE, ko="값을 정규화해서 합이 {}이 됩니다", en="it normalizes the values so they sum to {}")
def softmax_sums_to():
    logits = np.random.default_rng(0).normal(size=(5, 4)).astype("float32")
    sums = np.asarray(keras.activations.softmax(logits)).sum(axis=-1)
    return _number(sums[0], 4) if np.allclose(sums, sums[0]) else "varies"


@fact(PAGE, ko="클래스가 {}개일 때 나타납니다", en="shows with {} classes")
def softmax_is_sigmoid_with_classes():
    z = np.array([-2.0, 0.3, 2.0], dtype="float32")
    sigmoid = np.asarray(keras.activations.sigmoid(z))
    matches = []
    for classes in range(2, 6):  # softmax([z, 0, ..., 0])[0] against sigmoid(z)
        logits = np.zeros((len(z), classes), dtype="float32")
        logits[:, 0] = z
        if np.allclose(np.asarray(keras.activations.softmax(logits))[:, 0], sigmoid):
            matches.append(str(classes))
    return ", ".join(matches)


@fact(
    PAGE,
    ko="`sigmoid`의 도함수는 최대 {}이고 {} 근처의 좁은 구간 밖에서는",
    en="The derivative of `sigmoid` is at most {} and very small outside a narrow range around {}",
)
def sigmoid_derivative_peak():
    z = np.linspace(-6, 6, 1201)
    slopes = _slope("sigmoid", z)
    return f"{slopes.max():.2f}", _number(z[slopes.argmax()])


@fact(
    PAGE,
    ko="ReLU 계열은 양수 쪽 기울기가 {}입니다",
    en="The ReLU family has slope {} on the positive side",
)
def relu_family_positive_slope():
    slopes = {_number(s) for name in ("relu", "leaky_relu", "elu") for s in _slope(name, [0.5, 4])}
    return slopes.pop() if len(slopes) == 1 else "differs"


@fact(
    PAGE,
    ko="$z = \\pm 5$에서 약 {}, $z = 10$에서 약 {}입니다",
    en="about {} at $z = \\pm 5$ and about {} at $z = 10$",
)
def sigmoid_derivative_far_out():
    minus_five, five, ten = _slope("sigmoid", [-5.0, 5.0, 10.0])
    at_five = f"{five:.4f}" if np.isclose(minus_five, five) else "not symmetric"
    return at_five, f"{ten:.6f}"


@fact(
    PAGE,
    ko="함수 `keras.activations.leaky_relu`의 기본 기울기는 {}이고 "
    "층 `keras.layers.LeakyReLU`의 기본값은 {}으로",
    en="the function `keras.activations.leaky_relu` defaults to slope {} "
    "but the layer `keras.layers.LeakyReLU` to {}",
)
def leaky_relu_default_slopes():
    z = np.array([-2.0], dtype="float32")
    function = np.asarray(keras.activations.leaky_relu(z))[0] / z[0]
    layer = np.asarray(keras.layers.LeakyReLU()(z))[0] / z[0]
    return _number(function), _number(layer)


@fact(PAGE, ko="PReLU의 $\\alpha$는 {}에서 시작하므로", en="PReLU's $\\alpha$ starts at {}")
def prelu_initial_alpha():
    layer = keras.layers.PReLU()
    layer.build((None, 3))
    alphas = {_number(a) for a in np.ravel(layer.get_weights()[0])}
    return alphas.pop() if len(alphas) == 1 else "varies"


@fact(PAGE, ko="$\\alpha$가 {} 가까이로 바뀌는", en="$\\alpha$ moves close to {}")
def prelu_learned_alpha():
    alpha = printed(PAGE, r"PReLU alpha .*-> (-?[\d.]+)")[1]
    return f"{float(alpha):.2f}"


@fact(
    PAGE,
    ko="ReLU의 도함수는 $z > 0$이면 {}, $z < 0$이면 {}입니다",
    en="ReLU's derivative is {} for $z > 0$ and {} for $z < 0$",
)
def relu_derivative():
    positive, negative = _slope("relu", [0.5, -0.5])
    return _number(positive), _number(negative)


@fact(PAGE, ko="편향을 {}으로 시작한 유닛 하나를", en="Train one unit whose bias starts at {}")
def dead_unit_starting_bias():
    return printed(PAGE, r"relu +bias (-?[\d.]+) ->")[1].replace("-", "\u2212")


@fact(
    PAGE,
    ko="출력이 {}~{}이라 확률로",
    en="with an output between {} and {} that reads as a probability",
)
def sigmoid_output_bounds():
    ends = np.asarray(keras.activations.sigmoid(np.array([-50.0, 50.0], dtype="float32")))
    return _number(ends[0]), _number(ends[1])


@fact(PAGE, ko='출력이 {}과 {} 사이로 "수렴하는"', en='"converges" (saturates) between {} and {}')
def sigmoid_saturates_between():
    return sigmoid_output_bounds()


@fact(
    PAGE,
    ko="아래 실행에서 `relu` 출력층의 가장 낮은 예측은 {}에 머물고, "
    "최종 손실은 `{}` 쪽이 더 낮습니다",
    en="In the run below the `relu` output's lowest prediction stays at {}, "
    "and the final loss is lower with `{}`",
)
def relu_output_against_linear():
    run = printed(PAGE, r"output relu +: lowest prediction").string
    rows = re.findall(r"output (\w+) *: lowest prediction (-?[\d.]+), final loss ([\d.]+)", run)
    lowest = {name: low for name, low, _ in rows}
    final = {name: float(loss) for name, _, loss in rows}
    return lowest["relu"], min(final, key=final.get)


@fact(
    PAGE,
    ko="`keras.activations.gelu`의 기본값은 정확한 erf 식(`approximate={}`)이고",
    en="`keras.activations.gelu` defaults to the exact erf form (`approximate={}`)",
)
def gelu_default_form():
    return str(inspect.signature(keras.activations.gelu).parameters["approximate"].default)


@fact(
    PAGE,
    ko="두 식의 차이는 어디서나 최대 약 {}로",
    en="The two forms differ by at most about {} anywhere",
)
def gelu_forms_apart():
    z = np.linspace(-20, 20, 400001)
    exact = np.asarray(keras.activations.gelu(z))
    tanh_form = np.asarray(keras.activations.gelu(z, approximate=True))
    return f"{np.abs(exact - tanh_form).max():.5f}"


@fact(
    PAGE,
    ko="`keras.activations.{}`는 `keras.activations.{}`와 같은 함수입니다",
    en="`keras.activations.{}` is the same function as `keras.activations.{}`",
)
def swish_is_silu():
    same = keras.activations.swish is keras.activations.silu
    return ("swish", "silu") if same else ("swish", "not silu")


def _minimum(name):
    """Where the activation is lowest on [-4, 0] and its value there, by a fine search."""
    z = np.linspace(-4, 0, 400001)
    values = np.asarray(keras.activations.get(name)(z))
    return f"{z[values.argmin()]:.2f}", f"{values.min():.2f}"


@fact(
    PAGE,
    ko="GELU는 $z \\approx {0}$에서 최솟값 약 ${1}$, "
    "SiLU는 $z \\approx {2}$에서 최솟값 약 ${3}$까지",
    en="GELU reaches its minimum of about ${1}$ at $z \\approx {0}$, "
    "SiLU its minimum of about ${3}$ at $z \\approx {2}$",
)
def gelu_silu_minima():
    return (*_minimum("gelu"), *_minimum("silu"))


@fact(
    PAGE,
    ko="도함수는 GELU가 ${}$에서 ${}$까지, SiLU가 ${}$에서 ${}$까지 움직입니다",
    en="The derivative runs from ${}$ to ${}$ for GELU and from ${}$ to ${}$ for SiLU",
)
def gelu_silu_slope_ranges():
    z = np.linspace(-8, 8, 16001)
    ends = []
    for name in ("gelu", "silu"):
        slopes = _slope(name, z)
        ends += [f"{slopes.min():.2f}", f"{slopes.max():.2f}"]
    return tuple(ends)


@fact(
    PAGE,
    ko="`keras.applications.EfficientNetB0`는 모든 활성화 층에 `{}`를 씁니다",
    en="`keras.applications.EfficientNetB0` uses `{}` in every activation layer",
)
def efficientnet_activation():
    model = keras.applications.EfficientNetB0(
        weights=None, include_top=False, input_shape=(32, 32, 3)
    )
    names = {
        layer.activation.__name__
        for layer in model.layers
        if isinstance(layer, keras.layers.Activation)
    }
    return names.pop() if len(names) == 1 else ", ".join(sorted(names))
