"""Facts the last-layer and loss page states in prose (docs/cheatsheets/last-layer-loss.md)."""

import keras
import numpy as np
import sklearn.preprocessing

from keras_kb.facts import fact, printed
from tests.support.library import snake_case

PAGE = "cheatsheets/last-layer-loss.md"


def _accuracy_becomes(labels, units, activation, loss):
    """What `metrics=["accuracy"]` resolves to for these labels and this last layer."""
    x = np.zeros((len(labels), 2), dtype="float32")
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(units, activation)])
    model.compile(loss=loss, metrics=["accuracy"])
    model.evaluate(x, labels, verbose=0)
    return snake_case(type(model.metrics[-1].metrics[0]).__name__)


def _one(names):
    return names.pop() if len(names) == 1 else " or ".join(sorted(names))


@fact(
    PAGE,
    ko="출력의 마지막 축이 1이면 `{}`, 레이블이 샘플마다 정수 하나(`(n,)` 또는 `(n, 1)`)이고 "
    "출력이 `(n, K)`이면 `{}`, 그 밖에는 `{}`입니다",
    en="`{}` when the output's last axis is 1, `{}` when each label is one integer "
    "(`(n,)` or `(n, 1)`) and the output is `(n, K)`, and `{}` otherwise",
)
def accuracy_resolution():
    ids = np.array([0, 1, 2, 1])
    k_hot = np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1]], dtype="float32")
    binary = {
        _accuracy_becomes(labels, 1, "sigmoid", "binary_crossentropy")
        for labels in (np.array([0.0, 1, 1, 0]), np.array([[0.0], [1], [1], [0]]))
    }
    sparse = {
        _accuracy_becomes(labels, 3, "softmax", "sparse_categorical_crossentropy")
        for labels in (ids, ids[:, None])
    }
    other = {  # one-hot labels, and k-hot labels under a binary loss: the loss does not decide
        _accuracy_becomes(
            keras.utils.to_categorical(ids, 3), 3, "softmax", "categorical_crossentropy"
        ),
        _accuracy_becomes(k_hot, 3, "sigmoid", "binary_crossentropy"),
    }
    return _one(binary), _one(sparse), _one(other)


@fact(
    PAGE,
    ko="손실이 `binary_crossentropy`여도 `{}`가 되므로",
    en="it becomes `{}` even though the loss is `binary_crossentropy`",
)
def multilabel_accuracy_becomes():
    return snake_case(printed(PAGE, r"'accuracy': '(\w+)'")[1])


@fact(
    PAGE,
    ko="레이블이 원-핫이면 `{}`, 정수면 `{}`입니다",
    en="With one-hot labels the loss is `{}`; with integer labels it is `{}`",
)
def softmax_loss_by_label_format():
    probabilities = np.array([[0.7, 0.2, 0.1], [0.1, 0.6, 0.3]], dtype="float32")
    ids = np.array([0, 1])
    nll = -np.log(probabilities[np.arange(2), ids])  # the labels' negative log-likelihood
    found = []
    for labels in (keras.utils.to_categorical(ids, 3), ids):
        fits = set()
        for name in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
            try:
                loss = np.asarray(keras.losses.get(name)(labels, probabilities))
            except ValueError:  # the labels' rank does not fit this loss
                continue
            if np.allclose(loss, nll, rtol=1e-5):
                fits.add(name)
        found.append(_one(fits))
    return tuple(found)


@fact(
    PAGE,
    ko="샘플 {}개의 입력 특성 {}개에서 숨은 점수 {}개를 만들고",
    en="{} samples of {} input features give {} hidden scores",
)
def synthetic_data_shapes():
    shapes = printed(PAGE, r"inputs \((\d+), (\d+)\) -> hidden scores \((\d+), (\d+)\)")
    return shapes[1], shapes[2], shapes[4]


@fact(
    PAGE,
    ko="`softmax`가 그 점수를 합이 {}인 확률로 바꿉니다",
    en="`softmax` turns those scores into probabilities that sum to {}",
)
def softmax_sums_to():
    logits = np.random.default_rng(0).normal(size=(5, 3)).astype("float32")
    sums = np.asarray(keras.activations.softmax(logits)).sum(axis=-1)
    return f"{round(float(sums[0]), 4):g}" if np.allclose(sums, sums[0]) else "varies"


@fact(
    PAGE,
    ko="아래 모델에서는 이 행렬의 모양이 `{}`입니다",
    en="In the model below that matrix is `{}`",
)
def last_layer_kernel_shape():
    return printed(PAGE, r"last layer kernel: (\(\d+, \d+\))")[1]


@fact(
    PAGE,
    ko="scikit-learn의 클래스 이름은 `{}`이고",
    en="The scikit-learn class is `{}`",
)
def multilabel_binarizer_name():
    names = [n for n in dir(sklearn.preprocessing) if n.lower() == "multilabelbinarizer"]
    return _one(set(names)) if names else "missing"


@fact(
    PAGE,
    ko='`"accuracy"`는 `{}`가 되어',
    en='`"accuracy"` became `{}`',
)
def multilabel_accuracy_class():
    return printed(PAGE, r"'accuracy': '(\w+)'")[1]


@fact(
    PAGE,
    ko="출력 하나하나를 {}에서 잘라 자기 레이블과 비교하는 `binary_accuracy`",
    en="`binary_accuracy`, which cuts every output at {} and compares it with its own label",
)
def binary_accuracy_threshold():
    return f"{keras.metrics.BinaryAccuracy().threshold:g}"


@fact(
    PAGE,
    ko="원-핫 벡터에는 {}이 꼭 하나 있습니다",
    en="A one-hot vector always holds exactly one {}",
)
def one_hot_holds_one():
    rows = keras.utils.to_categorical([0, 1, 2], num_classes=3)
    nonzero = {f"{v:g}" for row in rows for v in row if v}
    single = all(np.count_nonzero(row) == 1 for row in rows)
    return _one(nonzero) if single else "several"


@fact(
    PAGE,
    ko="클래스 3개 중 2번은 `{}`이고",
    en="with three classes, class 2 is `{}`",
)
def one_hot_class_two():
    row = keras.utils.to_categorical([2], num_classes=3)[0]
    return "[" + ", ".join(f"{v:g}" for v in row) + "]"


@fact(
    PAGE,
    ko="레이블이 1인 샘플에 $p = {}$을 내면 교차 엔트로피는 약 {}이지만 제곱 오차 $(1 - p)^2$는 "
    "{}에 그칩니다",
    en="For a sample labeled 1, predicting $p = {}$ costs a cross-entropy of about {}, but a "
    "squared error $(1 - p)^2$ of only {}",
)
def confident_mistake_costs():
    p = 0.01
    label, prediction = np.array([[1.0]]), np.array([[p]])
    cross_entropy = float(keras.losses.binary_crossentropy(label, prediction)[0])
    squared = float(keras.losses.mean_squared_error(label, prediction)[0])
    return f"{p:g}", f"{cross_entropy:.2f}", f"{squared:.2f}"
