# --8<-- [start:multi-input]
import keras
import numpy as np

keras.utils.set_random_seed(0)  # the same starting weights and shuffles on every run
rng = np.random.default_rng(0)
n = 256
numbers = rng.normal(size=(n, 6)).astype("float32")    # input 1: six numeric features
words = rng.integers(1, 50, size=(n, 12))               # input 2: a sequence of word ids

numbers_in = keras.Input(shape=(6,), name="numbers")
words_in = keras.Input(shape=(12,), name="words")
encoded_words = keras.layers.GlobalAveragePooling1D()(
    keras.layers.Embedding(50, 8)(words_in))           # (None, 8)
merged = keras.layers.concatenate([numbers_in, encoded_words], axis=-1)  # (None, 6 + 8)
hidden = keras.layers.Dense(16, activation="relu")(merged)
print(tuple(numbers_in.shape), tuple(words_in.shape), "->", tuple(merged.shape))
# --8<-- [end:multi-input]
# --8<-- [start:multi-input-check]
assert tuple(merged.shape) == (None, 14)
# --8<-- [end:multi-input-check]

# --8<-- [start:multi-output]
price = keras.layers.Dense(1, name="price")(hidden)                              # regression
kind = keras.layers.Dense(3, activation="softmax", name="kind")(hidden)          # 3 classes
flag = keras.layers.Dense(1, activation="sigmoid", name="flag")(hidden)          # binary
model = keras.Model([numbers_in, words_in], [price, kind, flag])

y_price = numbers[:, :1] * 3
y_kind = keras.utils.to_categorical(np.argmax(numbers[:, 1:4], axis=1), 3)  # one-hot
y_flag = (numbers[:, 4:5] > 0).astype("float32")

losses = ["mse", "categorical_crossentropy", "binary_crossentropy"]
equal = keras.models.clone_model(model)  # for comparison: the same model ...
equal.set_weights(model.get_weights())   # ... from the same starting weights
model.compile(optimizer="rmsprop", loss=losses, loss_weights=[0.25, 1.0, 10.0])
equal.compile(optimizer="rmsprop", loss=losses)  # no loss_weights: every weight is 1

scores = {}
for name, m in (("0.25/1/10", model), ("1/1/1", equal)):
    m.fit([numbers, words], [y_price, y_kind, y_flag], epochs=20, batch_size=32, verbose=0)
    scores[name] = m.evaluate([numbers, words], [y_price, y_kind, y_flag], verbose=0,
                              return_dict=True)
    print(f"{name:9}", "  ".join(f"{key} {scores[name][key]:.3f}"
                                 for key in ("price_loss", "kind_loss", "flag_loss", "loss")))
weighted = scores["0.25/1/10"]
print("0.25 * price_loss + 1 * kind_loss + 10 * flag_loss =",
      round(0.25 * weighted["price_loss"] + weighted["kind_loss"] + 10 * weighted["flag_loss"], 3))
# --8<-- [end:multi-output]
# --8<-- [start:multi-output-check]
assert np.isclose(weighted["loss"], 0.25 * weighted["price_loss"] + 1.0 * weighted["kind_loss"]
                  + 10.0 * weighted["flag_loss"], rtol=1e-4)  # the total is the weighted sum
assert weighted["flag_loss"] < scores["1/1/1"]["flag_loss"]    # weight 10: the flag learns more
assert weighted["price_loss"] > scores["1/1/1"]["price_loss"]  # weight 0.25: the price less
assert weighted["price_loss"] > max(weighted["kind_loss"], weighted["flag_loss"])  # still large
# --8<-- [end:multi-output-check]

# --8<-- [start:dict-io]
model.compile(optimizer="rmsprop",
              loss={"price": "mse", "kind": "categorical_crossentropy",
                    "flag": "binary_crossentropy"})  # no loss_weights: every weight is 1
scores = model.evaluate({"numbers": numbers, "words": words},
                        {"price": y_price, "kind": y_kind, "flag": y_flag},
                        verbose=0, return_dict=True)
plain_sum = scores["price_loss"] + scores["kind_loss"] + scores["flag_loss"]
print("loss", round(scores["loss"], 4), "= price + kind + flag =", round(plain_sum, 4))
# --8<-- [end:dict-io]
# --8<-- [start:dict-io-check]
assert np.isclose(scores["loss"], plain_sum, rtol=1e-4)
# --8<-- [end:dict-io-check]

# --8<-- [start:siamese-note-name]
from keras import Input, layers

lstm = layers.LSTM(32)
right_input = Input(shape=(None, 128))
right_output = lstm(right_output)  # noqa: F821  (note 001: not defined yet)
# --8<-- [end:siamese-note-name]

# --8<-- [start:siamese]
from keras import Input, layers
from keras.models import Model

lstm = layers.LSTM(32)  # one layer object ...
left_input = Input(shape=(None, 128))
left_output = lstm(left_input)

right_input = Input(shape=(None, 128))
right_output = lstm(right_input)  # ... called twice: the same weights on both sides

merged = layers.concatenate([left_output, right_output], axis=-1)
predictions = layers.Dense(1, activation="sigmoid")(merged)

model = Model([left_input, right_input], predictions)
left_data = rng.normal(size=(64, 5, 128)).astype("float32")
right_data = rng.normal(size=(64, 5, 128)).astype("float32")
targets = rng.integers(0, 2, size=(64, 1)).astype("float32")
model.compile(optimizer="rmsprop", loss="binary_crossentropy")
model.fit([left_data, right_data], targets, epochs=1, verbose=0)

model.summary()
lstm_layers = [layer for layer in model.layers if isinstance(layer, layers.LSTM)]
print("LSTM layers:", len(lstm_layers), " trainable weights:", len(model.trainable_weights))
from_left = Model(left_input, left_output).predict(right_data, verbose=0)
from_right = Model(right_input, right_output).predict(right_data, verbose=0)
print("left and right branch on the same data, largest difference:",
      np.abs(from_left - from_right).max())
# --8<-- [end:siamese]
# --8<-- [start:siamese-check]
assert lstm_layers == [lstm]  # one LSTM in the model, not two
assert len(model.trainable_weights) == 3 + 2  # LSTM kernel, recurrent kernel, bias + Dense
assert np.allclose(from_left, from_right, atol=1e-5)
# --8<-- [end:siamese-check]

# --8<-- [start:siamese-bug]
Model([left_input, right_output], predictions)  # note 001: an output where an Input goes
# --8<-- [end:siamese-bug]

# --8<-- [start:siamese-fit-bug]
model.fit([left_output, right_output], targets)  # note 001: symbolic tensors, not data
# --8<-- [end:siamese-fit-bug]
