# --8<-- [start:formulas]
import math

import keras
import numpy as np

z = np.linspace(-5, 5, 101).astype("float32")
erf = np.vectorize(math.erf)  # the error function, elementwise
formulas = {  # name in keras.activations: the formula in NumPy
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(0, z),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.2 * z),  # keras.activations default slope 0.2
    "elu": lambda z: np.where(z > 0, z, 1.0 * (np.exp(z) - 1)),  # alpha = 1
    "linear": lambda z: z,
    "gelu": lambda z: z * (1 + erf(z / np.sqrt(2))) / 2,  # z * Phi(z), the exact (erf) form
    "silu": lambda z: z / (1 + np.exp(-z)),  # z * sigmoid(z), also called swish
}
for name, formula in formulas.items():
    from_keras = np.asarray(keras.activations.get(name)(z))
    print(f"{name:10s} max |keras - formula| = {np.abs(from_keras - formula(z)).max():.1e}")
# --8<-- [end:formulas]
# --8<-- [start:formulas-check]
assert all(np.allclose(np.asarray(keras.activations.get(name)(z)), formula(z), atol=1e-6)
           for name, formula in formulas.items())
assert not np.allclose(np.asarray(keras.activations.leaky_relu(z)), np.maximum(0, z))  # not ReLU
# --8<-- [end:formulas-check]

# --8<-- [start:softmax]
logits = np.array([[2.0, 1.0, 0.1]], dtype="float32")
probabilities = np.asarray(keras.activations.softmax(logits))
by_hand = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)
print(probabilities.round(3), "sum", probabilities.sum())
print(by_hand.round(3), "by hand")
per_class = np.asarray(keras.activations.sigmoid(logits))  # one sigmoid per class instead
print(per_class.round(3), "sigmoid per class, sum", round(float(per_class.sum()), 3))
two_classes = np.asarray(keras.activations.softmax(np.array([[2.0, 0.0]], dtype="float32")))
print(f"softmax([2, 0])[0] = {two_classes[0, 0]:.4f}, sigmoid(2) = {per_class[0, 0]:.4f}")
# --8<-- [end:softmax]
# --8<-- [start:softmax-check]
assert np.allclose(probabilities, by_hand) and np.isclose(probabilities.sum(), 1)
assert per_class.sum() > 2  # independent sigmoids: no sum of 1
assert np.isclose(two_classes[0, 0], per_class[0, 0])  # 2 classes: softmax([z, 0]) = sigmoid(z)
# --8<-- [end:softmax-check]

# --8<-- [start:leaky-prelu]
# The layer LeakyReLU has its own default slope (0.3), unlike the function (0.2)
layer = keras.layers.LeakyReLU()
print(f"slope for z < 0: layer {float(layer(z)[0] / z[0]):.2f}, "
      f"function {float(keras.activations.leaky_relu(z)[0] / z[0]):.2f}")

# PReLU learns the slope for z < 0 (one alpha per unit); it starts at 0, i.e. as ReLU
prelu = keras.layers.PReLU()
prelu_model = keras.Sequential([keras.Input(shape=(1,)), prelu])  # one unit: one alpha
alpha_before = prelu.get_weights()[0].copy()
as_relu = keras.ops.convert_to_numpy(prelu_model(z[:, None]))[:, 0]  # NumPy on any backend
prelu_model.compile(optimizer=keras.optimizers.SGD(0.02), loss="mse")
slope_025 = np.where(z > 0, z, 0.25 * z)[:, None]  # targets with slope 0.25 for z < 0
prelu_model.fit(z[:, None], slope_025, epochs=10, verbose=0)
alpha_after = prelu.get_weights()[0]
print("PReLU alpha", alpha_before.shape, ":", alpha_before[0], "->",
      round(float(alpha_after[0]), 3))  # learned from the data
# --8<-- [end:leaky-prelu]
# --8<-- [start:leaky-prelu-check]
assert np.allclose(layer(z), np.where(z > 0, z, 0.3 * z))
assert np.allclose(keras.layers.LeakyReLU(negative_slope=0.2)(z), formulas["leaky_relu"](z))
assert alpha_before.shape == (1,) and alpha_before[0] == 0
assert np.allclose(as_relu, np.maximum(0, z))  # alpha = 0: exactly ReLU before training
assert abs(alpha_after[0] - 0.25) < 0.02  # training moved alpha to the targets' slope
# --8<-- [end:leaky-prelu-check]

