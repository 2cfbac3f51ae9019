"""Facts the Keras API page states in prose (docs/models/keras-api.md)."""

import importlib.util
import inspect
import json

import keras
import numpy as np
from keras.src.trainers.data_adapters.array_data_adapter import ArrayDataAdapter
from keras.src.trainers.data_adapters.array_slicing import train_validation_split

from keras_kb.facts import fact, printed
from keras_kb.pages import SNIPPETS

PAGE = "models/keras-api.md"


def _default(method, name: str) -> str:
    """A parameter's default as the page writes it in code: `None`, `1`, `"auto"`."""
    value = inspect.signature(method).parameters[name].default
    return json.dumps(value) if isinstance(value, str) else repr(value)


def _default_batch_size() -> str:
    """The batch size fit uses when none is given (`batch_size=None`)."""
    return str(ArrayDataAdapter(np.zeros((100, 1)), batch_size=None).batch_size)


def _samples() -> int:
    return int(printed(PAGE, r"data: \((\d+), 4\)")[1])


@fact(
    PAGE,
    ko="그 합 {}가 위에서 출력한 `count_params()`입니다",
    en="and their sum, {}, is the `count_params()` printed above",
)
def functional_graph_parameters():
    """The figure's layer graph (read from the snippet) adds up to what the model printed."""
    path = SNIPPETS / "figures" / "functional_api_graph.py"
    spec = importlib.util.spec_from_file_location("functional_api_graph", path)
    figure = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(figure)
    nodes, _ = figure.graph()
    output_shape, count = printed(PAGE, r"\(None, (\d+)\) (\d+)").groups()
    assert nodes[-1][2] == (None, int(output_shape)), nodes
    assert sum(node[3] for node in nodes) == int(count), (nodes, count)
    return count


@fact(
    PAGE,
    ko="학습되는 가중치는 {}개(커널과 편향 두 쌍)",
    en="so {} weights train (two kernel-and-bias",
)
def shared_layer_weights():
    return printed(PAGE, r"\| trainable weights: (\d+)")[1]


@fact(
    PAGE,
    ko="| `batch_size` | 가중치를 한 번 갱신할 때 쓰는 샘플 수 | `{}` (= {}) |",
    en="| `batch_size` | samples per weight update | `{}` (= {}) |",
)
def fit_batch_size_default():
    return _default(keras.Model.fit, "batch_size"), _default_batch_size()


def _fit_row(argument: str, korean: str, english: str):
    """Register the fact that the `fit` table's row for ``argument`` states its default."""

    def compute():
        return _default(keras.Model.fit, argument)

    compute.__name__ = f"fit_{argument}_default"
    fact(
        PAGE,
        ko=f"| `{argument}` | {korean} | `{{}}` |",
        en=f"| `{argument}` | {english} | `{{}}` |",
    )(compute)


_fit_row("epochs", "훈련 데이터 전체를 몇 번 반복할지", "passes over the whole training set")
_fit_row(
    "verbose",
    "진행 표시: 0 = 없음, 1 = 진행 막대, 2 = 에포크당 한 줄",
    "progress output: 0 = silent, 1 = progress bar, 2 = one line per epoch",
)
_fit_row(
    "callbacks",
    "학습 중에 호출할 콜백(callback) 리스트 ([콜백](../training/callbacks.md))",
    "list of callbacks called during training ([Callbacks](../training/callbacks.md))",
)
_fit_row(
    "validation_split",
    "훈련 데이터의 **마지막** 일부를 떼어 검증에 쓸 비율",
    "share of the training data, taken from the **end**, held back for validation",
)
_fit_row(
    "validation_data",
    "따로 준비한 검증 데이터 `(x_val, y_val)`",
    "a separate validation set `(x_val, y_val)`",
)


@fact(
    PAGE,
    ko="`validation_split=0.2`는 {0}개 중 마지막 {1}개를 검증용으로 떼므로, "
    "배치 크기 32로 에포크마다 {2}번 갱신합니다",
    en="`validation_split=0.2` holds back the last {1} of {0} samples, "
    "so with batches of 32 each epoch makes {2} updates",
)
def validation_split_sizes():
    samples = _samples()
    _, held_back = train_validation_split((np.arange(samples),), 0.2)
    batches = printed(PAGE, r"batches per epoch: (\d+)")[1]
    return str(samples), str(len(held_back[0])), batches


@fact(
    PAGE,
    ko="훈련 데이터 {0}개를 모두 학습에 쓰고(기본 배치 크기 {1}로 에포크마다 {2}번 갱신)",
    en="all {0} training samples are trained on ({2} updates per epoch at the default batch "
    "size of {1})",
)
def validation_data_batches():
    count = printed(PAGE, r"batches per epoch: (\d+)\nval_loss per epoch")[1]  # the second fit
    return str(_samples()), _default_batch_size(), count


@fact(PAGE, ko='(`optimizer="{}"`, `loss={}`)', en='(`optimizer="{}"`, `loss={}`)')
def compile_defaults():
    optimizer = inspect.signature(keras.Model.compile).parameters["optimizer"].default
    return optimizer, _default(keras.Model.compile, "loss")


@fact(
    PAGE,
    ko="이 사이트를 검증한 Keras {}에서는",
    en="with Keras {}, the version this site was checked with",
)
def checked_keras_version():
    return keras.__version__
