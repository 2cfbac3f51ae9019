# --8<-- [start:dense-between-lstm]
import keras
import numpy as np

model = keras.Sequential([
    keras.Input(shape=(20, 8)),  # 20 time steps, 8 features
    keras.layers.LSTM(16, return_sequences=True),  # (batch, 20, 16)
    keras.layers.Dense(4),  # applied to every time step: (batch, 20, 4)
    keras.layers.LSTM(16),  # (batch, 16)
    keras.layers.Dense(1, activation="sigmoid"),
])
shapes = [tuple(layer.output.shape) for layer in model.layers]
print(shapes)  # the Dense acts on the last axis only: (None, 20, 4)
out = model(np.zeros((2, 20, 8), dtype="float32"))  # one call runs all four layers
print(out.shape, "|", model.count_params(), "parameters in one model")
# --8<-- [end:dense-between-lstm]
# --8<-- [start:dense-between-lstm-check]
assert shapes[1] == (None, 20, 4)
assert tuple(out.shape) == (2, 1)
assert len(model.trainable_weights) == 10  # 3 per LSTM, 2 per Dense: all in one model
# --8<-- [end:dense-between-lstm-check]

# --8<-- [start:relu-output]
targets = np.array([-1.5, -0.2, 0.4, 2.0])  # e.g. returns or temperatures
relu = keras.ops.convert_to_numpy(keras.activations.relu(np.linspace(-10, 10, 101)))
print("smallest ReLU output:", relu.min())
print("targets it can never reach:", targets[targets < relu.min()])
# --8<-- [end:relu-output]
# --8<-- [start:relu-output-check]
assert relu.min() == 0.0
assert (targets < 0).sum() == 2
# --8<-- [end:relu-output-check]

# --8<-- [start:two-inputs]
vocab, dim = 50, 8
word = keras.Input(shape=(1,), dtype="int32")
context = keras.Input(shape=(1,), dtype="int32")
w_word = keras.layers.Embedding(vocab, dim)(word)  # (batch, 1, 8)
w_context = keras.layers.Embedding(vocab, dim)(context)  # (batch, 1, 8)
dot = keras.layers.Dot(axes=2)([w_word, w_context])  # (batch, 1, 1)
score = keras.layers.Reshape(())(dot)  # the note's reshape(()): target shape () -> (batch,)
sgns = keras.Model([word, context], keras.layers.Activation("sigmoid")(score))
sgns.compile(optimizer="adam", loss="binary_crossentropy")
print([tuple(t.shape) for t in (w_word, dot, score)])

X = np.random.default_rng(0).integers(0, vocab, size=(64, 3))
X[:, 2] = X[:, 2] % 2  # column 2: the 0/1 label
history = sgns.fit([X[:, 0], X[:, 1]], X[:, 2], epochs=1, verbose=0)  # a list: one per Input
print(len(sgns.inputs), "inputs | loss after one epoch:", round(history.history["loss"][0], 3))
# --8<-- [end:two-inputs]
# --8<-- [start:two-inputs-check]
assert tuple(dot.shape) == (None, 1, 1) and tuple(score.shape) == (None,)
assert tuple(keras.layers.Reshape((1,))(dot).shape) == (None, 1)  # the walkthrough's choice
assert len(sgns.inputs) == 2
assert 0.5 < history.history["loss"][0] < 0.9  # about ln 2: random labels, small embeddings
# --8<-- [end:two-inputs-check]

# --8<-- [start:load-weights]
trained = sgns.layers[2]  # layers 0 and 1 are the two Inputs: [2] is the word Embedding
we = trained.get_weights()[0]  # a NumPy array of shape (vocab, dim)
print(type(trained).__name__, we.shape)
# --8<-- [end:load-weights]
# --8<-- [start:load-weights-check]
assert isinstance(trained, keras.layers.Embedding)
assert we.shape == (vocab, dim)
# --8<-- [end:load-weights-check]

# --8<-- [start:load-weights-note]
keras.layers.Embedding(vocab, dim, load_weights=we)  # the note's keyword
# --8<-- [end:load-weights-note]

# --8<-- [start:load-weights-right]
sgns.save_weights("model.weights.h5")
print(sgns.load_weights("model.weights.h5"))  # it fills a model; returns nothing

