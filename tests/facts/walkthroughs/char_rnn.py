"""Facts the character-level RNN walkthrough states in prose (docs/walkthroughs/char-rnn.md)."""

import numpy as np

from keras_kb.facts import fact, notebook_printed

PAGE = "walkthroughs/char-rnn.md"


def _pipeline():
    """(characters, chunks, chunk length, batches, batch size) that the notebook printed."""
    characters = int(notebook_printed(PAGE, r"(\d+) characters, \d+ distinct")[1])
    line = notebook_printed(PAGE, r"(\d+) chunks of (\d+) characters -> (\d+) batches of (\d+)")
    return (characters, *map(int, line.groups()))


@fact(
    PAGE,
    ko="번호 열을 길이 {}의 조각으로 자르고, "
    "각 조각을 앞 {}글자(입력)와 한 칸 뒤로 민 {}글자(타깃)",
    en="Cut the index sequence into chunks of {} and split each chunk into its first {} "
    "characters (input) and the same {} shifted by one (target)",
)
def chunk_and_sequence_lengths():
    characters, chunks, length, _, batch = _pipeline()
    inputs, targets = notebook_printed(PAGE, r"\((\d+), (\d+)\) \((\d+), (\d+)\)").groups()[1::2]
    if chunks != characters // length or inputs != targets:
        raise ValueError(f"{characters} characters do not make {chunks} chunks of {length}")
    return str(length), inputs, targets


@fact(PAGE, ko="조각이 {}개뿐인 여기서는 {}로 줄였습니다", en="with only {} chunks here it is {}")
def chunks_and_batch_size():
    _, chunks, _, batches, batch = _pipeline()
    if batches != chunks // batch or chunks >= 64:  # note 004's 64 would make no batch
        raise ValueError(f"{chunks} chunks, {batches} batches of {batch}")
    return str(chunks), str(batch)


@fact(
    PAGE,
    ko="균등 분포로 찍을 때의 값(log {} ≈ {})에서 시작해",
    en="The loss starts at the value of uniform guessing (log {} ≈ {})",
)
def uniform_guessing_loss():
    vocabulary = int(notebook_printed(PAGE, r"\d+ characters, (\d+) distinct")[1])
    first = float(notebook_printed(PAGE, r"loss ([\d.]+) ->")[1])
    if abs(first - np.log(vocabulary)) > 0.3:
        raise ValueError(f"the first epoch's loss {first} is far from log {vocabulary}")
    return str(vocabulary), f"{np.log(vocabulary):.1f}"
