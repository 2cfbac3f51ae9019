# --8<-- [start:data]
import keras
import numpy as np

keras.utils.set_random_seed(0)  # the same initial weights and shuffling on every run
rng = np.random.default_rng(0)
x = rng.normal(size=(600, 10)).astype("float32")
y = ((x[:, 0] * x[:, 1] + x[:, 2]) > 0).astype("float32")
x_train, y_train, x_val, y_val = x[:480], y[:480], x[480:], y[480:]


def build_model(learning_rate=0.01):
    model = keras.Sequential([
        keras.Input(shape=(10,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate),
                  loss="binary_crossentropy", metrics=["accuracy"])
    return model


print(x_train.shape, x_val.shape)
# --8<-- [end:data]

# --8<-- [start:early-stopping-checkpoint]
callbacks_list = [  # a list: several callbacks at once
    keras.callbacks.EarlyStopping(
        monitor="val_accuracy",  # Keras 3 logs "val_accuracy" for metrics=["accuracy"]
        patience=3,  # stop after 3 epochs in a row without improvement
    ),
    keras.callbacks.ModelCheckpoint(
        filepath="my_model.keras",  # a full model: the native .keras format
        monitor="val_loss",
        save_best_only=True,  # overwrite the file only when val_loss improves
    ),
]
model = build_model()
history = model.fit(x_train, y_train, epochs=40, batch_size=32, callbacks=callbacks_list,
                    validation_data=(x_val, y_val), verbose=0)
epochs_run = len(history.history["loss"])
print("epochs run:", epochs_run, "of 40")

best = keras.models.load_model("my_model.keras")  # the checkpoint with the lowest val_loss
best_val_loss = best.evaluate(x_val, y_val, verbose=0)[0]
print("reloaded val_loss:", round(best_val_loss, 4), "min in history:",
      round(min(history.history["val_loss"]), 4))
# --8<-- [end:early-stopping-checkpoint]
# --8<-- [start:early-stopping-checkpoint-check]
assert epochs_run < 40  # EarlyStopping stopped it early
assert np.isclose(best_val_loss, min(history.history["val_loss"]), atol=1e-4)
# --8<-- [end:early-stopping-checkpoint-check]

# --8<-- [start:note-val-acc]
# the note's monitor name, mixed with metrics=["accuracy"]
build_model().fit(x_train, y_train, validation_data=(x_val, y_val), epochs=2, verbose=0,
                  callbacks=[keras.callbacks.EarlyStopping(monitor="val_acc", patience=1)])
# --8<-- [end:note-val-acc]

# --8<-- [start:note-val-acc-right]
print(sorted(history.history))  # metrics=["accuracy"] -> "accuracy" and "val_accuracy"

import warnings

acc_model = build_model()
acc_model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["acc"])  # note 001
note_stop = keras.callbacks.EarlyStopping(monitor="val_acc", patience=1)  # note 001
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    acc_history = acc_model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=10,
                                batch_size=32, callbacks=[note_stop], verbose=0)
print(sorted(acc_history.history))  # metrics=["acc"] -> "acc" and "val_acc"
print("epochs run:", len(acc_history.history["loss"]), "of 10")
# --8<-- [end:note-val-acc-right]
# --8<-- [start:note-val-acc-right-check]
assert "val_accuracy" in history.history and "val_acc" not in history.history
assert "val_acc" in acc_history.history  # the note's monitor name exists: no error
assert note_stop.monitor_op.__name__ == "greater"  # it knows val_acc should go up
assert not any("val_acc" in str(w.message) for w in caught)  # no "not available" warning
# --8<-- [end:note-val-acc-right-check]

# --8<-- [start:note-h5]
import logging
import os

messages = []  # collect Keras's warnings (logged through absl) to print them
handler = logging.Handler()
handler.emit = lambda record: messages.append(record.getMessage())
logging.getLogger("absl").addHandler(handler)
h5_checkpoint = keras.callbacks.ModelCheckpoint(filepath="my_model.h5")  # the note's name
build_model().fit(x_train, y_train, epochs=1, verbose=0, callbacks=[h5_checkpoint])
logging.getLogger("absl").removeHandler(handler)
print(os.path.exists("my_model.h5"))  # saved ...
print(messages[0])  # ... with a warning
# --8<-- [end:note-h5]
# --8<-- [start:note-h5-check]
assert os.path.exists("my_model.h5") and "legacy" in messages[0]  # works, but legacy HDF5
# --8<-- [end:note-h5-check]

# --8<-- [start:note-h5-weights]
keras.callbacks.ModelCheckpoint("my_weights.h5", save_weights_only=True)
# --8<-- [end:note-h5-weights]

# --8<-- [start:note-h5-name]
keras.callbacks.ModelCheckpoint("my_model")  # no extension
# --8<-- [end:note-h5-name]

