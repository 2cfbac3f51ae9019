"""Facts the Dense recipe states in prose (docs/models/dense.md)."""

import keras

from keras_kb.facts import fact, printed

PAGE = "models/dense.md"


@fact(PAGE, ko="기본값은 {}와 {}이므로", en="defaults for `momentum` and `epsilon` are {} and {}")
def batch_normalization_defaults():
    layer = keras.layers.BatchNormalization()
    return f"{layer.momentum:g}", f"{layer.epsilon:g}"


@fact(PAGE, ko="{}개로 학습하고 {}개로 검증합니다", en="{} samples to train on, {} to validate")
def split_sizes():
    shapes = printed(PAGE, r"train \((\d+), \d+\) .* validation \((\d+), \d+\)")
    return shapes[1], shapes[2]


@fact(PAGE, ko="에포크마다 {}번 가중치를 갱신합니다", en="give {} weight updates per epoch")
def updates_per_epoch():
    return printed(PAGE, r"batches in one epoch: (\d+)")[1]
