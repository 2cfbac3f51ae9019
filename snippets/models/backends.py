# --8<-- [start:choose]
import os

os.environ["KERAS_BACKEND"] = "tensorflow"  # before the first `import keras`: or "jax", "torch"

import keras

print("backend:", keras.config.backend())
# --8<-- [end:choose]
# --8<-- [start:choose-check]
assert keras.config.backend() == "tensorflow"
# --8<-- [end:choose-check]

# --8<-- [start:too-late]
import subprocess
import sys

os.environ["KERAS_BACKEND"] = "jax"  # after the import: this session keeps its backend
print("this session:", keras.config.backend())

# a new Python process reads the variable when it imports keras
fresh = subprocess.run([sys.executable, "-c", "import keras; print(keras.config.backend())"],
                       capture_output=True, text=True)
print("a new process:", fresh.stdout.strip() or fresh.stderr.strip().splitlines()[-1])
os.environ["KERAS_BACKEND"] = "tensorflow"  # back to the backend this session runs
# --8<-- [end:too-late]
# --8<-- [start:too-late-check]
assert keras.config.backend() == "tensorflow"
assert fresh.returncode != 0 and "No module named 'jax'" in fresh.stderr  # JAX: not installed
# --8<-- [end:too-late-check]

# --8<-- [start:tensor-types]
import numpy as np

keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
x = np.ones((3, 4), dtype="float32")  # NumPy in ...

results = {
    "model(x)": model(x),                          # ... a backend tensor out
    "keras.ops.mean(x, axis=1)": keras.ops.mean(x, axis=1),  # keras.ops: a backend tensor
    "model.predict(x)": model.predict(x, verbose=0),          # predict: NumPy on every backend
    "keras.ops.convert_to_numpy(...)": keras.ops.convert_to_numpy(model(x)),
}
for name, value in results.items():
    print(f"{name:32} {type(value).__module__}.{type(value).__name__}")
# --8<-- [end:tensor-types]
# --8<-- [start:tensor-types-check]
assert type(results["model(x)"]).__module__.startswith("tensorflow")
assert type(results["keras.ops.mean(x, axis=1)"]).__module__.startswith("tensorflow")
assert type(results["model.predict(x)"]) is np.ndarray
assert type(results["keras.ops.convert_to_numpy(...)"]) is np.ndarray
assert np.allclose(results["model.predict(x)"], results["keras.ops.convert_to_numpy(...)"])
assert np.array_equal(results["model(x)"].numpy(), keras.ops.convert_to_numpy(results["model(x)"]))
# --8<-- [end:tensor-types-check]

# --8<-- [start:random]
first = keras.random.normal((2, 3), seed=0)
again = keras.random.normal((2, 3), seed=0)  # the same integer seed: the same numbers
stream = keras.random.SeedGenerator(0)       # a seed generator: new numbers on every call
one, two = keras.random.normal((2, 3), seed=stream), keras.random.normal((2, 3), seed=stream)

print(np.round(keras.ops.convert_to_numpy(first), 3))
print("seed=0 twice, same numbers:", np.array_equal(keras.ops.convert_to_numpy(first),
                                                    keras.ops.convert_to_numpy(again)))
print("one SeedGenerator, two calls, same numbers:",
      np.array_equal(keras.ops.convert_to_numpy(one), keras.ops.convert_to_numpy(two)))
# --8<-- [end:random]
# --8<-- [start:random-check]
assert np.array_equal(keras.ops.convert_to_numpy(first), keras.ops.convert_to_numpy(again))
assert not np.array_equal(keras.ops.convert_to_numpy(one), keras.ops.convert_to_numpy(two))
# --8<-- [end:random-check]

# --8<-- [start:fit-numpy]
rng = np.random.default_rng(0)
features = rng.normal(size=(256, 4)).astype("float32")
targets = features @ np.array([[1.0, -1.0], [2.0, 0.0], [0.0, 1.0], [-1.0, 0.5]], "float32")

model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="mse")
history = model.fit(features, targets, epochs=20, batch_size=32, verbose=0)  # NumPy arrays
losses = history.history["loss"]
print(f"loss {losses[0]:.3f} -> {losses[-1]:.3f}")
print("evaluate:", round(model.evaluate(features, targets, verbose=0), 3),
      " predict:", type(model.predict(features[:2], verbose=0)).__name__)
