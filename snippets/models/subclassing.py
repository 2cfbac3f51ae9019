# --8<-- [start:model]
import keras
import numpy as np
from keras import ops

keras.utils.set_random_seed(0)  # the same starting weights and dropout masks on every run
rng = np.random.default_rng(0)
x = rng.normal(size=(256, 4)).astype("float32")
y = (x @ np.array([[1.0], [-2.0], [0.5], [3.0]]) + 0.1).astype("float32")


class Regressor(keras.Model):
    def __init__(self, units=16, rate=0.5, **kwargs):
        super().__init__(**kwargs)
        self.units, self.rate = units, rate
        self.hidden = keras.layers.Dense(units, activation="relu")  # layers: in __init__
        self.dropout = keras.layers.Dropout(rate)
        self.head = keras.layers.Dense(1)

    def call(self, inputs, training=False):  # the forward pass
        h = self.hidden(inputs)
        h = self.dropout(h, training=training)  # active only while training
        return self.head(h)


model = Regressor()
print("built:", model.built, "| weights:", len(model.weights))
out = model(x[:8])  # the first call builds every layer from the data's shape
print("built:", model.built, "| output:", tuple(out.shape), "| parameters:", model.count_params())
# --8<-- [end:model]
# --8<-- [start:model-check]
assert tuple(out.shape) == (8, 1)
assert model.count_params() == (4 * 16 + 16) + (16 * 1 + 1)
assert len(model.trainable_weights) == 4  # two kernels, two biases; Dropout has none
# --8<-- [end:model-check]

# --8<-- [start:training]
at_inference = [ops.convert_to_numpy(model(x[:8])) for _ in range(2)]  # default: training=False
in_training = [ops.convert_to_numpy(model(x[:8], training=True)) for _ in range(2)]
print("inference, two calls equal:", np.array_equal(*at_inference))
print("training, two calls equal: ", np.array_equal(*in_training))

model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
history = model.fit(x, y, epochs=20, batch_size=32, verbose=0)  # fit: training=True
print("loss", round(history.history["loss"][0], 3), "->", round(history.history["loss"][-1], 3))
print("evaluate, no dropout:", round(model.evaluate(x, y, verbose=0), 3))  # training=False
# --8<-- [end:training]
# --8<-- [start:training-check]
assert np.array_equal(*at_inference)
assert not np.array_equal(*in_training)
assert history.history["loss"][-1] < 0.25 * history.history["loss"][0]
assert model.evaluate(x, y, verbose=0) < history.history["loss"][-1]  # dropout off
assert np.allclose(model.predict(x[:8], verbose=0), ops.convert_to_numpy(model(x[:8])), atol=1e-6)
# --8<-- [end:training-check]

# --8<-- [start:unbuilt]
Regressor().count_params()  # no call yet, so no weights to count
# --8<-- [end:unbuilt]

# --8<-- [start:build]
unbuilt = Regressor()
unbuilt.build((None, 4))  # what the message suggests: the model is marked built ...
print("built:", unbuilt.built, "| parameters:", unbuilt.count_params())  # ... with no weights
before_call = unbuilt.count_params()
unbuilt(keras.ops.zeros((1, 4)))  # one call on a tensor of the input's shape builds the layers
print("after one call:", unbuilt.count_params())
# --8<-- [end:build]
# --8<-- [start:build-check]
assert before_call == 0 and unbuilt.count_params() == model.count_params()
# --8<-- [end:build-check]

# --8<-- [start:functional]
inputs = keras.Input(shape=(4,))
hidden = keras.layers.Dense(16, activation="relu")(inputs)
outputs = keras.layers.Dense(1)(keras.layers.Dropout(0.5)(hidden))
functional = keras.Model(inputs, outputs)  # the same network, as a graph of layers
print("parameters before any data:", functional.count_params())
print("graph input:", functional.inputs[0].shape, "| subclassed model has inputs:",
      hasattr(model, "inputs"))
# --8<-- [end:functional]
# --8<-- [start:functional-check]
assert functional.count_params() == model.count_params()
assert not hasattr(model, "inputs")
# --8<-- [end:functional-check]