# --8<-- [start:note-h5-right]
weights_checkpoint = keras.callbacks.ModelCheckpoint("best.weights.h5", save_weights_only=True)
build_model().fit(x_train, y_train, epochs=1, verbose=0, callbacks=[weights_checkpoint])
print(os.path.exists("best.weights.h5"))
# --8<-- [end:note-h5-right]
# --8<-- [start:note-h5-right-check]
assert os.path.exists("best.weights.h5")
# --8<-- [end:note-h5-right-check]

# --8<-- [start:note-typos]
mopdel.complie(optimizer="rmsprop", loss="binary_crossentropy")  # noqa: F821 (the note's line)
# --8<-- [end:note-typos]

# --8<-- [start:note-typos-complie]
model.complie(optimizer="rmsprop", loss="binary_crossentropy")
# --8<-- [end:note-typos-complie]

# --8<-- [start:note-typos-patiene]
keras.callbacks.EarlyStopping(monitor="val_loss", patiene=10)  # rejected ...
# --8<-- [end:note-typos-patiene]

# --8<-- [start:note-typos-silent]
# ... but ReduceLROnPlateau takes **kwargs and silently ignores it
reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.1, patiene=2)
print("patience actually used:", reduce_lr.patience)  # the default, not the 2 we meant
# --8<-- [end:note-typos-silent]
# --8<-- [start:note-typos-silent-check]
assert reduce_lr.patience == 10
# --8<-- [end:note-typos-silent-check]

# --8<-- [start:patience]
def stopping_epoch(val_losses, patience):
    """Feed EarlyStopping a scripted val_loss history; return the epoch it stops at."""
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience)
    stopper.set_model(build_model())
    stopper.on_train_begin()
    for epoch, val_loss in enumerate(val_losses):
        stopper.on_epoch_end(epoch, {"val_loss": val_loss})
        if stopper.model.stop_training:
            return epoch
    return None


val_losses = [0.9, 0.7, 0.6, 0.65, 0.62, 0.61, 0.64]  # best at epoch 2, then no improvement
print(f"best: epoch {int(np.argmin(val_losses))} ({min(val_losses)})")
for patience in (1, 2, 3):
    print(f"patience={patience}: stops at epoch {stopping_epoch(val_losses, patience)}")
# --8<-- [end:patience]
# --8<-- [start:patience-check]
assert stopping_epoch(val_losses, patience=1) == 3  # the first epoch without improvement
assert stopping_epoch(val_losses, patience=2) == 4
assert stopping_epoch(val_losses, patience=3) == 5
# --8<-- [end:patience-check]

# --8<-- [start:restore-best]
rng_noise = np.random.default_rng(1)
x_small = rng_noise.normal(size=(60, 10)).astype("float32")
y_small = rng_noise.integers(0, 2, size=60).astype("float32")  # random labels: only noise
big = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(128, activation="relu"),
                        keras.layers.Dense(1, activation="sigmoid")])
big.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy")
stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3,
                                        restore_best_weights=True)
history = big.fit(x_small[:40], y_small[:40], validation_data=(x_small[40:], y_small[40:]),
                  epochs=100, verbose=0, callbacks=[stopper])
val_losses = history.history["val_loss"]
best_epoch = int(np.argmin(val_losses))
final_val_loss = big.evaluate(x_small[40:], y_small[40:], verbose=0)
print(f"stopped at epoch {stopper.stopped_epoch}, best epoch {best_epoch}, "
      f"last val_loss {val_losses[-1]:.3f}, val_loss now {final_val_loss:.3f}")
# --8<-- [end:restore-best]
# --8<-- [start:restore-best-check]
assert stopper.stopped_epoch == best_epoch + 3
assert np.isclose(final_val_loss, val_losses[best_epoch], atol=1e-4)  # best weights are back
assert final_val_loss < val_losses[-1]
# --8<-- [end:restore-best-check]

# --8<-- [start:restore-best-default]
keep_last = keras.Sequential([
    keras.Input(shape=(10,)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
keep_last.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy")
default_stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3)  # no restore
default_history = keep_last.fit(
    x_small[:40], y_small[:40], validation_data=(x_small[40:], y_small[40:]),
    epochs=100, verbose=0, callbacks=[default_stopper],
)
default_losses = default_history.history["val_loss"]
val_loss_now = keep_last.evaluate(x_small[40:], y_small[40:], verbose=0)
print(f"best val_loss {min(default_losses):.3f}, last {default_losses[-1]:.3f}, "
      f"val_loss now {val_loss_now:.3f}")
# --8<-- [end:restore-best-default]
# --8<-- [start:restore-best-default-check]
assert 0 < default_stopper.stopped_epoch < 99  # it stopped early ...
assert np.isclose(val_loss_now, default_losses[-1], atol=1e-4)  # ... with the last weights,
assert val_loss_now > min(default_losses)  # not the best ones
# --8<-- [end:restore-best-default-check]

# --8<-- [start:reduce-lr]
reduce_lr = keras.callbacks.ReduceLROnPlateau(
    monitor="val_loss",
    factor=0.1,  # new learning rate = old * 0.1
    patience=2,  # after 2 epochs without improvement
)
stuck = build_model(learning_rate=1e-7)  # so small that val_loss cannot improve
history = stuck.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=6, verbose=0,
                    callbacks=[reduce_lr])
rates = history.history["learning_rate"]
print([f"{rate:.0e}" for rate in rates])
# --8<-- [end:reduce-lr]
# --8<-- [start:reduce-lr-check]
assert np.allclose(rates, [1e-7, 1e-7, 1e-7, 1e-8, 1e-8, 1e-9])
# --8<-- [end:reduce-lr-check]

# --8<-- [start:reduce-lr-note]
# note 001's second fit: no epochs, so fit runs its default of 1 epoch
reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.1, patience=10)
history = build_model(learning_rate=1e-7).fit(
    x_train, y_train, batch_size=32, callbacks=[reduce_lr], validation_data=(x_val, y_val),
    verbose=0,
)
print("epochs run:", len(history.history["loss"]), " learning rates:",
      [f"{rate:.0e}" for rate in history.history["learning_rate"]])