# --8<-- [end:fit-numpy]
# --8<-- [start:fit-numpy-check]
assert losses[-1] < losses[0] / 2
# --8<-- [end:fit-numpy-check]

# --8<-- [start:gradient-tape]
import tensorflow as tf  # TensorFlow only: JAX has jax.grad, PyTorch loss.backward()

w = keras.Variable(np.array([1.0, -2.0, 3.0], dtype="float32"))
with tf.GradientTape() as tape:
    loss = keras.ops.mean(keras.ops.square(w))  # keras.ops inside TensorFlow's autodiff
gradient = keras.ops.convert_to_numpy(tape.gradient(loss, w))
print("gradient of mean(w**2):", gradient.round(4),
      " 2 * w / 3:", (2 * keras.ops.convert_to_numpy(w) / 3).round(4))
# --8<-- [end:gradient-tape]
# --8<-- [start:gradient-tape-check]
assert np.allclose(gradient, 2 * np.array([1.0, -2.0, 3.0]) / 3)
# --8<-- [end:gradient-tape-check]

# --8<-- [start:ops-table]
import tensorflow as tf  # only for the comparison: the left column of the table

x = np.array([[1.0, -2.0, 3.0], [0.5, 4.0, -1.0]], dtype="float32")
w = np.arange(6, dtype="float32").reshape(3, 2)
ids = np.array([2, 0])

pairs = {  # TensorFlow only -> every backend, on the same inputs
    "tf.reduce_mean -> keras.ops.mean": (tf.reduce_mean(x, axis=1), keras.ops.mean(x, axis=1)),
    "tf.reduce_sum -> keras.ops.sum": (tf.reduce_sum(x, axis=0), keras.ops.sum(x, axis=0)),
    "tf.reduce_max -> keras.ops.max": (tf.reduce_max(x, axis=1), keras.ops.max(x, axis=1)),
    "tf.matmul -> keras.ops.matmul": (tf.matmul(x, w), keras.ops.matmul(x, w)),
    "tf.concat -> keras.ops.concatenate": (tf.concat([x, x], axis=0),
                                           keras.ops.concatenate([x, x], axis=0)),
    "tf.reshape -> keras.ops.reshape": (tf.reshape(x, (3, 2)), keras.ops.reshape(x, (3, 2))),
    "tf.nn.softmax -> keras.ops.softmax": (tf.nn.softmax(x, axis=-1),
                                           keras.ops.softmax(x, axis=-1)),
    "tf.one_hot -> keras.ops.one_hot": (tf.one_hot(ids, depth=3),
                                        keras.ops.one_hot(ids, num_classes=3)),
    "tf.cast -> keras.ops.cast": (tf.cast(ids, "float32"), keras.ops.cast(ids, "float32")),
    "tf.where -> keras.ops.where": (tf.where(x > 0, x, 0.0), keras.ops.where(x > 0, x, 0.0)),
    "tf.clip_by_value -> keras.ops.clip": (tf.clip_by_value(x, -1.0, 1.0),
                                           keras.ops.clip(x, -1.0, 1.0)),
}
for name, (with_tf, with_ops) in pairs.items():
    same = np.allclose(keras.ops.convert_to_numpy(with_tf), keras.ops.convert_to_numpy(with_ops))
    print(f"{name:40} same values: {same}")

with_tf, with_ops = tf.random.normal((2, 3)), keras.random.normal((2, 3), seed=0)
same = with_tf.shape == with_ops.shape and with_tf.dtype == with_ops.dtype  # random: not values
print(f"{'tf.random.normal -> keras.random.normal':40} same shape and dtype: {same}")
# --8<-- [end:ops-table]
# --8<-- [start:ops-table-check]
assert all(np.allclose(keras.ops.convert_to_numpy(a), keras.ops.convert_to_numpy(b))
           for a, b in pairs.values())
assert same  # random numbers: the same shape and dtype
assert all(hasattr(np, name) for name in ("mean", "sum", "max", "matmul", "concatenate",
                                          "reshape", "where", "clip"))  # NumPy's names
assert not any(hasattr(np, name) for name in ("reduce_mean", "reduce_sum", "clip_by_value"))
# --8<-- [end:ops-table-check]
