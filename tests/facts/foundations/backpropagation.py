"""Facts the backpropagation page states in prose (docs/foundations/backpropagation.md)."""

import ast
import math

import keras
import numpy as np
from sklearn.model_selection import train_test_split

from keras_kb.facts import fact, printed
from tests.support.library import sigmoid_peak_slope

PAGE = "foundations/backpropagation.md"
MATRIX = "${}$ | $\\begin{{pmatrix}} {} & {} \\\\ {} & {} \\end{{pmatrix}}$"


def _matrices():
    """W1 and W2 as the network block printed them."""
    shown = printed(PAGE, r"W1 (\[\[.*?\]\]) W2 (\[\[.*?\]\])")
    return np.array(ast.literal_eval(shown[1])), np.array(ast.literal_eval(shown[2]))


def _vector(name):
    return [f"{float(v):g}" for v in printed(PAGE, rf"\b{name} \[([^\]]+)\]")[1].split()]


def _hidden_layers():
    return printed(PAGE, r"mean output of sigmoid layer (\d+) \(the last\)")[1]


def _classes():
    return int(printed(PAGE, r"batch: \(\d+, \d+\) \(\d+, (\d+)\)")[1])


def _power_of_ten(value):
    mantissa, exponent = f"{value:.1e}".split("e")
    return mantissa, str(int(exponent))


@fact(PAGE, ko="예제 신경망: {}-{}-{}", en="The example network: {}-{}-{}")
def network_shape():
    w1, w2 = _matrices()
    return str(w1.shape[0]), str(w1.shape[1]), str(w2.shape[1])


@fact(
    PAGE,
    ko="입력 {}개, 은닉 뉴런 {}개, 출력 뉴런 {}개",
    en="with {} inputs, {} hidden neurons and {} output neurons",
)
def layer_sizes():
    return network_shape()


@fact(PAGE, ko="$\\mathbf{{x}}$ | $({}, {})$ | 입력", en="$\\mathbf{{x}}$ | $({}, {})$ | inputs")
def inputs_in_table():
    return tuple(_vector("x"))


@fact(PAGE, ko="$\\mathbf{{t}}$ | $({}, {})$ | 목표값", en="$\\mathbf{{t}}$ | $({}, {})$ | targets")
def targets_in_table():
    return tuple(_vector("t"))


@fact(PAGE, ko=MATRIX, en=MATRIX)
def w1_in_table():
    return ("W_1", *(f"{v:.2f}" for v in _matrices()[0].ravel()))


@fact(PAGE, ko=MATRIX.replace("{}", "W_2", 1), en=MATRIX.replace("{}", "W_2", 1))
def w2_in_table():
    return tuple(f"{v:.2f}" for v in _matrices()[1].ravel())


@fact(
    PAGE,
    ko="학습률 {}로 한 번 갱신하면 ($W \\leftarrow W - {} \\,",
    en="One update with learning rate {} ($W \\leftarrow W - {} \\,",
)
def hand_update_learning_rate():
    shown = printed(PAGE, r"learning rate (\S+): E (\S+) -> (\S+)")
    assert float(shown[3]) < float(shown[2]), "the update did not lower the error"
    return shown[1], shown[1]


@fact(PAGE, ko="`SGD(learning_rate={})`의 한 걸음은", en="one step of `SGD(learning_rate={})`")
def keras_step_learning_rate():
    return printed(PAGE, r"learning rate (\S+): E")[1]  # the same rate as the hand update


@fact(
    PAGE,
    ko="`sigmoid`의 도함수는 아무리 커도 {}이므로",
    en="The derivative of `sigmoid` is at most {},",
)
def sigmoid_slope_peak():
    return f"{sigmoid_peak_slope():g}"


@fact(
    PAGE,
    ko="많아야 ${}^{{10}} \\approx 10^{{{}}}$입니다",
    en="multiply to at most ${}^{{10}} \\approx 10^{{{}}}$",
)
def ten_sigmoid_layers_bound():
    peak = sigmoid_peak_slope()
    return f"{peak:g}", str(round(math.log10(peak**10)))


