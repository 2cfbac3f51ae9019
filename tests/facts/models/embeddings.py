"""Facts the text vectorization and embeddings page states in prose
(docs/models/embeddings.md)."""

import inspect
import re
import tempfile
from pathlib import Path

import keras

from keras_kb.facts import fact, printed, raised

PAGE = "models/embeddings.md"


def _rank(shape: str) -> str:
    return str(len(shape.strip("()").split(",")))


def _embedding_dimension() -> str:
    return printed(PAGE, r"\(None, 1, (\d+)\) -> \(None, 1, 1\)")[1]


def _keras_minor() -> str:
    return ".".join(keras.__version__.split(".")[:2])


@fact(
    PAGE,
    ko="인덱스 {}은 패딩(padding), {}은 어휘 사전에 없는 단어(`{}`",
    en="Index {} is reserved for padding and {} for words missing from the vocabulary (`{}`",
)
def reserved_indices():
    layer = keras.layers.TextVectorization(output_sequence_length=3)
    layer.adapt(["some words"])
    vocabulary = [str(word) for word in layer.get_vocabulary()]
    ids = [int(i) for i in layer(["unseen"])[0]]  # one word adapt never saw, padded to 3
    unknown, padding = ids[0], ids[-1]
    assert vocabulary[padding] == "", vocabulary
    return str(padding), str(unknown), vocabulary[unknown]


@fact(
    PAGE,
    ko="입력은 `(samples, sequence_length)` 모양의 {}D 정수 텐서이고, 출력은 "
    "`(samples, sequence_length, embedding_dimensionality)` 모양의 {}D **실수** 텐서",
    en="Its input is a {}D integer tensor shaped `(samples, sequence_length)`, its output a "
    "{}D **floating-point** tensor",
)
def embedding_ranks():
    shapes = printed(PAGE, r"int\d+ (\([^)]*\)) -> float\d+ (\([^)]*\))")
    return _rank(shapes[1]), _rank(shapes[2])


@fact(
    PAGE,
    ko="토큰 {}개(가장 큰 인덱스 + 1)를 {}차원 벡터로",
    en="turns {} possible tokens (the largest index + 1) into {}-dimensional vectors",
)
def embedding_table_shape():
    table = printed(PAGE, r"table \((\d+), (\d+)\)")
    return f"{int(table[1]):,}", table[2]


@fact(
    PAGE,
    ko="`Embedding(1000, 64)`는 0부터 {0}까지 {1}개의 인덱스를 모두 받고",
    en="`Embedding(1000, 64)` takes all {1} ids from 0 to {0}",
)
def embedding_id_range():
    rows = int(printed(PAGE, r"table \((\d+), \d+\)")[1])
    edge = printed(PAGE, r"ids 0 and (\d+) -> rows 0 and (\d+): True")
    assert int(edge[1]) == int(edge[2]) == rows - 1, edge[0]
    return edge[1], f"{rows:,}"


@fact(
    PAGE,
    ko="`keras.ops.take(embeddings, inputs, axis={})`을 부르고",
    en="`keras.ops.take(embeddings, inputs, axis={})`, which",
)
def embedding_lookup_axis():
    return printed(PAGE, r"ops\.take\(self\.embeddings, inputs, axis=(\d+)\)")[1]


@fact(PAGE, ko="`{}` 실수 텐서입니다", en="but a `{}` tensor")
def embedding_output_dtype():
    return printed(PAGE, r"int\d+ \([^)]*\) -> (float\d+)")[1]


@fact(PAGE, ko='넘기면 "{}" 경고만 내고', en='only warns "{}" and')
def input_length_warning():
    return printed(PAGE, r"(?m)`input_length` is (.+)$")[1]


