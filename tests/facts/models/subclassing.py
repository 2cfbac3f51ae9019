"""Facts the subclassing page states in prose (docs/models/subclassing.md)."""

import inspect

import keras
from keras.src.trainers import compile_utils
from keras.src.utils import model_visualization

from keras_kb.facts import fact, printed

PAGE = "models/subclassing.md"


@fact(
    PAGE,
    ko="파라미터 수는 {}개로, (4 × 16 + 16) + (16 × 1 + 1)입니다",
    en="The parameter count is {}, that is (4 × 16 + 16) + (16 × 1 + 1)",
)
def regressor_parameters():
    count = printed(PAGE, r"built: True \| output: \(8, 1\) \| parameters: (\d+)")[1]
    assert int(count) == (4 * 16 + 16) + (16 * 1 + 1), count
    return count


@fact(
    PAGE,
    ko="데이터 없이도 파라미터 수가 같은 {}개로 나오고",
    en="so it reports the same {} parameters without any data",
)
def functional_parameters():
    return printed(PAGE, r"parameters before any data: (\d+)")[1]


@fact(
    PAGE,
    ko="`steps`가 1이든 5든 파라미터 수는 {}개입니다",
    en="with `steps` at 1 or at 5 the parameter count is {}",
)
def iterate_parameters():
    counts = {printed(PAGE, rf"steps={steps}: output \(8, 1\), parameters (\d+)")[1]
              for steps in (1, 5)}
    assert len(counts) == 1, counts  # the same weights at any depth
    return counts.pop()


@fact(
    PAGE,
    ko="| `keras.utils.{}` | 층 그래프 | 층 그래프 | 상자 하나 (안의 층은 보이지 않음) |",
    en="| `keras.utils.{}` | the layer graph | the layer graph | a single box "
    "(the layers inside are not shown) |",
)
def plot_model_draws_a_subclassed_model_as_one_box():
    """The page cannot draw (no pydot here); Keras's drawing code says what it does."""
    source = inspect.getsource(model_visualization.model_to_dot)
    assert "We treat subclassed models as a single node." in source
    assert keras.utils.plot_model is model_visualization.plot_model
    return "plot_model"


@fact(
    PAGE,
    ko="커널의 모양은 ({}, {}), 편향의 모양은 ({},)입니다",
    en="a kernel of shape ({}, {}) and a bias of shape ({},)",
)
def linear_weight_shapes():
    kernel = printed(PAGE, r"linear/kernel \((\d+), (\d+)\)")
    bias = printed(PAGE, r"linear/bias \((\d+),\)")
    return kernel[1], kernel[2], bias[1]


@fact(
    PAGE,
    ko="자동으로 담지 못해 설정을 만들 때 `{}`가 나므로",
    en="it cannot, and building the config raises `{}`",
)
def object_arguments_need_get_config():
    class Scaled(keras.layers.Layer):
        def __init__(self, initializer, **kwargs):
            super().__init__(**kwargs)
            self.initializer = initializer

    class Sized(keras.layers.Layer):
        def __init__(self, units, **kwargs):
            super().__init__(**kwargs)
            self.units = units

    assert Sized(3).get_config()["units"] == 3  # a number: captured automatically
    try:
        Scaled(keras.initializers.Zeros()).get_config()
    except Exception as error:  # an object: no automatic config
        assert "get_config" in str(error), error
        return type(error).__name__
    raise AssertionError("a layer with an object argument got an automatic config")


@fact(
    PAGE,
    ko='손실의 기본 `reduction`은 `"{}"`',
    en='the default `reduction` of a loss is `"{}"`',
)
def loss_reduction():
    def mse_loss(y_true, y_pred):
        return keras.ops.mean(keras.ops.square(y_true - y_pred), axis=-1)

    wrapped = compile_utils.get_loss(mse_loss, None, None)  # what compile does with a function
    built_in = inspect.signature(keras.losses.Loss.__init__).parameters["reduction"].default
    assert wrapped.reduction == keras.losses.MeanSquaredError().reduction == built_in
    return built_in


@fact(
    PAGE,
    ko="샘플 {0}개에 손실 {0}개를 돌려주고",
    en="for {0} samples it returns {0} losses",
)
def per_sample_losses():
    return printed(PAGE, r"per sample: \((\d+),\)")[1]


@fact(
    PAGE,
    ko="Keras가 `{}`로 감싸 샘플마다의 값을 평균 냅니다",
    en="in a `{}`, which averages the per-sample values",
)
def metric_function_wrapper():
    def close_enough(y_true, y_pred):
        return y_true

    return type(compile_utils.get_metric(close_enough, None, None)).__name__


@fact(
    PAGE,
    ko="`fit`은 `call`에 `training={}`를, `evaluate`와 `predict`는 `training={}`를 넘깁니다",
    en="`fit` passes `training={}` to `call`; `evaluate` and `predict` pass `training={}`",
)
def training_argument_in_fit_and_predict():
    """What each method hands to `call`, recorded by a model that notes its argument (a
    Python bool, so it is recorded while fit and predict trace `call`)."""
    import numpy as np

    seen = []

    class Spy(keras.Model):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.dense = keras.layers.Dense(1)

        def call(self, inputs, training=False):
            seen.append(training)
            return self.dense(inputs)

    x, y = np.zeros((8, 2), "float32"), np.zeros((8, 1), "float32")
    spy = Spy()
    spy.compile(optimizer="sgd", loss="mse")
    spy.fit(x, y, epochs=1, verbose=0)
    in_fit = set(seen)
    seen.clear()
    spy.evaluate(x, y, verbose=0)
    spy.predict(x, verbose=0)
    assert len(in_fit) == 1 and len(set(seen)) == 1, (in_fit, seen)
    return str(in_fit.pop()), str(seen[0])
