# --8<-- [start:verify]
import keras
import tensorflow as tf

print("TensorFlow", tf.__version__)
print("Keras", keras.__version__, "| backend", keras.backend.backend())
print("GPUs:", tf.config.list_physical_devices("GPU"))  # [] on a CPU-only machine
assert keras.__version__.startswith("3."), "TensorFlow 2.16 or newer ships Keras 3"
# --8<-- [end:verify]
# --8<-- [start:verify-check]
assert tuple(int(part) for part in tf.__version__.split(".")[:2]) >= (2, 16)
assert keras.backend.backend() == "tensorflow"
assert any(r.startswith("nvidia-cudnn") and 'extra == "and-cuda"' in r  # GPU wheels via pip
           for r in __import__("importlib.metadata").metadata.requires("tensorflow"))
# --8<-- [end:verify-check]
