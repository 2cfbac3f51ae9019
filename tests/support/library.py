"""What the fact files (tests/facts/) and the table checks read off the installed library."""

import re

import keras
import numpy as np
import tensorflow as tf


def derivative(activation, z, dtype="float32") -> np.ndarray:
    """d activation / dz at the points ``z``, by TensorFlow's automatic differentiation."""
    tensor = tf.constant(np.asarray(z, dtype=dtype))
    with tf.GradientTape() as tape:
        tape.watch(tensor)
        out = activation(tensor)
    return tape.gradient(out, tensor).numpy()


def sigmoid_peak_slope() -> float:
    """The largest derivative of Keras's sigmoid, on a fine grid over [-10, 10]."""
    return float(derivative(keras.activations.sigmoid, np.linspace(-10, 10, 2001)).max())


def snake_case(name: str) -> str:
    """A Keras class name as its string identifier: ``GlorotUniform`` -> ``glorot_uniform``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
