# --8<-- [start:network]
import numpy as np

x = np.array([0.1, 0.2])  # two inputs
t = np.array([0.4, 0.6])  # two targets
W1 = np.array([[0.30, 0.20],  # W1[i, j]: input i -> hidden j
               [0.25, 0.35]])
W2 = np.array([[0.45, 0.70],  # W2[j, k]: hidden j -> output k
               [0.40, 0.60]])
print("x", x, "t", t)
print("W1", W1.tolist(), "W2", W2.tolist())  # the table's matrices, row by row


def sigmoid(z):
    return 1 / (1 + np.exp(-z))
# --8<-- [end:network]

# --8<-- [start:forward]
z1 = x @ W1  # hidden weighted sums
h = sigmoid(z1)  # hidden outputs
z2 = h @ W2  # output weighted sums
o = sigmoid(z2)  # network outputs
E = 0.5 * np.sum((t - o) ** 2)  # squared error; with 2 outputs this equals the MSE
print("z1", z1, "h", h.round(6))
print("z2", z2.round(6), "o", o.round(6), "E", E.round(8))
print("MSE", np.mean((t - o) ** 2).round(8))
# --8<-- [end:forward]
# --8<-- [start:forward-check]
assert np.allclose(E, np.mean((t - o) ** 2))
# --8<-- [end:forward-check]

# --8<-- [start:chain-rule]
# One weight, one path: dE/dW2[0,0] = dE/do1 * do1/dz2_1 * dz2_1/dW2[0,0]
dE_do1 = o[0] - t[0]
do1_dz = o[0] * (1 - o[0])  # the sigmoid's derivative, written with its output
dz_dw = h[0]
print(f"{dE_do1:.6f} * {do1_dz:.6f} * {dz_dw:.6f} = {dE_do1 * do1_dz * dz_dw:.8f}")
# --8<-- [end:chain-rule]

# --8<-- [start:backward]
delta2 = (o - t) * o * (1 - o)  # output deltas: dE/dz2
grad_W2 = np.outer(h, delta2)  # dE/dW2[j, k] = h_j * delta2_k
delta1 = (W2 @ delta2) * h * (1 - h)  # hidden deltas: error sent back through W2
grad_W1 = np.outer(x, delta1)  # dE/dW1[i, j] = x_i * delta1_j
print("delta2", delta2.round(6), "delta1", delta1.round(6))
print("dE/dW2\n", grad_W2.round(8), "\ndE/dW1\n", grad_W1.round(8))
# --8<-- [end:backward]
# --8<-- [start:backward-check]
assert np.isclose(grad_W2[0, 0], dE_do1 * do1_dz * dz_dw)  # the chain rule's product above
# --8<-- [end:backward-check]

# --8<-- [start:update]
learning_rate = 0.5
W1_new = W1 - learning_rate * grad_W1
W2_new = W2 - learning_rate * grad_W2
o_new = sigmoid(sigmoid(x @ W1_new) @ W2_new)
E_new = 0.5 * np.sum((t - o_new) ** 2)
print(f"learning rate {learning_rate}: E {E:.8f} -> {E_new:.8f}")
# --8<-- [end:update]
# --8<-- [start:update-check]
assert E_new < E
# --8<-- [end:update-check]

# --8<-- [start:keras-compare]
import keras
import tensorflow as tf

model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(2, activation="sigmoid", use_bias=False),
    keras.layers.Dense(2, activation="sigmoid", use_bias=False),
])
model.set_weights([W1, W2])  # Keras kernels are (inputs, units), like W1 and W2 above
start = model.get_weights()  # copies of the weights before the two passes
batch_x, batch_t = x[None, :].astype("float32"), t[None, :].astype("float32")
with tf.GradientTape() as tape:
    loss = keras.losses.MeanSquaredError()(batch_t, model(batch_x))
tape_W1, tape_W2 = tape.gradient(loss, model.trainable_weights)
print("loss", float(loss), "tape dE/dW1\n", tape_W1.numpy().round(8))
unchanged = all(np.array_equal(a, b) for a, b in zip(start, model.get_weights(), strict=True))
print("weights unchanged by the forward and backward pass:", unchanged)

# One SGD step gives the same new weights as the hand update
keras.optimizers.SGD(learning_rate=0.5).apply_gradients(
    zip([tape_W1, tape_W2], model.trainable_weights, strict=True))
print("SGD step vs hand update, largest difference:",
      max(np.abs(model.get_weights()[0] - W1_new).max(),
          np.abs(model.get_weights()[1] - W2_new).max()))
