"""Facts the weight initialization page states in prose (docs/foundations/initialization.md)."""

import re

import keras
import numpy as np

from keras_kb.facts import fact, printed
from tests.support.library import snake_case

PAGE = "foundations/initialization.md"
FAN_IN, FAN_OUT = 300, 500  # another kernel than the page's, so the constants are general
GLOROT = "${} / (n_\\text{{in}} + n_\\text{{out}})$ |"
HE = "${} / n_\\text{{in}}$ |"
GLOROT_FORMULA = (
    "\\text{{Glorot: }} \\operatorname{{Var}}(w) = \\frac{{{}}}{{n_\\text{{in}} + n_\\text{{out}}}}"
)


def _variance_constant(name, fans):
    """Var(w) x fans for Keras's initializer `name`, rounded as the page writes it."""
    kernel = keras.initializers.get({"class_name": name, "config": {"seed": 0}})
    variance = float(np.var(kernel((FAN_IN, FAN_OUT)).numpy()))
    return f"{round(variance * fans, 1):g}"


def _depth():
    """{initializer: (std after layer 1, layers, std after the last)} of the depth block."""
    lines = printed(PAGE, r"(?:relu, .*\n?)+")[0]
    found = re.findall(r"relu, (.+?) *: std layer 1 (\S+) -> layer (\d+) (\S+)", lines)
    return {name: (float(first), layers, float(last)) for name, first, layers, last in found}


def _layers():
    (layers,) = {layers for _, layers, _ in _depth().values()}
    return layers


@fact(PAGE, ko="출력 대부분(아래 블록에서 {}%)이", en="makes most outputs ({}% in the block below)")
def saturated_share():
    share = printed(PAGE, r"uniform\(-4, 4\) +saturated +(\S+)%")[1]
    return f"{float(share):.0f}"


@fact(PAGE, ko="{}개 입력의 가중합", en="the weighted sum of {} inputs")
def sigmoid_inputs():
    return printed(PAGE, r"x \(\d+, (\d+)\) -> Dense")[1]


@fact(
    PAGE,
    ko="He는 분산을 LeCun 초기화(${} / n_\\text{{in}}$)의 {}배로 잡습니다",
    en="He makes the variance {1} times that of LeCun initialization (${0} / n_\\text{{in}}$)",
)
def he_doubles_lecun():
    lecun = _variance_constant("LecunNormal", FAN_IN)
    he = _variance_constant("HeNormal", FAN_IN)
    return lecun, f"{float(he) / float(lecun):g}"


@fact(
    PAGE,
    ko=GLOROT_FORMULA,
    en=GLOROT_FORMULA,
)
def glorot_formula():
    return _variance_constant("GlorotNormal", FAN_IN + FAN_OUT)


@fact(
    PAGE,
    ko="\\text{{He: }} \\operatorname{{Var}}(w) = \\frac{{{}}}{{n_\\text{{in}}}}",
    en="\\text{{He: }} \\operatorname{{Var}}(w) = \\frac{{{}}}{{n_\\text{{in}}}}",
)
def he_formula():
    return _variance_constant("HeNormal", FAN_IN)


@fact(
    PAGE,
    ko="분산이 $\\ell^2 / {}$이므로 Glorot uniform의 한계는 $\\ell = \\sqrt{{{} / (n_\\text{{in}}",
    en="whose variance is $\\ell^2 / {}$, "
    "so Glorot uniform's limit is $\\ell = \\sqrt{{{} / (n_\\text{{in}}",
)
def uniform_limit():
    uniform = keras.initializers.RandomUniform(-1.0, 1.0, seed=0)((1000, 1000)).numpy()
    kernel = keras.initializers.GlorotUniform(seed=0)((FAN_IN, FAN_OUT)).numpy()
    limit_squared = float(np.abs(kernel).max()) ** 2 * (FAN_IN + FAN_OUT)
    return f"{1 / float(np.var(uniform)):.0f}", f"{limit_squared:.0f}"


@fact(
    PAGE,
    ko="`GlorotUniform`, `GlorotNormal`, `HeUniform`, `HeNormal`에서 {}×{} 커널",
    en="We sample a {}×{} kernel",
)
def sampled_kernel_shape():
    shown = printed(PAGE, r"GlorotUniform \((\d+), (\d+)\) range")
    return shown[1], shown[2]


@fact(
    PAGE, ko="| `{}` (`Dense`의 기본값) | " + GLOROT, en="| `{}` (the `Dense` default) | " + GLOROT
)
def table_glorot_uniform():
    default = snake_case(type(keras.layers.Dense(1).kernel_initializer).__name__)
    return default, _variance_constant("GlorotUniform", FAN_IN + FAN_OUT)


@fact(PAGE, ko="| `glorot_normal` | " + GLOROT, en="| `glorot_normal` | " + GLOROT)
def table_glorot_normal():
    return _variance_constant("glorot_normal", FAN_IN + FAN_OUT)


@fact(PAGE, ko="| `he_uniform` | " + HE, en="| `he_uniform` | " + HE)
def table_he_uniform():
    return _variance_constant("he_uniform", FAN_IN)


@fact(PAGE, ko="| `he_normal` | " + HE, en="| `he_normal` | " + HE)
def table_he_normal():
    return _variance_constant("he_normal", FAN_IN)


@fact(
    PAGE,
    ko="`Dense`의 `kernel_initializer` 기본값은 `{}`이고, 편향은 {}으로 시작합니다",
    en="`Dense`'s `kernel_initializer` defaults to `{}`, and biases start at {}",
)
def dense_defaults():
    dense = keras.layers.Dense(4)
    dense.build((None, 3))
    (bias,) = set(dense.bias.numpy().tolist())
    return snake_case(type(dense.kernel_initializer).__name__), f"{bias:g}"


@fact(
    PAGE,
    ko="아래 블록이 ReLU {}층에서 확인합니다",
    en="The block below checks it through {} ReLU layers",
)
def correction_depth():
    return _layers()


@fact(PAGE, ko="ReLU 층 {}개를 지나며", en="through {} ReLU layers: weights")
def depth_layers():
    return _layers()


@fact(
    PAGE,
    ko="{}층 뒤에는 사실상 {}이 됩니다",
    en="until it is practically {1} after {0} layers",
)
def tiny_weights_vanish():
    _, layers, last = _depth()["tiny N(0, 0.01)"]
    return layers, f"{round(last, 3):g}"


@fact(
    PAGE,
    ko="He 초기화는 {}층을 지나도 신호의 크기를 유지하고",
    en="He initialization keeps the signal's size through all {} layers",
)
def he_keeps_scale():
    first, layers, last = _depth()["he_normal"]
    assert 0.5 < last / first < 2, "He initialization did not keep the scale"
    return layers
