"""Facts the XOR walkthrough states in prose (docs/walkthroughs/xor.md)."""

import inspect
import re

import keras
import numpy as np

from keras_kb.facts import fact, notebook_printed
from tests.support.library import derivative, sigmoid_peak_slope

PAGE = "walkthroughs/xor.md"


def _same(values):
    if len(set(values)) != 1:
        raise ValueError(f"the three models differ: {values}")
    return values[0]


@fact(
    PAGE,
    ko="Keras의 기본 초기화(`{}`, Xavier 초기화)",
    en="Keras's default initialization (`{}`, Xavier initialization)",
)
def default_kernel_initializer():
    name = type(keras.layers.Dense(1).kernel_initializer).__name__  # GlorotUniform
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@fact(
    PAGE,
    ko="가중치의 표준편차를 `sqrt({} / fan_in)`(`fan_in`은 층의 입력 수)",
    en="a standard deviation of `sqrt({} / fan_in)` (`fan_in` is the layer's number of inputs)",
)
def he_normal_scale():
    fan_in = 1000
    weights = keras.initializers.HeNormal(seed=0)((fan_in, 1000)).numpy()
    return f"{weights.var() * fan_in:.0f}"  # variance x fan_in: 2


@fact(
    PAGE,
    ko="세 모델의 파라미터 수는 {}개로 같습니다",
    en="All three models have the same number of parameters, {}.",
)
def parameter_count():
    shown = notebook_printed(PAGE, r"\{'sigmoid[^}]*\}")[0]
    return _same(re.findall(r": (\d+)", shown))


@fact(
    PAGE,
    ko="배치 크기 4로 같은 횟수({}번)만큼 갱신합니다",
    en="make the same number of updates ({}) with batches of 4",
)
def updates():
    counts = [
        notebook_printed(PAGE, rf"{name}\s.*\((\d+) updates\)")[1]
        for name in ("sigmoid", "relu", "leaky_relu")
    ]
    return _same(counts)


@fact(
    PAGE,
    ko="시그모이드 MLP의 손실은 log 2 ≈ {} 근처에 머뭅니다",
    en="The sigmoid MLP's loss stays near log 2 ≈ {}.",
)
def loss_of_guessing():
    y = np.array([0, 1, 1, 0], dtype="float32")
    guess = float(keras.losses.binary_crossentropy(y, np.full(4, 0.5, dtype="float32")))
    final = float(notebook_printed(PAGE, r"sigmoid \+ glorot_uniform\s+loss [\d.]+ -> ([\d.]+)")[1])
    if not np.isclose(guess, np.log(2), atol=1e-4) or abs(final - guess) > 0.05:
        raise ValueError(f"0.5 everywhere costs {guess}; the sigmoid MLP ends at {final}")
    return f"{guess:.3f}"


@fact(
    PAGE,
    ko="시그모이드의 도함수는 최댓값이 {}이고",
    en="The sigmoid's derivative is at most {} and",
)
def sigmoid_derivative_max():
    return f"{sigmoid_peak_slope():g}"


@fact(
    PAGE,
    ko="**ReLU 계열은 기울기가 {}이다.** 양수 구간에서 도함수가 {}이라",
    en="**ReLU-type activations have slope {}.** Their derivative is {} for positive inputs",
)
def relu_derivative_for_positive_inputs():
    slopes = {
        f"{d:g}"
        for activation in (keras.activations.relu, keras.activations.leaky_relu)
        for d in derivative(activation, [0.1, 1.0, 5.0])
    }
    return (_same(sorted(slopes)),) * 2


@fact(
    PAGE,
    ko='(`"leaky_relu"` 활성화의 기본값 {}, 위 셀에서 확인)',
    en='({} by default for the `"leaky_relu"` activation, checked above)',
)
def leaky_relu_slope():
    default = inspect.signature(keras.activations.leaky_relu).parameters["negative_slope"].default
    if notebook_printed(PAGE, r"negative_slope: ([\d.]+)")[1] != f"{default:g}":
        raise ValueError("the notebook printed another slope")
    return f"{default:g}"
