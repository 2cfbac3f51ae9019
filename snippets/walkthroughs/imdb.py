# --8<-- [start:load]
import keras
import numpy as np

(train_data, train_labels), (test_data, test_labels) = keras.datasets.imdb.load_data(
    num_words=10000
)
print(len(train_data), len(test_data))
print(train_data[0][:12], "label:", train_labels[0])
# num_words=10000 keeps the 10,000 most frequent words: every index is below 10,000
# --8<-- [end:load]
# --8<-- [start:load-check]
assert max(max(review) for review in train_data) < 10000
# --8<-- [end:load-check]

# --8<-- [start:signature]
import inspect

parameters = inspect.signature(keras.datasets.imdb.load_data).parameters
print({name: parameters[name].default for name in ("path", "num_words", "oov_char")})
# a misspelled keyword lands in **kwargs: no error, and load_data never reads it
print("takes **kwargs:", any(p.kind is p.VAR_KEYWORD for p in parameters.values()))
# --8<-- [end:signature]
# --8<-- [start:signature-check]
assert "num_words" in parameters and "num_word" not in parameters
assert parameters["path"].default == "imdb.npz" and parameters["num_words"].default is None
assert any(p.kind is inspect.Parameter.VAR_KEYWORD  # the real loader, not the test stand-in
           for p in inspect.signature(keras.src.datasets.imdb.load_data).parameters.values())
assert inspect.getsource(keras.src.datasets.imdb.load_data).count("kwargs") == 1  # never read
# --8<-- [end:signature-check]

# --8<-- [start:vectorize]
def vectorize_sequences(sequences, dimension=10000):
    """Multi-hot encoding: row i has a 1 at every word index review i uses."""
    results = np.zeros((len(sequences), dimension), dtype="float32")
    for i, sequence in enumerate(sequences):
        results[i, sequence] = 1.0
    return results


x_train = vectorize_sequences(train_data)
x_test = vectorize_sequences(test_data)
y_train = np.asarray(train_labels, dtype="float32")
y_test = np.asarray(test_labels, dtype="float32")
print(x_train.shape, x_train[0][:10])
# --8<-- [end:vectorize]
# --8<-- [start:vectorize-check]
assert x_train.shape == (len(train_data), 10000)
# --8<-- [end:vectorize-check]

# --8<-- [start:model]
model = keras.Sequential([
    keras.Input(shape=(10000,)),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(16, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),  # binary: one unit, sigmoid
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
print(model.count_params())
# --8<-- [end:model]
# --8<-- [start:model-check]
assert model.count_params() == (10000 * 16 + 16) + (16 * 16 + 16) + (16 + 1)
# --8<-- [end:model-check]

# --8<-- [start:train]
history = model.fit(x_train, y_train, epochs=8, batch_size=128,
                    validation_split=0.2, verbose=0)
for epoch, (loss, val_loss) in enumerate(
        zip(history.history["loss"], history.history["val_loss"], strict=True), start=1):
    print(f"epoch {epoch}: loss {loss:.3f}  val_loss {val_loss:.3f}")
# --8<-- [end:train]
# --8<-- [start:train-check]
assert history.history["loss"][-1] < history.history["loss"][0]
# it fits what it trains on far better than held-out reviews: the gap overfitting grows from
assert history.history["loss"][-1] < 0.5 * history.history["val_loss"][-1]
# --8<-- [end:train-check]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(history.history["loss"], label="loss")
ax.plot(history.history["val_loss"], label="val_loss")
ax.set_xlabel("epoch")
ax.set_ylabel("binary cross-entropy")
ax.legend()
plt.show()
# --8<-- [end:plot]

# --8<-- [start:evaluate]
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
probabilities = model.predict(x_test[:5], verbose=0)
labels = np.where(probabilities > 0.5, 1, 0)  # probability -> 0/1 label
print(f"test accuracy {test_accuracy:.2f}")
print(probabilities.ravel().round(3), labels.ravel(), y_test[:5])
# --8<-- [end:evaluate]
# --8<-- [start:evaluate-check]
assert test_accuracy > 0.8
# --8<-- [end:evaluate-check]
