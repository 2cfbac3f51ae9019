"""Facts the transfer learning page states in prose (docs/models/transfer-learning.md)."""

import inspect
import math
import re

import keras
import numpy as np
from keras.src.applications import mobilenet_v2 as mobilenet_v2_source

from keras_kb.facts import fact, printed

PAGE = "models/transfer-learning.md"


def _source_list(pattern: str) -> str:
    """A list of values the MobileNetV2 source checks ImageNet weights against."""
    found = re.search(pattern, inspect.getsource(mobilenet_v2_source.MobileNetV2))
    return ", ".join(value.strip() for value in found[1].split(","))


@fact(
    PAGE,
    ko="`~/.keras/{}`에 저장하고",
    en="keeps it in `~/.keras/{}`",
)
def weights_cache():
    source = inspect.getsource(mobilenet_v2_source.MobileNetV2)
    subdirs = set(re.findall(r'cache_subdir="(\w+)"', source))
    assert len(subdirs) == 1, subdirs
    assert "os.path.expanduser" in inspect.getsource(keras.src.backend.config) and (
        '".keras"' in inspect.getsource(keras.src.backend.config)
    )  # the default Keras home is ~/.keras
    return subdirs.pop()


@fact(
    PAGE,
    ko="`alpha`가 {} 중 하나이고 입력이 {} 크기의 정사각형일 때",
    en="`alpha` one of {} and square inputs of size {},",
)
def imagenet_weight_variants():
    alphas = _source_list(r"alpha not in \[([\d., ]+)\]")
    rows = _source_list(r"rows not in \[([\d, ]+)\]")
    assert alphas.split(", ")[0] == "0.35" and rows.split(", ")[0] == "96"  # the smallest
    return alphas, rows


@fact(
    PAGE,
    ko="기반 모델은 층 {}개, 파라미터 {}개이고 출력은 `{}` 특성 맵입니다. 분류기를 포함하면 "
    "출력이 `{}`이 되고 파라미터가 {}개로",
    en="the base model has {} layers and {} parameters, and its output is a `{}` feature map. "
    "With the classifier, the output becomes `{}` and the parameters grow to {}.",
)
def base_and_top():
    layers = printed(PAGE, r"mobilenetv2_\S+ \| (\d+) layers")[1]
    without = printed(PAGE, r"include_top=False: (\([^)]*\)) ([\d,]+) parameters")
    with_top = printed(PAGE, r"include_top=True: +(\([^)]*\)) ([\d,]+) parameters")
    return layers, without[2], without[1], with_top[1], with_top[2]


@fact(
    PAGE,
    ko="ImageNet의 {}개 클래스를 위한 `Dense` 층",
    en="the `Dense` layer for ImageNet's {} classes",
)
def imagenet_classes():
    classes = printed(PAGE, r"include_top=True: +\(None, (\d+)\)")[1]
    return f"{int(classes):,}"


@fact(
    PAGE,
    ko="`[0, 255]`의 픽셀 값을 `[{}, {}]`로 옮기고",
    en="maps pixel values in `[0, 255]` to `[{}, {}]`",
)
def mobilenet_v2_range():
    low, high = keras.applications.mobilenet_v2.preprocess_input(
        np.array([0.0, 255.0], dtype="float32"))
    return f"{low:g}", f"{high:g}"


@fact(
    PAGE,
    ko="새 `Dense`의 {}개(가중치 {}개와 편향 1개)뿐이고, 기반 모델의 {}개는",
    en="the new `Dense` layer's {} ({} weights and 1 bias); the base model's {} are",
)
def trainable_params():
    trainable = printed(PAGE, r"Trainable params: ([\d,]+)")[1]
    frozen = printed(PAGE, r"Non-trainable params: ([\d,]+)")[1]
    features = printed(PAGE, r"global_average_pooling2d\S* +│ \(None, (\d+)\)")[1]
    assert int(trainable.replace(",", "")) == int(features) + 1
    return trainable, f"{int(features):,}", frozen


@fact(
    PAGE,
    ko="값 {}개의 벡터로 줄이고",
    en="to a vector of {} values",
)
def pooled_features():
    features = printed(PAGE, r"global_average_pooling2d\S* +│ \(None, (\d+)\)")[1]
    return f"{int(features):,}"


@fact(
    PAGE,
    ko="찍기 수준인 ln 2 ≈ {}에 머뭅니다",
    en="the loss stays at ln 2 ≈ {}, chance level",
)
def chance_loss():
    loss = printed(PAGE, r"loss after one epoch: ([\d.]+)")[1]
    chance = f"{math.log(2):.3f}"
    assert loss == chance, (loss, chance)
    return chance


@fact(
    PAGE,
    ko="`Adam`의 기본값 {}보다",
    en="far below `Adam`'s default of {}",
)
def adam_default_rate():
    return f"{float(keras.optimizers.Adam().learning_rate):g}"


@fact(
    PAGE,
    ko="동결한 층(`{}`)과 배치 정규화 층 {}개는 모두 그대로입니다",
    en="the frozen layer (`{}`) and all {} batch normalization layers are unchanged",
)
def fine_tuning_outcome():
    frozen = printed(PAGE, r"(block_15_\w+) +changed: False")[1]
    bn = printed(PAGE, r"BatchNormalization layers changed: 0 of (\d+)")[1]
    return frozen, bn


@fact(
    PAGE,
    ko="풀어 준 층(`{}`, `{}`)만 바뀌고",
    en="only the unfrozen layers (`{}`, `{}`) have changed",
)
def fine_tuned_layers():
    return printed(PAGE, r"(block_16_\w+) +changed: True\n(\w+) +changed: True").groups()


@fact(
    PAGE,
    ko="이동 평균이 0에서 {}로 움직입니다(`momentum`의 기본값 {}이면 한 번에 배치 평균의 {}%만큼)",
    en="its moving mean moves from 0 to {} (with `momentum` at its default of {}, each call "
    "moves it by {}% of the batch mean)",
)
def batch_normalization_step():
    moved = printed(PAGE, r"trainable=True : output mean 0\.00, moving mean ([\d.]+)")[1]
    momentum = keras.layers.BatchNormalization().momentum
    batch_mean = float(printed(PAGE, r"batch mean ([\d.]+)")[1])
    assert abs(float(moved) - (1 - momentum) * batch_mean) < 0.005, (moved, batch_mean)
    return moved, f"{momentum:g}", f"{(1 - momentum) * 100:.0f}"


@fact(
    PAGE,
    ko="Keras {}에서는 그렇지 않습니다",
    en="In Keras {}, the version this site tests, that is not so",
)
def tested_keras():
    return keras.version()


@fact(
    PAGE,
    ko="풀어 준 {}개 층의 이동 평균이 모두 바뀌고, 동결된 {}개만 그대로입니다",
    en="the moving averages of all {} unfrozen layers change; only the {} frozen ones stay",
)
def training_false_outcome():
    unfrozen = printed(PAGE, r"unfrozen BatchNormalization layers changed: (\d+) of (\d+)")
    frozen = printed(PAGE, r"\bfrozen BatchNormalization layers changed: +0 of (\d+)")
    assert unfrozen[1] == unfrozen[2], unfrozen[0]
    return unfrozen[1], frozen[1]
