# --8<-- [start:defaults]
import keras
import numpy as np

defaults = {}
for name in ("SGD", "RMSprop", "Adam", "Adadelta", "Adagrad", "Adamax", "Nadam"):
    optimizer = getattr(keras.optimizers, name)()  # every argument at its default
    defaults[name] = float(optimizer.learning_rate)
    print(f"{name:9s} learning_rate = {defaults[name]:.4g}")
# --8<-- [end:defaults]
# --8<-- [start:defaults-check]
assert np.isclose(defaults["SGD"], 0.01)
assert all(np.isclose(defaults[name], 0.001) for name in defaults if name != "SGD")
# --8<-- [end:defaults-check]

# --8<-- [start:strings]
# compile() also accepts the lower-case names; they give the same classes and defaults
names = ("sgd", "rmsprop", "adam", "adadelta", "adagrad", "adamax", "nadam")
for text in names:
    optimizer = keras.optimizers.get(text)
    print(f"{text!r:11} -> keras.optimizers.{type(optimizer).__name__:8s} "
          f"learning_rate = {float(optimizer.learning_rate):.4g}")
# --8<-- [end:strings]
# --8<-- [start:strings-check]
assert all(float(keras.optimizers.get(text).learning_rate)
           == float(type(keras.optimizers.get(text))().learning_rate) for text in names)
assert [type(keras.optimizers.get(text)).__name__ for text in names] == list(defaults)
# --8<-- [end:strings-check]

# --8<-- [start:momentum]
momentum = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)
nesterov = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)  # NAG
print("momentum:", momentum.momentum, "nesterov:", momentum.nesterov)
print("momentum:", nesterov.momentum, "nesterov:", nesterov.nesterov)
# --8<-- [end:momentum]
# --8<-- [start:momentum-check]
assert (momentum.momentum, momentum.nesterov) == (0.9, False)
assert (nesterov.momentum, nesterov.nesterov) == (0.9, True)
assert not any(hasattr(keras.optimizers, name) for name in ("Momentum", "NAG", "Nesterov"))
# --8<-- [end:momentum-check]

# --8<-- [start:rmsprop-step]
rmsprop = keras.optimizers.RMSprop(learning_rate=0.001)  # rho = 0.9, epsilon = 1e-7
weights = keras.Variable(np.zeros(2, dtype="float32"))
g = np.array([0.5, 4.0], dtype="float32")  # a small and a large gradient
rmsprop.apply_gradients([(g, weights)])

v = 0.9 * 0 + (1 - 0.9) * g**2  # moving average of squared gradients, from v = 0
by_hand = 0 - 0.001 * g / np.sqrt(v + 1e-7)  # divided by the square root of v
print("gradients", g, "-> RMSprop:", weights.numpy(), " by hand:", by_hand)
# --8<-- [end:rmsprop-step]
# --8<-- [start:rmsprop-step-check]
assert np.allclose(weights.numpy(), by_hand, rtol=1e-4)
assert not np.allclose(weights.numpy(), -0.001 * g / (v + 1e-7), rtol=0.1)  # not v itself
assert np.isclose(weights.numpy()[0], weights.numpy()[1], rtol=0.01)  # same step, g 8x apart
assert rmsprop.momentum == 0  # no momentum unless asked for
# --8<-- [end:rmsprop-step-check]

# --8<-- [start:base-class]
# keras.optimizers.Optimizer is the base class: it needs a learning_rate...
keras.optimizers.Optimizer()
# --8<-- [end:base-class]

# --8<-- [start:base-class-step]
# ...and with one, the object is made, but it has no update rule (update_step) of its own
base = keras.optimizers.Optimizer(learning_rate=0.1)
print(f"learning_rate: {float(base.learning_rate):.4g}")
variable = keras.Variable(np.ones(2, dtype="float32"))
base.apply_gradients([(np.ones(2, dtype="float32"), variable)])
# --8<-- [end:base-class-step]
# --8<-- [start:base-class-step-check]
assert np.array_equal(variable.numpy(), np.ones(2))  # the weights did not move
# --8<-- [end:base-class-step-check]

# --8<-- [start:race]
# Every optimizer at its default learning rate, 200 steps on the same small regression
rng = np.random.default_rng(0)
x = rng.normal(size=(256, 5)).astype("float32")
y = x @ rng.normal(size=(5, 1)).astype("float32")
start = float(np.mean(y**2))  # the loss of a model that predicts 0
final = {}
for name in ("SGD", "RMSprop", "Adam", "Adadelta", "Adagrad", "Adamax", "Nadam"):
    # every optimizer starts from the same weights: all zeros, nothing random
    model = keras.Sequential([keras.Input(shape=(5,)),
                              keras.layers.Dense(1, kernel_initializer="zeros")])
    model.compile(optimizer=getattr(keras.optimizers, name)(), loss="mse")
    # 200 full-batch steps: the 256 rows repeated 200 times, one batch of 256 per step
    model.fit(np.tile(x, (200, 1)), np.tile(y, (200, 1)), batch_size=256,
              shuffle=False, epochs=1, verbose=0)
    final[name] = float(model.evaluate(x, y, verbose=0))
    print(f"{name:9s} {int(model.optimizer.iterations)} steps, loss {start:.3f} -> "
          f"{final[name]:.4f}")
# --8<-- [end:race]
# --8<-- [start:race-check]
assert all(loss < start for loss in final.values())
assert min(final, key=final.get) == "SGD" and max(final, key=final.get) == "Adadelta"
assert final["Adadelta"] > 0.95 * start  # hardly moves at 0.001
# --8<-- [end:race-check]
