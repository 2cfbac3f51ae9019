# --8<-- [start:sequential]
import keras
import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(200, 4)).astype("float32")
y = (x @ np.array([1.0, -2.0, 0.5, 3.0]) + 0.1).astype("float32").reshape(-1, 1)
print("data:", x.shape, y.shape)

# 1) a list of layers
model = keras.Sequential([
    keras.Input(shape=(4,)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1),
])

# 2) the same stack, one add() at a time
stacked = keras.Sequential()
stacked.add(keras.Input(shape=(4,)))
stacked.add(keras.layers.Dense(8, activation="relu"))
stacked.add(keras.layers.Dense(1))

model.summary()
print("a keras.Model:", isinstance(model, keras.Model))  # Sequential inherits from Model
print("parameters:", model.count_params(), stacked.count_params())
# --8<-- [end:sequential]
# --8<-- [start:sequential-check]
assert isinstance(model, keras.Model)
assert model.count_params() == stacked.count_params() == (4 * 8 + 8) + (8 * 1 + 1)
assert [layer.__class__.__name__ for layer in stacked.layers] == ["Dense", "Dense"]
# --8<-- [end:sequential-check]

# --8<-- [start:functional]
inputs = keras.Input(shape=(4,), name="features")
hidden = keras.layers.Dense(8, activation="relu")(inputs)  # a layer is called on a tensor
outputs = keras.layers.Dense(1)(hidden)
functional = keras.Model(inputs=inputs, outputs=outputs)

print(functional.output.shape, functional.count_params())
# --8<-- [end:functional]
# --8<-- [start:functional-check]
assert tuple(functional.output.shape) == (None, 1)
assert functional.count_params() == model.count_params()
# --8<-- [end:functional-check]

# --8<-- [start:subclassing]
class SharedPair(keras.Model):  # subclassing: layers in __init__, the computation in call
    def __init__(self):
        super().__init__()
        self.shared = keras.layers.Dense(8, activation="relu")  # used for both inputs
        self.head = keras.layers.Dense(1)

    def call(self, inputs):
        left, right = inputs  # two inputs
        return self.head(self.shared(left) - self.shared(right))


pair = SharedPair()
pair_out = pair([x[:5], x[5:10]])
print(tuple(pair_out.shape), "| trainable weights:", len(pair.trainable_weights))
# --8<-- [end:subclassing]
# --8<-- [start:subclassing-check]
assert tuple(pair_out.shape) == (5, 1)
assert len(pair.trainable_weights) == 4  # the shared Dense counts once
assert pair.count_params() == (4 * 8 + 8) + (8 + 1)
# --8<-- [end:subclassing-check]

# --8<-- [start:compile-fit]
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.03),  # an object or a name: "adam"
    loss="mse",                                          # a keras.losses object or a name
    metrics=["mae"],                                     # optional
)


