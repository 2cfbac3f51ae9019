"""Facts the attention and Transformer encoder page states in prose (docs/models/attention.md)."""

import inspect
import re

import keras

from keras_kb.facts import fact, printed

PAGE = "models/attention.md"


def _weights(start: str) -> list[list[float]]:
    """The head-0 weight matrix of the block whose output begins with ``start`` and then it."""
    matrix = printed(PAGE, start + r"head 0 weights:\n \[(\[[^\]]*\](?:\s*\[[^\]]*\])*)\]\n")
    return [[float(x) for x in row.split()] for row in re.findall(r"\[([^\]]*)\]", matrix[1])]


@fact(PAGE, ko="`key`의 기본값은 `{}`", en="`key` defaults to `{}`")
def key_default():
    return repr(inspect.signature(keras.layers.MultiHeadAttention.call).parameters["key"].default)


@fact(
    PAGE,
    ko="모양은 `(batch, heads, T_query, T_key)`, 여기서는 `{}`입니다. "
    "출력은 입력과 같은 `{}`입니다",
    en="their shape is `(batch, heads, T_query, T_key)`, here `{}`. The output has the input's "
    "shape, `{}`",
)
def self_attention_shapes():
    scores = printed(PAGE, r"scores \(batch, heads, T_query, T_key\): (\([\d, ]+\))")[1]
    shapes = printed(PAGE, r"input (\([\d, ]+\)) -> output (\([\d, ]+\))")
    assert shapes[1] == shapes[2], shapes[0]
    return scores, shapes[2]


@fact(
    PAGE,
    ko="출력은 질의의 길이와 특성 수를 따라 `{}`이고, 가중치는 `{}`입니다. 질의 위치 {}개가 "
    "저마다 키 위치 {}개에",
    en="The output follows the query's length and features, `{}`, and the weights are `{}`: "
    "each of the {} query positions shares its weight among the {} key positions",
)
def cross_attention_shapes():
    shapes = printed(
        PAGE,
        r"\+ value \([\d, ]+\) -> output (\([\d, ]+\))\n"
        r"scores \(batch, heads, T_query, T_key\): (\(\d+, \d+, (\d+), (\d+)\))",
    )
    return shapes[1], shapes[2], shapes[3], shapes[4]


@fact(
    PAGE,
    ko="`value_dim`을 주지 않으면 $v$는 `key_dim`과 같은 {}입니다",
    en="Without a `value_dim`, $v$ equals `key_dim`, {}.",
)
def value_dim_default():
    layer = keras.layers.MultiHeadAttention(num_heads=2, key_dim=8)
    return str(layer.value_dim)


@fact(
    PAGE,
    ko=r"$4 \times (16 \times 16 + 16) = {}$입니다. 크로스 어텐션 층은 $d_v = 12$라 "
    r"$272 + 208 + 208 + 272 = {}$입니다",
    en=r"$4 \times (16 \times 16 + 16) = {}$. In the cross-attention layer, $d_v = 12$, so it is "
    r"$272 + 208 + 208 + 272 = {}$.",
)
def attention_parameters():
    own = printed(PAGE, r"self +params (\d+) +formula (\d+)")
    cross = printed(PAGE, r"cross +params (\d+) +formula (\d+)")
    assert own[1] == own[2] and cross[1] == cross[2], (own[0], cross[0])
    assert int(own[1]) == 4 * (16 * 16 + 16) and int(cross[1]) == 272 + 208 + 208 + 272
    return f"{int(own[1]):,}", cross[1]


@fact(
    PAGE,
    ko="실제 토큰 세 개가 가중치를 거의 똑같이(약 1/{}씩) 나눠 가집니다",
    en="the three real tokens share the weight almost evenly (about 1/{} each)",
)
def embedding_mask_share():
    rows = _weights(r"^mask: .*\n")  # the Embedding(mask_zero=True) block
    real = [row[:3] for row in rows[:3]]
    assert all(abs(w - 1 / 3) < 0.01 for row in real for w in row), rows
    assert all(w == 0 for row in rows for w in row[3:]) and rows[3:] == [[0.0] * 5] * 2, rows
    return str(round(1 / real[0][0]))


@fact(
    PAGE,
    ko="첫 위치는 자기 자신에게 가중치 {}을 줍니다",
    en="the first position gives itself a weight of {}.",
)
def causal_first_position():
    rows = _weights("^")  # the causal block: its output begins with the weights
    assert all(w == 0 for i, row in enumerate(rows) for w in row[i + 1 :]), rows
    return f"{rows[0][0]:g}"


@fact(
    PAGE,
    ko="`LayerNormalization`으로 위치마다 특성 벡터를 정규화합니다(기본값 `axis={}`, 마지막 축)",
    en="`LayerNormalization` normalizes each position's feature vector (by default `axis={}`, "
    "the last axis)",
)
def layer_normalization_axis():
    return str(keras.layers.LayerNormalization().axis)


@fact(
    PAGE,
    ko="모델의 파라미터는 {}개입니다. 임베딩 두 개 $(20 + 10) \\times 16 = 480$, 어텐션 {}",
    en="The model has {} parameters: the two embeddings $(20 + 10) \\times 16 = 480$, "
    "attention {}",
)
def encoder_parameters():
    total = int(printed(PAGE, r"(?m)^params (\d+)$")[1])
    attention = int(printed(PAGE, r"self +params (\d+)")[1])
    assert total == 480 + attention + 64 + 544 + 528 + 17, total
    return f"{total:,}", f"{attention:,}"


@fact(
    PAGE,
    ko="테스트 정확도는 학습 전에는 우연 수준인 {} 근처이고, 학습 뒤에는 {}를 넘습니다",
    en="The test accuracy is near {}, chance level, before training, and above {} after it",
)
def accuracy_before_and_after():
    accuracy = printed(PAGE, r"before training: ([\d.]+)  after: ([\d.]+)")
    before, after = float(accuracy[1]), float(accuracy[2])
    assert abs(before - 0.5) <= 0.1 and after > 0.9, accuracy[0]
    return "0.5", "0.9"


@fact(
    PAGE,
    ko="두 확률은 같고, 7을 3으로 바꾼 시퀀스의 확률은 낮습니다",
    en="The two probabilities are the same, and the sequence with its 7 changed to a 3 gets a "
    "low one",
)
def padding_does_not_matter():
    probabilities = printed(
        PAGE, r"unpadded .* = ([\d.]+)\npadded .* = ([\d.]+)\nwithout 7 .* = ([\d.]+)"
    )
    unpadded, padded, without = (float(p) for p in probabilities.groups())
    assert abs(unpadded - padded) <= 1e-4 and without < 0.5 < unpadded, probabilities[0]
    return ()
