# ruff: noqa: F811, I001  (note-wrappers: the note's import, which fails; scikeras' follows)
# --8<-- [start:note-wrappers]
from keras.wrappers.scikit_learn import KerasClassifier  # the note's Keras 2 import
# --8<-- [end:note-wrappers]

# --8<-- [start:wrappers]
import keras
from sklearn.base import ClassifierMixin

print([name for name in dir(keras.wrappers) if name.startswith("SKLearn")])
print(issubclass(keras.wrappers.SKLearnClassifier, ClassifierMixin))  # a scikit-learn classifier
# --8<-- [end:wrappers]
# --8<-- [start:wrappers-check]
assert issubclass(keras.wrappers.SKLearnClassifier, ClassifierMixin)  # Keras 3's own wrapper
assert {"SKLearnClassifier", "SKLearnRegressor"} <= set(dir(keras.wrappers))
# --8<-- [end:wrappers-check]

# --8<-- [start:random-search]
import numpy as np
from scikeras.wrappers import KerasClassifier
from scipy.stats import loguniform
from sklearn.model_selection import RandomizedSearchCV

keras.utils.set_random_seed(0)  # weights and shuffling: the same run every time
rng = np.random.default_rng(0)
x = rng.normal(size=(300, 8)).astype("float32")
y = ((x[:, 0] + x[:, 1] - x[:, 2]) > 0).astype("int32")
x_train, y_train, x_test, y_test = x[:240], y[:240], x[240:], y[240:]


def build_model(units=8):
    model = keras.Sequential([
        keras.Input(shape=(8,)),
        keras.layers.Dense(units, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


classifier = KerasClassifier(model=build_model, units=8, epochs=20, batch_size=16, verbose=0)
search = RandomizedSearchCV(
    classifier,
    param_distributions={
        "units": [2, 8, 32],  # passed to build_model
        "optimizer__learning_rate": loguniform(1e-3, 1e-1),  # routed to the optimizer
    },
    n_iter=3, cv=2, random_state=0,
)
search.fit(x_train, y_train)
best = search.best_params_
print(f"best: units={best['units']}, learning_rate={best['optimizer__learning_rate']:.4f}, "
      f"cv accuracy {search.best_score_:.3f}")
print("test accuracy of the refitted best model:", round(search.score(x_test, y_test), 3))
# --8<-- [end:random-search]
# --8<-- [start:random-search-check]
assert search.best_params_["units"] in (2, 8, 32)
assert len(search.cv_results_["params"]) == 3
assert search.score(x_test, y_test) > 0.8  # chance is 0.5; a learned model gets well above 0.9
assert search.best_score_ < search.score(x_test, y_test)  # folds train on half the data
assert search.refit is True
# --8<-- [end:random-search-check]

# --8<-- [start:validation-overfit]
import numpy as np

rng = np.random.default_rng(0)
y_val = rng.integers(0, 2, size=50)  # a small validation set
y_test = rng.integers(0, 2, size=10_000)
# 200 "configurations" that are all pure guessing: their true accuracy is 50%
val_accuracy = [(rng.integers(0, 2, size=50) == y_val).mean() for _ in range(200)]
best = int(np.argmax(val_accuracy))
test_accuracy = (rng.integers(0, 2, size=10_000) == y_test).mean()  # the "best" on new data
print(f"best of {len(val_accuracy)} configurations on {len(y_val)} validation samples: "
      f"validation accuracy {val_accuracy[best]:.2f}, test accuracy {test_accuracy:.2f}")
# --8<-- [end:validation-overfit]
# --8<-- [start:validation-overfit-check]
assert val_accuracy[best] > 0.6 and abs(test_accuracy - 0.5) < 0.02
# --8<-- [end:validation-overfit-check]
