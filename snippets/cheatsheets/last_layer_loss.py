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

# --8<-- [start:logits]
keras.utils.set_random_seed(0)
with_softmax = keras.Sequential([
    keras.Input(shape=(8,)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(3, activation="softmax"),  # outputs probabilities
])
with_logits = keras.Sequential([
    keras.Input(shape=(8,)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(3),  # no activation: outputs logits
])
with_logits.set_weights(with_softmax.get_weights())  # the same starting weights
with_softmax.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
with_logits.compile(optimizer="adam",
                    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))

final = {}
for name, net in (("softmax + loss", with_softmax), ("Dense(3) + from_logits", with_logits)):
    # shuffle=False: both see the same batches in the same order
    losses = net.fit(x, y_int, epochs=10, batch_size=32, shuffle=False, verbose=0).history["loss"]
    final[name] = losses[-1]
    print(f"{name:22} loss {losses[0]:.4f} -> {losses[-1]:.4f}")
outputs = with_logits.predict(x[:2], verbose=0)
print("logits:", outputs.round(2), "row sums:", outputs.sum(axis=1).round(2))
# --8<-- [end:logits]
# --8<-- [start:logits-check]
assert np.isclose(final["softmax + loss"], final["Dense(3) + from_logits"], rtol=1e-3)
assert not np.allclose(outputs.sum(axis=1), 1.0)  # logits are not probabilities
assert keras.losses.SparseCategoricalCrossentropy().get_config()["from_logits"] is False
# --8<-- [end:logits-check]

# --8<-- [start:saturation]
logits = np.array([[0.0, 100.0]], dtype="float32")  # very sure of class 1 ...
label = np.array([0])                                # ... but the answer is class 0
probabilities = keras.ops.convert_to_numpy(keras.ops.softmax(logits))
print("softmax(logits) in float32:", probabilities.tolist())

from_logits = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
from_probabilities = keras.losses.SparseCategoricalCrossentropy()  # from_logits=False
epsilon = keras.config.epsilon()  # probabilities are clipped to [epsilon, 1 - epsilon]
print(f"from the logits:        {float(from_logits(label, logits)):.4f}")
print(f"from the probabilities: {float(from_probabilities(label, probabilities)):.4f}"
      f"   -log(epsilon) = {-np.log(epsilon):.4f}")

z, target = np.array([[20.0]], dtype="float32"), np.array([[0.0]])  # sigmoid: logit 20, label 0
p = keras.ops.convert_to_numpy(keras.ops.sigmoid(z))
print("sigmoid(20) in float32:", p.tolist())
binary_from_logits = keras.losses.BinaryCrossentropy(from_logits=True)
binary_from_probabilities = keras.losses.BinaryCrossentropy()
print(f"from the logit: {float(binary_from_logits(target, z)):.4f}   "
      f"from the probability: {float(binary_from_probabilities(target, p)):.4f}")
# --8<-- [end:saturation]
# --8<-- [start:saturation-check]
assert probabilities[0, 0] < epsilon and probabilities[0, 1] == 1.0  # saturated
assert np.isclose(float(from_logits(label, logits)), 100.0)  # log(e^0 + e^100) - 0
assert np.isclose(float(from_probabilities(label, probabilities)), -np.log(epsilon), rtol=1e-5)
assert p[0, 0] == 1.0
assert np.isclose(float(binary_from_logits(target, z)), 20.0)  # softplus(20)
assert float(binary_from_probabilities(target, p)) < 17  # capped near -log(epsilon)
# --8<-- [end:saturation-check]

# --8<-- [start:saturation-gradient]
import tensorflow as tf  # TensorFlow's automatic differentiation: the backend of this site

probabilities_var, logits_var = tf.Variable(probabilities), tf.Variable(logits)
with tf.GradientTape(persistent=True) as tape:
    loss_on_probabilities = from_probabilities(label, probabilities_var)
    loss_on_logits = from_logits(label, logits_var)
print("gradient w.r.t. the probabilities:",
      keras.ops.convert_to_numpy(tape.gradient(loss_on_probabilities, probabilities_var)).tolist())
print("gradient w.r.t. the logits:       ",
      keras.ops.convert_to_numpy(tape.gradient(loss_on_logits, logits_var)).tolist())
# --8<-- [end:saturation-gradient]
# --8<-- [start:saturation-gradient-check]
assert not np.any(tape.gradient(loss_on_probabilities, probabilities_var))  # flat: no signal
assert np.allclose(tape.gradient(loss_on_logits, logits_var), probabilities - [[1.0, 0.0]])
# --8<-- [end:saturation-gradient-check]

# --8<-- [start:attached-logits]
# A tensor straight from Keras's softmax: on TensorFlow it carries its logits along
attached = keras.ops.softmax(logits)
print("backend:", keras.config.backend())
print(f"loss on the keras.ops.softmax tensor: {float(from_probabilities(label, attached)):.4f}")
as_numpy = keras.ops.convert_to_numpy(attached)  # the same values, without the logits
print(f"loss on the same values in NumPy:     {float(from_probabilities(label, as_numpy)):.4f}")
# --8<-- [end:attached-logits]
# --8<-- [start:attached-logits-check]
# exact from the attached logits on TensorFlow; clipped like the NumPy values elsewhere
assert np.isclose(float(from_probabilities(label, attached)),
                  100.0 if keras.backend.backend() == "tensorflow" else -np.log(epsilon), rtol=1e-5)
assert np.isclose(float(from_probabilities(label, as_numpy)), -np.log(epsilon), rtol=1e-5)
# --8<-- [end:attached-logits-check]

# --8<-- [start:predict-probabilities]
scores = with_logits.predict(x[:3], verbose=0)                    # logits
probabilities = keras.ops.convert_to_numpy(keras.ops.softmax(scores))  # sigmoid for Dense(1)
print("probabilities:", probabilities.round(3), "row sums:", probabilities.sum(axis=1).round(3))

inference = keras.Sequential([with_logits, keras.layers.Softmax()])  # probabilities out
print("inference model = softmax of the logits:",
      np.allclose(inference.predict(x[:3], verbose=0), probabilities, atol=1e-6))
# --8<-- [end:predict-probabilities]
# --8<-- [start:predict-probabilities-check]
assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
assert (np.argmax(scores, axis=1) == np.argmax(probabilities, axis=1)).all()  # same classes
# --8<-- [end:predict-probabilities-check]

# --8<-- [start:binary-logits]
scores = np.array([[-2.0], [0.3], [1.5], [-0.2]], dtype="float32")  # logits of a Dense(1)
labels = np.array([[0.0], [1.0], [1.0], [0.0]])
chances = keras.ops.convert_to_numpy(keras.ops.sigmoid(scores))  # logit 0 = probability 0.5
print("sigmoid of the logits", scores.ravel(), "=", chances.ravel().round(3))
for name, threshold, outputs in (("probabilities", 0.5, chances),
                                 ("logits", 0.5, scores), ("logits", 0.0, scores)):
    accuracy = keras.metrics.BinaryAccuracy(threshold=threshold)
    accuracy.update_state(labels, outputs)
    print(f"BinaryAccuracy(threshold={threshold}) on {name:13}: {float(accuracy.result()):.2f}")
# --8<-- [end:binary-logits]
# --8<-- [start:binary-logits-check]
assert float(keras.ops.sigmoid(0.0)) == 0.5
assert ((chances > 0.5) == (scores > 0.0)).all()  # the same decisions
# --8<-- [end:binary-logits-check]
