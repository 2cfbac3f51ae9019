"""Facts the regularization page states in prose (docs/training/regularization.md)."""

import math
import re
from functools import cache

from keras_kb.facts import fact, printed
from keras_kb.pages import SNIPPETS

PAGE = "training/regularization.md"


@cache
def _figure():
    """(the three degrees, the number of points) of the over/underfitting figure, drawn."""
    import matplotlib

    matplotlib.use("Agg")
    from keras_kb.commands.figures import _module

    figure = _module(SNIPPETS / "figures" / "over_underfit.py").draw(lambda ko, en: en)
    degrees = [re.search(r"degree (\d+)", ax.get_title())[1] for ax in figure.axes]
    (points,) = {len(ax.collections[0].get_offsets()) for ax in figure.axes}
    return (*degrees, str(points))


@fact(
    PAGE,
    ko="잡음이 섞인 점 {3}개에 차수가 다른 다항식을 맞춘 것입니다. 차수 {0}(직선)",
    en="to the same {3} noisy points. Degree {0} (a straight line)",
)
def figure_points_and_line():
    return _figure()


@fact(PAGE, ko="차수 {2}는 잡음까지 외워", en="Degree {2} memorizes the noise too")
def figure_overfit_degree():
    return _figure()


@fact(
    PAGE,
    ko="차수 {}, {}, {}의 다항식을 같은 점 {}개에",
    en="Polynomials of degree {}, {} and {} fitted to the same {} points",
)
def figure_alt_text():
    return _figure()


def _sizes():
    """(training samples, features, validation samples, "more data" samples)"""
    return printed(PAGE, r"\((\d+), (\d+)\) \((\d+), \2\) \((\d+), \2\)").groups()


@fact(PAGE, ko="입력 특성 {}개, 레이블을", en="Binary classification data with {} input features")
def features():
    return _sizes()[1]


@fact(
    PAGE,
    ko="일부러 훈련 샘플을 {}개만 두고, 검증 샘플은 {}개 둡니다",
    en="The training set has only {} samples on purpose; the validation set has {}",
)
def split_sizes():
    train, _, val, _ = _sizes()
    return train, val


@fact(PAGE, ko="샘플 {}개에 비해 용량이 너무 큽니다", en="far too much capacity for {} samples")
def overfit_samples():
    return _sizes()[0]


def _capacity():
    """{units: (train loss, lowest val_loss, last val_loss)} from the printed table."""
    table = printed(PAGE, r"units  train_loss  best_val_loss  last_val_loss\n((?:.+\n?){3})")[1]
    rows = [line.split() for line in table.strip().splitlines()]
    return {units: tuple(map(float, losses)) for units, *losses in rows}


@fact(
    PAGE,
    ko="유닛 수를 {}, {}, {}로 키워 봅니다",
    en="one hidden layer grows from {} to {} to {} units",
)
def capacity_units():
    return tuple(_capacity())


@fact(
    PAGE,
    ko="{0}유닛은 마지막 검증 손실이 세 모델 중 가장 높습니다",
    en="the {0}-unit model ends with the highest validation loss of the three",
)
def capacity_overfits():
    rows = _capacity()
    (lowest_train,) = [u for u in rows if rows[u][0] == min(r[0] for r in rows.values())]
    highest_last = max(rows, key=lambda u: rows[u][2])
    assert lowest_train == highest_last, rows  # "the lowest training loss, but ..."
    return highest_last


@fact(
    PAGE,
    ko="아래 실험의 {}유닛 모델도 검증 손실이",
    en="the validation loss of the {}-unit model also",
)
def correction_model():
    rows = _capacity()
    largest = max(rows, key=int)
    assert rows[largest][2] > rows[largest][1], rows  # its last value is above its minimum
    return largest


@fact(
    PAGE,
    ko="마지막 층보다 {0} 배 넘게 작아집니다",
    en="more than {1} times smaller than the last layer's",
)
def vanishing_gradient_ratio():
    norms = printed(
        PAGE,
        r"batch_norm=False: gradient norm first layer ([\d.e+-]+), "
        r"last layer ([\d.e+-]+)",
    )
    power = 10 ** math.floor(math.log10(float(norms[2]) / float(norms[1])))
    korean = f"{power // 10_000}만" if power >= 10_000 else f"{power:,}"
    return korean, f"{power:,}"


@fact(PAGE, ko="같은 모델을 샘플 {}개로 학습하면", en="Trained on {} samples, the same model")
def more_data_samples():
    more = printed(PAGE, r"lowest val_loss: (\d+) samples [\d.]+, (\d+) samples")
    assert more[1] == _sizes()[0]
    return f"{int(more[2]):,}"


@cache
def _dropout_figure():
    """(rate, hidden units, units switched off, scale of the kept ones) of the dropout figure,
    the rate checked against the page's example and the scale against Keras's Dropout."""
    import keras
    import numpy as np

    from keras_kb.commands.figures import _module

    figure = _module(SNIPPETS / "figures" / "dropout.py")
    rate, keep = figure.RATE, figure.mask()
    example = (SNIPPETS / "training" / "regularization.py").read_text(encoding="utf-8")
    assert f"build_model(dropout={rate:g}," in example, "the figure's rate is not the page's"
    assert 0 < keep.sum() < keep.size and keep.any(axis=1).all(), keep  # some off, none empty
    kept = keras.layers.Dropout(rate, seed=0)(np.ones((1, 1000), "float32"), training=True)
    (scale,) = {float(v) for v in np.asarray(kept).ravel()} - {0.0}
    assert scale == 1 / (1 - rate), scale
    return f"{rate:g}", str(keep.size), str(keep.size - keep.sum()), f"{scale:g}"


@fact(
    PAGE,
    ko="비율 {0}로 뽑은 마스크 하나가 은닉 유닛 {1}개 중 {2}개를 끄고, 남은 유닛의 출력은 {3}배가",
    en="One mask drawn at rate {0} switches off {2} of the {1} hidden units, and the outputs of "
    "the kept units are multiplied by {3}",
)
def dropout_figure_mask():
    return _dropout_figure()


@fact(
    PAGE,
    ko="Dropout({0}) 마스크가 은닉 유닛 일부를 끄고 남은 유닛을 {3}배로",
    en="a Dropout({0}) mask that switches some hidden units off and multiplies the kept ones "
    "by {3}",
)
def dropout_figure_alt_text():
    return _dropout_figure()
