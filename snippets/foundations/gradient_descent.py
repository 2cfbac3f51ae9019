# --8<-- [start:data]
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)
x = rng.uniform(-1, 1, size=256).astype("float32")
y = (3.0 * x + 2.0 + rng.normal(scale=0.1, size=256)).astype("float32")  # true w=3, b=2
slope, intercept = np.polyfit(x, y, 1)  # the least-squares line through the noisy points
print(f"{len(x)} points; least-squares line y = {slope:.2f}x + {intercept:.2f}")


def mse(w, b, xs, ys):
    return tf.reduce_mean((w * xs + b - ys) ** 2)
# --8<-- [end:data]

# --8<-- [start:gradient]
w, b = tf.Variable(0.0), tf.Variable(0.0)
with tf.GradientTape() as tape:
    loss = mse(w, b, x, y)
dw, db = tape.gradient(loss, [w, b])

# By hand: L = mean((w x + b - y)^2)  ->  dL/dw = mean(2 (w x + b - y) x), dL/db = mean(2 (...))
error = w.numpy() * x + b.numpy() - y
print("tape:", dw.numpy(), db.numpy(), " by hand:", np.mean(2 * error * x), np.mean(2 * error))
# --8<-- [end:gradient]
# --8<-- [start:gradient-check]
assert np.isclose(dw.numpy(), np.mean(2 * error * x), rtol=1e-5)
assert np.isclose(db.numpy(), np.mean(2 * error), rtol=1e-5)
# --8<-- [end:gradient-check]

# --8<-- [start:descent]
learning_rate, steps = 0.1, 200
for _ in range(steps):
    with tf.GradientTape() as tape:
        loss = mse(w, b, x, y)
    dw, db = tape.gradient(loss, [w, b])
    w.assign(w - learning_rate * dw)  # W = W - learning_rate * gradient
    b.assign(b - learning_rate * db)
print(f"after {steps} steps: w={w.numpy():.3f} b={b.numpy():.3f} loss={loss.numpy():.4f}")
# --8<-- [end:descent]
# --8<-- [start:descent-check]
assert abs(w.numpy() - 3) < 0.05 and abs(b.numpy() - 2) < 0.05
# --8<-- [end:descent-check]

# --8<-- [start:keras-sgd]
import keras

# keras.optimizers.SGD makes exactly the same update
initial = np.array([1.0, -2.0], dtype="float32")
v = keras.Variable(initial)
grad = np.array([0.5, 4.0], dtype="float32")
keras.optimizers.SGD(learning_rate=0.1).apply_gradients(
    [(keras.ops.convert_to_tensor(grad), v)])  # as a tensor: the PyTorch backend takes no NumPy
step = v.numpy() - initial
print("SGD:", v.numpy(), " by hand:", initial - 0.1 * grad)
print("gradient ratio", grad[1] / grad[0], "-> step ratio", step[1] / step[0])
print(keras.optimizers.SGD.__doc__.splitlines()[0])  # how Keras describes SGD
# --8<-- [end:keras-sgd]
# --8<-- [start:keras-sgd-check]
assert np.allclose(v.numpy(), initial - 0.1 * grad)
assert keras.optimizers.SGD.__doc__.startswith("Gradient descent")  # descent, not decent
assert (np.sign(step) == -np.sign(grad)).all()  # subtracted, not added
assert np.isclose(step[1] / step[0], grad[1] / grad[0])  # 8x gradient, 8x step
# --8<-- [end:keras-sgd-check]

# --8<-- [start:batches]
def gradient_at_start(batch_size):
    """The gradient dL/dw at w = b = 0, estimated from one random batch."""
    index = rng.choice(len(x), size=batch_size, replace=False)
    w0, b0 = tf.Variable(0.0), tf.Variable(0.0)
    with tf.GradientTape() as tape:
        loss = mse(w0, b0, x[index], y[index])
    return tape.gradient(loss, w0).numpy()


draws, noise = 50, {}  # batch size -> spread of the 50 estimates
print(f"dL/dw at w = b = 0, estimated from {draws} random batches of each size:")
for batch_size in (1, 32, 256):  # SGD, mini-batch, full batch
    estimates = [gradient_at_start(batch_size) for _ in range(draws)]
    noise[batch_size] = np.std(estimates)
    print(f"batch {batch_size:3d}: updates per epoch {len(x) // batch_size:3d}, "
          f"gradient {np.mean(estimates):6.3f} ± {noise[batch_size]:.3f}")
# --8<-- [end:batches]
# --8<-- [start:batches-check]
assert noise[1] > noise[32] > noise[256]  # bigger batches, less noisy directions
assert noise[256] < 1e-5  # the full batch always gives the same, exact gradient
# --8<-- [end:batches-check]

# --8<-- [start:learning-rate]
def descend(learning_rate, steps=20, start=-4.0):
    """Gradient descent on L(w) = (w - 1)^2, whose gradient is 2 (w - 1)."""
    w = start
    for _ in range(steps):
        w = w - learning_rate * 2 * (w - 1)
    return w


start, steps = -4.0, 20
print(f"L(w) = (w - 1)^2, from w = {start:g}:")
for lr in (0.01, 0.1, 0.5, 0.9, 1.1):
    print(f"lr={lr:<4}  w after {steps} steps = {descend(lr, steps, start):.4g}")
print("lr=0.5, one step: w =", descend(0.5, steps=1, start=start))
# --8<-- [end:learning-rate]
# --8<-- [start:learning-rate-check]
assert abs(descend(0.01) - 1) > 2  # too small: still far away
assert abs(descend(0.1) - 1) < 0.1  # good
assert descend(0.5, steps=1) == 1.0  # lands exactly on the minimum of this parabola
assert abs(descend(0.9) - 1) < 0.1  # overshoots back and forth, but converges
assert abs(descend(1.1) - 1) > 100  # too large: diverges
assert abs(descend(1.05, steps=12) - 1) > abs(-4.0 - 1)  # the figure's 12 steps at 1.05: farther
# --8<-- [end:learning-rate-check]

# --8<-- [start:local-minima]
def bumpy(w):
    """A loss with a shallow local minimum near w=1.13 and a deeper one near w=-1.30."""
    return w**4 - 3 * w**2 + w


def minimize(momentum, start=2.0, steps=300):
    w = keras.Variable(start)
    optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=momentum)
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = bumpy(w)
        optimizer.apply_gradients([(tape.gradient(loss, w), w)])
    return float(w.numpy())


start = 2.0
plain, heavy = minimize(momentum=0.0, start=start), minimize(momentum=0.9, start=start)
print(f"from w={start:g}: plain GD stops at w={plain:.2f} (loss {bumpy(plain):.2f}); "
      f"momentum 0.9 reaches w={heavy:.2f} (loss {bumpy(heavy):.2f})")
# --8<-- [end:local-minima]
# --8<-- [start:local-minima-check]
assert abs(plain - 1.13) < 0.01  # stuck in the local minimum
assert abs(heavy + 1.30) < 0.01 and bumpy(heavy) < bumpy(plain)
# --8<-- [end:local-minima-check]