@fact(
    PAGE, ko="`sigmoid`의 출력은 {}과 {} 사이이고", en="A `sigmoid`'s output lies between {} and {}"
)
def sigmoid_range():
    ends = keras.activations.sigmoid(np.array([-100.0, 100.0])).numpy()
    return tuple(f"{v:.0f}" for v in ends)


@fact(PAGE, ko="0 근처에서는 {}이므로", en="and is {} near 0")
def sigmoid_at_zero():
    return f"{float(keras.activations.sigmoid(np.array(0.0))):g}"


@fact(
    PAGE,
    ko="마지막인 {}번째 `sigmoid` 층의 출력 평균은 약 {}입니다",
    en="the mean output of `sigmoid` layer {}, the last, is about {}",
)
def last_sigmoid_mean_output():
    shown = printed(PAGE, r"mean output of sigmoid layer (\d+) \(the last\): (\S+)")
    return shown[1], f"{float(shown[2]):.1f}"


@fact(PAGE, ko="MNIST 이미지를 {}차원으로 펴서", en="flattens MNIST images to {} values")
def flattened_inputs():
    return printed(PAGE, r"batch: \(\d+, (\d+)\)")[1]


@fact(PAGE, ko="은닉층 {}개로 깊게 만들고", en="We make it deep with {} hidden layers")
def hidden_layer_count():
    return _hidden_layers()


@fact(PAGE, ko="{}개 샘플의 손실에 대한", en="for the loss on {} samples")
def gradient_batch_size():
    return printed(PAGE, r"batch: \((\d+), \d+\)")[1]


@fact(
    PAGE,
    ko="첫 층 기울기는 마지막 층의 $10^{{{}}}$배도 안 되지만",
    en="less than $10^{{{}}}$ times the last layer's",
)
def sigmoid_gradient_ratio_order():
    ratio = float(printed(PAGE, r"sigmoid +first layer .* ratio (\S+)")[1])
    return str(math.ceil(math.log10(ratio)))


@fact(
    PAGE,
    ko="비율은 ${}^{} \\approx {} \\times 10^{{{}}}$보다 큽니다",
    en="ratio is larger than ${}^{} \\approx {} \\times 10^{{{}}}$",
)
def sigmoid_ratio_above_derivative_bound():
    peak, layers = sigmoid_peak_slope(), int(_hidden_layers())
    ratio = float(printed(PAGE, r"sigmoid +first layer .* ratio (\S+)")[1])
    assert ratio > peak**layers, "the ratio is not above the derivatives' bound"
    return (f"{peak:g}", str(layers), *_power_of_ten(peak**layers))


@fact(
    PAGE,
    ko="`sigmoid` 층 {}개의 도함수 곱은 ${}^{}$ 이하",
    en="the derivatives of the {} `sigmoid` layers between the first and the last kernel "
    "multiply to at most ${}^{}$",
)
def derivative_product_bound():
    layers = _hidden_layers()
    return layers, f"{sigmoid_peak_slope():g}", layers


@fact(
    PAGE,
    ko="같은 `SGD`로 {} 에포크 학습한 깊은 `sigmoid` 망은 찍는 수준({}%)에 머뭅니다",
    en="after {} epochs of the same `SGD`, the deep `sigmoid` network stays at guessing level "
    "({}%)",
)
def deep_sigmoid_guesses():
    shown = printed(PAGE, r"sigmoid +training accuracy after (\d+) epochs: (\S+)")
    guess = 1 / _classes()
    assert abs(float(shown[2]) - guess) < 0.05, "the deep sigmoid network is not guessing"
    return shown[1], f"{100 * guess:g}"


def _train_share():
    first, _ = train_test_split(np.arange(100), test_size=0.67, random_state=0)
    return str(len(first))  # of 100 samples: a percentage


@fact(PAGE, ko="훈련 데이터의 {}%만 썼는데", en="to keep {}% of the training data")
def note_train_share():
    return _train_share()


@fact(
    PAGE,
    ko="곧 나머지 $1-p$ 다음 $p$ 순서로 돌려주므로 첫 번째가 {}%입니다",
    en="so the first part is the {}%",
)
def note_first_part_share():
    return _train_share()
