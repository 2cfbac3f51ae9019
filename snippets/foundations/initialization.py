# --8<-- [start:saturation]
import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.uniform(0, 1, size=(256, 784)).astype("float32")  # like MNIST pixels scaled to 0-1


def sigmoid_layer(initializer):
    """The outputs of a Dense(50, sigmoid) layer on 784 inputs with the given initializer."""
    layer = keras.layers.Dense(50, activation="sigmoid", kernel_initializer=initializer)
    return layer(x).numpy()


for name, initializer in [
    ("uniform(-4, 4)", keras.initializers.RandomUniform(-4, 4, seed=0)),
    ("normal(0, 0.1)", keras.initializers.RandomNormal(stddev=0.1, seed=0)),
    ("glorot_uniform", keras.initializers.GlorotUniform(seed=0)),
]:
    out = sigmoid_layer(initializer)
    saturated = np.mean((out < 0.01) | (out > 0.99))
    slope = np.mean(out * (1 - out))  # the sigmoid's derivative at these outputs
    print(f"{name:15s} saturated {saturated:5.1%}  mean slope {slope:.4f}")
    if name.startswith("uniform"):
        saturated_big, slope_big = saturated, slope
    if name.startswith("glorot"):
        saturated_glorot, slope_glorot = saturated, slope
assert saturated_big > 0.8 and slope_big < 0.02  # big weights: outputs stuck at 0 or 1
assert saturated_glorot < 0.05 and slope_glorot > 0.2  # small weights: the slope survives
# --8<-- [end:saturation]

# --8<-- [start:variance]
fan_in, fan_out = 400, 600
shape = (fan_in, fan_out)  # a Dense kernel: (inputs, units)
expected = {
    "GlorotUniform": 2 / (fan_in + fan_out),  # Xavier: depends on both fans
    "GlorotNormal": 2 / (fan_in + fan_out),
    "HeUniform": 2 / fan_in,  # He: for ReLU, twice the variance of LeCun's 1 / fan_in
    "HeNormal": 2 / fan_in,
}
for name, variance in expected.items():
    kernel = getattr(keras.initializers, name)(seed=0)(shape).numpy()
    print(f"{name:13s} sampled variance {kernel.var():.6f}  formula {variance:.6f}")
    assert abs(kernel.var() / variance - 1) < 0.02

limit = np.sqrt(6 / (fan_in + fan_out))  # GlorotUniform draws from U(-limit, limit)
kernel = keras.initializers.GlorotUniform(seed=0)(shape).numpy()
assert kernel.max() <= limit and kernel.min() >= -limit and kernel.max() > 0.99 * limit
# --8<-- [end:variance]

# --8<-- [start:defaults]
dense = keras.layers.Dense(8)
print(type(dense.kernel_initializer).__name__, type(dense.bias_initializer).__name__)
assert isinstance(dense.kernel_initializer, keras.initializers.GlorotUniform)
assert isinstance(dense.bias_initializer, keras.initializers.Zeros)
for name in ("glorot_uniform", "glorot_normal", "he_uniform", "he_normal"):  # the table's names
    assert type(keras.initializers.get(name)).__name__.lower() == name.replace("_", "")
# --8<-- [end:defaults]

# --8<-- [start:depth]
def activation_std(initializer, activation, depth=10, width=256):
    """The spread of activations after each of `depth` Dense layers."""
    h = rng.normal(size=(512, width)).astype("float32")
    spread = []
    for _ in range(depth):
        h = keras.layers.Dense(width, activation=activation, kernel_initializer=initializer)(h)
        spread.append(float(np.std(h)))
    return spread


for name, init in [("tiny N(0, 0.01)", keras.initializers.RandomNormal(stddev=0.01)),
                   ("glorot_uniform", "glorot_uniform"), ("he_normal", "he_normal")]:
    spread = activation_std(init, "relu")
    print(f"relu, {name:15s}: std layer 1 {spread[0]:.3f} -> layer 10 {spread[-1]:.2e}")
    if name.startswith("tiny"):
        tiny = spread
    elif name == "he_normal":
        he = spread
assert tiny[-1] < 1e-8  # activations die out layer after layer
assert 0.5 < he[-1] / he[0] < 2  # He keeps the scale through 10 ReLU layers
# --8<-- [end:depth]
