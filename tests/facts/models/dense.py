"""Facts the Dense recipe states in prose (docs/models/dense.md)."""

import keras

from keras_kb.facts import fact, printed

PAGE = "models/dense.md"


@fact(PAGE, ko="입력 특성 {}개", en="Synthetic data with {} input features")
def feature_count():
    return printed(PAGE, r"train \(\d+, (\d+)\)")[1]


@fact(PAGE, ko="{}개로 학습하고 {}개로 검증합니다", en="{} samples to train on, {} to validate")
def split_sizes():
    shapes = printed(PAGE, r"train \((\d+), \d+\) .* validation \((\d+), \d+\)")
    return shapes[1], shapes[2]


@fact(
    PAGE,
    ko="노트의 `Dense(32, input_shape=(784,))`도 같은 경고를 내고(입력 n × {}, 출력 {}라는",
    en="The notes' `Dense(32, input_shape=(784,))` triggers the same warning (its shapes, "
    "input n × {} and output {},",
)
def note_layer_shapes():
    maps = printed(PAGE, r"(\d+) warnings; the note's layer maps \(None, (\d+)\) to \(None, (\d+)")
    assert maps[1] == "2", "both input_shape layers warn"
    return maps[2], maps[3]


@fact(
    PAGE,
    ko="마지막 `Dense`는 활성화를 지정하지 않으면 `{}`(항등 함수)입니다",
    en="Without an explicit activation, a `Dense` layer is `{}` (the identity)",
)
def dense_default_activation():
    return keras.layers.Dense(1).activation.__name__


@fact(PAGE, ko="기본값은 {}와 {}이므로", en="defaults for `momentum` and `epsilon` are {} and {}")
def batch_normalization_defaults():
    layer = keras.layers.BatchNormalization()
    return f"{layer.momentum:g}", f"{layer.epsilon:g}"


@fact(
    PAGE,
    ko="그중 `{}`와 `{}`만 학습되고 `{}`과 `{}`는 학습 중에 이동 평균으로 갱신될 뿐",
    en="of which only `{}` and `{}` are trained; `{}` and `{}` are only updated as moving averages",
)
def batch_normalization_weights():
    layer = keras.layers.BatchNormalization()
    layer.build((None, 4))
    return tuple(w.name for w in layer.trainable_weights + layer.non_trainable_weights)


@fact(
    PAGE,
    ko=r"남은 유닛을 $1 / (1 - \text{{rate}}) = {}$배로 키우므로",
    en=r"scales the kept ones by $1 / (1 - \text{{rate}}) = {}$,",
)
def dropout_scale():
    kept = {float(v) for v in printed(PAGE, r"training: \[\[([\d. ]+)\]\]")[1].split()} - {0.0}
    assert len(kept) == 1, kept
    return f"{kept.pop():g}"


@fact(PAGE, ko="여기서는 {} 에포크 동안 두 손실이", en="both losses fall over the {} epochs")
def epochs_run():
    return printed(PAGE, r"\| epochs: (\d+)")[1]


@fact(
    PAGE,
    ko="`fit`의 `batch_size` 기본값은 {}입니다. {}개 샘플이면",
    en="`batch_size` defaults to {}, so {} samples give",
)
def default_batch_size():
    samples = int(printed(PAGE, r"train \((\d+), \d+\)")[1])
    batches = int(printed(PAGE, r"batches in one epoch: (\d+)")[1])
    assert samples % batches == 0, (samples, batches)
    return str(samples // batches), str(samples)


@fact(PAGE, ko="에포크마다 {}번 가중치를 갱신합니다", en="give {} weight updates per epoch")
def updates_per_epoch():
    return printed(PAGE, r"batches in one epoch: (\d+)")[1]


@fact(PAGE, ko="{}×{} 이미지를 {}차원 벡터로 펴서", en="Flatten each {}×{} image into a {}-long")
def mnist_flattened():
    shapes = printed(PAGE, r"image \((\d+), (\d+)\) -> vector \((\d+),\)")
    return shapes[1], shapes[2], shapes[3]
