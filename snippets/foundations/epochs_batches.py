# --8<-- [start:count]
import math

import keras
import numpy as np


class CountIterations(keras.callbacks.Callback):
    """Counts training batches (iterations) per epoch and in total."""

    def on_train_begin(self, logs=None):
        self.per_epoch, self.total = [], 0

    def on_epoch_begin(self, epoch, logs=None):
        self.per_epoch.append(0)

    def on_train_batch_end(self, batch, logs=None):
        self.per_epoch[-1] += 1
        self.total += 1


rng = np.random.default_rng(0)
x = rng.normal(size=(2000, 4)).astype("float32")  # 2,000 samples
y = x @ np.array([1.0, -2.0, 0.5, 3.0], dtype="float32")

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
counter = CountIterations()
model.fit(x, y, epochs=20, batch_size=500, verbose=0, callbacks=[counter])
print(f"{len(x):,} samples, {len(counter.per_epoch)} epochs; iterations per epoch:",
      counter.per_epoch[:3], "... total:", counter.total)
print("optimizer steps:", int(model.optimizer.iterations))
# --8<-- [end:count]
# --8<-- [start:count-check]
assert counter.per_epoch == [4] * 20  # 2000 / 500 = 4 iterations per epoch
assert counter.total == 80 == int(model.optimizer.iterations)  # 20 epochs x 4
# --8<-- [end:count-check]

# --8<-- [start:remainder]
counter = CountIterations()
model.fit(x[:1900], y[:1900], epochs=1, batch_size=500, verbose=0, callbacks=[counter])
print("1,900 samples, batch_size=500:", counter.total, "iterations")
print("optimizer steps so far:", int(model.optimizer.iterations))  # fit continues: 80 + 4
# --8<-- [end:remainder]
# --8<-- [start:remainder-check]
assert counter.total == math.ceil(1900 / 500) == 4  # 500 + 500 + 500 + 400
assert int(model.optimizer.iterations) == 80 + 4  # the second fit went on from the first
# --8<-- [end:remainder-check]

# --8<-- [start:batch-size-advice]
# Note 000: "25,000 samples -> batch_size 300 rather than 20". Updates per epoch:
samples = 25_000
for batch_size in (20, 300):
    print(f"{samples:,} samples, batch_size={batch_size}: "
          f"{math.ceil(samples / batch_size):,} updates per epoch")
# --8<-- [end:batch-size-advice]
# --8<-- [start:batch-size-advice-check]
assert math.ceil(25_000 / 20) == 1250 and math.ceil(25_000 / 300) == 84
# --8<-- [end:batch-size-advice-check]

# --8<-- [start:early-stopping]
keras.utils.set_random_seed(0)  # the same starting weights on every run
rng = np.random.default_rng(1)
x_small = rng.normal(size=(60, 20)).astype("float32")  # few samples, many features
y_small = (x_small[:, 0] + x_small[:, 1] + rng.normal(scale=0.5, size=60) > 0).astype("float32")
big = keras.Sequential([
    keras.Input(shape=(20,)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
big.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy")
history = big.fit(x_small[:40], y_small[:40], validation_data=(x_small[40:], y_small[40:]),
                  epochs=40, batch_size=40, verbose=0)
val_loss = history.history["val_loss"]
best = int(np.argmin(val_loss))
print(f"{len(val_loss)} epochs on {len(x_small[:40])} samples: val_loss is lowest at epoch "
      f"{best + 1} ({val_loss[best]:.3f}), {val_loss[-1]:.3f} at the end; "
      f"training loss {history.history['loss'][-1]:.3f}")
# --8<-- [end:early-stopping]
# --8<-- [start:early-stopping-check]
assert val_loss[-1] > 1.1 * val_loss[best]  # more epochs made validation worse
# --8<-- [end:early-stopping-check]

# --8<-- [start:early-stopping-restore]
class WeightsPerEpoch(keras.callbacks.Callback):
    """Keeps a copy of the weights at the end of every epoch."""

    def on_train_begin(self, logs=None):
        self.weights = []

    def on_epoch_end(self, epoch, logs=None):
        self.weights.append(self.model.get_weights())


def same_weights(a, b):
    return all(np.array_equal(u, v) for u, v in zip(a, b, strict=True))


runs = {}
for restore in (False, True):
    keras.utils.set_random_seed(0)
    model = keras.models.clone_model(big)  # the same architecture, fresh weights
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy")
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3,
                                         restore_best_weights=restore)
    kept = WeightsPerEpoch()
    run = model.fit(x_small[:40], y_small[:40], validation_data=(x_small[40:], y_small[40:]),
                    epochs=40, batch_size=40, verbose=0, callbacks=[stop, kept]).history
    final = model.get_weights()
    runs[restore] = {"stop": stop, "per_epoch": kept.weights, "val_loss": run["val_loss"],
                     "final": final}
    print(f"restore_best_weights={restore}: best epoch {stop.best_epoch + 1}, "
          f"stopped after epoch {stop.stopped_epoch + 1}; the model keeps the weights of epoch",
          [e + 1 for e, w in enumerate(kept.weights) if same_weights(w, final)],
          f"(val_loss {model.evaluate(x_small[40:], y_small[40:], verbose=0):.3f})")
# --8<-- [end:early-stopping-restore]
# --8<-- [start:early-stopping-restore-check]
assert all(r["stop"].stopped_epoch == r["stop"].best_epoch + 3 for r in runs.values())  # patience
assert all(r["stop"].best_epoch == int(np.argmin(r["val_loss"])) for r in runs.values())
assert all(len(r["per_epoch"]) == r["stop"].stopped_epoch + 1 for r in runs.values())
# default: the model keeps the last epoch's weights, not the best epoch's
assert same_weights(runs[False]["final"], runs[False]["per_epoch"][-1])
assert not same_weights(runs[False]["final"],
                        runs[False]["per_epoch"][runs[False]["stop"].best_epoch])
assert runs[False]["val_loss"][-1] > min(runs[False]["val_loss"])
# restore_best_weights=True: the best epoch's weights, not the last epoch's
assert same_weights(runs[True]["final"], runs[True]["per_epoch"][runs[True]["stop"].best_epoch])
assert not same_weights(runs[True]["final"], runs[True]["per_epoch"][-1])
# --8<-- [end:early-stopping-restore-check]
