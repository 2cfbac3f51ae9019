# --8<-- [start:defaults]
import keras
import numpy as np

defaults = {}
for name in ("SGD", "RMSprop", "Adam", "Adadelta", "Adagrad", "Adamax", "Nadam"):
    optimizer = getattr(keras.optimizers, name)()  # every argument at its default
    defaults[name] = float(optimizer.learning_rate)
    print(f"{name:9s} learning_rate = {defaults[name]:.4g}")
assert np.isclose(defaults["SGD"], 0.01)
assert all(np.isclose(defaults[name], 0.001) for name in defaults if name != "SGD")
# --8<-- [end:defaults]

# --8<-- [start:strings]
# compile() also accepts the lower-case names; they give the same classes and defaults
for text in ("sgd", "rmsprop", "adam", "adadelta", "adagrad", "adamax", "nadam"):
    optimizer = keras.optimizers.get(text)
    assert float(optimizer.learning_rate) == float(type(optimizer)().learning_rate)
    print(f"{text!r:11} -> keras.optimizers.{type(optimizer).__name__}")
# --8<-- [end:strings]

# --8<-- [start:momentum]
momentum = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)
nesterov = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)  # NAG
print(momentum.momentum, nesterov.nesterov)
assert (momentum.momentum, momentum.nesterov) == (0.9, False)
assert nesterov.nesterov is True
# --8<-- [end:momentum]

# --8<-- [start:base-class]
# keras.optimizers.Optimizer is the base class: it needs a learning_rate, and it has no
# update rule of its own, so applying gradients with it fails
try:
    keras.optimizers.Optimizer()
except TypeError as error:
    print("TypeError:", error)
    assert "learning_rate" in str(error)
else:
    raise AssertionError("Optimizer() should require a learning_rate")
base = keras.optimizers.Optimizer(learning_rate=0.1)
variable = keras.Variable(np.ones(2, dtype="float32"))
try:
    base.apply_gradients([(np.ones(2, dtype="float32"), variable)])
except NotImplementedError:
    print("NotImplementedError: the base class has no update_step")
else:
    raise AssertionError("the base class should not update weights")
# --8<-- [end:base-class]

# --8<-- [start:race]
# Every optimizer at its default learning rate, 200 steps on the same small regression
rng = np.random.default_rng(0)
x = rng.normal(size=(256, 5)).astype("float32")
y = x @ rng.normal(size=(5, 1)).astype("float32")
start = float(np.mean(y**2))  # the loss of a model that predicts 0
for name in ("SGD", "RMSprop", "Adam", "Adadelta", "Adagrad", "Adamax", "Nadam"):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(5,)),
                              keras.layers.Dense(1, kernel_initializer="zeros")])
    model.compile(optimizer=getattr(keras.optimizers, name)(), loss="mse")
    # 200 full-batch steps: the 256 rows repeated 200 times, one batch of 256 per step
    model.fit(np.tile(x, (200, 1)), np.tile(y, (200, 1)), batch_size=256,
              shuffle=False, epochs=1, verbose=0)
    loss = float(model.evaluate(x, y, verbose=0))
    print(f"{name:9s} loss {start:.3f} -> {loss:.4f}")
    assert loss < start
# --8<-- [end:race]
