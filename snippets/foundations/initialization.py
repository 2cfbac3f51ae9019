# --8<-- [start:saturation]
import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.uniform(0, 1, size=(256, 784)).astype("float32")  # like MNIST pixels scaled to 0-1


def sigmoid_layer(initializer):
    """The outputs of a Dense(50, sigmoid) layer on 784 inputs with the given initializer."""
    layer = keras.layers.Dense(50, activation="sigmoid", kernel_initializer=initializer)
    return keras.ops.convert_to_numpy(layer(x))


print("x", x.shape, "-> Dense(50, activation='sigmoid')")
saturated, slope = {}, {}
for name, initializer in [
    ("uniform(-4, 4)", keras.initializers.RandomUniform(-4, 4, seed=0)),
    ("normal(0, 0.1)", keras.initializers.RandomNormal(stddev=0.1, seed=0)),
    ("glorot_uniform", keras.initializers.GlorotUniform(seed=0)),
]:
    out = sigmoid_layer(initializer)
    saturated[name] = np.mean((out < 0.01) | (out > 0.99))
    slope[name] = np.mean(out * (1 - out))  # the sigmoid's derivative at these outputs
    print(f"{name:15s} saturated {saturated[name]:5.1%}  mean slope {slope[name]:.4f}")
# --8<-- [end:saturation]
# --8<-- [start:saturation-check]
# big weights: outputs stuck at 0 or 1; small weights: the slope survives
assert saturated["uniform(-4, 4)"] > 0.8 and slope["uniform(-4, 4)"] < 0.02
assert saturated["normal(0, 0.1)"] < 0.05 and slope["normal(0, 0.1)"] > 0.1
assert saturated["glorot_uniform"] < 0.05 and slope["glorot_uniform"] > 0.2
# --8<-- [end:saturation-check]

# --8<-- [start:variance]
fan_in, fan_out = 400, 600
shape = (fan_in, fan_out)  # a Dense kernel: (inputs, units)
expected = {
    "GlorotUniform": 2 / (fan_in + fan_out),  # Xavier: depends on both fans
    "GlorotNormal": 2 / (fan_in + fan_out),
    "HeUniform": 2 / fan_in,  # He: for ReLU, twice the variance of LeCun's 1 / fan_in
    "HeNormal": 2 / fan_in,
}
sampled = {}
for name, variance in expected.items():
    kernel = keras.ops.convert_to_numpy(getattr(keras.initializers, name)(seed=0)(shape))
    sampled[name] = kernel.var()
    print(f"{name:13s} sampled variance {sampled[name]:.6f}  formula {variance:.6f}")

limit = np.sqrt(6 / (fan_in + fan_out))  # GlorotUniform draws from U(-limit, limit)
kernel = keras.ops.convert_to_numpy(keras.initializers.GlorotUniform(seed=0)(shape))
print(f"GlorotUniform {kernel.shape} range [{kernel.min():.5f}, {kernel.max():.5f}], "
      f"limit {limit:.5f}")
# --8<-- [end:variance]
# --8<-- [start:variance-check]
assert all(abs(sampled[name] / variance - 1) < 0.02 for name, variance in expected.items())
assert kernel.max() <= limit and kernel.min() >= -limit and kernel.max() > 0.99 * limit
# --8<-- [end:variance-check]

# --8<-- [start:defaults]
dense = keras.layers.Dense(8)
print("Dense defaults:", type(dense.kernel_initializer).__name__,
      type(dense.bias_initializer).__name__)
for name in ("glorot_uniform", "glorot_normal", "he_uniform", "he_normal"):  # the table's names
    print(f"{name!r:16} -> keras.initializers.{type(keras.initializers.get(name)).__name__}")
# --8<-- [end:defaults]
# --8<-- [start:defaults-check]
assert isinstance(dense.kernel_initializer, keras.initializers.GlorotUniform)
assert isinstance(dense.bias_initializer, keras.initializers.Zeros)
assert all(type(keras.initializers.get(name)).__name__.lower() == name.replace("_", "")
           for name in ("glorot_uniform", "glorot_normal", "he_uniform", "he_normal"))
# --8<-- [end:defaults-check]

# --8<-- [start:depth]
def activation_std(initializer, activation, depth=10, width=256):
    """The spread of activations after each of `depth` Dense layers."""
    h = rng.normal(size=(512, width)).astype("float32")
    spread = []
    for _ in range(depth):
        h = keras.layers.Dense(width, activation=activation, kernel_initializer=initializer)(h)
        spread.append(float(keras.ops.std(h)))
    return spread


spread = {}
for name, init in [("tiny N(0, 0.01)", keras.initializers.RandomNormal(stddev=0.01)),
                   ("big N(0, 1)", keras.initializers.RandomNormal(stddev=1.0)),
                   ("glorot_uniform", "glorot_uniform"), ("he_normal", "he_normal")]:
    spread[name] = activation_std(init, "relu")
    print(f"relu, {name:15s}: std layer 1 {spread[name][0]:.3f} "
          f"-> layer {len(spread[name])} {spread[name][-1]:.2e}")
# --8<-- [end:depth]
# --8<-- [start:depth-check]
assert spread["tiny N(0, 0.01)"][-1] < 1e-8  # activations die out layer after layer
assert spread["glorot_uniform"][-1] < 0.2 * spread["glorot_uniform"][0]  # they shrink
assert 0.5 < spread["he_normal"][-1] / spread["he_normal"][0] < 2  # He keeps the scale
assert spread["big N(0, 1)"][-1] > 1e6 * spread["big N(0, 1)"][0]  # too large: it explodes
# --8<-- [end:depth-check]