class CountBatches(keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        self.batches = 0

    def on_train_batch_end(self, batch, logs=None):
        self.batches += 1


counter = CountBatches()
history = model.fit(x, y, batch_size=32, epochs=15, verbose=0,
                    callbacks=[counter], validation_split=0.2)
print(sorted(history.history))
print("loss", round(history.history["loss"][0], 3), "->", round(history.history["loss"][-1], 3))
# validation_split=0.2 holds back the last 40 of 200 samples: 160 / 32 = 5 batches per epoch
print("batches per epoch:", counter.batches)
# --8<-- [end:compile-fit]
# --8<-- [start:compile-fit-check]
assert counter.batches == 5
# the held-back share is the end of the arrays, as fit splits them
assert np.array_equal(
    keras.src.trainers.data_adapters.array_slicing.train_validation_split((x,), 0.2)[1][0],
    x[160:])
assert sorted(history.history) == ["loss", "mae", "val_loss", "val_mae"]
assert history.history["loss"][-1] < 0.5 * history.history["loss"][0]  # at least halved
# --8<-- [end:compile-fit-check]

# --8<-- [start:validation-data]
x_val = rng.normal(size=(50, 4)).astype("float32")
y_val = (x_val @ np.array([1.0, -2.0, 0.5, 3.0]) + 0.1).astype("float32").reshape(-1, 1)
history = model.fit(x, y, validation_data=(x_val, y_val), epochs=2, verbose=0,
                    callbacks=[counter])
print("batches per epoch:", counter.batches)  # all 200 samples train now: 200 / 32 -> 7
print("val_loss per epoch:", np.round(history.history["val_loss"], 4))
# --8<-- [end:validation-data]
# --8<-- [start:validation-data-check]
assert counter.batches == int(np.ceil(200 / 32))
assert len(history.history["val_loss"]) == 2
# --8<-- [end:validation-data-check]

# --8<-- [start:defaults]
import inspect


def defaults(method):
    return {name: p.default for name, p in inspect.signature(method).parameters.items()}


fit_defaults = defaults(keras.Model.fit)
compile_defaults = defaults(keras.Model.compile)
print({k: fit_defaults[k] for k in ("batch_size", "epochs", "verbose", "callbacks",
                                    "validation_split", "validation_data")})
print({k: compile_defaults[k] for k in ("optimizer", "loss")})
# --8<-- [end:defaults]
# --8<-- [start:defaults-check]
assert fit_defaults["batch_size"] is None  # None means 32 samples per batch
assert fit_defaults["epochs"] == 1 and fit_defaults["verbose"] == "auto"
assert fit_defaults["validation_split"] == 0.0 and fit_defaults["validation_data"] is None
assert fit_defaults["callbacks"] is None
assert compile_defaults["optimizer"] == "rmsprop"
assert compile_defaults["loss"] is None
# --8<-- [end:defaults-check]

# --8<-- [start:defaults-note]
no_loss = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
no_loss.compile()  # accepted: optimizer falls back to RMSprop ...
try:
    result = no_loss.fit(x, y, verbose=0).history  # ... but training needs a loss
except ValueError as error:  # the TensorFlow and PyTorch backends refuse
    result = error
print(f"{type(result).__name__}: {result}")  # JAX: no error, a loss of 0
# --8<-- [end:defaults-note]
# --8<-- [start:defaults-note-check]
# Keras's compute_loss skips its "No loss to compute" error on JAX: fit steps on a loss of 0
assert (result == {"loss": [0.0]} if keras.backend.backend() == "jax"
        else isinstance(result, ValueError) and "No loss to compute" in str(result))
assert int(no_loss.optimizer.iterations) == (
    int(np.ceil(len(x) / 32)) if keras.backend.backend() == "jax" else 0)  # steps that ran
assert not np.any(no_loss.layers[0].bias.numpy())  # still its zeros: nothing was learned
# --8<-- [end:defaults-note-check]

# --8<-- [start:evaluate-predict]
loss, mae = model.evaluate(x_val, y_val, verbose=0)  # [loss, *metrics]
scores = model.evaluate(x_val, y_val, verbose=0, return_dict=True)
y_hat = model.predict(x_val, verbose=0)
print(f"loss {loss:.4f}  mae {mae:.4f}", scores)
print("predictions:", y_hat.shape)
# --8<-- [end:evaluate-predict]
# --8<-- [start:evaluate-predict-check]
assert y_hat.shape == (50, 1)
assert np.isclose(scores["mae"], np.abs(y_hat - y_val).mean(), atol=1e-4)
assert np.isclose(scores["loss"], loss) and np.isclose(scores["mae"], mae)
# --8<-- [end:evaluate-predict-check]

# --8<-- [start:trainable-variables]
for variable in model.trainable_variables:
    print(variable.path, tuple(variable.shape))

model.layers[0].trainable = False  # freeze the first Dense
counts = len(model.trainable_variables), len(model.non_trainable_variables)
print("trainable, non-trainable after freezing:", counts)
model.layers[0].trainable = True  # and unfreeze it again
# --8<-- [end:trainable-variables]
# --8<-- [start:trainable-variables-check]
assert [tuple(v.shape) for v in model.trainable_variables] == [(4, 8), (8,), (8, 1), (1,)]
assert counts == (2, 2)
assert len(model.non_trainable_variables) == 0
# --8<-- [end:trainable-variables-check]

# --8<-- [start:save-load]
model.save("regressor.keras")  # Keras 3 format: architecture + weights + compile state
restored = keras.models.load_model("regressor.keras")

before = model.predict(x_val, verbose=0)
after = restored.predict(x_val, verbose=0)
print("same predictions:", np.array_equal(before, after), "| loss:", restored.loss)
print("restored:", restored.evaluate(x_val, y_val, verbose=0))  # compiled, ready to evaluate
# --8<-- [end:save-load]
# --8<-- [start:save-load-check]
assert np.array_equal(before, after)  # identical predictions after the round trip
assert restored.loss == "mse"  # compiled again, ready to evaluate or keep training
# --8<-- [end:save-load-check]

# --8<-- [start:save-h5]
model.save("regressor.h5")  # legacy HDF5 file
legacy = keras.models.load_model("regressor.h5", compile=False)  # architecture and weights
legacy_predictions = legacy.predict(x_val, verbose=0)
print("same predictions:", np.array_equal(legacy_predictions, before))
# --8<-- [end:save-h5]
# --8<-- [start:save-h5-check]
assert np.array_equal(legacy_predictions, before)
# --8<-- [end:save-h5-check]

# --8<-- [start:save-h5-note]
keras.models.load_model("regressor.h5")  # without compile=False: "mse" does not come back
# --8<-- [end:save-h5-note]

# --8<-- [start:tf-keras]
import tensorflow as tf

via_tf = tf.keras.models.load_model("regressor.keras")
via_tf_predictions = via_tf.predict(x_val, verbose=0)
print("same predictions:", np.array_equal(via_tf_predictions, before))
# --8<-- [end:tf-keras]
# --8<-- [start:tf-keras-check]
assert np.array_equal(via_tf_predictions, before)
# tf.keras is Keras 3 itself: the note's tk.keras.* means these classes
assert tf.keras.optimizers.Adam is keras.optimizers.Adam
assert tf.keras.layers.Dense is keras.layers.Dense
# --8<-- [end:tf-keras-check]

# --8<-- [start:tf-keras-note]
tf.models.load_model("regressor.keras")  # the note's function
# --8<-- [end:tf-keras-note]
