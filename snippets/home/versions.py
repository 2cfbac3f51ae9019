# --8<-- [start:versions]
import keras
import tensorflow as tf

print("TensorFlow", tf.__version__, "| Keras", keras.__version__)
print("backend:", keras.backend.backend())
print("GPUs:", tf.config.list_physical_devices("GPU"))
assert keras.__version__.startswith("3."), "these pages are written for Keras 3"
# --8<-- [end:versions]