frozen = keras.layers.Embedding(vocab, dim, weights=[we], trainable=False)
print(np.array_equal(keras.ops.convert_to_numpy(frozen(np.arange(vocab))), we))  # same vectors
# --8<-- [end:load-weights-right]
# --8<-- [start:load-weights-right-check]
assert sgns.load_weights("model.weights.h5") is None
assert np.array_equal(keras.ops.convert_to_numpy(frozen(np.arange(vocab))), we)
# --8<-- [end:load-weights-right-check]

# --8<-- [start:svm-margin]
from sklearn.svm import SVC

points = np.array([[0, 0], [1, 1], [0, 2], [3, 0], [4, 1], [3, 2]], dtype="float64")
labels = np.array([0, 0, 0, 1, 1, 1])
svm = SVC(kernel="linear", C=1e6).fit(points, labels)  # a huge C: no point inside the margin
distance = svm.decision_function(svm.support_vectors_) / np.linalg.norm(svm.coef_)
print(len(points), "points, support vectors:", svm.support_vectors_.tolist())
print("signed distance to the line:", distance.round(3))  # the same on both sides
# --8<-- [end:svm-margin]
# --8<-- [start:svm-margin-check]
assert len(svm.support_vectors_) == 3 and np.allclose(np.abs(distance), 1.0, atol=1e-3)
assert (distance < 0).any() and (distance > 0).any()  # one class on each side
assert (np.abs(svm.decision_function(points)) >= 1 - 1e-3).all()  # no point is closer
# --8<-- [end:svm-margin-check]

# --8<-- [start:weights]
layer = keras.layers.Dense(3, kernel_initializer=keras.initializers.GlorotUniform(seed=0))
layer.build((None, 4))
kernel = layer.kernel.numpy()  # 4 inputs x 3 units: plain real numbers
print(kernel.dtype)
print(kernel.round(2))
# --8<-- [end:weights]
# --8<-- [start:weights-check]
assert kernel.dtype == np.float32 and kernel.min() < 0 < kernel.max()  # negative ones too
# --8<-- [end:weights-check]

# --8<-- [start:linear-collapse]
two_linear = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(5),
                               keras.layers.Dense(2)])  # no activation: both linear
(w1, b1), (w2, b2) = (layer.get_weights() for layer in two_linear.layers)
w, b = w1 @ w2, b1 @ w2 + b2  # a single matrix and bias
x = np.random.default_rng(1).normal(size=(4, 3)).astype("float32")
outputs = keras.ops.convert_to_numpy(two_linear(x))
print("one matrix", w.shape, "| same outputs:", np.allclose(outputs, x @ w + b, atol=1e-5))
# --8<-- [end:linear-collapse]
# --8<-- [start:linear-collapse-check]
assert w.shape == (3, 2) and b.shape == (2,)
assert np.allclose(outputs, x @ w + b, atol=1e-5)
# --8<-- [end:linear-collapse-check]

# --8<-- [start:sigmoid-derivative]
z = np.linspace(-10, 10, 2001)
s = 1 / (1 + np.exp(-z))
derivative = s * (1 - s)
print("largest sigmoid derivative:", derivative.max(), "| after 10 layers:", 0.25 ** 10)
# --8<-- [end:sigmoid-derivative]
# --8<-- [start:sigmoid-derivative-check]
assert np.isclose(derivative.max(), 0.25) and np.isclose(z[derivative.argmax()], 0.0)
# --8<-- [end:sigmoid-derivative-check]

# --8<-- [start:virtual-memory]
np.empty(2**60, dtype=np.uint8)  # 1 EiB: "infinite virtual memory" is finite
# --8<-- [end:virtual-memory]

# --8<-- [start:devices]
import numpy as np
import tensorflow as tf

print("CPUs:", tf.config.list_physical_devices("CPU"))
print("GPUs:", tf.config.list_physical_devices("GPU"))
a = tf.constant(np.random.default_rng(0).normal(size=(256, 256)), dtype=tf.float32)
product = tf.matmul(a, a)  # placed on the GPU when there is one
print("ran on:", product.device)
# --8<-- [end:devices]
# --8<-- [start:devices-check]
assert product.device.split(":")[-2] in ("CPU", "GPU")
assert product.shape == (256, 256)
# --8<-- [end:devices-check]
