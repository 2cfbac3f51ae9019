# --8<-- [start:data]
import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(512, 8)).astype("float32")  # 512 samples, 8 features
score = x @ rng.normal(size=(8, 3))  # three hidden "signals" the labels come from
print(f"inputs {x.shape} -> hidden scores {score.shape}")


def train(last_layer, loss, y, metrics):
    """Fit a one-hidden-layer model for 30 epochs; return it and its history."""
    model = keras.Sequential([
        keras.Input(shape=(8,)),
        keras.layers.Dense(32, activation="relu"),
        last_layer,
    ])
    model.compile(optimizer="adam", loss=loss, metrics=metrics)
    history = model.fit(x, y, epochs=30, batch_size=32, verbose=0).history
    losses = history["loss"]
    scores = ", ".join(f"{name} {history[name][-1]:.3f}" for name in history if name != "loss")
    print(f"{loss}: loss {losses[0]:.3f} -> {losses[-1]:.3f}, {scores}, "
          f"output shape {model.output_shape}")
    return model, history
# --8<-- [end:data]

# --8<-- [start:regression]
y_reg = score[:, 0] * 2.0 + 1.0  # a real number per sample
model, history = train(keras.layers.Dense(1), "mse", y_reg, ["mae"])  # no activation = linear
# --8<-- [end:regression]
# --8<-- [start:regression-check]
assert history["loss"][-1] < history["loss"][0] / 10
# --8<-- [end:regression-check]

# --8<-- [start:binary]
y_bin = (score[:, 0] > 0).astype("float32")  # 0 or 1
model, history = train(keras.layers.Dense(1, activation="sigmoid"), "binary_crossentropy",
                      y_bin, ["accuracy"])
# --8<-- [end:binary]
# --8<-- [start:binary-check]
assert history["loss"][-1] < history["loss"][0] / 2
assert isinstance(model.metrics[-1].metrics[0], keras.metrics.BinaryAccuracy)  # output (None, 1)
# --8<-- [end:binary-check]

# --8<-- [start:categorical]
y_int = np.argmax(score, axis=1)  # class ids 0, 1, 2
y_onehot = keras.utils.to_categorical(y_int, num_classes=3)
print(y_int[:3], "->", y_onehot[:3].tolist())
model, history = train(keras.layers.Dense(3, activation="softmax"), "categorical_crossentropy",
                      y_onehot, ["accuracy"])
print("last layer kernel:", tuple(model.layers[-1].kernel.shape))  # one matrix for 3 classes
# --8<-- [end:categorical]
# --8<-- [start:categorical-check]
assert history["loss"][-1] < history["loss"][0] / 2
assert isinstance(model.metrics[-1].metrics[0], keras.metrics.CategoricalAccuracy)
assert len(model.layers[-1].weights) == 2  # one kernel (inputs x K), one bias: no per-class models
# --8<-- [end:categorical-check]

# --8<-- [start:sparse]
model, history = train(keras.layers.Dense(3, activation="softmax"),
                       "sparse_categorical_crossentropy", y_int, ["accuracy"])
# --8<-- [end:sparse]
# --8<-- [start:sparse-check]
assert history["loss"][-1] < history["loss"][0] / 2
assert isinstance(model.metrics[-1].metrics[0], keras.metrics.SparseCategoricalAccuracy)
# --8<-- [end:sparse-check]

# --8<-- [start:multilabel]
from sklearn.preprocessing import MultiLabelBinarizer

classes = ["cat", "dog", "bird"]
tags = [[name for name, s in zip(classes, row, strict=True) if s > 0] for row in score]
binarizer = MultiLabelBinarizer(classes=classes)
y_khot = binarizer.fit_transform(tags).astype("float32")  # k-hot: several 1s per row
print(tags[:2], "->", y_khot[:2].tolist())
model, history = train(keras.layers.Dense(3, activation="sigmoid"), "binary_crossentropy",
                       y_khot, ["accuracy", "binary_accuracy"])
# "accuracy" follows the shapes of labels and outputs, (512, 3) and (None, 3), not the loss
print({metric.name: type(metric).__name__ for metric in model.metrics[-1].metrics})
# --8<-- [end:multilabel]
# --8<-- [start:multilabel-check]
assert history["loss"][-1] < history["loss"][0] / 2
assert [type(metric) for metric in model.metrics[-1].metrics] == [
    keras.metrics.CategoricalAccuracy, keras.metrics.BinaryAccuracy]  # despite the loss
# categorical accuracy compares argmaxes: the top output against the first 1 of each k-hot row
assert np.isclose(model.evaluate(x, y_khot, verbose=0, return_dict=True)["accuracy"],
                  np.mean(np.argmax(model.predict(x, verbose=0), 1) == np.argmax(y_khot, 1)))
assert history["accuracy"][-1] < history["binary_accuracy"][-1]
# --8<-- [end:multilabel-check]

# --8<-- [start:multilabel-note]
from sklearn.preprocessing import MultilLabelBinarizer  # noqa: F401, I001 (note 001's name)
# --8<-- [end:multilabel-note]

# --8<-- [start:onehot]
# The note said one-hot "0 0 0" means class 2. It does not: class 2 of 3 is [0, 0, 1].
print(keras.utils.to_categorical([0, 1, 2], num_classes=3))
# --8<-- [end:onehot]
# --8<-- [start:onehot-check]
assert keras.utils.to_categorical([2], num_classes=3).tolist() == [[0.0, 0.0, 1.0]]
assert keras.utils.to_categorical([0, 1, 2], num_classes=3).sum(axis=1).tolist() == [1.0] * 3
# --8<-- [end:onehot-check]
