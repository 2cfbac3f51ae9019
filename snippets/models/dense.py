# --8<-- [start:data]
import keras
import numpy as np

rng = np.random.default_rng(0)
n_features = 10
x = rng.normal(size=(1000, n_features)).astype("float32")
y = ((x[:, 0] * x[:, 1] + x[:, 2]) > 0).astype("float32")  # a nonlinear binary target
x_train, y_train = x[:800], y[:800]
x_val, y_val = x[800:], y[800:]
print("train", x_train.shape, y_train.shape, "| validation", x_val.shape)
# --8<-- [end:data]
# --8<-- [start:data-check]
assert x_train.shape == (800, n_features) and x_val.shape == (200, n_features)
assert set(np.unique(y)) == {0.0, 1.0}
# --8<-- [end:data-check]

# --8<-- [start:dense]
model = keras.Sequential([
    keras.Input(shape=(n_features,)),  # the tuple (n_features,) is one sample's shape
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.summary()  # Dense(16) on 10 inputs: 10 * 16 weights + 16 biases = 176
# --8<-- [end:dense]
# --8<-- [start:dense-check]
assert model.layers[0].count_params() == 10 * 16 + 16
assert model.count_params() == (10 * 16 + 16) + (16 * 1 + 1)
# a binary target ends in one sigmoid unit (cheatsheets/last-layer-loss.md), so outputs are
# probabilities; a relu output can still train here, which is why it is checked by name
assert model.layers[-1].activation is keras.activations.sigmoid
assert np.allclose(  # a node: weighted sum of its inputs + bias, then the activation (relu)
    keras.ops.convert_to_numpy(model.layers[0](x_train[:5])),
    np.maximum(x_train[:5] @ model.layers[0].kernel.numpy() + model.layers[0].bias.numpy(), 0),
    atol=1e-5,
)
# --8<-- [end:dense-check]

# --8<-- [start:input-shape]
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    keras.layers.Dense(16, input_shape=(n_features,))  # Keras 2 style
    note_layer = keras.layers.Dense(32, input_shape=(784,))  # note 002's example
print(caught[0].message)
print(len(caught), "warnings; the note's layer maps", (None, 784), "to",
      note_layer.compute_output_shape((None, 784)))
# --8<-- [end:input-shape]
# --8<-- [start:input-shape-check]
assert len(caught) == 2
assert all("Do not pass an `input_shape`" in str(w.message) for w in caught)
assert tuple(note_layer.compute_output_shape((None, 784))) == (None, 32)
# --8<-- [end:input-shape-check]

# --8<-- [start:note-initializer]
keras.layers.Dense(16, bias_initilizer="zeros")  # the note's spelling
# --8<-- [end:note-initializer]

# --8<-- [start:linear-default]
output_layer = keras.layers.Dense(1)  # no activation given
print(output_layer.activation.__name__)
# --8<-- [end:linear-default]
# --8<-- [start:linear-default-check]
assert output_layer.activation is keras.activations.linear
# --8<-- [end:linear-default-check]

# --8<-- [start:note-syntax-error]
note_line = "Dense(4, activation='sigmoid', kernel_regularizer=l2(0.0001), activation='relu')"
compile(note_line, "<note 000>", "eval")  # Python rejects it before anything runs
# --8<-- [end:note-syntax-error]

# --8<-- [start:regularized]
from keras import regularizers


def build_model():
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(64, activation="relu",
                           kernel_regularizer=regularizers.l2(0.0001)),
        keras.layers.BatchNormalization(momentum=0.9, epsilon=0.005, center=True, scale=True,
                                        moving_variance_initializer="ones"),
        keras.layers.Dropout(rate=0.5),
        keras.layers.Dense(1, activation="sigmoid"),
    ])


model = build_model()
dense, batch_norm, dropout = model.layers[0], model.layers[1], model.layers[2]
print("l2:", dense.kernel_regularizer.l2, "| momentum:", batch_norm.momentum,
      "| epsilon:", batch_norm.epsilon)
# BatchNormalization keeps 4 numbers per unit; gamma and beta train, mean and variance do not
print("trainable:", [w.name for w in batch_norm.trainable_weights],
      "| not trainable:", [w.name for w in batch_norm.non_trainable_weights])
# --8<-- [end:regularized]
# --8<-- [start:regularized-check]
assert dense.kernel_regularizer.l2 == 0.0001  # stored as a Python float
assert (batch_norm.momentum, batch_norm.epsilon) == (0.9, 0.005)
assert batch_norm.count_params() == 4 * 64
assert len(batch_norm.trainable_weights) == 2 and len(batch_norm.non_trainable_weights) == 2
# --8<-- [end:regularized-check]

