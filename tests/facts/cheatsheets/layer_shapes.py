"""Facts the layer-shapes cheat sheet states in prose (docs/cheatsheets/layer-shapes.md)."""

import keras
from keras import layers

from keras_kb.facts import fact

PAGE = "cheatsheets/layer-shapes.md"


def _rank(*stack, input_shape=(100, 8)):
    """How many axes (batch included) the output of these layers has."""
    tensor = keras.Input(shape=input_shape)
    for layer in stack:
        tensor = layer(tensor)
    return len(tensor.shape)


@fact(PAGE, ko="모양의 첫 축 `{}`은 배치 크기입니다", en="The first axis, `{}`, is the batch size")
def batch_axis():
    return str(keras.Input(shape=(10,)).shape[0])


@fact(PAGE, ko="`Conv1D`의 출력은 여전히 {}D", en="A `Conv1D`'s output is still {}D")
def conv1d_output_rank():
    return str(_rank(layers.Conv1D(32, 3)))


@fact(
    PAGE,
    ko="`Flatten()`이나 `GlobalMaxPooling1D()`로 {}D로 만든 뒤",
    en="make it {}D with `Flatten()` or `GlobalMaxPooling1D()`",
)
def flattened_rank():
    ranks = {
        _rank(layers.Conv1D(32, 3), layers.Flatten()),
        _rank(layers.Conv1D(32, 3), layers.GlobalMaxPooling1D()),
    }
    return str(ranks.pop()) if len(ranks) == 1 else "differ"


@fact(
    PAGE,
    ko="`Dense`가 타임스텝마다 따로 적용되어 출력도 {}D가 됩니다",
    en="the `Dense` is applied to each timestep separately and its output stays {}D",
)
def dense_on_steps_rank():
    return str(_rank(layers.Conv1D(32, 3), layers.Dense(1)))
