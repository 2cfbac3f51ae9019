"""Facts the data preparation page states in prose (docs/training/data-preparation.md)."""

import math
import re
from functools import cache

from keras_kb import standins
from keras_kb.facts import fact, printed
from keras_kb.pages import SNIPPETS

PAGE = "training/data-preparation.md"


def power_of_ten(ratio: float) -> tuple[str, str]:
    """The power of ten below ``ratio``, as Korean ("1만") and English ("10,000") write it."""
    power = 10 ** math.floor(math.log10(ratio))
    korean = f"{power // 10_000}만" if power >= 10_000 else f"{power:,}"
    return korean, f"{power:,}"


@fact(
    PAGE,
    ko="첫 층의 기울기가 표준화한 입력보다 {0} 배 넘게 큽니다",
    en="gives first-layer gradients more than {1} times larger than with standardized inputs",
)
def raw_gradient_ratio():
    norms = printed(PAGE, r"\{'raw': '([\d.e+-]+)', 'scaled': '([\d.e+-]+)'\}")
    return power_of_ten(float(norms[1]) / float(norms[2]))


@fact(
    PAGE,
    ko="훈련 데이터의 평균은 정확히 {}이 되지만",
    en="The training data's mean then becomes exactly {} while",
)
def scaled_train_mean():
    means = printed(PAGE, r"after scaling, mean: train \[([-\d. ]+)\]")[1].split()
    return f"{max(abs(float(m)) for m in means):g}"


@fact(PAGE, ko="(특성 0의 평균은 약 {})", en="(feature 0 has a mean of about {})")
def feature_zero_mean():
    return str(round(float(printed(PAGE, r"feature 0: mean ([\d.]+)")[1])))


@fact(PAGE, ko="샘플 {}개로도 거의 다 맞힙니다", en="it gets almost all of {} samples right")
def circle_samples():
    return printed(PAGE, r"(\d+) samples, linear model accuracy")[1]


def _flat_width():
    return int(printed(PAGE, r"(?m)^\(\d+, (\d+)\) \(\d+, \1\)$")[1])


@fact(
    PAGE,
    ko="MNIST 이미지를 `(n, {0}, {1})`에서 `(n, {2})`로 펴고",
    en="flattens the MNIST images from `(n, {0}, {1})` to `(n, {2})`",
)
def mnist_flattened():
    (images, _), _ = standins.mnist_load_data()
    height, width = images.shape[1:]
    assert height * width == _flat_width()
    return str(height), str(width), str(_flat_width())


@fact(PAGE, ko="손글씨 숫자를 {}×{}로 키운 것", en="handwritten digits scaled up to {}×{}")
def standin_image_size():
    (images, _), _ = standins.mnist_load_data()
    return tuple(str(side) for side in images.shape[1:])


@fact(PAGE, ko="훈련 데이터의 {}%만 남기고", en="keeps {}% of the training data")
def kept_share():
    kept = printed(PAGE, r"(\d+) of (\d+)")
    return str(round(100 * int(kept[1]) / int(kept[2])))


@fact(
    PAGE, ko="0~9가 다 있어 {}열이 되지만", en="both splits contain all of 0-9 and get {} columns"
)
def mnist_one_hot_columns():
    return printed(PAGE, r"\(\d+, (\d+)\) \[[01. ]+\]")[1]


@fact(
    PAGE,
    ko="그쪽만 {}열이 되어 출력이 {}개인 모델과 맞지 않습니다",
    en="gets only {} columns and no longer fits a model with {} outputs",
)
def missing_class_columns():
    columns = printed(PAGE, r"(?m)^\((\d+), (\d+)\)\n\(\1, (\d+)\)$")
    outputs = printed(PAGE, r"(?m)^\(\d+, (\d+)\) \[[\d.]+ [\d.]+\]$")[1]
    assert columns[3] == outputs  # num_classes=10 fits the model
    return columns[2], outputs


@fact(PAGE, ko="`sigmoid` 은닉층 {}개를 쌓습니다", en="stacks {} `sigmoid` hidden layers")
def sigmoid_hidden_layers():
    return printed(PAGE, r"(\d+) sigmoid layers")[1]


@fact(
    PAGE,
    ko="마지막 `softmax`는 출력 {}개의 합이 {}이 되도록",
    en="The final `softmax` normalizes the {} outputs to sum to {}",
)
def softmax_outputs():
    shape = printed(PAGE, r"(?m)^\(\d+, (\d+)\) \[([\d.]+) ([\d.]+)\]$")
    sums = {f"{float(shape[2]):g}", f"{float(shape[3]):g}"}
    (total,) = sums
    return shape[1], total


@cache
def _kfold_figure():
    """The K-fold figure's module, its folds and means checked against the page's example."""
    from keras_kb.commands.figures import _module

    figure = _module(SNIPPETS / "figures" / "kfold.py")
    example = (SNIPPETS / "training" / "data_preparation.py").read_text(encoding="utf-8")
    splits = re.search(r"KFold\(n_splits=(\d+), shuffle=True, random_state=0\)", example)
    assert splits and int(splits[1]) == figure.FOLDS, "the figure's folds are not the page's"
    assert f"x_raw[:{figure.SAMPLES}]" in example, "the figure's sample count is not the page's"
    scaler_means = [float(m) for m in re.findall(r"scaler mean \[([\d.]+),", printed(
        PAGE, r"(?:scaler mean \[[\d., ]+\] \| fold's training part \[[\d., ]+\]\n?)+")[0])]
    assert [round(m, 1) for m in figure.training_means()] == scaler_means, scaler_means
    return figure


@fact(
    PAGE,
    ko="`KFold(n_splits={0}, shuffle=True, random_state=0)`가 샘플 {1}개를 나누는 방식입니다. "
    "섞은 샘플을 {2}의 폴드로",
    en="`KFold(n_splits={0}, shuffle=True, random_state=0)` splits its {1} samples. The "
    "shuffled samples are cut into folds of {3}",
)
def kfold_figure_folds():
    figure = _kfold_figure()
    sizes = [str(len(part)) for part in figure.folds()]
    return (str(figure.FOLDS), str(figure.SAMPLES), ", ".join(f"{n}개" for n in sizes),
            ", ".join(sizes[:-1]) + " and " + sizes[-1])


@fact(
    PAGE,
    ko="K-폴드 교차 검증: 폴드 {}개의 각 줄에서",
    en="K-fold cross-validation: in each of the {} fold rows",
)
def kfold_figure_alt_text():
    return str(_kfold_figure().FOLDS)