# --8<-- [start:control-flow]
class Iterate(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.step = keras.layers.Dense(4, activation="tanh")  # one layer, reused at each step
        self.head = keras.layers.Dense(1)

    def call(self, inputs, steps=2):  # how deep the network is: an argument of each call
        h = inputs
        for _ in range(steps):  # a plain Python loop
            h = h + self.step(h)
        return self.head(h)


iterate = Iterate()
by_steps = {steps: iterate(x[:8], steps=steps) for steps in (1, 2, 5)}
for steps, result in by_steps.items():
    print(f"steps={steps}: output {tuple(result.shape)}, parameters {iterate.count_params()}")
# --8<-- [end:control-flow]
# --8<-- [start:control-flow-check]
assert iterate.count_params() == (4 * 4 + 4) + (4 + 1)  # the same weights at any depth
assert not np.allclose(ops.convert_to_numpy(by_steps[1]), ops.convert_to_numpy(by_steps[5]))
# --8<-- [end:control-flow-check]

# --8<-- [start:layer]
@keras.saving.register_keras_serializable(package="kb")  # so load_model can find the class
class Linear(keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):  # called once, with the first input's shape
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units),
                                      initializer="glorot_uniform", name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", name="bias")

    def call(self, inputs):
        return ops.matmul(inputs, self.kernel) + self.bias

    def get_config(self):  # the __init__ arguments, to rebuild the layer from a file
        return {**super().get_config(), "units": self.units}


layer = Linear(3)
print("weights before the first call:", len(layer.weights))
print("output:", tuple(layer(x[:8]).shape))
for weight in layer.weights:
    print(weight.path, tuple(weight.shape))
print("config:", {key: layer.get_config()[key] for key in ("name", "units")})
# --8<-- [end:layer]
# --8<-- [start:layer-check]
assert [tuple(w.shape) for w in layer.trainable_weights] == [(4, 3), (3,)]
assert Linear.from_config(layer.get_config()).units == 3
# --8<-- [end:layer-check]

# --8<-- [start:layer-train]
linear_model = keras.Sequential([keras.Input(shape=(4,)), Linear(1)])
linear_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.1), loss="mse")
history = linear_model.fit(x, y, epochs=30, batch_size=32, verbose=0)
print(f"loss {history.history['loss'][0]:.3f} -> {history.history['loss'][-1]:.5f}")
print("learned kernel:", np.round(ops.convert_to_numpy(linear_model.layers[0].kernel).ravel(), 2),
      "| bias:", np.round(ops.convert_to_numpy(linear_model.layers[0].bias), 2))
# --8<-- [end:layer-train]
# --8<-- [start:layer-train-check]
assert history.history["loss"][-1] < 0.01 * history.history["loss"][0]
assert np.allclose(ops.convert_to_numpy(linear_model.layers[0].kernel).ravel(),
                   [1.0, -2.0, 0.5, 3.0], atol=0.005)  # the printed values, to 2 decimals
assert np.allclose(ops.convert_to_numpy(linear_model.layers[0].bias), [0.1], atol=0.005)
# --8<-- [end:layer-train-check]

# --8<-- [start:save-unregistered]
model.save("regressor.keras")  # saving works ...
keras.models.load_model("regressor.keras")  # ... but Regressor was never registered
# --8<-- [end:save-unregistered]

# --8<-- [start:save-load]
linear_model.save("linear.keras")
restored = keras.models.load_model("linear.keras")  # finds "kb>Linear" in the registry
print("restored layer:", type(restored.layers[0]).__name__, restored.layers[0].units)
print("same predictions:", np.array_equal(linear_model.predict(x, verbose=0),
                                          restored.predict(x, verbose=0)))
# --8<-- [end:save-load]
# --8<-- [start:save-load-check]
assert type(restored.layers[0]) is Linear
assert np.array_equal(linear_model.predict(x, verbose=0), restored.predict(x, verbose=0))
assert keras.saving.get_registered_name(Linear) == "kb>Linear"
# without registration, custom_objects names the class instead
assert keras.models.load_model("regressor.keras",  # units and rate: in the automatic config
                               custom_objects={"Regressor": Regressor}).units == 16
# --8<-- [end:save-load-check]

# --8<-- [start:loss]
def mse_loss(y_true, y_pred):  # one loss per sample: the mean over the last axis
    return ops.mean(ops.square(y_true - y_pred), axis=-1)