# --8<-- [start:dropout-modes]
ones = np.ones((1, 8), dtype="float32")
in_training = keras.ops.convert_to_numpy(dropout(ones, training=True))
in_inference = keras.ops.convert_to_numpy(dropout(ones, training=False))
# While training, dropped units are 0 and kept ones are scaled by 1 / (1 - rate) = 2
print("training:", in_training)
print("inference:", in_inference)
# --8<-- [end:dropout-modes]
# --8<-- [start:dropout-modes-check]
assert set(np.unique(in_training)) <= {0.0, 2.0}
assert np.array_equal(in_inference, ones)
# --8<-- [end:dropout-modes-check]

# --8<-- [start:fit]
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
hist = model.fit(x_train, y_train, validation_data=(x_val, y_val),
                 epochs=30, batch_size=50, verbose=0)
print(sorted(hist.history), "| epochs:", len(hist.history["loss"]))
print("loss", hist.history["loss"][0], "->", hist.history["loss"][-1])
print("val_loss", hist.history["val_loss"][0], "->", hist.history["val_loss"][-1])
# --8<-- [end:fit]
# --8<-- [start:fit-check]
assert sorted(hist.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
assert len(hist.history["loss"]) == 30
assert hist.history["loss"][-1] < hist.history["loss"][0]
assert hist.history["val_loss"][-1] < hist.history["val_loss"][0]
# dropout switches units off for the training loss only: validation tends to sit lower
assert np.mean(hist.history["val_loss"]) < np.mean(hist.history["loss"])
# --8<-- [end:fit-check]

# --8<-- [start:learning-curve]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(5, 3))
ax.plot(hist.history["loss"], label="loss")
ax.plot(hist.history["val_loss"], label="val_loss")
ax.set_xlabel("epoch")
ax.legend()
fig.tight_layout()
fig.savefig("learning_curve.png")
# --8<-- [end:learning-curve]

# --8<-- [start:default-batch-size]
class CountBatches(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.batches = 0

    def on_train_batch_end(self, batch, logs=None):
        self.batches += 1


counter = CountBatches()
model.fit(x_train, y_train, epochs=1, verbose=0, callbacks=[counter])  # no batch_size
print("batches in one epoch:", counter.batches)  # 800 / 32
# --8<-- [end:default-batch-size]
# --8<-- [start:default-batch-size-check]
assert counter.batches == int(np.ceil(len(x_train) / 32))  # batch_size defaults to 32
# --8<-- [end:default-batch-size-check]

# --8<-- [start:predict]
y_hat = model.predict(x_val, verbose=0)  # probabilities, one per sample
labels = np.where(y_hat > 0.5, 1, 0)
print(y_hat.shape, y_hat[:3].ravel().round(3), "->", labels[:3].ravel())
accuracy = (labels.ravel() == y_val).mean()
print("validation accuracy:", accuracy)
# --8<-- [end:predict]
# --8<-- [start:predict-check]
assert y_hat.shape == (200, 1) and set(np.unique(labels)) <= {0, 1}
assert 0 < y_hat.min() and y_hat.max() < 1  # sigmoid outputs are probabilities
assert accuracy > 0.8
# --8<-- [end:predict-check]

# --8<-- [start:mnist]
import keras
import numpy as np

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
print("image", x_train.shape[1:], "-> vector", (x_train[0].size,))
x_train = x_train.reshape((len(x_train), -1)).astype("float32") / 255  # (n, 28, 28) -> (n, 784)
x_test = x_test.reshape((len(x_test), -1)).astype("float32") / 255

mlp = keras.Sequential([
    keras.Input(shape=(784,)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.BatchNormalization(),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(10, activation="softmax"),
])
mlp.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = mlp.fit(x_train, y_train, validation_split=0.2, epochs=10, batch_size=64, verbose=0)
test_loss, test_accuracy = mlp.evaluate(x_test, y_test, verbose=0)
predicted = np.argmax(mlp.predict(x_test[:5], verbose=0), axis=1)  # softmax -> class id
print(f"test accuracy {test_accuracy:.3f}; predicted {predicted}, true {y_test[:5]}")
# --8<-- [end:mnist]
# --8<-- [start:mnist-check]
assert x_train.shape[1:] == (784,) and history.history["loss"][-1] < history.history["loss"][0]
assert test_accuracy > 0.8
# --8<-- [end:mnist-check]
