# --8<-- [start:perceptron]
import numpy as np


def perceptron(x, w, b):
    """Rosenblatt's perceptron: weighted sum plus bias, then a step (threshold) at 0."""
    return np.where(x @ w + b >= 0, 1, 0)


x_bits = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
y_and = np.array([0, 0, 0, 1])
w, b = np.array([1.0, 1.0]), -1.5  # fires only when both inputs are 1
print("w =", w, "b =", b, "-> AND:", perceptron(x_bits, w, b))
# --8<-- [end:perceptron]
# --8<-- [start:perceptron-check]
assert np.array_equal(perceptron(x_bits, w, b), y_and)
# --8<-- [end:perceptron-check]

# --8<-- [start:bias]
# Without a bias the boundary w·x = 0 must pass through the origin, so (0, 0) always gets
# step(0) = 1. Search many weight pairs: none computes AND without b.
grid = np.linspace(-3, 3, 61)
best = max((perceptron(x_bits, np.array([w1, w2]), 0.0) == y_and).sum()
           for w1 in grid for w2 in grid)
print(f"best AND score without bias, over {grid.size ** 2:,} weight pairs:", best, "/ 4")

# The bias can be folded into the weights as w0 with a constant input x0 = 1
x_with_one = np.hstack([np.ones((4, 1)), x_bits])
print("AND with w0 = b, x0 = 1:", perceptron(x_with_one, np.array([b, *w]), 0.0))
# --8<-- [end:bias]
# --8<-- [start:bias-check]
assert best < 4
assert np.array_equal(perceptron(x_with_one, np.array([b, *w]), 0.0), y_and)
# --8<-- [end:bias-check]

# --8<-- [start:bias-batchnorm]
import keras

# Batch normalization subtracts each unit's batch mean, so a bias added before it cancels out
dense, norm = keras.layers.Dense(3), keras.layers.BatchNormalization()
before = keras.ops.convert_to_numpy(norm(dense(x_bits), training=True))
dense.bias.assign([5.0, -3.0, 1.0])  # any other bias
after = keras.ops.convert_to_numpy(norm(dense(x_bits), training=True))
print("mean of each unit after BN:", before.mean(axis=0).round(5) + 0.0,
      "| BN's own parameters:", [v.name for v in norm.trainable_weights])
print("largest change from the new Dense bias:", np.abs(after - before).max())
# --8<-- [end:bias-batchnorm]
# --8<-- [start:bias-batchnorm-check]
# the Dense bias does nothing before BN: only rounding remains, larger where the variance is
# E[x^2] - E[x]^2 (PyTorch); largest of 3,000 random layers: 1.4e-5 TensorFlow, 7.6e-4 PyTorch
assert np.allclose(after, before, atol=2e-3 if keras.backend.backend() == "torch" else 1e-4)
assert np.allclose(before.mean(axis=0), 0, atol=1e-5)
# it did shift Dense
assert not np.allclose(keras.ops.convert_to_numpy(dense(x_bits)).mean(axis=0), 0, atol=1e-2)
# --8<-- [end:bias-batchnorm-check]

# --8<-- [start:logistic]
import keras

# A single-layer perceptron with a sigmoid is logistic regression: sigmoid(x·w + b)
neuron = keras.layers.Dense(1, activation="sigmoid")
probability = keras.ops.convert_to_numpy(neuron(x_bits))
kernel, bias = neuron.get_weights()
by_hand = 1 / (1 + np.exp(-(x_bits @ kernel + bias)))
print("P(y=1), Keras:  ", probability.ravel().round(3))
print("P(y=1), by hand:", by_hand.ravel().round(3))
# --8<-- [end:logistic]
# --8<-- [start:logistic-check]
assert np.allclose(probability, by_hand, atol=1e-6)
assert ((probability > 0) & (probability < 1)).all()  # a probability, not a hard 0 or 1
# --8<-- [end:logistic-check]

# --8<-- [start:backend]
from importlib.metadata import metadata

import keras

print("Keras", keras.__version__, "backend:", keras.config.backend())
about = metadata("keras").get_payload()  # the package's own description
backends = next(line for line in about.splitlines() if "multi-backend" in line)
print(backends)
# --8<-- [end:backend]
# --8<-- [start:backend-check]
assert int(keras.__version__.split(".")[0]) == 3
# the backend KERAS_BACKEND picks: tensorflow on this site (Keras's default), jax or torch in
# a backend record's run
assert keras.config.backend() == keras.backend.backend() == __import__("os").environ.get(
    "KERAS_BACKEND", "tensorflow")
assert all(name in backends for name in ("JAX", "TensorFlow", "PyTorch", "OpenVINO"))
assert "inference-only" in backends  # OpenVINO runs models, it does not train them
# --8<-- [end:backend-check]

# --8<-- [start:linear-stack]
# Two Dense layers without activation...
inputs = np.random.default_rng(0).normal(size=(8, 3)).astype("float32")  # 8 samples
first, second = keras.layers.Dense(4), keras.layers.Dense(2)
stacked = keras.ops.convert_to_numpy(second(first(inputs)))
# ...equal ONE linear layer: W = W1 W2 and b = b1 W2 + b2
(w1, b1), (w2, b2) = first.get_weights(), second.get_weights()
single = inputs @ (w1 @ w2) + (b1 @ w2 + b2)
print("max difference:", np.abs(stacked - single).max())

# With a nonlinearity in between, no single matrix reproduces the output
nonlinear = keras.ops.convert_to_numpy(second(keras.activations.relu(first(inputs))))
design = np.hstack([inputs, np.ones((8, 1))])  # the inputs and a column of 1s for the bias
w_fit, *_ = np.linalg.lstsq(design, nonlinear, rcond=None)  # the best linear fit
error = np.abs(design @ w_fit - nonlinear).max()
print("best linear fit error:", error)
# --8<-- [end:linear-stack]
# --8<-- [start:linear-stack-check]
assert np.allclose(stacked, single, atol=1e-5)
assert error > 1e-3
# --8<-- [end:linear-stack-check]

# --8<-- [start:xor-linear]
keras.utils.set_random_seed(0)  # the same initial weights on every run
y_xor = np.array([0, 1, 1, 0], dtype="float32")


def fit_xor(model, steps):
    """`steps` full-batch updates: the 4 rows repeated, one batch of 4 per step."""
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05),
                  loss="binary_crossentropy")
    model.fit(np.tile(x_bits, (steps, 1)), np.tile(y_xor, steps), batch_size=4,
              shuffle=False, epochs=1, verbose=0)
    predicted = (model.predict(x_bits, verbose=0).ravel() > 0.5).astype("float32")
    return predicted, int((predicted == y_xor).sum())


linear_model = keras.Sequential([keras.Input(shape=(2,)),
                                 keras.layers.Dense(1, activation="sigmoid")])
predicted, correct = fit_xor(linear_model, steps=300)
print("logistic regression on XOR:", predicted, f"{correct}/4")
# --8<-- [end:xor-linear]
# --8<-- [start:xor-linear-check]
assert correct <= 3  # one straight line cannot separate XOR
# --8<-- [end:xor-linear-check]

# --8<-- [start:xor-mlp]
mlp = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(8, activation="tanh"),  # the hidden layer bends the boundary
    keras.layers.Dense(1, activation="sigmoid"),
])
predicted, correct = fit_xor(mlp, steps=300)
print("MLP on XOR:", predicted, f"{correct}/4")
# --8<-- [end:xor-mlp]
# --8<-- [start:xor-mlp-check]
assert correct == 4
# --8<-- [end:xor-mlp-check]