y_pred = y + rng.normal(size=y.shape).astype("float32")  # predictions with errors
per_sample = mse_loss(y, y_pred)
print("per sample:", tuple(per_sample.shape), "| mean:", round(float(ops.mean(per_sample)), 5))
print("keras.losses.MeanSquaredError:",
      round(float(keras.losses.MeanSquaredError()(y, y_pred)), 5))
# --8<-- [end:loss]
# --8<-- [start:loss-check]
assert tuple(per_sample.shape) == (256,)
assert np.allclose(per_sample, keras.losses.mean_squared_error(y, y_pred))
assert np.isclose(ops.mean(per_sample), keras.losses.MeanSquaredError()(y, y_pred))
# --8<-- [end:loss-check]

# --8<-- [start:metric]
class MeanAbsError(keras.metrics.Metric):
    def __init__(self, name="mean_abs_error", **kwargs):
        super().__init__(name=name, **kwargs)
        self.total = self.add_variable(shape=(), initializer="zeros", name="total")
        self.count = self.add_variable(shape=(), initializer="zeros", name="count")

    def update_state(self, y_true, y_pred, sample_weight=None):  # called once per batch
        error = ops.abs(ops.cast(y_true, self.dtype) - ops.cast(y_pred, self.dtype))
        self.total.assign_add(ops.sum(error))
        self.count.assign_add(ops.cast(ops.size(error), self.dtype))

    def result(self):  # the value so far: over every batch since the last reset
        return ops.divide_no_nan(self.total, self.count)

    def reset_state(self):  # fit calls it at the start of each epoch
        self.total.assign(0.0)
        self.count.assign(0.0)


mine, builtin = MeanAbsError(), keras.metrics.MeanAbsoluteError()
for start in (0, 128):  # two batches of 128
    batch = slice(start, start + 128)
    mine.update_state(y[batch], y_pred[batch])
    builtin.update_state(y[batch], y_pred[batch])
print("MeanAbsError:", round(float(mine.result()), 5),
      "| keras.metrics.MeanAbsoluteError:", round(float(builtin.result()), 5))
mine.reset_state()
print("after reset_state:", float(mine.result()))
# --8<-- [end:metric]
# --8<-- [start:metric-check]
assert np.isclose(builtin.result(), np.abs(y - y_pred).mean())
assert float(mine.result()) == 0.0
# --8<-- [end:metric-check]

# --8<-- [start:compile]
def close_enough(y_true, y_pred):  # a metric can also be a function: 1 where |error| < 0.5
    return ops.mean(ops.cast(ops.abs(y_true - y_pred) < 0.5, "float32"), axis=-1)


keras.utils.set_random_seed(0)
custom = keras.Sequential([keras.Input(shape=(4,)), Linear(1)])
custom.compile(optimizer=keras.optimizers.Adam(learning_rate=0.1), loss=mse_loss,
               metrics=[MeanAbsError(), "mae", close_enough])
history = custom.fit(x, y, epochs=5, batch_size=32, verbose=0)
print(sorted(history.history))
for key in ("loss", "mean_abs_error", "mae", "close_enough"):
    print(f"{key:15}", np.round(history.history[key], 3))

scores = custom.evaluate(x, y, verbose=0, return_dict=True)
custom.compile(loss="mse", metrics=["mae"])  # the built-in counterparts, same weights
builtin_scores = custom.evaluate(x, y, verbose=0, return_dict=True)
print("custom:  ", {key: round(value, 5) for key, value in scores.items()})
print("built-in:", {key: round(value, 5) for key, value in builtin_scores.items()})
# --8<-- [end:compile]
# --8<-- [start:compile-check]
assert sorted(history.history) == ["close_enough", "loss", "mae", "mean_abs_error"]
assert np.allclose(history.history["mean_abs_error"], history.history["mae"], rtol=1e-5)
assert history.history["loss"][-1] < 0.1 * history.history["loss"][0]
assert np.isclose(scores["loss"], builtin_scores["loss"], rtol=1e-5)
assert np.isclose(scores["mean_abs_error"], builtin_scores["mae"], rtol=1e-5)
assert np.isclose(scores["close_enough"],
                  (np.abs(custom.predict(x, verbose=0) - y) < 0.5).mean(), atol=1e-6)
# --8<-- [end:compile-check]
