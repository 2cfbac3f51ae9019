# --8<-- [start:data]
import keras
import matplotlib.pyplot as plt
import numpy as np

x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
y = np.array([0, 1, 1, 0], dtype="float32")  # XOR: 1 when exactly one input is 1
print(np.column_stack([x, y]))
# --8<-- [end:data]

# --8<-- [start:build]
def build(activation, initializer):
    """Three hidden layers of 8 units, then one sigmoid unit for the probability."""
    model = keras.Sequential([keras.Input(shape=(2,))])
    for _ in range(3):
        model.add(keras.layers.Dense(8, kernel_initializer=initializer))
        model.add(keras.layers.Activation(activation))
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1),
                  loss="binary_crossentropy", metrics=["accuracy"])
    return model


keras.utils.set_random_seed(0)  # the same initial weights and batch order on every run
candidates = {
    "sigmoid + glorot_uniform": build("sigmoid", "glorot_uniform"),
    "relu + he_normal": build("relu", "he_normal"),
    "leaky_relu + he_normal": build("leaky_relu", "he_normal"),
}
print({name: model.count_params() for name, model in candidates.items()})
# --8<-- [end:build]

# --8<-- [start:train]
x_epoch, y_epoch = np.tile(x, (50, 1)), np.tile(y, 50)  # one "epoch" = 50 passes over XOR
histories = {}
for name, model in candidates.items():
    history = model.fit(x_epoch, y_epoch, epochs=10, batch_size=4, verbose=0)
    histories[name] = history.history
    print(f"{name:26s} loss {history.history['loss'][0]:.3f} -> "
          f"{history.history['loss'][-1]:.3f}  accuracy {history.history['accuracy'][-1]:.2f}  "
          f"({int(model.optimizer.iterations.numpy())} updates)")
# --8<-- [end:train]

# --8<-- [start:check]
sigmoid_loss = histories["sigmoid + glorot_uniform"]["loss"]
for name in ("relu + he_normal", "leaky_relu + he_normal"):
    assert histories[name]["loss"][-1] < 0.1 and histories[name]["accuracy"][-1] == 1.0

import inspect

# "leaky_relu" keeps a slope of 0.2 for negative inputs (the LeakyReLU layer's default is 0.3)
slope = inspect.signature(keras.activations.leaky_relu).parameters["negative_slope"].default
print("leaky_relu negative_slope:", slope)
# --8<-- [end:check]
# --8<-- [start:check-check]
assert abs(sigmoid_loss[-1] - np.log(2)) < 0.05  # still near log(2) = 0.693: guessing
assert slope == 0.2 and keras.layers.LeakyReLU().negative_slope == 0.3
# --8<-- [end:check-check]

# --8<-- [start:plot]
fig, ax = plt.subplots(figsize=(6, 3.5))
for name, history in histories.items():
    ax.plot(history["loss"], label=name)
ax.set_xlabel("epoch")
ax.set_ylabel("binary cross-entropy")
ax.legend()
plt.show()
# --8<-- [end:plot]
