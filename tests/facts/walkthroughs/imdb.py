"""Facts the IMDB walkthrough states in prose (docs/walkthroughs/imdb.md)."""

import inspect

import numpy as np
from keras.src.datasets import imdb  # the real loader: the notebook's is the offline stand-in
from keras.src.trainers.data_adapters import array_slicing

from keras_kb.facts import fact, notebook_printed

PAGE = "walkthroughs/imdb.md"


@fact(PAGE, ko="단어 번호 목록 {}개", en="({} lists of word indices")
def standin_size():
    train, test = notebook_printed(PAGE, r"^(\d+) (\d+)\n").groups()
    return f"{int(train) + int(test):,}"


@fact(
    PAGE,
    ko="번호는 빈도 순위이고, {}은 리뷰의 시작 표시, {}는 `num_words` 밖의",
    en="An index is a frequency rank; {} marks the start of a review and {} a rare word",
)
def start_and_oov_chars():
    parameters = inspect.signature(imdb.load_data).parameters
    start, oov = parameters["start_char"].default, parameters["oov_char"].default
    first = notebook_printed(PAGE, r"\n\[(\d+),")[1]  # the review printed starts with start_char
    if int(first) != start:
        raise ValueError(f"the printed review starts with {first}, not {start}")
    return str(start), str(oov)


@fact(
    PAGE,
    ko="<code>load_data</code>가 <code>{}</code>를 받는다는",
    en="<code>load_data</code> takes <code>{}</code>:",
)
def load_data_takes_kwargs():
    (name,) = [
        p.name
        for p in inspect.signature(imdb.load_data).parameters.values()
        if p.kind is p.VAR_KEYWORD
    ]
    return f"**{name}"


@fact(PAGE, ko="{}차원 벡터에서 리뷰에 나온", en="becomes a {}-dimensional vector")
def multi_hot_width():
    width = notebook_printed(PAGE, r"\(\d+, (\d+)\) \[")[1]
    return f"{int(width):,}"


@fact(
    PAGE,
    ko="`validation_split={}`는 학습 데이터의 마지막 {}%를 떼어",
    en="`validation_split={}` holds out the last {}% of the training data",
)
def validation_split_takes_the_tail():
    split, samples = 0.2, np.arange(100)
    # what fit(..., validation_split=) calls to cut the arrays
    (train,), (validation,) = array_slicing.train_validation_split((samples,), split)
    if not np.array_equal(np.concatenate([train, validation]), samples):
        raise ValueError("the validation samples are not the last ones")
    return f"{split:g}", f"{100 * len(validation) / len(samples):g}"
