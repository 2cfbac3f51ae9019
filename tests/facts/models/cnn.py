"""Facts the CNN page states in prose (docs/models/cnn.md)."""

import importlib.util
import math

import keras
import numpy as np

from keras_kb.facts import fact, printed
from keras_kb.pages import SNIPPETS

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


def _figure(name: str):
    """The module that draws a figure of the page (snippets/figures/<name>.py)."""
    spec = importlib.util.spec_from_file_location(name, SNIPPETS / "figures" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _side(layer, n: int) -> str:
    """The output height a layer gives for an n×n single-channel input."""
    return str(layer.compute_output_shape((None, n, n, 1))[1])


@fact(
    PAGE,
    ko="4×4 특성 맵에 2×2 최대 풀링을 적용한 결과입니다. 스트라이드가 창 크기와 같으면"
    "(기본값, `strides={}`) 창이 겹치지 않고 각 창의 최댓값(굵은 숫자)만 남아 크기가 절반인 "
    "{}×{}가 됩니다. `strides=1`이면 창이 한 칸씩 겹쳐 움직이므로 {}×{}으로",
    en="applies 2×2 max pooling to a 4×4 feature map. With a stride equal to the window size "
    "(the default, `strides={}`) the windows do not overlap and only each window's maximum "
    "(in bold) is kept, so the size halves to {}×{}. With `strides=1` the windows overlap, "
    "moving one cell at a time, and the map shrinks by one cell only, to {}×{}.",
)
def max_pooling_figure():
    default = keras.layers.MaxPooling2D(2)
    halved, overlapping = _side(default, 4), _side(keras.layers.MaxPooling2D(2, strides=1), 4)
    figure = _figure("max_pooling")  # the values it draws are what MaxPooling2D computes
    features = figure.FEATURES.astype("float32")[None, :, :, None]
    for stride in (2, 1):
        pooled = keras.layers.MaxPooling2D(2, strides=stride)(features).numpy()[0, :, :, 0]
        assert np.array_equal(pooled, figure.max_pool(figure.FEATURES, 2, stride)), stride
    return str(default.strides[0]), halved, halved, overlapping, overlapping


@fact(
    PAGE,
    ko="출력이 줄어들고({0} → {1}), `same`은 가장자리에 0을 덧대 스트라이드 1에서 크기를 "
    "유지합니다({0} → {2}). 스트라이드 2는 창을 두 칸씩 옮겨 출력을 절반 가까이로 줄입니다"
    "(`valid`는 {3}×{3}, `same`은 {4}×{4})",
    en="so the output shrinks ({0} → {1}); `same` pads the border with 0 and keeps the size at "
    "stride 1 ({0} → {2}). Stride 2 moves the window two cells at a time and roughly halves the "
    "output ({3}×{3} with `valid`, {4}×{4} with `same`)",
)
def padding_stride_figure():
    figure = _figure("conv_padding_stride")  # the values it draws are what Conv2D computes
    kernel = keras.initializers.Constant(figure.KERNEL.astype("float32")[:, :, None, None])
    image = figure.IMAGE.astype("float32")[None, :, :, None]
    sides = []
    for s, p in ((1, "valid"), (1, "same"), (2, "valid"), (2, "same")):
        layer = keras.layers.Conv2D(1, 3, strides=s, padding=p, use_bias=False,
                                    kernel_initializer=kernel)
        drawn = figure.convolve(figure.IMAGE, figure.KERNEL, s, p)[2]
        assert np.array_equal(layer(image).numpy()[0, :, :, 0], drawn), (s, p)
        sides.append(_side(layer, 5))
    return "5", *sides


@fact(
    PAGE,
    ko="28×28 이미지에 3×3 커널을 쓰면 `valid`는 {0}×{0}, `same`은 {1}×{1} 특성 맵을",
    en="On a 28×28 image, a 3×3 kernel gives a {0}×{0} feature map with `valid` and a {1}×{1} "
    "one with `same`",
)
def padding_example_sizes():
    return printed(PAGE, r"\(None, (\d+), \d+, 8\) \(None, (\d+), \d+, 8\)").groups()


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
    assert _dims(flat) == [str(math.prod(map(int, pooled)))], (flat, pooled)
    return flat, " × ".join(pooled)


@fact(
    PAGE,
    ko="| `Dense(nOutput, activation='linear')` | `{}` |",
    en="| `Dense(nOutput, activation='linear')` | `{}` |",
)
def table_dense_shape():
    return _summary_shape(r"dense \(Dense\)")


@fact(PAGE, ko="{}개 타임스텝이 {}개로 줄 뿐", en="so {} timesteps only become {}")
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
    ko="`Conv1D`의 출력도 `(배치, 타임스텝, 채널)`인 {}D 텐서입니다",
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
