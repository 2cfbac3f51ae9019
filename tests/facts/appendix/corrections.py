"""Facts the corrections table states in its "what is right" cells (docs/appendix/corrections.md):
defaults, names and error types, each read from the installed libraries."""

import difflib
import importlib
import inspect
import re
import tempfile
import warnings
from pathlib import Path

import keras
import numpy as np
import sklearn.preprocessing
import tensorflow as tf
from keras.src.backend.tensorflow import numpy as tf_numpy
from keras.src.datasets import imdb  # the real loader, not the page runs' offline stand-in
from keras.src.trainers.epoch_iterator import EpochIterator

from keras_kb.facts import fact
from tests.support.library import derivative, sigmoid_peak_slope

PAGE = "appendix/corrections.md"


def _raises(action) -> str:
    """The name of the exception ``action()`` raises."""
    try:
        action()
    except Exception as error:  # noqa: BLE001 - the type is the fact
        return type(error).__name__
    raise AssertionError("no exception")


# Cheat sheets


@fact(
    PAGE,
    ko="철자는 `{}` (설치된 Keras로 확인)",
    en="spelled `{}` (checked against the installed Keras)",
)
def loss_spelling():
    (name,) = difflib.get_close_matches("sparse_categorical_crossentopy", dir(keras.losses), n=1)
    keras.losses.get(name)  # a loss Keras knows
    if _raises(lambda: keras.losses.get("sparse_categorical_crossentopy")) != "ValueError":
        raise ValueError("the misspelled loss is accepted")
    return name


@fact(PAGE, ko="클래스 {}개 중 {}번은 `[{}]`", en="with {} classes, class {} is `[{}]`")
def one_hot_class_2():
    classes, label = 3, 2  # the note's example
    row = keras.utils.to_categorical([label], classes)[0]
    return str(classes), str(label), ", ".join(f"{v:g}" for v in row)


@fact(PAGE, ko="`MultilLabelBinarizer` | `{}` |", en="`MultilLabelBinarizer` | `{}` |")
def multilabel_binarizer():
    (name,) = difflib.get_close_matches("MultilLabelBinarizer", dir(sklearn.preprocessing), n=1)
    return name


@fact(
    PAGE,
    ko="기울기 {}은 음수 입력에서만(양수에서는 {})",
    en="the gradient is {} only for negative inputs ({} for positive ones)",
)
def relu_gradients():
    negative, positive = (
        set(derivative(keras.activations.relu, z)) for z in ([-5.0, -1.0, -0.1], [0.1, 1.0, 5.0])
    )
    if len(negative) != 1 or len(positive) != 1:
        raise ValueError(f"the gradient varies: {negative}, {positive}")
    return f"{negative.pop():g}", f"{positive.pop():g}"


@fact(PAGE, ko="(`{}` 층, `{}` 함수)", en="(the `{}` layer, the `{}` function)")
def leaky_relu_names():
    (layer,) = [n for n in dir(keras.layers) if n.lower() == "leakyrelu"]
    (function,) = [n for n in dir(keras.activations) if n.lower() == "leaky_relu"]
    return layer, function


@fact(PAGE, ko="$z = 10$에서 약 {})", en="(about {} at $z = 10$)")
def sigmoid_derivative_at_10():
    return f"{derivative(keras.activations.sigmoid, [10.0])[0]:.6f}"


@fact(
    PAGE,
    ko="{}클래스에서 `softmax([z, 0])`의 첫 값 = `sigmoid(z)`",
    en="with {} classes the first value of `softmax([z, 0])` = `sigmoid(z)`",
)
def softmax_of_two_is_sigmoid():
    z = np.linspace(-8, 8, 33, dtype="float32")
    logits = np.stack([z, np.zeros_like(z)], axis=1)
    first = keras.activations.softmax(logits).numpy()[:, 0]
    if not np.allclose(first, keras.activations.sigmoid(z).numpy(), atol=1e-6):
        raise ValueError("softmax([z, 0])[0] differs from sigmoid(z)")
    return str(logits.shape[1])


@fact(
    PAGE,
    ko="Keras 3: {0}은 `{1}`뿐; `Adagrad`를 포함한 나머지는 {2} (예외: `{3}` {4})",
    en="Keras 3: only `{1}` has {0}; all others, `Adagrad` included, {2} (except `{3}`, {4})",
)
def default_learning_rates():
    rates = {}
    for name in dir(keras.optimizers):
        cls = getattr(keras.optimizers, name)
        if inspect.isclass(cls) and issubclass(cls, keras.optimizers.Optimizer):
            default = inspect.signature(cls).parameters.get("learning_rate")
            if default is not None and isinstance(default.default, float):
                rates[name] = default.default
    values = sorted(set(rates.values()), key=list(rates.values()).count)
    common = values[-1]  # the rate most optimizers share
    others = {name: rate for name, rate in rates.items() if rate != common}
    if rates["Adagrad"] != common or len(others) != 2:
        raise ValueError(f"the defaults changed: {rates}")
    (sgd,) = [name for name, rate in others.items() if rate == rates["SGD"]]
    ((exception, rate),) = [(name, rate) for name, rate in others.items() if name != sgd]
    return f"{rates['SGD']:g}", sgd, f"{common:g}", exception, f"{rate:g}"


