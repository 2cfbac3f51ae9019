"""Facts the IMDB walkthrough states in prose (docs/walkthroughs/imdb.md)."""

import inspect

import numpy as np
from keras.src.datasets import imdb  # the real loader: the notebook's is the offline stand-in
from keras.src.trainers.data_adapters import array_slicing

from keras_kb import standins
from keras_kb.facts import fact, notebook_printed

PAGE = "walkthroughs/imdb.md"
EPOCH = r"epoch {}: loss [\d.]+  val_loss [\d.]+  val_accuracy ([\d.]+)"


@fact(
    PAGE,
    ko="단어 번호 목록 {}개(훈련 {}개, 테스트 {}개)",
    en="{} lists of word indices ({} for training, {} for testing)",
)
def standin_size():
    train, test = (int(n) for n in notebook_printed(PAGE, r"^(\d+) (\d+)\n").groups())
    return f"{train + test:,}", f"{train:,}", f"{test:,}"


@fact(
    PAGE,
    ko="각각 감성 단어 {}개로 드러나지만 리뷰 단어의 {}%만 감성 단어이고, 리뷰의 {}%는 레이블이",
    en="in {} sentiment words of its own, but only {}% of a review's words are sentiment words,"
    " and {}% of the reviews carry",
)
def standin_signal_and_noise():
    return (
        str(standins.IMDB_SENTIMENT_WORDS),
        f"{100 * standins.IMDB_MARKED_SHARE:g}",
        f"{100 * standins.IMDB_FLIPPED:g}",
    )


@fact(
    PAGE,
    ko="리뷰의 {}%가 단어와 반대되는 레이블을 달고 있어서, 어떤 모델도 {}를 크게 넘기 어렵습니다",
    en="{}% of the reviews carry the label opposite to their words, so no model can get far"
    " above {}",
)
def standin_accuracy_ceiling():
    # a model that knew every review's true class would still miss the flipped ones
    return f"{100 * standins.IMDB_FLIPPED:g}", f"{1 - standins.IMDB_FLIPPED:g}"


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
    ko="`validation_split={}`는 훈련 데이터의 마지막 {}%를 떼어",
    en="`validation_split={}` holds out the last {}% of the training data",
)
def validation_split_takes_the_tail():
    split, samples = 0.2, np.arange(100)
    # what fit(..., validation_split=) calls to cut the arrays
    (train,), (validation,) = array_slicing.train_validation_split((samples,), split)
    if not np.array_equal(np.concatenate([train, validation]), samples):
        raise ValueError("the validation samples are not the last ones")
    return f"{split:g}", f"{100 * len(validation) / len(samples):g}"


def _lowest_val_loss_epoch() -> int:
    return int(notebook_printed(PAGE, r"lowest val_loss at epoch (\d+)")[1])


@fact(
    PAGE,
    ko="검증 손실은 {}번째 에포크 무렵 가장 낮고 그 뒤로는 에포크마다 오릅니다",
    en="the validation loss is lowest around epoch {} and rises every epoch after that",
)
def overfitting_starts():
    # the hidden train-check asserts the fall to this minimum and the rise after it
    return str(_lowest_val_loss_epoch())


@fact(
    PAGE,
    ko="가장 낮은 지점의 검증 정확도는 {}입니다",
    en="At the lowest point the validation accuracy is {}.",
)
def validation_accuracy_at_the_minimum():
    accuracy = float(notebook_printed(PAGE, EPOCH.format(_lowest_val_loss_epoch()))[1])
    return f"{accuracy:.2f}"


@fact(
    PAGE,
    ko="학습은 {}번째 에포크에서 멈추고, 모델에는 위 곡선에서 검증 손실이 가장 낮았던"
    " {}번째 에포크의",
    en="Training stops after epoch {}, and the model keeps the weights of epoch {}, where the"
    " validation loss of the curve above was lowest",
)
def early_stopping_keeps_the_minimum():
    printed = notebook_printed(PAGE, r"ran (\d+) epochs; kept the weights of epoch (\d+)")
    ran, kept = printed.groups()
    if int(kept) != _lowest_val_loss_epoch():
        raise ValueError(f"early stopping kept epoch {kept}, the curve's minimum is elsewhere")
    return ran, kept


@fact(PAGE, ko="테스트 정확도는 {}입니다", en="The test accuracy is {}.")
def test_accuracy():
    return notebook_printed(PAGE, r"test accuracy ([\d.]+)")[1]
