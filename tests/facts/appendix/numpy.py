"""Facts the NumPy appendix states in prose (docs/appendix/numpy.md)."""

import inspect
import re
import warnings

import numpy as np
import tensorflow as tf

from keras_kb.facts import fact

PAGE = "appendix/numpy.md"


@fact(PAGE, ko="NumPy {}에서 폐기 예고되고", en="NumPy deprecated it in {}")
def np_str_deprecated_in():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "np.str may come back as a scalar"
            np.str  # noqa: B018 (the note's alias)
    except AttributeError as error:
        return re.search(r"originally deprecated in NumPy (\d+\.\d+)", str(error))[1]
    raise AssertionError("np.str exists again")


@fact(PAGE, ko="`float32` 배열이 `{}`로 돌아오고", en="a `float32` array comes back as `{}`")
def loadtxt_default_dtype():
    return np.dtype(inspect.signature(np.loadtxt).parameters["dtype"].default).name


@fact(
    PAGE,
    ko="기본 형식 `{0}`의 유효숫자 {1}자리",
    en="the {1} significant digits of the default format `{0}`",
)
def savetxt_default_format():
    fmt = inspect.signature(np.savetxt).parameters["fmt"].default
    digits = int(re.fullmatch(r"%\.(\d+)e", fmt)[1]) + 1  # one before the point, the rest after
    return fmt, str(digits)


@fact(
    PAGE, ko="(즉시 실행에서는 그 하위 클래스 `{}`)", en="(in eager execution, its subclass `{}`)"
)
def eager_tensor_class():
    kind = type(tf.convert_to_tensor(np.zeros(2)))
    assert issubclass(kind, tf.Tensor) and kind is not tf.Tensor
    return kind.__name__


@fact(PAGE, ko="값을 NumPy `{}`로 돌려줍니다", en="returns the value as a NumPy `{}`")
def numpy_method_returns():
    return type(tf.constant([1.0]).numpy()).__name__
