# --8<-- [start:save-load]
import os

import numpy as np

os.makedirs("datasets", exist_ok=True)
train_dataset = np.array([["the movie was great", "1"],
                          ["boring and too long", "0"],
                          ["I would watch it again", "1"]])  # strings: one dtype for all
np.savetxt("./datasets/train_datasets.csv", train_dataset, fmt="%s", delimiter="|")  # text
np.save("./datasets/train_datasets.npy", train_dataset)  # NumPy's binary format

print(open("./datasets/train_datasets.csv").read())
data_text = np.loadtxt("./datasets/train_datasets.csv", delimiter="|", dtype=str)
data_binary = np.load("./datasets/train_datasets.npy")
print(data_text.dtype, data_binary.dtype)
print("round trip:", np.array_equal(data_text, train_dataset),
      np.array_equal(data_binary, train_dataset))
# --8<-- [end:save-load]
# --8<-- [start:save-load-check]
assert np.array_equal(data_text, train_dataset)
assert np.array_equal(data_binary, train_dataset) and data_binary.dtype == train_dataset.dtype
# --8<-- [end:save-load-check]

# --8<-- [start:note-np-str]
np.loadtxt("./datasets/train_datasets.csv", delimiter="|", dtype=np.str)  # the note's
# --8<-- [end:note-np-str]

# --8<-- [start:note-np-load]
np.load("./datasets/train_datasets.csv")  # the note's np.load(dataset_path) on the text file
# --8<-- [end:note-np-load]

# --8<-- [start:numbers]
weights = np.random.default_rng(0).normal(size=(4, 3)).astype("float32")
np.savetxt("weights.csv", weights, delimiter=",")  # text: "%.18e", 19 significant digits
np.save("weights.npy", weights)  # binary keeps the exact bits and the dtype
from_text, from_binary = np.loadtxt("weights.csv", delimiter=","), np.load("weights.npy")
print(weights.dtype, "->", from_text.dtype, "(text),", from_binary.dtype, "(.npy)")
print("same values:", np.array_equal(from_text, weights), np.array_equal(from_binary, weights))
# --8<-- [end:numbers]
# --8<-- [start:numbers-check]
assert from_text.dtype == np.float64 and np.allclose(from_text, weights)  # dtype not kept
assert from_binary.dtype == np.float32 and np.array_equal(from_binary, weights)
# --8<-- [end:numbers-check]

# --8<-- [start:tensors]
import keras
import numpy as np
import tensorflow as tf

array = np.arange(6, dtype="float32").reshape(2, 3)
tensor = tf.convert_to_tensor(array)  # NumPy -> tf.Tensor
print(type(tensor).__name__, tensor.dtype, tensor.shape)
back = tensor.numpy()  # tf.Tensor -> NumPy ndarray
print(type(back).__name__, back.dtype, back.shape)

doubled = tf.multiply(array, 2)  # TF math ops accept NumPy arrays and return tensors
print(type(doubled).__name__, keras.ops.convert_to_numpy(doubled).tolist())  # backend-neutral

dense = keras.layers.Dense(2)
output = dense(array)  # a layer also takes NumPy and returns a backend tensor
print(type(output).__name__, keras.ops.convert_to_numpy(output).shape)
# --8<-- [end:tensors]
# --8<-- [start:tensors-check]
assert isinstance(tensor, tf.Tensor) and tensor.dtype == tf.float32
assert isinstance(back, np.ndarray) and np.array_equal(back, array)
assert isinstance(doubled, tf.Tensor)
assert np.array_equal(keras.ops.convert_to_numpy(doubled), array * 2)
assert keras.ops.convert_to_numpy(output).shape == (2, 2)
# --8<-- [end:tensors-check]

# --8<-- [start:vectorize]
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(200, 30))  # 200 samples, 30 features
w = rng.normal(size=(30, 10))  # a Dense layer with 10 units
b = rng.normal(size=10)

out_loop = np.zeros((200, 10))  # with Python loops
for i in range(200):
    for j in range(10):
        total = b[j]
        for k in range(30):
            total += x[i, k] * w[k, j]
        out_loop[i, j] = max(total, 0.0)  # ReLU with an if-like max

out_vectorized = np.maximum(x @ w + b, 0.0)  # one matrix product, no loop, no if
print(out_vectorized.shape, "| same result:", np.allclose(out_loop, out_vectorized))

mixed = np.array([1, 2.5, "three"])  # an ndarray holds a single data type
print(mixed.dtype, mixed)  # everything became a string
# --8<-- [end:vectorize]
# --8<-- [start:vectorize-check]
assert np.allclose(out_loop, out_vectorized)
assert (out_vectorized == 0).any() and (out_vectorized > 0).any()  # the ReLU cut some
assert mixed.dtype.kind == "U"
assert getattr(out_vectorized, "device", "cpu") == "cpu"  # NumPy 2 arrays report device "cpu"
# --8<-- [end:vectorize-check]