@fact(PAGE, ko="(`momentum` 기본값 {})", en="(`momentum` defaults to {})")
def rmsprop_momentum():
    return f"{keras.optimizers.RMSprop().momentum:g}"


# Building models


@fact(PAGE, ko="같은 키워드를 두 번 넘기면 `{}`", en="a repeated keyword is a `{}`")
def repeated_keyword():
    return _raises(lambda: compile("Dense(4, activation='sigmoid', activation='relu')", "", "eval"))


@fact(PAGE, ko="모르는 키워드 인자는 `{}`", en="an unknown keyword argument raises `{}`")
def unknown_keyword():
    return _raises(lambda: keras.layers.Dense(1, bias_initilizer="zeros"))


@fact(PAGE, ko="| 기본값은 {} |", en="| the default is {} |")
def default_batch_size():
    def batches(n):  # how fit cuts n samples when batch_size is not given
        return EpochIterator(x=np.zeros((n, 1)), batch_size=None).num_batches

    low, high = 1, 4096  # the largest n that still fits in one batch is the batch size
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if batches(middle) == 1 else (low, middle - 1)
    return str(low)


@fact(
    PAGE,
    ko='둘 다 기본값이 있음(`"{}"`, `{}`); 손실 없이 `fit`하면 `{}`',
    en='both have defaults (`"{}"`, `{}`); `fit` without a loss raises `{}`',
)
def compile_defaults():
    parameters = inspect.signature(keras.Model.compile).parameters
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile()
    error = _raises(lambda: model.fit(np.zeros((4, 2)), np.zeros(4), verbose=0))
    return parameters["optimizer"].default, repr(parameters["loss"].default), error


@fact(PAGE, ko="`tf.models`는 없음; `{}` 또는 `{}`", en="there is no `tf.models`; use `{}` or `{}`")
def load_model_paths():
    if hasattr(tf, "models"):
        raise ValueError("tf.models exists")
    found = [
        path
        for path, module in (
            ("keras.models.load_model", keras.models),
            ("tf.keras.models.load_model", tf.keras.models),
        )
        if callable(getattr(module, "load_model", None))
    ]
    return tuple(found)


@fact(PAGE, ko="`Conv1D` 출력도 {}D", en="`Conv1D` output is {}D too")
def conv1d_output_rank():
    return str(len(keras.layers.Conv1D(2, 3)(keras.Input((10, 4))).shape))


@fact(PAGE, ko="게이트는 {}, 후보는 {}", en="{} gates, {} candidate")
def lstm_activations():
    lstm = keras.layers.LSTM(2)
    return lstm.recurrent_activation.__name__, lstm.activation.__name__


@fact(PAGE, ko="(하이픈은 `{}`)", en="(the hyphen is a `{}`)")
def hyphenated_keyword():
    return _raises(lambda: compile("LSTM(4, return-sequences=True)", "", "eval"))


@fact(PAGE, ko="둘째 LSTM이 `{}`", en="the second raises `{}`")
def stacked_lstm_without_sequences():
    return _raises(
        lambda: keras.Sequential([keras.Input((5, 3)), keras.layers.LSTM(4), keras.layers.LSTM(4)])
    )


@fact(
    PAGE,
    ko="실수 벡터를 넣으면 {}행만 찾은 {}D 텐서",
    en="float vectors give a {1}D tensor of row {0} only",
)
def embedding_of_floats():
    layer = keras.layers.Embedding(10, 4)
    out = layer(np.random.default_rng(0).random((2, 5, 3)).astype("float32")).numpy()
    (row,) = {i for i in range(10) if np.allclose(out, layer.embeddings.numpy()[i])}
    return str(row), str(out.ndim)


@fact(
    PAGE,
    ko="`Embedding(1000, 64)`는 {}부터 {}까지 모두 받음",
    en="`Embedding(1000, 64)` takes every id from {} to {}",
)
def embedding_ids():
    layer = keras.layers.Embedding(1000, 64)
    ids = np.arange(1000)
    if not np.array_equal(layer(ids).numpy(), layer.embeddings.numpy()):
        raise ValueError("some id does not give its row")
    return str(ids.min()), str(ids.max())


@fact(
    PAGE,
    ko="Keras 3의 `Embedding`은 `{}`(TensorFlow에서는 `{}`)",
    en="Keras 3's `Embedding` calls `{}` (`{}` on TensorFlow)",
)
def embedding_lookup():
    call = inspect.getsource(keras.layers.Embedding.call)
    (op,) = set(re.findall(r"ops\.(take\w*)\(", call))
    backend = re.findall(r"^\s*return (tf\.\w+)\(", inspect.getsource(tf_numpy.take), re.M)[-1]
    return f"keras.ops.{op}", backend


