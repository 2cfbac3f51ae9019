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
rmsprop.apply_gradients([(keras.ops.convert_to_tensor(g), weights)])  # PyTorch needs a tensor

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
base.apply_gradients([(keras.ops.ones(2), variable)])
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

# --8<-- [start:adamw]
# One step from w = [1, 1]. The data loss's gradient is 0 for the first weight, 10 for the second.
lr, decay = 0.01, 0.1
data_grad = np.array([0.0, 10.0], dtype="float32")


def one_step(optimizer, grad):
    w = keras.Variable(np.ones(2, dtype="float32"))
    optimizer.apply([keras.ops.convert_to_tensor(grad)], [w])
    return w.numpy()


plain = one_step(keras.optimizers.Adam(learning_rate=lr), data_grad)
# L2 in the loss: (decay / 2) * sum(w**2) adds decay * w to the gradient, and Adam rescales it
l2 = one_step(keras.optimizers.Adam(learning_rate=lr), data_grad + decay * np.ones(2, "float32"))
# AdamW: w -= learning_rate * weight_decay * w, apart from the gradient
adamw = one_step(keras.optimizers.AdamW(learning_rate=lr, weight_decay=decay), data_grad)
print("Adam alone:           ", plain.round(4))
# how far the decay moved each weight, beyond Adam's own step
print("decay from L2 in loss:", abs(plain - l2).round(4))
print("decay from AdamW:     ", abs(plain - adamw).round(4), " lr * weight_decay * w =", lr * decay)
# --8<-- [end:adamw]
# --8<-- [start:adamw-check]
assert np.allclose(plain - adamw, lr * decay * 1.0, atol=1e-6)  # the same shrink for both weights
assert np.isclose((plain - l2)[0], lr, atol=1e-6)  # Adam turned decay * w into a full step
assert abs((plain - l2)[1]) < 1e-6  # and drowned it under the data gradient
assert keras.optimizers.AdamW().weight_decay == 0.004
# --8<-- [end:adamw-check]

# --8<-- [start:weight-decay]
# In Keras 3 every optimizer takes weight_decay; AdamW is Adam with it switched on
for name in ("SGD", "RMSprop", "Adam", "AdamW"):
    print(f"{name:8s} weight_decay = {getattr(keras.optimizers, name)().weight_decay}")
same = one_step(keras.optimizers.Adam(learning_rate=lr, weight_decay=decay), data_grad)
print(f"Adam(weight_decay={decay}) steps like AdamW(weight_decay={decay}):",
      np.allclose(same, adamw))
# For plain SGD the two ways agree: there is no rescaling to tell them apart
sgd_decay = one_step(keras.optimizers.SGD(learning_rate=lr, weight_decay=decay), data_grad)
sgd_l2 = one_step(keras.optimizers.SGD(learning_rate=lr), data_grad + decay * np.ones(2, "float32"))
print(f"SGD(weight_decay={decay}) steps like SGD with L2 in the loss:",
      np.allclose(sgd_decay, sgd_l2))
# --8<-- [end:weight-decay]
# --8<-- [start:weight-decay-check]
assert all(getattr(keras.optimizers, name)().weight_decay is None for name in defaults)
assert np.allclose(same, adamw) and np.allclose(sgd_decay, sgd_l2)
assert issubclass(keras.optimizers.AdamW, keras.optimizers.Adam)
# --8<-- [end:weight-decay-check]

# --8<-- [start:schedules]
schedules = keras.optimizers.schedules
exponential = schedules.ExponentialDecay(0.1, decay_steps=100, decay_rate=0.5)
cosine = schedules.CosineDecay(0.0, decay_steps=90, warmup_target=0.1, warmup_steps=10)
piecewise = schedules.PiecewiseConstantDecay(boundaries=[100, 200], values=[0.1, 0.01, 0.001])
formulas = {  # the same rates, written out
    "exponential": lambda t: 0.1 * 0.5 ** (t / 100),  # halves every 100 steps
    "cosine": lambda t: 0.1 * t / 10 if t < 10  # linear warmup to 0.1 in 10 steps
    else 0.1 * 0.5 * (1 + np.cos(np.pi * min(t - 10, 90) / 90)),  # then a half cosine to 0
    "piecewise": lambda t: 0.1 if t <= 100 else 0.01 if t <= 200 else 0.001,
}
steps = [0, 5, 10, 55, 100, 101, 200, 201]
print("step        " + "".join(f"{t:>7d}" for t in steps))
for name, schedule in (("exponential", exponential), ("cosine", cosine), ("piecewise", piecewise)):
    rates = [float(schedule(t)) for t in steps]
    matches = np.allclose(rates, [formulas[name](t) for t in steps], atol=1e-6)
    print(f"{name:12s}" + "".join(f"{r:7.4f}" for r in rates), " formula:", matches)
