"""Offline stand-ins for ``keras.datasets.*.load_data()``: tests run with the network disabled.

Pages show the real loading code; under the test suite each loader is replaced by one that
returns data of the same per-sample shape and dtype, with fewer samples, and with a learnable
signal so that examples can assert that training works. Each page says so in one line.
"""

from __future__ import annotations

import functools

import numpy as np

TRAIN, TEST = 1200, 300  # the real sets hold tens of thousands; examples only need a few


@functools.cache
def _digits_28x28() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's bundled 8x8 digits, scaled to MNIST's 28x28 uint8 in 0-255."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = np.kron(digits.images, np.ones((3, 3)))  # 8x8 -> 24x24
    images = np.pad(images, ((0, 0), (2, 2), (2, 2)))  # -> 28x28, like MNIST's border
    images = (images / 16.0 * 255).round().astype("uint8")
    return images, digits.target.astype("uint8")


def _split(x, y):
    rng = np.random.default_rng(0)
    index = rng.permutation(len(x))[: TRAIN + TEST]
    x, y = x[index], y[index]
    return (x[:TRAIN], y[:TRAIN]), (x[TRAIN:], y[TRAIN:])


def mnist_load_data(path="mnist.npz"):
    return _split(*_digits_28x28())


def cifar10_load_data():
    images, labels = _digits_28x28()
    rgb = np.stack([np.pad(images, ((0, 0), (2, 2), (2, 2)))] * 3, axis=-1)  # 32x32x3
    return _split(rgb, labels.reshape(-1, 1))


def _word_sequences(num_classes, num_words, maxlen, seed, start_char, oov_char, index_from):
    """Reviews whose class shows in which band of word ids they draw from."""
    vocabulary = 10000 if num_words is None else num_words
    rng = np.random.default_rng(seed)
    total = TRAIN + TEST
    labels = rng.integers(0, num_classes, size=total)
    band = max((vocabulary - index_from) // (num_classes + 1), 1)
    sequences = []
    for label in labels:
        length = int(rng.integers(20, 200 if maxlen is None else max(21, maxlen)))
        common = rng.integers(index_from, vocabulary, size=length)
        marked = rng.integers(
            index_from + band * label, index_from + band * (label + 1), size=length
        )
        words = np.where(rng.random(length) < 0.3, marked, common)
        words = np.where(words >= vocabulary, oov_char, words)
        sequences.append([start_char, *words.tolist()])
    data = np.empty(total, dtype=object)
    data[:] = sequences
    labels = labels.astype("int64")
    return (data[:TRAIN], labels[:TRAIN]), (data[TRAIN:], labels[TRAIN:])


# The IMDB stand-in is built so that the walkthrough's training shows what real IMDB shows: a
# validation loss that bottoms out after a few epochs while the training loss keeps falling, at
# a validation accuracy well short of 1. Background words follow Zipf's law over frequency
# ranks (many rare words: features to memorize), a review's class shows only in a small share of
# sentiment words, and a fixed share of labels is flipped (reviews no word pattern can predict).
IMDB_TRAIN, IMDB_TEST = 5000, 1000
IMDB_RANKS = 20000  # background words: frequency ranks 1..IMDB_RANKS, P(rank) ~ rank ** -1.1
IMDB_SENTIMENT_WORDS = 300  # per class, drawn among ranks 50..4999
IMDB_MARKED_SHARE = 0.04  # share of a review's words drawn from its class's sentiment words
IMDB_FLIPPED = 0.1  # share of reviews whose label is the opposite of what their words say
IMDB_LENGTHS = (30, 300)  # words per review, uniform (real IMDB: median 174 words)


def _imdb_reviews(seed: int) -> tuple[list[np.ndarray], np.ndarray]:
    """Reviews as raw frequency ranks (1 = most frequent) and their 0/1 labels, from ``seed``."""
    rng = np.random.default_rng(seed)  # its own generator: the data never depends on a global seed
    total = IMDB_TRAIN + IMDB_TEST
    cdf = np.cumsum(np.arange(1, IMDB_RANKS + 1) ** -1.1)
    sentiment = rng.permutation(np.arange(50, 5000))[: 2 * IMDB_SENTIMENT_WORDS].reshape(2, -1)
    labels = rng.integers(0, 2, size=total)
    lengths = rng.integers(*IMDB_LENGTHS, size=total)
    words = 1 + np.searchsorted(cdf, rng.random(lengths.sum()) * cdf[-1])
    marked = rng.random(lengths.sum()) < IMDB_MARKED_SHARE
    owner = np.repeat(labels, lengths)
    words[marked] = sentiment[owner[marked], rng.integers(0, IMDB_SENTIMENT_WORDS, marked.sum())]
    flipped = rng.random(total) < IMDB_FLIPPED
    return np.split(words, np.cumsum(lengths)[:-1]), np.where(flipped, 1 - labels, labels)


def imdb_load_data(
    path="imdb.npz",
    num_words=None,
    skip_top=0,
    maxlen=None,
    seed=113,
    start_char=1,
    oov_char=2,
    index_from=3,
    **kwargs,
):
    """keras.datasets.imdb.load_data on generated reviews, with the real one's post-processing."""
    reviews, labels = _imdb_reviews(seed)
    xs = [([] if start_char is None else [start_char]) + (r + index_from).tolist() for r in reviews]
    keep = np.array([not maxlen or len(x) < maxlen for x in xs])
    if not keep[:IMDB_TRAIN].any() or not keep[IMDB_TRAIN:].any():
        raise ValueError(f"After filtering for sequences shorter than maxlen={maxlen}, no sequence"
                         " was kept. Increase maxlen.")
    xs = [x for x, kept in zip(xs, keep, strict=True) if kept]
    labels, train = labels[keep].astype("int64"), int(keep[:IMDB_TRAIN].sum())
    num_words = num_words or max(max(x) for x in xs)
    if oov_char is not None:
        xs = [[w if skip_top <= w < num_words else oov_char for w in x] for x in xs]
    else:
        xs = [[w for w in x if skip_top <= w < num_words] for x in xs]
    data = np.empty(len(xs), dtype=object)
    data[:] = xs
    return (data[:train], labels[:train]), (data[train:], labels[train:])


def reuters_load_data(
    path="reuters.npz",
    num_words=None,
    skip_top=0,
    maxlen=None,
    test_split=0.2,
    seed=113,
    start_char=1,
    oov_char=2,
    index_from=3,
):
    return _word_sequences(46, num_words, maxlen, seed, start_char, oov_char, index_from)


def get_word_index(path="imdb_word_index.json"):
    return {f"word{rank}": rank for rank in range(1, 10001)}


def boston_housing_load_data(path="boston_housing.npz", test_split=0.2, seed=113):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(506, 13))
    y = x @ rng.normal(size=13) * 3 + 22 + rng.normal(scale=1.0, size=506)
    return (x[:404], y[:404]), (x[404:], y[404:])


@functools.cache
def install() -> None:
    """Swap every loader the pages use for its stand-in (idempotent)."""
    import keras

    datasets = keras.datasets
    datasets.mnist.load_data = mnist_load_data
    datasets.fashion_mnist.load_data = mnist_load_data
    datasets.cifar10.load_data = cifar10_load_data
    datasets.imdb.load_data = imdb_load_data
    datasets.imdb.get_word_index = get_word_index
    datasets.reuters.load_data = reuters_load_data
    datasets.reuters.get_word_index = get_word_index
    datasets.boston_housing.load_data = boston_housing_load_data
