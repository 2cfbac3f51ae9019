"""Facts the FAQ states in prose (docs/appendix/faq.md)."""

import ast
import math

import keras
import numpy as np

from keras_kb.facts import fact, printed, raised
from tests.support.library import derivative, sigmoid_peak_slope

PAGE = "appendix/faq.md"


@fact(
    PAGE,
    ko="{}차원 입력 `(배치, 타임스텝, 특성)`",
    en="on a {}-dimensional input `(batch, timesteps, features)`",
)
def dense_input_rank():
    shapes = ast.literal_eval(printed(PAGE, r"\[\(None, 20, 16\).*\]")[0])
    return str(len(shapes[0]))  # what the first LSTM hands the Dense


@fact(
    PAGE,
    ko="출력 유닛이 {}에 갇히면(죽은 ReLU) 기울기도 {}이 됩니다",
    en="an output unit stuck at {} (a dead ReLU) gets a gradient of {}",
)
def dead_relu():
    smallest = float(printed(PAGE, r"smallest ReLU output: ([-\d.]+)")[1])
    gradient = derivative(keras.activations.relu, [-3.0, -0.5]).max()
    return f"{smallest:g}", f"{gradient:g}"


def _sgns_shapes():
    return ast.literal_eval(printed(PAGE, r"\[\(None, 1, \d+\).*\]")[0])


@fact(PAGE, ko="임베딩 차원인 축 {}를 따라 구합니다", en="runs along axis {}, the embedding axis")
def dot_axis():
    return str(len(_sgns_shapes()[0]) - 1)  # the last axis of (batch, 1, dim)


@fact(PAGE, ko="결과는 `(배치, {})`입니다", en="The result is `(batch, {})`")
def dot_shape():
    return ", ".join(str(size) for size in _sgns_shapes()[1][1:])


@fact(PAGE, ko="동전 던지기 수준인 ln 2 ≈ {} 근처에", en="the loss stays near ln 2 ≈ {}")
def coin_toss_loss():
    loss = float(printed(PAGE, r"loss after one epoch: ([\d.]+)")[1])
    if abs(loss - math.log(2)) > 0.05:
        raise ValueError(f"the loss after one epoch is {loss}")
    return f"{math.log(2):.2f}"


@fact(
    PAGE,
    ko='`layers[{}]`"도 맞습니다. `layers[{}]`과 `[{}]`이 두 `Input`이기 때문입니다',
    en='`layers[{}]`" is right too: `layers[{}]` and `[{}]` are the two `Input`s',
)
def sgns_layer_indices():
    word, context = keras.Input(shape=(1,)), keras.Input(shape=(1,))
    dot = keras.layers.Dot(axes=2)(
        [keras.layers.Embedding(5, 2)(word), keras.layers.Embedding(5, 2)(context)]
    )
    layers = keras.Model([word, context], dot).layers
    inputs = [i for i, layer in enumerate(layers) if isinstance(layer, keras.layers.InputLayer)]
    first = next(i for i, layer in enumerate(layers) if isinstance(layer, keras.layers.Embedding))
    if printed(PAGE, r"^(\w+) \(\d+, \d+\)")[1] != "Embedding":  # the page's own layers[2]
        raise ValueError("the page's layers[2] is not an Embedding")
    return str(first), *map(str, inputs)


@fact(PAGE, ko="점 {}개에 선형 SVM을 맞춰", en="fits a linear SVM to {} points")
def svm_points():
    return printed(PAGE, r"(\d+) points, support vectors")[1]


@fact(
    PAGE, ko="직선 양쪽으로 같은 거리({})에 있음을", en="at the same distance ({}) on either side"
)
def svm_margin():
    distances = np.array(
        printed(PAGE, r"signed distance to the line: \[([^\]]+)\]")[1].split(), dtype=float
    )
    if len(set(np.abs(distances))) != 1 or not ((distances < 0).any() and (distances > 0).any()):
        raise ValueError(f"support vectors at {distances}")
    return f"{abs(distances[0]):g}"


@fact(PAGE, ko="출력이 ({}, {})이라 확률로", en="its output in ({}, {}) reads as a probability")
def sigmoid_range():
    low, high = keras.activations.sigmoid(np.array([-1e3, 1e3], dtype="float32")).numpy()
    return f"{low:g}", f"{high:g}"


@fact(
    PAGE,
    ko="도함수의 최댓값이 {}라 층을 지날 때마다",
    en="its derivative is at most {}, so gradients shrink",
)
def sigmoid_derivative_max():
    if printed(PAGE, r"largest sigmoid derivative: ([\d.]+)")[1] != f"{sigmoid_peak_slope():g}":
        raise ValueError("the page printed another maximum")
    return f"{sigmoid_peak_slope():g}"


@fact(PAGE, ko="`sigmoid`의 도함수는 최대 {}이므로", en="`sigmoid`'s derivative is at most {}, so")
def sigmoid_derivative_max_in_correction():
    return f"{sigmoid_peak_slope():g}"


@fact(PAGE, ko="마지막 층보다 {0} 배 넘게 작음을", en="more than {1} times smaller than the last")
def vanishing_gradient_ratio():
    first, last = printed(
        "training/regularization.md",
        r"batch_norm=False: gradient norm first layer ([\d.e+-]+), "
        r"last layer ([\d.e+-]+)",
    ).groups()
    if float(last) / float(first) <= 100_000:
        raise ValueError(
            f"the first layer's gradient is only {float(last) / float(first):.0f}x smaller"
        )
    return "10만", "100,000"


@fact(
    PAGE,
    ko="{} EiB($2^{{{}}}$바이트)짜리 배열을 요청하면 바로 `{}`가",
    en="asking for a {} EiB ($2^{{{}}}$ bytes) array fails at once with `{}`",
)
def memory_error():
    error = raised(PAGE, r"^(\w+): Unable to allocate ([\d.]+) EiB .* shape \((\d+),\)")
    size = int(error[3])
    if size != 2 ** round(math.log2(size)):
        raise ValueError(f"{size} bytes is not a power of 2")
    return f"{float(error[2]):g}", str(round(math.log2(size))), error[1]
