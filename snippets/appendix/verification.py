# --8<-- [start:versions]
import keras
import tensorflow as tf

print("TensorFlow", tf.__version__, "| Keras", keras.__version__)
print("backend:", keras.backend.backend())
print("GPUs:", tf.config.list_physical_devices("GPU"))
# --8<-- [end:versions]
# --8<-- [start:versions-check]
assert keras.__version__.startswith("3."), "these pages are written for Keras 3"
assert tuple(int(part) for part in tf.__version__.split(".")[:2]) >= (2, 16)
# --8<-- [end:versions-check]