@fact(
    PAGE,
    ko="양성 하나마다 무작위 단어 {}개를 음성으로",
    en="each positive gets {} random words as negatives",
)
def negatives_per_positive():
    counts = printed(PAGE, r"positives: (\d+)\s+negatives: (\d+)")
    positives, negatives = int(counts[1]), int(counts[2])
    assert negatives % positives == 0, counts[0]
    return str(negatives // positives)


@fact(PAGE, ko="`Embedding`을 지나 `{}` 벡터가 되고", en="`Embedding` and become `{}` vectors")
def sgns_embedded_shape():
    return printed(PAGE, r"(\(None, 1, \d+\)) -> \(None, 1, 1\)")[1]


@fact(
    PAGE,
    ko="두 텐서 `(배치, 1, {0})`에서 축 2(임베딩 차원 {0}개)를 따라 곱해 더합니다. "
    "결과는 `(배치, {1})`입니다",
    en="multiply the two `(batch, 1, {0})` tensors along axis 2 (the {0} embedding dimensions) "
    "and sum, giving `(batch, {1})`",
)
def dot_shapes():
    dot = printed(PAGE, r"\(None, 1, \d+\) -> \(None, ([\d, ]+)\) -> \(None,\)")[1]
    return _embedding_dimension(), dot


@fact(
    PAGE,
    ko="`{}`는 기본값이 없는 필수 인자라서",
    en="`{}` is a required argument with no default",
)
def dot_required_argument():
    parameters = inspect.signature(keras.layers.Dot).parameters.values()
    (required,) = [p.name for p in parameters if p.default is p.empty and p.kind != p.VAR_KEYWORD]
    return required


@fact(
    PAGE,
    ko="`[father, mother]`는 2×{} 배열이 되고, 결과는 {}×{} 행렬이며",
    en="`[father, mother]` becomes a 2×{} array, the result is a {}×{} matrix",
)
def distance_matrix_shape():
    rows = printed(PAGE, r"(?m)^\[\[(0\.\s+[\d.]+)\]\n \[([\d.]+\s+0\.\s*)\]\]$")  # zero diagonal
    return _embedding_dimension(), "2", str(len(rows[1].split()))


@fact(PAGE, ko="다른 주제의 단어(apple)는 {} 가까이로", en="a low one, near {}")
def unrelated_cosine():
    value = float(printed(PAGE, r"cosine\(father, apple\): \[[-\d.]+ +([-\d.]+)\]")[1])
    assert abs(value) < 0.3, value
    return f"{round(value):d}"


@fact(
    PAGE,
    ko="Keras {}의 `Embedding`은 `weights=[We]` 인자도 받습니다",
    en="Keras {}'s `Embedding` also accepts a `weights=[We]` argument",
)
def weights_argument_version():
    return _keras_minor()


@fact(
    PAGE,
    ko="`weights`와 `trainable`은 Keras {}에서도 동작하지만",
    en="`weights` and `trainable` still work with Keras {}",
)
def keras2_example_version():
    return _keras_minor()


@fact(
    PAGE,
    ko="행렬을 그대로 넘기면 행 {}개짜리 리스트로 읽혀",
    en="A bare matrix is read as a list of its {} rows",
)
def bare_matrix_rows_correction():
    return raised(PAGE, r"with a weight list of length (\d+)")[1]


@fact(
    PAGE,
    ko="행렬을 그대로 넘기면 행 {}개짜리 리스트로 읽힙니다",
    en="The bare matrix is read as a list of {} rows",
)
def bare_matrix_rows():
    return raised(PAGE, r"with a weight list of length (\d+)")[1]


@fact(
    PAGE, ko="**그 모델 안에** 채우고 `{}`을 돌려줍니다", en="**into that model** and returns `{}`"
)
def load_weights_returns():
    return printed(PAGE, r"(?m)^(None)$")[1]


@fact(
    PAGE,
    ko="`save_weights`는 파일 이름이 `{}`로 끝나야 합니다",
    en="`save_weights` wants a file name ending in `{}`",
)
def save_weights_suffix():
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    with tempfile.TemporaryDirectory() as folder:
        try:
            model.save_weights(str(Path(folder) / "model_w.h5"))  # note 000's file name
        except ValueError as error:
            return re.search(r"must end in `([^`]+)`", str(error))[1]
    raise AssertionError("save_weights accepted a name ending in .h5")


@fact(
    PAGE,
    ko="입력층 두 개(`{}`, `{}`)로 시작하므로, 처음 만든 타깃 임베딩이 `layers[{}]`입니다",
    en="begins with its two input layers (`{}`, `{}`), so the target embedding, created first, "
    "is `layers[{}]`",
)
def target_embedding_index():
    layers = printed(PAGE, r"\[\(0, '(\w+)'\), \(1, '(\w+)'\), \((\d+), 'target_embedding'\)")
    return layers[1], layers[2], layers[3]
