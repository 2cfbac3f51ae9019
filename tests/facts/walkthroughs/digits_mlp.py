"""Facts the handwritten digits walkthrough states in prose (docs/walkthroughs/digits-mlp.md)."""

import re
import warnings

import keras
import numpy as np
import tensorflow as tf

from keras_kb.facts import fact, notebook_printed

PAGE = "walkthroughs/digits-mlp.md"


def _loaded():
    """(n, height, width, dtype) that the load cell printed."""
    shape = notebook_printed(PAGE, r"\((\d+), (\d+), (\d+)\) (\w+)")
    return shape[1], shape[2], shape[3], shape[4]


def _one_hot():
    row = notebook_printed(PAGE, r"\(\d+, (\d+)\) \[([0-9. ]+)\]")
    vector = np.array(row[2].split(), dtype=float)
    if len(vector) != int(row[1]) or vector.sum() != 1:
        raise ValueError(f"not a one-hot row: {row[0]}")
    return vector


def _gradient_norms(name):
    return np.array(
        notebook_printed(PAGE, rf"{re.escape(name)}\s+\[([^\]]+)\]")[1].split(), dtype=float
    )


def _trained(name):
    """(epochs, test accuracy) that the training cell printed for one network."""
    line = notebook_printed(PAGE, rf"{re.escape(name)}\s+(\d+) epochs: .* test accuracy ([\d.]+)")
    return line[1], float(line[2])


@fact(PAGE, ko="손글씨 숫자를 {}×{}로 키운 것", en="handwritten digits scaled to {}×{}")
def standin_image_size():
    return _loaded()[1:3]


@fact(
    PAGE,
    ko="이미지 `(n, {}, {})`을 벡터 `(n, {})`로 펼칩니다",
    en="Flatten the images `(n, {}, {})` into vectors `(n, {})`",
)
def flattened_shape():
    _, height, width, _ = _loaded()
    flat = notebook_printed(PAGE, r"\(\d+, (\d+)\) \(\d+, \d+\)")[1]
    if int(flat) != int(height) * int(width):
        raise ValueError(f"{height}x{width} images do not flatten to {flat}")
    return height, width, flat


@fact(PAGE, ko="픽셀 값을 {}로 나눠 0~1로", en="divide the pixels by {} to bring them into 0-1")
def pixel_maximum():
    return str(np.iinfo(_loaded()[3]).max)  # uint8: 255


@fact(PAGE, ko="데이터를 {}%와 {}%로 나눠", en="splits the data into {}% and {}%")
def split_percentages():
    before, after = map(int, notebook_printed(PAGE, r"(\d+) -> (\d+)").groups())
    kept = round(100 * after / before)
    return str(kept), str(100 - kept)


@fact(PAGE, ko="노트는 앞의 {}%만 학습에 씁니다", en="Only the first {}% is used for training")
def kept_percentage():
    return split_percentages()[0]


@fact(
    PAGE,
    ko="숫자 {0}는 인덱스 {0}(0부터 셈)만 1인 길이 {1}의 벡터",
    en="the digit {0} becomes a length-{1} vector with a 1 at index {0}",
)
def one_hot_row():
    vector = _one_hot()
    return str(int(vector.argmax())), str(len(vector))


@fact(
    PAGE,
    ko="층에 <code>{}</code>를 넘기면 경고가 나오므로",
    en="Keras 3 warns when a layer gets <code>{}</code>, so",
)
def input_shape_warns():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        keras.layers.Dense(50, input_shape=(784,))
    return re.search(r"Do not pass an `(\w+)`", str(caught[0].message))[1]


@fact(
    PAGE,
    ko="파라미터가 조금 늘어납니다({}개에서 {}개로)",
    en="add a few parameters (from {} to {})",
)
def parameter_counts():
    sigmoid = int(notebook_printed(PAGE, r"Total params: ([\d,]+)")[1].replace(",", ""))
    relu = int(notebook_printed(PAGE, r"^(\d+)\s*$")[1])
    batch_norm = keras.layers.BatchNormalization()
    batch_norm.build((None, 50))
    if relu - sigmoid != 4 * batch_norm.count_params():  # gamma, beta, moving mean, variance
        raise ValueError(f"{relu} - {sigmoid} is not four BatchNormalization layers")
    return f"{sigmoid:,}", f"{relu:,}"


@fact(
    PAGE,
    ko="첫 층의 기울기가 마지막 층보다 {}배 넘게 작습니다",
    en="the first layer's gradient is more than {} times smaller than the last layer's",
)
def sigmoid_gradient_ratio():
    norms = _gradient_norms("sigmoid")
    ratio = norms[-1] / norms[0]
    return "10" if ratio > 10 else f"{ratio:.1f}"


@fact(
    PAGE, ko="층마다 최대 {}인 시그모이드 도함수", en="the sigmoid's derivative, at most {}, once"
)
def sigmoid_derivative_max():
    z = tf.Variable(np.linspace(-10, 10, 2001, dtype="float32"))
    with tf.GradientTape() as tape:
        out = keras.activations.sigmoid(z)
    return f"{tape.gradient(out, z).numpy().max():g}"


@fact(PAGE, ko="같은 SGD(학습률 0.01)로 {} 에포크씩", en="Both train for {} epochs")
def epochs():
    counts = {_trained(name)[0] for name in ("sigmoid", "relu + he + batchnorm")}
    if len(counts) != 1:
        raise ValueError(f"the two networks trained for {counts} epochs")
    return counts.pop()


@fact(
    PAGE, ko="정확도는 찍기 수준({}%)에 머뭅니다", en="its accuracy stays at guessing level ({}%)"
)
def guessing_accuracy():
    chance = 1 / len(_one_hot())
    accuracy = _trained("sigmoid")[1]
    if abs(accuracy - chance) > 0.1:
        raise ValueError(f"the sigmoid network reached {accuracy}, not about {chance}")
    return f"{100 * chance:.0f}"
