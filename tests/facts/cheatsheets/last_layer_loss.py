"""Facts the last-layer and loss page states in prose (docs/cheatsheets/last-layer-loss.md)."""

import inspect
from pathlib import Path

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


# Logits and from_logits ---------------------------------------------------------------------


@fact(
    PAGE,
    ko="문자열로 준 손실과 손실 클래스의 기본값은 `from_logits={}`이므로",
    en="A loss given as a string and the loss classes default to `from_logits={}`",
)
def from_logits_default():
    names = ("binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy")
    functions = {
        inspect.signature(keras.losses.get(n)).parameters["from_logits"].default for n in names
    }
    classes = {
        cls().get_config()["from_logits"]
        for cls in (
            keras.losses.BinaryCrossentropy,
            keras.losses.CategoricalCrossentropy,
            keras.losses.SparseCategoricalCrossentropy,
        )
    }
    return _one({str(v) for v in functions | classes})


@fact(
    PAGE,
    ko="(`keras.config.epsilon()`, 기본값 {}), 한 샘플의 손실이 $-\\log \\epsilon \\approx {}$",
    en="(`keras.config.epsilon()`, {} by default), so the loss of one sample stops near "
    "$-\\log \\epsilon \\approx {}$",
)
def probability_clip():
    epsilon = keras.config.epsilon()
    return f"{epsilon:g}", f"{-np.log(epsilon):.2f}"


@fact(
    PAGE,
    ko="정답이 클래스 0이면 정확한 손실은 약 {}인데, 확률에서 계산하면 {}에 그칩니다",
    en="and class 0 as the answer, the exact loss is about {}, but computed from the "
    "probabilities it is only {}",
)
def saturated_softmax_losses():
    exact = float(printed(PAGE, r"from the logits: +([\d.]+)")[1])
    clipped = printed(PAGE, r"from the probabilities: +([\d.]+)")[1]
    return f"{exact:.0f}", clipped


@fact(
    PAGE,
    ko="로짓 20에 레이블 0이면 정확한 손실은 {}이지만 확률에서 계산하면 {}입니다",
    en="with logit 20 and label 0 the exact loss is {}, but computed from the probability it is {}",
)
def saturated_sigmoid_losses():
    found = printed(PAGE, r"from the logit: ([\d.]+) +from the probability: ([\d.]+)")
    return f"{float(found[1]):g}", found[2]


@fact(
    PAGE,
    ko="포화된 확률에 대한 기울기는 `{}`이고",
    en="the gradient with respect to the saturated probabilities is `{}`",
)
def gradient_on_saturated_probabilities():
    return printed(PAGE, r"gradient w\.r\.t\. the probabilities: (\[\[.*\]\])")[1]


@fact(
    PAGE,
    ko="$\\mathrm{{softmax}}(z) - y$, 곧 `{}`로",
    en="$\\mathrm{{softmax}}(z) - y$, that is `{}`",
)
def gradient_on_logits():
    return printed(PAGE, r"gradient w\.r\.t\. the logits: +(\[\[.*\]\])")[1]


@fact(
    PAGE,
    ko="설치된 Keras에서 이 길이 있는 백엔드는 `{}`뿐이고",
    en="In the installed Keras, `{}` is the only backend with this path",
)
def backends_with_attached_logits():
    """Read from the installed Keras source, which needs no backend library installed: the
    backends whose cross-entropy uses the logits attached to a probability tensor."""
    folder = Path(keras.__file__).parent / "src" / "backend"
    found = {
        name
        for name in ("tensorflow", "jax", "torch", "numpy", "openvino")
        if "_keras_logits" in (folder / name / "nn.py").read_text(encoding="utf-8")
    }
    return _one(found) if found else "none"


@fact(
    PAGE,
    ko="로짓 0이 확률 {}이므로",
    en="Logit 0 is probability {}",
)
def logit_zero():
    return f"{float(keras.ops.sigmoid(0.0)):g}"


@fact(
    PAGE,
    ko="이 임계값을 로짓에 그대로 쓰면 확률 약 {}에서 자르는 셈이라",
    en="that threshold applied to logits cuts at a probability of about {}",
)
def default_threshold_on_logits():
    threshold = keras.metrics.BinaryAccuracy().threshold
    return f"{float(keras.ops.sigmoid(threshold)):.2f}"
