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
keras.utils.set_random_seed(0)  # the same initial weights and batch order on every run


def build_model():
    model = keras.Sequential([
        keras.Input(shape=(10000,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),  # binary: one unit, sigmoid
    ])
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    return model


model = build_model()
print(model.count_params())
# --8<-- [end:model]
# --8<-- [start:model-check]
assert model.count_params() == (10000 * 16 + 16) + (16 * 16 + 16) + (16 + 1)
# --8<-- [end:model-check]

# --8<-- [start:train]
history = model.fit(x_train, y_train, epochs=8, batch_size=128,
                    validation_split=0.2, verbose=0)
loss, val_loss = history.history["loss"], history.history["val_loss"]
for epoch in range(len(loss)):
    print(f"epoch {epoch + 1}: loss {loss[epoch]:.3f}  val_loss {val_loss[epoch]:.3f}"
          f"  val_accuracy {history.history['val_accuracy'][epoch]:.3f}")
best_epoch = int(np.argmin(val_loss)) + 1
print("lowest val_loss at epoch", best_epoch)
# --8<-- [end:train]
# --8<-- [start:train-check]
assert np.all(np.diff(loss) < 0)  # the training loss keeps falling
# the validation loss falls to its minimum, then rises every epoch after it: overfitting
assert 1 < best_epoch < len(val_loss) - 2
assert np.all(np.diff(val_loss[:best_epoch]) < 0) and np.all(np.diff(val_loss[best_epoch - 1:]) > 0)
assert loss[-1] < 0.5 * val_loss[-1]  # it fits what it trains on far better than held-out reviews
assert 0.75 < history.history["val_accuracy"][best_epoch - 1] < 0.9  # like real IMDB, not 1
# --8<-- [end:train-check]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

epochs = range(1, len(loss) + 1)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(epochs, loss, "o-", label="loss")
ax.plot(epochs, val_loss, "o-", label="val_loss")
ax.axvline(best_epoch, color="gray", linestyle=":", label="lowest val_loss")
ax.set_xlabel("epoch")
ax.set_ylabel("binary cross-entropy")
ax.legend()
plt.show()
# --8<-- [end:plot]

# --8<-- [start:early-stopping]
keras.utils.set_random_seed(0)  # the same start as the run above
model = build_model()
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
history = model.fit(x_train, y_train, epochs=20, batch_size=128,  # 20: only an upper bound
                    validation_split=0.2, verbose=0, callbacks=[stop])
print("ran", len(history.history["val_loss"]), "epochs; kept the weights of epoch",
      stop.best_epoch + 1)
# --8<-- [end:early-stopping]
# --8<-- [start:early-stopping-check]
assert len(history.history["val_loss"]) == stop.best_epoch + 1 + 2  # patience: 2 past the best
assert abs(stop.best_epoch + 1 - best_epoch) <= 1  # the minimum of the first run, or next to it
# --8<-- [end:early-stopping-check]

# --8<-- [start:evaluate]
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
probabilities = model.predict(x_test[:5], verbose=0)
labels = np.where(probabilities > 0.5, 1, 0)  # probability -> 0/1 label
print(f"test accuracy {test_accuracy:.2f}")
print(probabilities.ravel().round(3), labels.ravel(), y_test[:5])
# --8<-- [end:evaluate]
# --8<-- [start:evaluate-check]
assert test_accuracy > 0.75
# --8<-- [end:evaluate-check]