# --8<-- [end:keras-compare]
# --8<-- [start:keras-compare-check]
assert np.isclose(float(loss), E, atol=1e-7)
assert np.allclose(tape_W1.numpy(), grad_W1, atol=1e-7)
assert np.allclose(tape_W2.numpy(), grad_W2, atol=1e-7)
assert np.allclose(model.get_weights()[0], W1_new, atol=1e-6)
assert np.allclose(model.get_weights()[1], W2_new, atol=1e-6)
assert unchanged  # the passes compute outputs and gradients; only the optimizer step updates
assert not np.array_equal(model.get_weights()[0], start[0])
# --8<-- [end:keras-compare-check]

# --8<-- [start:sigmoid-derivative]
z = np.linspace(-10, 10, 2001)
slope = sigmoid(z) * (1 - sigmoid(z))
print("largest sigmoid slope:", slope.max(), "at z =", z[slope.argmax()])
print("0.25 ** 10 =", 0.25**10)  # the most ten sigmoid derivatives can multiply to
# --8<-- [end:sigmoid-derivative]
# --8<-- [start:sigmoid-derivative-check]
assert np.isclose(slope.max(), 0.25)
# --8<-- [end:sigmoid-derivative-check]

# --8<-- [start:vanishing]
import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)  # the same initial weights on every run
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
# reshaping X data: (n, 28, 28) => (n, 784)
x_train = x_train.reshape((x_train.shape[0], -1)).astype("float32") / 255
y_train = keras.utils.to_categorical(y_train)  # one-hot: 3 -> [0 0 0 1 0 0 0 0 0 0]
x_batch, y_batch = x_train[:256], y_train[:256]  # the gradients are for the loss on these
print("batch:", x_batch.shape, y_batch.shape)


def mlp(activation, depth):
    """Note 003's 'Basic MLP model': `depth` hidden Dense(50) layers, softmax output."""
    model = keras.Sequential([keras.Input(shape=(784,))])
    for _ in range(depth):
        model.add(keras.layers.Dense(50))
        model.add(keras.layers.Activation(activation))
    model.add(keras.layers.Dense(10))
    model.add(keras.layers.Activation("softmax"))
    return model


def kernel_gradient_norms(model):
    with tf.GradientTape() as tape:
        loss = keras.losses.CategoricalCrossentropy()(y_batch, model(x_batch))
    kernels = [w for w in model.trainable_weights if w.path.endswith("kernel")]
    return [float(tf.norm(g)) for g in tape.gradient(loss, kernels)]


ratio = {}  # first layer's gradient norm / last layer's
for activation in ("sigmoid", "relu"):
    norms = kernel_gradient_norms(mlp(activation, depth=8))
    ratio[activation] = norms[0] / norms[-1]
    print(f"{activation:7s} first layer {norms[0]:.2e}  last layer {norms[-1]:.2e}  "
          f"ratio {ratio[activation]:.1e}")
# 8 sigmoid layers lie between the first and the last kernel: their derivatives multiply
# to at most 0.25 ** 8, but the weights and the layers' inputs multiply in too
print(f"0.25 ** 8 = {0.25**8:.1e}; "
      f"the sigmoid ratio is {ratio['sigmoid'] / 0.25**8:.1f} times that")

# What vanishes is the gradient, not the values: the last sigmoid layer's outputs sit near 0.5
deep_sigmoid = mlp("sigmoid", depth=8)
activations = [a for a in deep_sigmoid.layers if isinstance(a, keras.layers.Activation)]
sigmoids = activations[:-1]  # the hidden ones; the last Activation is the softmax
hidden = keras.Model(deep_sigmoid.inputs[0], sigmoids[-1].output)(x_batch)
print(f"mean output of sigmoid layer {len(sigmoids)} (the last):", float(np.mean(hidden)))
# --8<-- [end:vanishing]
# --8<-- [start:vanishing-check]
assert ratio["sigmoid"] < 1e-3  # the first layer barely gets any gradient
assert ratio["sigmoid"] > 0.25**8  # yet 0.25 ** 8 is no bound on how far it shrinks
assert ratio["relu"] > 100 * ratio["sigmoid"]
assert 0.2 < float(np.mean(hidden)) < 0.8
# --8<-- [end:vanishing-check]

# --8<-- [start:vanishing-fit]
accuracy = {}
for activation in ("sigmoid", "relu"):
    model = mlp(activation, depth=8)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1),
                  loss="categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=10, batch_size=32, verbose=0)
    accuracy[activation] = history.history["accuracy"][-1]
    epochs = len(history.history["accuracy"])
    print(f"{activation:7s} training accuracy after {epochs} epochs: {accuracy[activation]:.2f}")
# --8<-- [end:vanishing-fit]
# --8<-- [start:vanishing-fit-check]
assert accuracy["sigmoid"] < 0.2 and accuracy["relu"] > 0.6  # the deep sigmoid net hardly learns
assert abs(accuracy["sigmoid"] - 1 / y_train.shape[1]) < 0.05  # guessing among 10 classes
# --8<-- [end:vanishing-fit-check]