# --8<-- [start:maxout]
# Maxout (note 002) is not a Keras layer: take the max over k linear pieces per unit
units, pieces = 4, 3
maxout = keras.Sequential([
    keras.Input(shape=(8,)),
    keras.layers.Dense(units * pieces),
    keras.layers.Reshape((units, pieces)),
    keras.layers.Lambda(lambda t: keras.ops.max(t, axis=-1)),
])
print("maxout output shape:", maxout.output_shape)
print("keras.layers.Maxout exists:", hasattr(keras.layers, "Maxout"))
# --8<-- [end:maxout]
# --8<-- [start:maxout-check]
assert maxout.output_shape == (None, units)
assert not hasattr(keras.layers, "Maxout")
# --8<-- [end:maxout-check]

# --8<-- [start:derivatives]
import tensorflow as tf

z_tensor = tf.constant(z)
slopes = {}
for name in ("sigmoid", "tanh", "relu", "leaky_relu", "elu"):
    with tf.GradientTape() as tape:
        tape.watch(z_tensor)
        out = keras.activations.get(name)(z_tensor)
    slopes[name] = tape.gradient(out, z_tensor).numpy()
    print(f"{name:10s} slope at z=-5: {slopes[name][0]:.4f}  max slope {slopes[name].max():.3f}")

far = tf.constant([10.0])
with tf.GradientTape() as tape:
    tape.watch(far)
    far_out = keras.activations.sigmoid(far)
far_slope = float(tape.gradient(far_out, far)[0])
print(f"sigmoid slope at z=10: {far_slope:.2e}")  # tiny, but not 0
# --8<-- [end:derivatives]
# --8<-- [start:derivatives-check]
assert np.isclose(slopes["sigmoid"].max(), 0.25)  # at most 1/4: stacks of sigmoids vanish
assert np.isclose(slopes["tanh"].max(), 1.0)
assert slopes["relu"][0] == 0 and slopes["relu"][-1] == 1  # 0 for z < 0, 1 for z > 0
assert np.isclose(slopes["leaky_relu"][0], 0.2)  # never exactly 0
assert (slopes["sigmoid"] > 0).all() and slopes["sigmoid"][0] < 0.01  # small, never 0
assert 0 < far_slope < 1e-4 and np.isclose(far_slope, np.exp(-10) / (1 + np.exp(-10)) ** 2,
                                           rtol=1e-2)  # sigma(10) * (1 - sigma(10))
# --8<-- [end:derivatives-check]

# --8<-- [start:dying-relu]
# A ReLU unit whose weighted sum is negative for every input outputs 0 and gets gradient 0,
# so training can never revive it: a "dead" neuron. Leaky ReLU keeps a small gradient.
x = np.random.default_rng(0).normal(size=(64, 3)).astype("float32")
y = x.sum(axis=1, keepdims=True)


def train_one_unit(activation):
    unit = keras.layers.Dense(1, activation=activation,
                              bias_initializer=keras.initializers.Constant(-10.0))
    model = keras.Sequential([keras.Input(shape=(3,)), unit])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    before, bias_before = unit.get_weights()[0].copy(), float(unit.bias[0])
    model.fit(x, y, epochs=5, verbose=0)
    change = np.abs(unit.get_weights()[0] - before).max()
    print(f"{activation:10s} bias {bias_before:g} -> {float(unit.bias[0]):.3f}, "
          f"largest weight change {change:.3f}")
    return change


relu_change, leaky_change = train_one_unit("relu"), train_one_unit("leaky_relu")
# --8<-- [end:dying-relu]
# --8<-- [start:dying-relu-check]
assert relu_change == 0.0 and leaky_change > 0.01
# --8<-- [end:dying-relu-check]

# --8<-- [start:gelu-silu]
# GELU = z * Phi(z) (Phi: the standard normal CDF); approximate=True uses the tanh form
points = np.array([-3, -1, -0.5, 0, 0.5, 1, 3], dtype="float32")
tanh_form = points * (1 + np.tanh(np.sqrt(2 / np.pi) * (points + 0.044715 * points**3))) / 2
smooth = {  # name: (Keras, the formula in NumPy)
    "gelu": (keras.activations.gelu(points), formulas["gelu"](points)),
    "gelu tanh": (keras.activations.gelu(points, approximate=True), tanh_form),
    "silu": (keras.activations.silu(points), points / (1 + np.exp(-points))),
}
print(f"{'z':10s}", points)
for name, (from_keras, formula) in smooth.items():
    from_keras = np.asarray(from_keras)
    print(f"{name:10s}", from_keras.round(4), f"max |keras - formula| = "
          f"{np.abs(from_keras - formula).max():.1e}")

