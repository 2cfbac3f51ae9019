"""Facts the epochs and batches page states in prose (docs/foundations/epochs-batches.md)."""

import inspect
import math
import re

import keras
import numpy as np

from keras_kb.facts import fact, printed

PAGE = "foundations/epochs-batches.md"


def _count():
    """(samples, epochs, iterations per epoch, total) from the 2,000-sample run."""
    shown = printed(
        PAGE,
        r"([\d,]+) samples, (\d+) epochs; iterations per epoch: \[(\d+)[^\]]*\] "
        r"\.\.\. total: (\d+)",
    )
    steps = printed(PAGE, r"optimizer steps: (\d+)")[1]
    assert steps == shown[4], "the optimizer counted other updates than the callback"
    return shown[1], shown[2], shown[3], shown[4]


def _advice():
    """{batch size: updates per epoch} for note 000's 25,000 samples."""
    lines = printed(PAGE, r"(?:[\d,]+ samples, batch_size=\d+: [\d,]+ updates per epoch\n?)+")[0]
    found = re.findall(r"([\d,]+) samples, batch_size=(\d+): ([\d,]+) updates", lines)
    return found[0][0], {size: updates for _, size, updates in found}


def _early_stopping_runs():
    found = re.findall(
        r"restore_best_weights=(\w+): best epoch (\d+), stopped after epoch (\d+)",
        printed(PAGE, r"(?:restore_best_weights=.*\n?)+")[0],
    )
    return {restore: (int(best), int(stopped)) for restore, best, stopped in found}


@fact(
    PAGE,
    ko="샘플이 {}개이고 `epochs={}`, `batch_size=500`이면, "
    "한 에포크는 크기 500인 배치 {}개, 곧 {}번의 반복",
    en="With {} samples, `epochs={}` and `batch_size=500`, one epoch is split into {} batches of "
    "500, that is, {} iterations",
)
def iterations_per_epoch():
    samples, epochs, per_epoch, _ = _count()
    return samples, epochs, per_epoch, per_epoch


@fact(
    PAGE,
    ko="전체 데이터셋은 {}번 학습되고, 반복 기준으로는 가중치가 모두 {}번 갱신됩니다",
    en="The whole data set is learned {} times; counted in iterations, the weights are updated {} "
    "times",
)
def total_updates():
    _, epochs, _, total = _count()
    return epochs, total


@fact(
    PAGE,
    ko="\\frac{{{}}}{{500}} \\right\\rceil = {}, \\qquad \\text{{전체 반복}} = {} \\times {} = {}",
    en="\\frac{{{}}}{{500}} \\right\\rceil = {}, \\qquad "
    "\\text{{total iterations}} = {} \\times {} = {}",
)
def iterations_formula():
    samples, epochs, per_epoch, total = _count()
    return samples.replace(",", ""), per_epoch, epochs, per_epoch, total


@fact(
    PAGE,
    ko="갱신 횟수도 처음부터가 아니라 {}에서 이어서 셉니다",
    en="the optimizer's count of updates goes on from {}",
)
def second_fit_continues():
    total = _count()[3]
    added = printed(PAGE, r"batch_size=500: (\d+) iterations")[1]
    so_far = printed(PAGE, r"optimizer steps so far: (\d+)")[1]
    assert int(so_far) == int(total) + int(added), "the second fit started over"
    return total


@fact(PAGE, ko="기본값 {}가 쓰입니다", en="the default of {} is used")
def default_batch_size():
    """Fit 1,000 samples without `batch_size`: only one batch size gives that many updates."""
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.zeros((1000, 1)), np.zeros(1000), epochs=1, verbose=0)
    steps = int(model.optimizer.iterations)
    (size,) = [b for b in range(1, 1001) if math.ceil(1000 / b) == steps]
    return str(size)


@fact(
    PAGE,
    ko="{}개에서 {}이면 에포크당 {}번, {}이면 {}번 갱신합니다",
    en="With {} samples, {} gives {} updates per epoch and {} gives {}",
)
def note_batch_sizes():
    samples, updates = _advice()
    (small, few), (large, many) = sorted(updates.items(), key=lambda item: int(item[0]))
    return samples, small, few, large, many


@fact(
    PAGE,
    ko="샘플 {}개로 큰 모델을 {} 에포크 학습하면, 훈련 손실은 {}에 가까워지지만",
    en="Train a big model on {} samples for {} epochs: the training loss approaches {}",
)
def overfitting_run():
    shown = printed(PAGE, r"(\d+) epochs on (\d+) samples: .* training loss (\S+)")
    return shown[2], shown[1], f"{round(float(shown[3]), 1):g}"


@fact(
    PAGE,
    ko="같은 모델을 `patience={}`으로 두 번 학습하고",
    en="the same model is trained twice with `patience={}`",
)
def patience_in_run():
    (gap,) = {stopped - best for best, stopped in _early_stopping_runs().values()}
    return str(gap)  # EarlyStopping stopped that many epochs after the best one


@fact(
    PAGE,
    ko="기본값(`restore_best_weights={}`)에서는",
    en="by default (`restore_best_weights={}`)",
)
def restore_best_weights_default():
    parameters = inspect.signature(keras.callbacks.EarlyStopping).parameters
    return str(parameters["restore_best_weights"].default)