# --8<-- [end:schedules]
# --8<-- [start:schedules-check]
assert all(np.allclose([float(schedule(t)) for t in range(0, 300, 7)],
                       [formulas[name](t) for t in range(0, 300, 7)], atol=1e-6)
           for name, schedule in (("exponential", exponential), ("cosine", cosine),
                                  ("piecewise", piecewise)))
assert np.allclose(  # staircase=True: t / T rounded down
    [schedules.ExponentialDecay(0.1, 100, 0.5, staircase=True)(t) for t in (199, 200)],
    [0.05, 0.025])
# --8<-- [end:schedules-check]

# --8<-- [start:schedule-fit]
# A schedule goes where the learning rate goes; the optimizer reads it at its step count
model = keras.Sequential([keras.Input(shape=(5,)),
                          keras.layers.Dense(1, kernel_initializer="zeros")])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=exponential), loss="mse")
model.fit(x, y, batch_size=32, epochs=2, verbose=0)  # 256 rows: 8 steps an epoch
step = int(model.optimizer.iterations)
print(f"after {step} steps: learning_rate {float(model.optimizer.learning_rate):.4f}, "
      f"schedule({step}) = {float(exponential(step)):.4f}")
# --8<-- [end:schedule-fit]
# --8<-- [start:schedule-fit-check]
assert step == 16
assert np.isclose(float(model.optimizer.learning_rate), 0.1 * 0.5 ** (16 / 100))
# --8<-- [end:schedule-fit-check]

# --8<-- [start:schedule-plateau]
# ReduceLROnPlateau lowers the rate by assigning optimizer.learning_rate a new number.
# patience=0, min_delta=1.0: an epoch that lowers the loss by less than 1.0 is a plateau,
# so it acts at the end of epoch 2
plateau = keras.callbacks.ReduceLROnPlateau(monitor="loss", patience=0, min_delta=1.0)
model.fit(x, y, batch_size=32, epochs=2, verbose=0, callbacks=[plateau])
# --8<-- [end:schedule-plateau]

# --8<-- [start:clipping]
# One SGD step with learning_rate=1, so each weight moves by minus its (clipped) gradient
grads = [np.array([3.0, 4.0], "float32"), np.array([12.0], "float32")]  # norms 5 and 12
print("global norm:", float(np.sqrt(sum(np.sum(g**2) for g in grads))))
tensors = [keras.ops.convert_to_tensor(g) for g in grads]
moved = {}
for clip in ("none", "clipvalue", "clipnorm", "global_clipnorm"):
    a, b = keras.Variable(np.zeros(2, "float32")), keras.Variable(np.zeros(1, "float32"))
    options = {} if clip == "none" else {clip: 1.0}
    keras.optimizers.SGD(learning_rate=1.0, **options).apply(tensors, [a, b])
    moved[clip] = -a.numpy(), -b.numpy()
    print(f"{clip + '=1.0' if options else clip:20s} a moves {moved[clip][0].round(4)}, "
          f"b moves {moved[clip][1].round(4)}")
# --8<-- [end:clipping]
# --8<-- [start:clipping-check]
assert np.allclose(moved["none"][0], [3, 4]) and np.allclose(moved["none"][1], [12])
assert np.allclose(moved["clipvalue"][0], [1, 1]) and np.allclose(moved["clipvalue"][1], [1])
assert np.allclose(moved["clipnorm"][0], [0.6, 0.8]) and np.allclose(moved["clipnorm"][1], [1])
assert np.allclose(moved["global_clipnorm"][0], np.array([3, 4]) / 13)
assert np.allclose(moved["global_clipnorm"][1], np.array([12]) / 13)
# --8<-- [end:clipping-check]
