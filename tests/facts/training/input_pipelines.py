"""Facts the input pipelines page states in prose (docs/training/input-pipelines.md)."""

import inspect

import keras
import tensorflow as tf

from keras_kb.facts import fact, printed

PAGE = "training/input-pipelines.md"


@fact(
    PAGE,
    ko="`reshuffle_each_iteration`의 기본값이 `{}`이므로",
    en="`reshuffle_each_iteration` defaults to `{}`",
)
def reshuffle_default():
    default = inspect.signature(tf.data.Dataset.shuffle).parameters["reshuffle_each_iteration"]
    return str(default.default)


@fact(
    PAGE,
    ko="원소 {0}개를 두 에포크 동안 읽으면 `map` 함수가 {1}번 실행되지만 "
    "`cache()` 뒤에서는 {2}번만",
    en="reading {0} elements for two epochs runs the `map` function {1} times, but only {2} "
    "times behind `cache()`",
)
def cache_calls():
    plain = printed(PAGE, r"no cache: 2 epochs of (\d+) elements, map function ran (\d+) times")
    cached = printed(PAGE, r"cache\(\) : 2 epochs of (\d+) elements, map function ran (\d+) times")
    assert plain[1] == cached[1]
    return plain[1], plain[2], cached[2]


@fact(PAGE, ko="`tf.data.AUTOTUNE`(값은 {})", en="`tf.data.AUTOTUNE` (its value is {})")
def autotune_value():
    return str(tf.data.AUTOTUNE)


@fact(
    PAGE,
    ko="한 에포크는 배치 {0}개, 곧 가중치 갱신 {0}번이고, {1} 에포크 동안 갱신은 {2}번입니다",
    en="one epoch is {0} batches, that is {0} weight updates, and {1} epochs make {2} updates",
)
def updates_per_epoch():
    run = printed(PAGE, r"batches per epoch: (\d+) \| weight updates in (\d+) epochs: (\d+)")
    assert int(run[1]) * int(run[2]) == int(run[3])
    return run[1], run[2], run[3]


@fact(
    PAGE,
    ko="기본값은 `image_size=({0}, {1})`, `batch_size={2}`이고",
    en="The defaults are `image_size=({0}, {1})`, `batch_size={2}`",
)
def image_dataset_defaults():
    parameters = inspect.signature(keras.utils.image_dataset_from_directory).parameters
    height, width = parameters["image_size"].default
    return str(height), str(width), str(parameters["batch_size"].default)


@fact(
    PAGE,
    ko="PNG {}장 중 {}장이 훈련, {}장이 검증에 갑니다",
    en="of {} PNG files {} go to training and {} to validation",
)
def image_split():
    found = printed(PAGE, r"Found (\d+) files belonging to 2 classes\.\nUsing (\d+) files for "
                    r"training\.")
    validation = printed(PAGE, r"Using (\d+) files for validation\.")
    assert int(found[2]) + int(validation[1]) == int(found[1])
    return found[1], found[2], validation[1]


@fact(PAGE, ko="클래스마다 {}장입니다", en="{} per class")
def images_per_class():
    first, second = printed(PAGE, r"stripes/horizontal (\d+) PNG files\nstripes/vertical (\d+) "
                            r"PNG files").groups()
    assert first == second
    return first


@fact(PAGE, ko="리뷰 {}개를 {}개씩 묶은 배치 하나", en="one batch of {1} of the {0} reviews")
def reviews_in_batches():
    total = printed(PAGE, r"Found (\d+) files belonging to 2 classes\.\nclass_names: \['neg'")[1]
    lines = printed(PAGE, r"(?m)(?:^[01] [A-Z].*\n?)+")[0].strip().splitlines()
    return total, str(len(lines))


@fact(PAGE, ko="어휘 사전은 {}개 단어가 됩니다", en="the vocabulary comes to {} words")
def vocabulary_size():
    return printed(PAGE, r"vocabulary: (\d+) words")[1]


@fact(
    PAGE,
    ko="`reviews/pos`와 `reviews/neg`에 {}개씩 씁니다",
    en="writes {} short movie reviews each into `reviews/pos` and `reviews/neg`",
)
def reviews_per_class():
    counts = printed(PAGE, r"reviews/neg (\d+) files.*\nreviews/pos (\d+) files")
    negative, positive = counts.groups()
    assert negative == positive
    return negative