wide = np.linspace(-10, 10, 2001).astype("float32")
forms_apart = np.abs(np.asarray(keras.activations.gelu(wide))
                     - np.asarray(keras.activations.gelu(wide, approximate=True))).max()
print(f"exact and tanh GELU differ by at most {forms_apart:.5f}")
print("swish is silu:", keras.activations.swish is keras.activations.silu)
# --8<-- [end:gelu-silu]
# --8<-- [start:gelu-silu-check]
assert all(np.allclose(from_keras, formula, atol=1e-6) for from_keras, formula in smooth.values())
assert 1e-4 < forms_apart < 1e-3  # two different functions, close everywhere
assert keras.activations.get("swish") is keras.activations.silu
# --8<-- [end:gelu-silu-check]

# --8<-- [start:gelu-silu-slopes]
# Automatic differentiation against the closed-form derivatives
sigma = 1 / (1 + np.exp(-z))
closed_form = {
    "gelu": (1 + erf(z / np.sqrt(2))) / 2 + z * np.exp(-z**2 / 2) / np.sqrt(2 * np.pi),
    "silu": sigma * (1 + z * (1 - sigma)),
}
for name, expected in closed_form.items():
    with tf.GradientTape() as tape:
        tape.watch(z_tensor)
        out = keras.activations.get(name)(z_tensor)
    slopes[name] = tape.gradient(out, z_tensor).numpy()
    print(f"{name}: max |autodiff - closed form| = {np.abs(slopes[name] - expected).max():.1e}, "
          f"slope from {slopes[name].min():.3f} to {slopes[name].max():.3f}")

# Both dip below 0 for negative z, then come back to 0: a minimum at a negative z
fine = np.linspace(-4, 0, 40001).astype("float32")
for name in ("gelu", "silu"):
    values = np.asarray(keras.activations.get(name)(fine))
    print(f"{name}: minimum {values.min():.3f} at z = {fine[values.argmin()]:.3f}")
# --8<-- [end:gelu-silu-slopes]
# --8<-- [start:gelu-silu-slopes-check]
assert all(np.allclose(slopes[name], expected, atol=1e-5) for name, expected in closed_form.items())
assert all(slopes[name].min() < 0 and slopes[name].max() > 1 for name in closed_form)
assert np.isclose(np.min(keras.activations.gelu(fine)), -0.16997, atol=1e-4)
assert np.isclose(fine[np.argmin(keras.activations.gelu(fine))], -0.7518, atol=1e-3)
assert np.isclose(np.min(keras.activations.silu(fine)), -0.27846, atol=1e-4)
assert np.isclose(fine[np.argmin(keras.activations.silu(fine))], -1.2785, atol=1e-3)
# --8<-- [end:gelu-silu-slopes-check]

# --8<-- [start:relu-output]
# The last-layer rule: ReLU cannot output a negative number, so a regression target
# below zero is out of reach. Keep the output Dense linear (or sigmoid / softmax).
y_signed = x[:, :1]  # half of these targets are negative
lowest, final_loss = {}, {}
for activation in ("relu", "linear"):
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(16, activation="relu"),
                              keras.layers.Dense(1, activation=activation)])
    model.compile(optimizer=keras.optimizers.Adam(0.02), loss="mse")
    # 50 full-batch steps: the 64 rows repeated 50 times, one batch of 64 per step
    model.fit(np.tile(x, (50, 1)), np.tile(y_signed, (50, 1)), batch_size=64, shuffle=False,
              epochs=1, verbose=0)
    final_loss[activation] = float(model.evaluate(x, y_signed, verbose=0))
    lowest[activation] = model.predict(x, verbose=0).min()
    print(f"output {activation:6s}: lowest prediction {lowest[activation]:.3f}, "
          f"final loss {final_loss[activation]:.4f}")
# --8<-- [end:relu-output]
# --8<-- [start:relu-output-check]
assert lowest["relu"] >= 0 and final_loss["relu"] > 10 * final_loss["linear"]
# --8<-- [end:relu-output-check]

# --8<-- [start:not-an-activation]
# Note 000's table lists "granger causality": a test for time series, not an activation
keras.activations.get("granger_causality")
# --8<-- [end:not-an-activation]
