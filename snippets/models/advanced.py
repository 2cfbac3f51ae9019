# --8<-- [start:multi-input]
import keras
import numpy as np

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
print(tuple(merged.shape))
assert tuple(merged.shape) == (None, 14)
# --8<-- [end:multi-input]

# --8<-- [start:multi-output]
price = keras.layers.Dense(1, name="price")(hidden)                              # regression
kind = keras.layers.Dense(3, activation="softmax", name="kind")(hidden)          # 3 classes
flag = keras.layers.Dense(1, activation="sigmoid", name="flag")(hidden)          # binary
model = keras.Model([numbers_in, words_in], [price, kind, flag])

y_price = numbers[:, :1] * 3
y_kind = keras.utils.to_categorical(np.argmax(numbers[:, 1:4], axis=1), 3)  # one-hot
y_flag = (numbers[:, 4:5] > 0).astype("float32")

model.compile(optimizer="rmsprop",
              loss=["mse", "categorical_crossentropy", "binary_crossentropy"],
              loss_weights=[0.25, 1.0, 10.0])
model.fit([numbers, words], [y_price, y_kind, y_flag], epochs=5, batch_size=32, verbose=0)
scores = model.evaluate([numbers, words], [y_price, y_kind, y_flag], verbose=0,
                        return_dict=True)
print({name: round(value, 4) for name, value in scores.items()})
weighted = 0.25 * scores["price_loss"] + 1.0 * scores["kind_loss"] + 10.0 * scores["flag_loss"]
assert np.isclose(scores["loss"], weighted, rtol=1e-4)  # the total is the weighted sum
# --8<-- [end:multi-output]

# --8<-- [start:dict-io]
model.compile(optimizer="rmsprop",
              loss={"price": "mse", "kind": "categorical_crossentropy",
                    "flag": "binary_crossentropy"})  # no loss_weights: every weight is 1
scores = model.evaluate({"numbers": numbers, "words": words},
                        {"price": y_price, "kind": y_kind, "flag": y_flag},
                        verbose=0, return_dict=True)
plain_sum = scores["price_loss"] + scores["kind_loss"] + scores["flag_loss"]
assert np.isclose(scores["loss"], plain_sum, rtol=1e-4)
# --8<-- [end:dict-io]

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
assert lstm_layers == [lstm]  # one LSTM in the model, not two
assert len(model.trainable_weights) == 3 + 2  # LSTM kernel, recurrent kernel, bias + Dense
branch = Model(left_input, left_output)
assert np.allclose(branch.predict(right_data, verbose=0),
                   Model(right_input, right_output).predict(right_data, verbose=0), atol=1e-5)
# --8<-- [end:siamese]

# --8<-- [start:siamese-bug]
try:
    Model([left_input, right_output], predictions)  # note 001: an output where an Input goes
except ValueError as error:
    print(error)
else:
    raise AssertionError("a model's inputs must be Input tensors")
# --8<-- [end:siamese-bug]
