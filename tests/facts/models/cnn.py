"""Facts the CNN page states in prose (docs/models/cnn.md)."""

import keras

from keras_kb.facts import fact, printed

PAGE = "models/cnn.md"
SHAPE = r"(\(None(?:, \d+)*\))"


def _summary_shape(layer: str) -> str:
    """The output shape the note-table model's summary prints for one layer."""
    return printed(PAGE, layer + r"\s+│ " + SHAPE)[1]


def _dims(shape: str) -> list[str]:
    return shape.strip("()").split(", ")[1:]


@fact(
    PAGE,
    ko='`padding="{}"`(기본값)일 때 한 축의 출력 길이는',
    en='With `padding="{}"` (the default), the output length',
)
def default_padding():
    return keras.layers.Conv2D(1, 3).padding


@fact(
    PAGE,
    ko="| `Input(shape=(nStep, nFeature, nChannel))` | `{}` |",
    en="| `Input(shape=(nStep, nFeature, nChannel))` | `{}` |",
)
def table_input_shape():
    return _summary_shape(r"input_layer \(InputLayer\)")


@fact(
    PAGE,
    ko="padding='same', activation='relu')` | `{}` | `same`이라 크기 유지, 필터 30개 → 채널 {} |",
    en="padding='same', activation='relu')` | `{}` | `same` keeps the size; "
    "30 filters → {} channels |",
)
def table_conv_shape():
    shape = _summary_shape(r"conv2d \(Conv2D\)")
    return shape, _dims(shape)[-1]


@fact(
    PAGE,
    ko="strides=1, padding='valid')` | `{}` |",
    en="strides=1, padding='valid')` | `{}` |",
)
def table_pool_shape():
    return _summary_shape(r"max_pooling2d \(MaxPooling2D\)")


@fact(PAGE, ko="| `Flatten()` | `{}` | {} |", en="| `Flatten()` | `{}` | {} |")
def table_flatten_shape():
    flat = _summary_shape(r"flatten \(Flatten\)")
    pooled = _dims(_summary_shape(r"max_pooling2d \(MaxPooling2D\)"))
    size = 1
    for dim in pooled:
        size *= int(dim)
    assert _dims(flat) == [str(size)], (flat, pooled)
    return flat, " × ".join(pooled)


@fact(
    PAGE,
    ko="| `Dense(nOutput, activation='linear')` | `{}` |",
    en="| `Dense(nOutput, activation='linear')` | `{}` |",
)
def table_dense_shape():
    return _summary_shape(r"dense \(Dense\)")


@fact(PAGE, ko="{}개 시점이 {}개로 줄 뿐", en="so {} time steps only become {}")
def pooling_stride_one():
    steps = _dims(_summary_shape(r"conv2d \(Conv2D\)"))[0]
    return steps, _dims(_summary_shape(r"max_pooling2d \(MaxPooling2D\)"))[0]


@fact(
    PAGE,
    ko="특성 맵의 깊이는 {}에서 {}로 늘고, 크기는 {}에서 {}로 줄어듭니다",
    en="grow deeper, from {} to {} channels, and smaller, from {} to {}",
)
def mnist_depth_and_size():
    layers = printed(
        PAGE,
        r"conv2d_\d+ +\(None, (\d+), \d+, (\d+)\)\n(?:.*\n){2}"
        r"max_pooling2d_\d+ +\(None, (\d+), \d+, (\d+)\)",
    )
    return layers[2], layers[4], layers[1], layers[3]


@fact(
    PAGE,
    ko="`Conv1D`의 출력도 `(배치, 시점, 채널)`인 {}D 텐서입니다",
    en="the output of `Conv1D` is also a {}D tensor",
)
def conv1d_output_rank():
    return str(printed(PAGE, r"Conv1D: (\([^)]*\))")[1].count(",") + 1)


@fact(
    PAGE,
    ko="(시간 축의 최댓값)로 {}D `(배치, 특성)`를 만들어야",
    en="(the maximum over the time axis) as well, to get a {}D `(batch, features)` tensor",
)
def pooled_rank():
    flat = printed(PAGE, r"Flatten: (\([^)]*\)) \| GlobalMaxPooling1D: (\([^)]*\))")
    ranks = {shape.count(",") + 1 for shape in (flat[1], flat[2])}
    assert len(ranks) == 1, flat[0]
    return str(ranks.pop())


@fact(
    PAGE,
    ko="`{}_conv`의 가중치는 그대로이고 `{}_conv`만 바뀝니다",
    en="`{}_conv` keeps its weights and only `{}_conv` changes",
)
def fine_tuned_layers():
    changed = printed(PAGE, r"(block\d) changed: False \| (block\d) changed: True")
    return changed[1], changed[2]
