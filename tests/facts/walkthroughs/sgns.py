"""Facts the SGNS walkthrough states in prose (docs/walkthroughs/sgns.md)."""

import ast
import re

import numpy as np
from sklearn.metrics.pairwise import euclidean_distances

from keras_kb.facts import fact, notebook_printed

PAGE = "walkthroughs/sgns.md"


def _corpus():
    """(number of sentences, words per sentence) that the corpus cell printed."""
    line = notebook_printed(PAGE, r"(\d+) sentences, the first: ([a-z ]+) \|")
    return int(line[1]), len(line[2].split())


def _shapes():
    line = notebook_printed(
        PAGE,
        r"embedding \(None, ([\d, ]+)\) -> dot \(None, ([\d, ]+)\) "
        r"-> reshape \(None, ([\d, ]+)\)",
    )
    return tuple(part.rstrip(",") for part in line.groups())


@fact(
    PAGE,
    ko="주제 세 개(가족, 왕실, 과일)에서 단어를 뽑아 만든 문장 {}개",
    en="{} sentences built from the words of three topics",
)
def sentences():
    return str(_corpus()[0])


@fact(
    PAGE,
    ko="창(window) 크기 {} 안의 이웃마다 양성 쌍 하나와 음성 쌍 하나",
    en="Every neighbor within a window of {} gives one positive pair and one negative pair",
)
def window():
    count, length = _corpus()
    positives, negatives = map(
        int, notebook_printed(PAGE, r"positives: (\d+) negatives: (\d+)").groups()
    )
    if positives != negatives:
        raise ValueError(f"{positives} positive pairs, {negatives} negative ones")
    for size in range(1, length):  # the window that gives as many neighbors as pairs printed
        neighbors = sum(min(i, size) + min(length - 1 - i, size) for i in range(length))
        if count * neighbors == positives:
            return str(size)
    raise ValueError(f"no window gives {positives} positive pairs")


@fact(
    PAGE,
    ko="각자의 `Embedding`을 지나 `(batch, {})` 벡터가 되고, `Dot(axes=2)`가 둘의 내적 "
    "`(batch, {})`을 구합니다",
    en="each pass through their own `Embedding` and become `(batch, {})` vectors; "
    "`Dot(axes=2)` takes their dot product, `(batch, {})`",
)
def embedding_and_dot_shapes():
    return _shapes()[:2]


@fact(
    PAGE,
    ko="`Reshape((1,))`로 `(batch, {})`로 펴고",
    en="`Reshape((1,))` flattens it to `(batch, {})`",
)
def reshaped():
    return _shapes()[2]


@fact(
    PAGE,
    ko="리스트(`[]`)로 묶어 {}차원 배열로 넘깁니다",
    en="wrapped in a list (`[]`), that is, a {}-D array",
)
def euclidean_distances_wants_2d():
    try:
        euclidean_distances(np.zeros(3))
    except ValueError as error:
        return re.search(r"Expected (\d)D array", str(error))[1]
    raise ValueError("euclidean_distances took a 1-D array")


@fact(
    PAGE,
    ko="이 모델에서도 `model.layers[{}]`가 target 임베딩입니다. 두 `Input`이 {}번과 {}번을",
    en="In this model `model.layers[{}]` is indeed the target embedding, because the two "
    "`Input`s take indices {} and {}",
)
def layer_indices():
    listing = notebook_printed(PAGE, r"\[\(0, .*\)\]")[0]
    names = dict(ast.literal_eval(listing))  # [(index, name), ...] as printed
    by_name = {name: index for index, name in names.items()}
    return str(by_name["target_embedding"]), str(by_name["target"]), str(by_name["context"])


@fact(
    PAGE,
    ko="<code>load_weights</code>는 모델에 가중치를 채워 넣고 <code>{}</code>을 돌려줍니다",
    en="<code>load_weights</code> fills the model in place and returns <code>{}</code>",
)
def load_weights_returns():
    return notebook_printed(PAGE, r"^(\w+)\n\(1, \d+\) True")[1]


@fact(
    PAGE,
    ko="인자도 없어서 Keras 3은 <code>{}</code>를 냅니다",
    en="is not an argument either, and Keras 3 raises <code>{}</code>",
)
def unknown_embedding_argument():
    return notebook_printed(PAGE, r"^(\w+): Unrecognized keyword arguments passed to Embedding")[1]
