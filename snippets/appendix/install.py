# --8<-- [start:verify]
import keras
import tensorflow as tf

print("TensorFlow", tf.__version__)
print("Keras", keras.__version__, "| backend", keras.backend.backend())
print("GPUs:", tf.config.list_physical_devices("GPU"))  # [] on a CPU-only machine
major, minor = (int(part) for part in tf.__version__.split(".")[:2])
assert (major, minor) >= (2, 16), "TensorFlow 2.16 or newer ships Keras 3"
assert keras.__version__.startswith("3.")
# --8<-- [end:verify]
