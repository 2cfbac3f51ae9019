# --8<-- [start:data]
import keras
import numpy as np

keras.utils.set_random_seed(0)  # the same initial weights, shuffling and dropout on every run
rng = np.random.default_rng(0)
x = rng.normal(size=(1200, 6)).astype("float32")
# a smooth part (sin, product) that suits networks and a step that suits trees
logit = 2 * np.sin(2 * x[:, 0]) + 3 * (x[:, 1] > 0.5) - 1.5 + 1.5 * x[:, 2] * x[:, 3] + x[:, 4]
y = (rng.random(1200) < 1 / (1 + np.exp(-logit))).astype("float32")  # noisy labels
x_train, y_train = x[:600], y[:600]
x_val, y_val = x[600:900], y[600:900]  # to choose the ensemble weights
x_test, y_test = x[900:], y[900:]  # to check them
print(x_train.shape, x_val.shape, x_test.shape)
# --8<-- [end:data]

# --8<-- [start:models]
from sklearn.ensemble import GradientBoostingClassifier


def keras_net(hidden, dropout):
    model = keras.Sequential([keras.Input(shape=(6,))])
    for units in hidden:
        model.add(keras.layers.Dense(units, activation="relu"))
        model.add(keras.layers.Dropout(dropout))
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.fit(x_train, y_train, epochs=30, batch_size=32, verbose=0)
    return lambda inputs: model.predict(inputs, verbose=0).ravel()


trees = GradientBoostingClassifier(random_state=0).fit(x_train, y_train)
models = {
    "small net": keras_net(hidden=[8], dropout=0.0),
    "wide net": keras_net(hidden=[64, 64], dropout=0.5),
    "boosted trees": lambda inputs: trees.predict_proba(inputs)[:, 1],  # a shallow model
}
val_pred = np.column_stack([predict(x_val) for predict in models.values()])
test_pred = np.column_stack([predict(x_test) for predict in models.values()])


def log_loss(y_true, p):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p)))


for i, name in enumerate(models):
    print(f"{name:14s} val loss {log_loss(y_val, val_pred[:, i]):.4f}")
# --8<-- [end:models]
# --8<-- [start:models-check]
assert np.isclose(log_loss(y_val, val_pred[:, 1]),  # the log loss is binary cross-entropy
                  float(keras.losses.binary_crossentropy(y_val, val_pred[:, 1])), atol=1e-4)
# --8<-- [end:models-check]

# --8<-- [start:weights]
from scipy.optimize import minimize


def weights_from(params):
    w = np.abs(params)
    return w / w.sum()  # non-negative, summing to 1


def ensemble_val_loss(params):
    return log_loss(y_val, val_pred @ weights_from(params))


start = np.ones(3) / 3  # plain average
result = minimize(ensemble_val_loss, start, method="Nelder-Mead")
weights = weights_from(result.x)
single_losses = [log_loss(y_val, val_pred[:, i]) for i in range(3)]
print("weights:", {name: round(float(w), 3) for name, w in zip(models, weights, strict=True)})
print(f"val loss: average {ensemble_val_loss(start):.4f}, weighted {result.fun:.4f}, "
      f"best single {min(single_losses):.4f}")
# --8<-- [end:weights]
# --8<-- [start:weights-check]
assert np.isclose(weights.sum(), 1) and (weights >= 0).all()
assert result.fun <= ensemble_val_loss(start)
assert result.fun <= min(single_losses)
# --8<-- [end:weights-check]

# --8<-- [start:test]
for i, name in enumerate(models):
    print(f"{name:14s} test loss {log_loss(y_test, test_pred[:, i]):.4f}")
ensemble_test = test_pred @ weights
accuracy = ((ensemble_test > 0.5) == y_test).mean()
print(f"ensemble       test loss {log_loss(y_test, ensemble_test):.4f}, accuracy {accuracy:.3f}")
# --8<-- [end:test]
# --8<-- [start:test-check]
assert log_loss(y_test, ensemble_test) < min(log_loss(y_test, p) for p in test_pred.T)
# --8<-- [end:test-check]