@fact(
    PAGE,
    ko="`load_weights`는 모델 안에 채우고 `{}`을 돌려줌; `Embedding`에 `load_weights` 인자는 "
    "없음(`{}`)",
    en="`load_weights` fills the model and returns `{}`; `Embedding` has no `load_weights` "
    "argument (`{}`)",
)
def load_weights_returns_none():
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "m.weights.h5")
        model.save_weights(path)
        returned = model.load_weights(path)
    error = _raises(lambda: keras.layers.Embedding(3, 2, load_weights=np.zeros((3, 2))))
    return repr(returned), error


@fact(PAGE, ko="(그대로 넘기면 `{}`)", en="(bare, it is a `{}`)")
def set_weights_bare_matrix():
    layer = keras.layers.Embedding(10, 4)
    layer.build((None,))
    return _raises(lambda: layer.set_weights(np.zeros((10, 4))))


@fact(PAGE, ko="`Dot(axis=2)`는 `{}`", en="`Dot(axis=2)` is a `{}`")
def dot_axis_keyword():
    return _raises(lambda: keras.layers.Dot(axis=2))


# Training


@fact(PAGE, ko="`save_weights_only=True`면 `{}`", en="with `save_weights_only=True`, `{}`")
def weights_only_suffix():
    try:
        keras.callbacks.ModelCheckpoint("my_model.h5", save_weights_only=True)
    except ValueError as error:
        return re.search(r"must end in `([^`]+)`", str(error))[1]
    raise ValueError("ModelCheckpoint took a .h5 path for weights")


@fact(PAGE, ko="`model.compile(...)` (`{}`, `{}`)", en="`model.compile(...)` (`{}`, `{}`)")
def misspelled_model_compile():
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    return _raises(lambda: eval("mopdel", {})), _raises(lambda: model.complie)


@fact(
    PAGE,
    ko="오타 인자는 조용히 무시되고 기본값 {}이 쓰임",
    en="the misspelled argument is silently ignored and the default {} applies",
)
def reduce_lr_typo():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "silently": not even a warning
        callback = keras.callbacks.ReduceLROnPlateau(patiene=3)
    default = inspect.signature(keras.callbacks.ReduceLROnPlateau).parameters["patience"].default
    if callback.patience != default:
        raise ValueError("the misspelled argument was used")
    return str(callback.patience)


@fact(PAGE, ko="기본값 `epochs={}`이라", en="the default `epochs={}` runs")
def default_epochs():
    return str(inspect.signature(keras.Model.fit).parameters["epochs"].default)


@fact(PAGE, ko="가장 큰 레이블 + {}로", en="its own largest label + {} as its number of columns")
def to_categorical_columns():
    labels = np.array([0, 4, 2])
    return str(keras.utils.to_categorical(labels).shape[1] - labels.max())


@fact(
    PAGE,
    ko="Keras 3에서 제거(`{}`); `scikeras.wrappers.KerasClassifier` 또는 `{}`",
    en="removed in Keras 3 (`{}`); `scikeras.wrappers.KerasClassifier` or `{}`",
)
def scikit_learn_wrapper():
    error = _raises(lambda: importlib.import_module("keras.wrappers.scikit_learn"))
    (name,) = [n for n in dir(keras.wrappers) if n.lower() == "sklearnclassifier"]
    return error, f"keras.wrappers.{name}"


# Walkthroughs, foundations and appendix


@fact(PAGE, ko="오타는 `{}`로 들어가", en="the typo disappears into `{}`")
def imdb_kwargs():
    (name,) = [
        p.name
        for p in inspect.signature(imdb.load_data).parameters.values()
        if p.kind is p.VAR_KEYWORD
    ]
    return f"**{name}"


@fact(PAGE, ko="NumPy 1.24에서 제거(`{}`)", en="removed in NumPy 1.24 (`{}`)")
def np_str_removed():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # NumPy 2 may bring np.str back one day
        return _raises(lambda: np.str)


@fact(PAGE, ko="(텍스트 파일이면 `{}`)", en="(`{}` on a text file)")
def np_load_text_file():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.txt"
        path.write_text("1 2\n3 4\n")
        return _raises(lambda: np.load(path))


@fact(PAGE, ko="(`sigmoid` 도함수 ≤ {})", en="(`sigmoid`'s derivative ≤ {})")
def sigmoid_derivative_max():
    return f"{sigmoid_peak_slope():g}"


@fact(PAGE, ko='Keras도 `SGD`를 "{}"로 설명', en='Keras describes `SGD` as "{}" too')
def sgd_description():
    return re.match(r"[A-Za-z ]+?(?= \(| optimizer)", keras.optimizers.SGD.__doc__)[0]
