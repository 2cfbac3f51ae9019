# --8<-- [start:load]
import keras

(X_train, y_train), (X_test, y_test) = keras.datasets.mnist.load_data()
print(X_train.shape, X_train.dtype, y_train[:10])
# --8<-- [end:load]

# --8<-- [start:reshape]
# reshaping X data: (n, 28, 28) => (n, 784)
X_train = X_train.reshape((X_train.shape[0], -1)) / 255.0  # pixels 0-255 -> 0-1
X_test = X_test.reshape((X_test.shape[0], -1)) / 255.0
print(X_train.shape, X_test.shape)
# --8<-- [end:reshape]
# --8<-- [start:reshape-check]
assert X_train.shape[1] == 28 * 28
# --8<-- [end:reshape-check]

# --8<-- [start:split]
from sklearn.model_selection import train_test_split

# keep 33% of the training data: train_test_split returns (kept, held out) in that order
n_before = len(X_train)
X_train, _, y_train, _ = train_test_split(X_train, y_train, test_size=0.67, random_state=7)
print(n_before, "->", len(X_train))
# --8<-- [end:split]
# --8<-- [start:split-check]
assert len(X_train) == round(n_before * 0.33)
# --8<-- [end:split-check]

# --8<-- [start:one-hot]
from keras.utils import to_categorical

# converting y data into categorical (one-hot encoding)
y_train = to_categorical(y_train)
y_test = to_categorical(y_test)
print(y_train.shape, y_train[0])
# --8<-- [end:one-hot]
# --8<-- [start:one-hot-check]
assert y_train.shape[1] == 10 and (y_train.sum(axis=1) == 1).all()
# --8<-- [end:one-hot-check]

# --8<-- [start:sigmoid-model]
from keras.layers import Activation, BatchNormalization, Dense
from keras.models import Sequential


def sigmoid_mlp():
    """Note 003's network: four Dense(50) + sigmoid, then Dense(10) + softmax."""
    model = Sequential()
    model.add(keras.Input(shape=(784,)))  # Keras 3: not Dense(50, input_shape=(784,))
    for _ in range(4):
        model.add(Dense(50))
        model.add(Activation("sigmoid"))
    model.add(Dense(10))
    model.add(Activation("softmax"))
    return model


model = sigmoid_mlp()
model.summary()
# --8<-- [end:sigmoid-model]
# --8<-- [start:sigmoid-model-check]
assert model.count_params() == (784 * 50 + 50) + 3 * (50 * 50 + 50) + (50 * 10 + 10)
# --8<-- [end:sigmoid-model-check]

# --8<-- [start:relu-model]
def relu_bn_mlp():
    """Same widths; ReLU, He initialization and batch normalization in each hidden block."""
    model = Sequential()
    model.add(keras.Input(shape=(784,)))
    for _ in range(4):
        model.add(Dense(50, kernel_initializer="he_normal"))
        model.add(BatchNormalization())
        model.add(Activation("relu"))
    model.add(Dense(10))
    model.add(Activation("softmax"))
    return model


print(relu_bn_mlp().count_params())
# --8<-- [end:relu-model]

# --8<-- [start:gradients]
import numpy as np
import tensorflow as tf


def gradient_norms(model, x, y):
    """L2 norm of the loss gradient for each Dense kernel, first layer first."""
    loss_fn = keras.losses.CategoricalCrossentropy()
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x, training=True))
    kernels = [layer.kernel for layer in model.layers if isinstance(layer, Dense)]
    return np.array([float(tf.norm(g)) for g in tape.gradient(loss, kernels)])


x_batch = tf.constant(X_train[:128], dtype="float32")
y_batch = tf.constant(y_train[:128])
norms = {"sigmoid": gradient_norms(sigmoid_mlp(), x_batch, y_batch),
         "relu + he + batchnorm": gradient_norms(relu_bn_mlp(), x_batch, y_batch)}
for name, values in norms.items():
    print(f"{name:22s}", np.array2string(values, precision=5))
# the sigmoid network's first layer gets a far smaller gradient than its last
# --8<-- [end:gradients]
# --8<-- [start:gradients-check]
assert norms["sigmoid"][0] < norms["sigmoid"][-1] / 10
assert norms["relu + he + batchnorm"][0] > norms["sigmoid"][0] * 10
assert norms["relu + he + batchnorm"][0] >= norms["relu + he + batchnorm"][-1]  # no shrinking
# --8<-- [end:gradients-check]

# --8<-- [start:plot-gradients]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6, 3.5))
layers = np.arange(1, 6)
ax.bar(layers - 0.2, norms["sigmoid"], width=0.4, label="sigmoid")
ax.bar(layers + 0.2, norms["relu + he + batchnorm"], width=0.4, label="relu + he + batchnorm")
ax.set_yscale("log")
ax.set_xticks(layers, [f"Dense {i}" for i in layers])
ax.set_ylabel("gradient norm (log scale)")
ax.legend()
plt.show()
# --8<-- [end:plot-gradients]

# --8<-- [start:train]
results = {}
for name, build in (("sigmoid", sigmoid_mlp), ("relu + he + batchnorm", relu_bn_mlp)):
    model = build()
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01),
                  loss="categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(X_train, y_train, epochs=20, batch_size=32, verbose=0)
    _, accuracy = model.evaluate(X_test, y_test, verbose=0)
    loss = history.history["loss"]
    results[name] = (loss, accuracy)
    print(f"{name:22s} {len(loss)} epochs: loss {loss[0]:.3f} -> {loss[-1]:.3f}  "
          f"test accuracy {accuracy:.2f}")
# --8<-- [end:train]
# --8<-- [start:train-check]
assert results["relu + he + batchnorm"][1] > results["sigmoid"][1] + 0.3
assert results["sigmoid"][1] < 0.2  # guessing among 10 digits: about 0.1
# --8<-- [end:train-check]

# --8<-- [start:plot-loss]
fig, ax = plt.subplots(figsize=(6, 3.5))
for name, (loss, _) in results.items():
    ax.plot(range(1, len(loss) + 1), loss, label=name)
ax.set_xlabel("epoch")
ax.set_ylabel("training loss")
ax.legend()
plt.show()
# --8<-- [end:plot-loss]
