"""Facts the residual connections and normalization page states in prose
(docs/models/residual-normalization.md)."""

import math

import keras

from keras_kb.facts import fact, printed

PAGE = "models/residual-normalization.md"


def _params(layer, input_shape) -> int:
    layer.build(input_shape)
    return layer.count_params()


def _latex(number: int) -> str:
    return f"{number:,}".replace(",", "{,}")


@fact(
    PAGE,
    ko="블록의 파라미터 {}개는 모두 두 합성곱의 것입니다(합성곱 하나에 "
    "$3 \\cdot 3 \\cdot 32 \\cdot 32 + 32 = {}$개)",
    en="all of the block's {} parameters belong to the two convolutions "
    "($3 \\cdot 3 \\cdot 32 \\cdot 32 + 32 = {}$ each)",
)
def identity_block_parameters():
    total = printed(PAGE, r"parameters: ([\d,]+)")[1]
    one = _params(keras.layers.Conv2D(32, 3, padding="same"), (None, 16, 16, 32))
    assert total == f"{2 * one:,}", (total, one)  # add has no parameters
    return total, _latex(one)


@fact(
    PAGE,
    ko="1×1 합성곱의 파라미터는 $(1 \\cdot 1 \\cdot 32 + 1) \\cdot 64 = {}$개이고, "
    "입력 20개를 64개로 바꾸는 `Dense`는 $20 \\cdot 64 + 64 = {}$개입니다",
    en="The 1×1 convolution has $(1 \\cdot 1 \\cdot 32 + 1) \\cdot 64 = {}$ parameters, "
    "and a `Dense` from 20 inputs to 64 has $20 \\cdot 64 + 64 = {}$",
)
def projection_parameters():
    conv = _params(keras.layers.Conv2D(64, 1, strides=2), (None, 16, 16, 32))
    dense = _params(keras.layers.Dense(64), (None, 20))
    summary = printed(PAGE, r"Conv2D\)\s+│ \(None, 8, 8, 64\)\s+│\s+" + f"{conv:,}" + " │")
    assert summary, conv  # the 1x1 convolution's row of the printed summary
    assert printed(PAGE, r"Dense projection: .* parameters ([\d,]+)")[1] == f"{dense:,}"
    return _latex(conv), _latex(dense)


def _gradients():
    """{blocks: (layers, parameters, plain norm, residual norm)} from the printed table."""
    table = printed(PAGE, r"blocks  layers  parameters .*\n((?:\s+\d+ .+\n?)+)")[1]
    rows = [line.split() for line in table.strip().splitlines()]
    return {int(b): (int(n), int(p.replace(",", "")), float(g), float(r)) for b, n, p, g, r in rows}


@fact(PAGE, ko="블록을 {}, {}, {}, {}개 쌓은 망", en="stacks {}, {}, {} and {} blocks")
def gradient_depths():
    return tuple(str(blocks) for blocks in _gradients())


@fact(
    PAGE,
    ko="두 망의 파라미터 수는 같습니다({0}블록에서 {1}개)",
    en="both networks have the same parameter count ({1} at {0} blocks)",
)
def gradient_parameters():
    deepest = max(_gradients())
    return str(deepest), f"{_gradients()[deepest][1]:,}"


@fact(
    PAGE,
    ko="블록 {0}개에서 {1}개로 깊어지는 동안 {2}배 넘게 작아집니다",
    en="gets more than {2} times smaller as the network grows from {0} block to {1}",
)
def plain_gradient_vanishes():
    rows = _gradients()
    shallow, deep = min(rows), max(rows)
    power = 10 ** math.floor(math.log10(rows[shallow][2] / rows[deep][2]))
    assert rows[deep][3] > rows[shallow][3] > rows[deep][2]  # the residual one does not vanish
    return str(shallow), str(deep), f"{power:,}"


@fact(
    PAGE,
    ko="`epsilon`의 기본값은 {}입니다. 아래 블록은",
    en="`epsilon` defaults to {}. The block below",
)
def batch_norm_epsilon():
    return f"{keras.layers.BatchNormalization().epsilon:g}"


@fact(
    PAGE,
    ko="`epsilon`의 기본값은 여기서도 {}입니다",
    en="Its `epsilon` also defaults to {}",
)
def layer_norm_epsilon():
    return f"{keras.layers.LayerNormalization().epsilon:g}"


@fact(PAGE, ko="(`axis={}`이 기본값)", en="(`axis={}` by default)")
def layer_norm_axis():
    return str(keras.layers.LayerNormalization().axis)


@fact(
    PAGE,
    ko="특성이 {}개이면 배치 정규화는 {} + {}개, 층 정규화는 {} + {}개입니다",
    en="With {} features that is {} + {} for batch normalization and {} + {} for layer",
)
def normalization_weights():
    counts = printed(PAGE, r"BN (\d+) \+ (\d+)  LN (\d+) \+ (\d+)").groups()
    features = len(printed(PAGE, r"input mean per feature: \[([^\]]+)\]")[1].split())
    layer = keras.layers.BatchNormalization()
    layer.build((None, features))
    assert int(counts[0]) + int(counts[1]) == layer.count_params()
    return (str(features), *counts)


@fact(
    PAGE,
    ko="`momentum`(기본값 {})만큼 남고 배치의 값이 {}%만큼 섞입니다",
    en="keeps `momentum` (default {}) of its value and mixes in {}% of the batch's",
)
def moving_average_momentum():
    momentum = keras.layers.BatchNormalization().momentum
    return f"{momentum:g}", f"{round((1 - momentum) * 100):g}"


@fact(
    PAGE,
    ko="`moving_mean`은 배치 평균의 {0}%이고(평균 {1}인 특성에서 {2})",
    en="`moving_mean` is {0}% of the batch mean ({2} for the feature whose mean is {1})",
)
def moving_mean_after_one_call():
    momentum = keras.layers.BatchNormalization().momentum
    mean = printed(PAGE, r"input mean per feature: \[\s*\S+\s+(\S+)")[1]
    moved = printed(PAGE, r"moving mean after 1 training call: \[\s*\S+\s+(\S+)")[1]
    assert math.isclose(float(moved), (1 - momentum) * float(mean), abs_tol=1e-3)
    return f"{round((1 - momentum) * 100):g}", mean, moved


@fact(PAGE, ko="훈련 호출을 {}번 더 하면", en="After {} more training calls")
def more_training_calls():
    calls = int(printed(PAGE, r"moving mean after (\d+) training calls")[1])
    return f"{calls - 1:,}"


@fact(
    PAGE,
    ko="파라미터 {}개 가운데 {}개는 두 배치 정규화 층의 이동 평균이라",
    en="Of its {} parameters, {} are the moving averages of the two batch normalization",
)
def resnet_block_parameters():
    block = printed(PAGE, r"\(None, 16, 16, 32\) -> .* parameters ([\d,]+)  non-trainable (\d+)")
    assert int(block[2]) == 2 * 2 * 32  # moving mean and variance of 32 channels, twice
    return block[1], block[2]
