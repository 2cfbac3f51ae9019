# --8<-- [start:data]
import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(512, 8)).astype("float32")  # 512 samples, 8 features
score = x @ rng.normal(size=(8, 3))  # three hidden "signals" the labels come from


def train(last_layer, loss, y, metrics):
    """Fit a one-hidden-layer model and return its first and last epoch loss."""
    model = keras.Sequential([
        keras.Input(shape=(8,)),
        keras.layers.Dense(32, activation="relu"),
        last_layer,
    ])
    model.compile(optimizer="adam", loss=loss, metrics=metrics)
    history = model.fit(x, y, epochs=30, batch_size=32, verbose=0)
    losses = history.history["loss"]
    print(f"{loss}: loss {losses[0]:.3f} -> {losses[-1]:.3f}, output shape {model.output_shape}")
    return losses[0], losses[-1]
# --8<-- [end:data]

# --8<-- [start:regression]
y_reg = score[:, 0] * 2.0 + 1.0  # a real number per sample
first, last = train(keras.layers.Dense(1), "mse", y_reg, ["mae"])  # no activation = linear
# --8<-- [end:regression]
# --8<-- [start:regression-check]
assert last < first / 10
# --8<-- [end:regression-check]

# --8<-- [start:binary]
y_bin = (score[:, 0] > 0).astype("float32")  # 0 or 1
first, last = train(keras.layers.Dense(1, activation="sigmoid"), "binary_crossentropy",
                    y_bin, ["accuracy"])
# --8<-- [end:binary]
# --8<-- [start:binary-check]
assert last < first / 2
# --8<-- [end:binary-check]

# --8<-- [start:categorical]
y_int = np.argmax(score, axis=1)  # class ids 0, 1, 2
y_onehot = keras.utils.to_categorical(y_int, num_classes=3)
print(y_int[:3], "->", y_onehot[:3].tolist())
first, last = train(keras.layers.Dense(3, activation="softmax"), "categorical_crossentropy",
                    y_onehot, ["accuracy"])
# --8<-- [end:categorical]
# --8<-- [start:categorical-check]
assert last < first / 2
# --8<-- [end:categorical-check]

# --8<-- [start:sparse]
first, last = train(keras.layers.Dense(3, activation="softmax"),
                    "sparse_categorical_crossentropy", y_int, ["accuracy"])
# --8<-- [end:sparse]
# --8<-- [start:sparse-check]
assert last < first / 2
# --8<-- [end:sparse-check]

# --8<-- [start:multilabel]
from sklearn.preprocessing import MultiLabelBinarizer

classes = ["cat", "dog", "bird"]
tags = [[name for name, s in zip(classes, row, strict=True) if s > 0] for row in score]
binarizer = MultiLabelBinarizer(classes=classes)
y_khot = binarizer.fit_transform(tags).astype("float32")  # k-hot: several 1s per row
print(tags[:2], "->", y_khot[:2].tolist())
first, last = train(keras.layers.Dense(3, activation="sigmoid"), "binary_crossentropy",
                    y_khot, ["binary_accuracy"])
# --8<-- [end:multilabel]
# --8<-- [start:multilabel-check]
assert last < first / 2
# --8<-- [end:multilabel-check]

# --8<-- [start:onehot]
# The note said one-hot "0 0 0" means class 2. It does not: class 2 of 3 is [0, 0, 1].
print(keras.utils.to_categorical([0, 1, 2], num_classes=3))
# --8<-- [end:onehot]
# --8<-- [start:onehot-check]
assert keras.utils.to_categorical([2], num_classes=3).tolist() == [[0.0, 0.0, 1.0]]
# --8<-- [end:onehot-check]
