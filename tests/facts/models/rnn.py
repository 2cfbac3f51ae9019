"""Facts the RNN page states in prose (docs/models/rnn.md)."""

import keras
import numpy as np

from keras_kb.facts import fact, printed

PAGE = "models/rnn.md"


def _data() -> tuple[str, str]:
    """(timesteps, features) of the page's sequences, as its first block prints them."""
    shape = printed(PAGE, r"\(\d+, (\d+), (\d+)\) \(\d+, 1\) share of negative targets")
    return shape[1], shape[2]


def _params(layer: str) -> str:
    return printed(PAGE, layer + r" +output \(\d+, \d+\)  params (\d+)")[1]


def _blocks(layer: str) -> str:
    return printed(PAGE, layer + r" kernel \(\d+, \d+\): (\d+) blocks")[1]


@fact(
    PAGE,
    ko="타임스텝 {}개, 특성 {}개인 합성 시퀀스",
    en="synthetic sequences of {} timesteps with {} features",
)
def sequence_shape():
    return _data()


@fact(
    PAGE,
    ko=r"${0} \times {1} + {1} \times {1} + {1} = {2}$개입니다",
    en=r"${0} \times {1} + {1} \times {1} + {1} = {2}$.",
)
def one_block():
    units = printed(PAGE, r"SimpleRNN output \(\d+, (\d+)\)")[1]
    return _data()[1], units, printed(PAGE, r"one block: (\d+)")[1]


@fact(
    PAGE,
    ko="후보 값 하나로 블록이 {0}개, GRU는 게이트 두 개(업데이트 $z$, 리셋 $r$)와 후보 값 하나로 "
    "블록이 {1}개입니다. 블록 수는 `kernel`의 열 수(유닛 수의 {0}배, {1}배)",
    en="so an LSTM has {0} blocks for its three gates (input $i$, forget $f$, output $o$) and one "
    "candidate, and a GRU {1} blocks for its two gates (update $z$, reset $r$) and one candidate. "
    "The block count can be read straight off the `kernel`'s columns ({0} and {1} times",
)
def gate_blocks():
    return _blocks("LSTM"), _blocks("GRU")


@fact(PAGE, ko="| `SimpleRNN(8)` | 블록 {}개 | {} |", en="| `SimpleRNN(8)` | {} block | {} |")
def table_simple_rnn():
    layer = keras.layers.SimpleRNN(8)
    layer.build((None, 10, 2))
    return str(layer.cell.kernel.shape[-1] // 8), _params("SimpleRNN")


@fact(
    PAGE,
    ko="| `LSTM(8)` | 블록 {}개 (게이트 i, f, o + 후보 값 c) | {} |",
    en="| `LSTM(8)` | {} blocks (gates i, f, o + candidate c) | {} |",
)
def table_lstm():
    return _blocks("LSTM"), _params("LSTM")


@fact(
    PAGE,
    ko="| `GRU(8)` | 블록 {0}개 (게이트 z, r + 후보 값 h) + `reset_after`용 편향 {0} × {1} | {2} |",
    en="| `GRU(8)` | {0} blocks (gates z, r + candidate h) + {0} × {1} biases for `reset_after` "
    "| {2} |",
)
def table_gru():
    layer = keras.layers.GRU(8)
    layer.build((None, 10, 2))
    assert layer.reset_after  # the default: a second bias vector, for the recurrent side
    extra = layer.cell.bias.shape[-1]  # one more bias per column of the kernel
    blocks = _blocks("GRU")
    assert extra == int(blocks) * 8, layer.cell.bias.shape
    return blocks, str(extra // int(blocks)), _params("GRU")


@fact(
    PAGE,
    ko='(`LSTM`의 기본값 `recurrent_activation="{}"`, `activation="{}"`)',
    en='(`LSTM` defaults `recurrent_activation="{}"`, `activation="{}"`)',
)
def lstm_activations():
    layer = keras.layers.LSTM(1)
    return layer.recurrent_activation.__name__, layer.activation.__name__


@fact(PAGE, ko="NumPy로 {} 타임스텝을 직접 계산해", en="computes {} timesteps by hand in NumPy")
def steps_by_hand():
    return _data()[0]


@fact(
    PAGE,
    ko="첫 층은 모든 타임스텝 `{}`, 둘째 층은 마지막 타임스텝 `{}`",
    en="the first layer every timestep `{}`, the second the last timestep `{}`",
)
def table_two_layers():
    shapes = printed(PAGE, r"(?m)^(\(None, \d+, \d+\)) (\(None, \d+\))$")
    return shapes[1], shapes[2]


@fact(PAGE, ko="**텐서 하나** `(None, {})`", en="side by side, `(None, {})`")
def table_bidirectional():
    return printed(PAGE, r"concat +\w+ \(\d+, (\d+)\)")[1]


@fact(PAGE, ko="| 타임스텝마다 출력 `{}` |", en="| an output per timestep `{}` |")
def table_many_to_many():
    return printed(PAGE, r" LSTM (\(None, \d+, \d+\))  outputs")[1]


@fact(
    PAGE,
    ko="| 같은 `Dense`를 타임스텝마다 적용 `{}` |",
    en="| the same `Dense` at every timestep `{}` |",
)
def table_time_distributed():
    return printed(PAGE, r"  outputs (\(None, \d+, \d+\))")[1]


@fact(PAGE, ko='`merge_mode="{}"`(기본값)은', en='`merge_mode="{}"` (the default) returns')
def bidirectional_default():
    return keras.layers.Bidirectional(keras.layers.LSTM(1)).merge_mode


@fact(
    PAGE,
    ko="마스크를 하나씩, 모두 {}개 가집니다",
    en="(its three gates and the candidate), {} in all",
)
def dropout_masks():
    return printed(PAGE, r"(\d+) masks; reused at the next step")[1]


@fact(PAGE, ko="relu의 출력은 항상 {} 이상이므로", en="relu outputs are always {} or more")
def relu_lower_bound():
    outputs = keras.ops.convert_to_numpy(keras.activations.relu(np.linspace(-100, 100, 201)))
    return f"{outputs.min():g}"


@fact(PAGE, ko="회귀는 `{}`(기본값)", en="Regression takes `{}` (the default)")
def regression_activation():
    return keras.layers.Dense(1).activation.__name__


@fact(
    PAGE,
    ko="LSTM 자체의 `activation`은 {}가 기본값입니다",
    en="the LSTM's own `activation` defaults to {}",
)
def lstm_default_activation():
    return keras.layers.LSTM(1).activation.__name__


@fact(
    PAGE,
    ko="`Embedding(..., mask_zero=True)`이면 {}을 패딩으로 보고",
    en="with `Embedding(..., mask_zero=True)`, {} counts as padding",
)
def masked_id():
    layer = keras.layers.Embedding(5, 2, mask_zero=True)
    mask = keras.ops.convert_to_numpy(layer.compute_mask(np.arange(5)[None]))[0]
    (masked,) = np.flatnonzero(~mask)
    return str(masked)