# --8<-- [end:reduce-lr-note]
# --8<-- [start:reduce-lr-note-check]
assert len(history.history["loss"]) == 1  # fit's default is epochs=1 ...
assert np.allclose(history.history["learning_rate"], [1e-7])  # ... so the rate never drops
assert reduce_lr.wait < reduce_lr.patience
# --8<-- [end:reduce-lr-note-check]

# --8<-- [start:lambda]
seen = []
print_epoch = keras.callbacks.LambdaCallback(
    on_epoch_end=lambda epoch, logs: seen.append((epoch, round(logs["val_loss"], 3)))
)
build_model().fit(x_train, y_train, validation_data=(x_val, y_val), epochs=3, verbose=0,
                  callbacks=[print_epoch])
print(seen)
# --8<-- [end:lambda]
# --8<-- [start:lambda-check]
assert [epoch for epoch, _ in seen] == [0, 1, 2]
# --8<-- [end:lambda-check]

# --8<-- [start:tensorboard-requirement]
from importlib.metadata import requires

needs = [r for r in requires("tensorflow") if r.startswith(("keras", "tensorboard"))]
print(needs)  # keras yes, tensorboard no
# --8<-- [end:tensorboard-requirement]
# --8<-- [start:tensorboard-requirement-check]
assert not any(r.startswith("tensorboard") for r in needs)
# --8<-- [end:tensorboard-requirement-check]

# --8<-- [start:tensorboard]
import glob

import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(64, 4)).astype("float32")
y = (x[:, 0] > 0).astype("float32")
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y, validation_split=0.25, epochs=2, verbose=0,
          callbacks=[keras.callbacks.TensorBoard(log_dir="logs")])
event_files = sorted(glob.glob("logs/**/events.out.tfevents.*", recursive=True))
print([path.split("/")[1] for path in event_files])
# --8<-- [end:tensorboard]
# --8<-- [start:tensorboard-check]
assert {path.split("/")[1] for path in event_files} == {"train", "validation"}
# --8<-- [end:tensorboard-check]

# --8<-- [start:custom]
import keras
import numpy as np


class CallOrder(keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.calls = []

    def on_train_batch_begin(self, batch, logs=None):
        self.calls.append(f"train_batch_begin {batch}")

    def on_train_batch_end(self, batch, logs=None):
        self.calls.append(f"train_batch_end {batch}")

    def on_test_batch_begin(self, batch, logs=None):
        self.calls.append(f"test_batch_begin {batch}")

    def on_test_batch_end(self, batch, logs=None):
        self.calls.append(f"test_batch_end {batch}")

    def on_epoch_end(self, epoch, logs=None):
        self.calls.append(f"epoch_end {epoch}")


x = np.zeros((4, 3), dtype="float32")
y = np.zeros((4, 1), dtype="float32")
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
order = CallOrder()
model.fit(x, y, batch_size=2, epochs=1, validation_data=(x[:2], y[:2]), verbose=0,
          callbacks=[order])
print(*order.calls, sep="\n")
# --8<-- [end:custom]
# --8<-- [start:custom-check]
assert order.calls == [
    "train_batch_begin 0", "train_batch_end 0",
    "train_batch_begin 1", "train_batch_end 1",
    "test_batch_begin 0", "test_batch_end 0",  # validation runs after the training batches
    "epoch_end 0",
]
# EarlyStopping acts at the end of an epoch and overrides no batch method
assert keras.callbacks.EarlyStopping.on_epoch_end is not keras.callbacks.Callback.on_epoch_end
assert all(getattr(keras.callbacks.EarlyStopping, f"on_{kind}_batch_{end}")
           is getattr(keras.callbacks.Callback, f"on_{kind}_batch_{end}")
           for kind in ("train", "test") for end in ("begin", "end"))
# --8<-- [end:custom-check]

# --8<-- [start:others]
print(sorted(name for name in dir(keras.callbacks) if name[0].isupper()))
# --8<-- [end:others]
# --8<-- [start:others-check]
assert {"CSVLogger", "TerminateOnNaN", "LearningRateScheduler", "BackupAndRestore"} <= set(
    dir(keras.callbacks))
# --8<-- [end:others-check]
