# --8<-- [start:why-scale]
import keras
import numpy as np

keras.utils.set_random_seed(0)  # the same initial weights and shuffling on every run
rng = np.random.default_rng(0)
x_raw = np.column_stack([rng.normal(50_000, 15_000, 256),  # e.g. an income
                         rng.normal(40, 12, 256)]).astype("float32")  # e.g. an age
y = (x_raw[:, 0] / 15_000 + x_raw[:, 1] / 12 > 50_000 / 15_000 + 40 / 12).astype("float32")
x_scaled = (x_raw - x_raw.mean(axis=0)) / x_raw.std(axis=0)

model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(8, activation="relu"),
                          keras.layers.Dense(1)])  # logits, for a loss with from_logits=True
start = model.get_weights()
norms = {}  # size of the first layer's gradient
for name, inputs in (("raw", x_raw), ("scaled", x_scaled)):
    model.set_weights(start)  # both from the same weights
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=1.0),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True))
    model.train_on_batch(inputs, y[:, None])  # one step on all 256: kernel -= 1.0 * gradient
    norms[name] = float(np.linalg.norm(model.layers[0].get_weights()[0] - start[0]))
print({name: f"{norm:.2e}" for name, norm in norms.items()})
# --8<-- [end:why-scale]
# --8<-- [start:why-scale-check]
assert norms["raw"] > 1000 * norms["scaled"]  # huge gradient steps on unscaled inputs
# --8<-- [end:why-scale-check]

# --8<-- [start:train-statistics]
from sklearn.preprocessing import StandardScaler

x_train, x_test = x_raw[:200], x_raw[200:]
scaler = StandardScaler().fit(x_train)  # mean and std of the TRAINING data only
x_train_s, x_test_s = scaler.transform(x_train), scaler.transform(x_test)
print("train mean", scaler.mean_.round(1).tolist(), "std", scaler.scale_.round(1).tolist())
print("after scaling, mean: train", x_train_s.mean(axis=0).round(2) + 0,  # + 0: no "-0."
      "test", x_test_s.mean(axis=0).round(2))  # exactly 0 on train, only near 0 on test

norm = keras.layers.Normalization()  # the same thing as a Keras layer
norm.adapt(x_train)  # learns mean and variance from the training data
normalized = keras.ops.convert_to_numpy(norm(x_test))  # the layer's output, on any backend
print("Normalization layer = StandardScaler:", np.allclose(normalized, x_test_s, atol=1e-3))
# --8<-- [end:train-statistics]
# --8<-- [start:train-statistics-check]
assert np.allclose(scaler.mean_, x_train.mean(axis=0), rtol=1e-5)
assert np.allclose(x_train_s.mean(axis=0), 0, atol=1e-5)  # exactly 0 on train ...
assert np.abs(x_test_s.mean(axis=0)).max() > 0.01  # ... only near 0 on test
assert np.allclose(normalized, x_test_s, atol=1e-3)
# --8<-- [end:train-statistics-check]

# --8<-- [start:note-tip]
# The note's tip: standardize the test set with the test set's own mean and std
one_sample = x_test[:1]
with np.errstate(invalid="ignore"):
    own = (one_sample - one_sample.mean(axis=0)) / one_sample.std(axis=0)
print("one test sample, own statistics:", own)  # 0 / 0

rich = x_test[x_test[:, 0] > 60_000]  # a test batch of high incomes only
own_stats = (rich - rich.mean(axis=0)) / rich.std(axis=0)
print("high incomes, own statistics:", own_stats[:, 0].mean().round(2),
      "| train statistics:", scaler.transform(rich)[:, 0].mean().round(2))
# --8<-- [end:note-tip]
# --8<-- [start:note-tip-check]
assert np.isnan(own).all()
assert abs(own_stats[:, 0].mean()) < 1e-5  # they now look average ...
assert scaler.transform(rich)[:, 0].mean() > 0.5  # ... but are above average
# --8<-- [end:note-tip-check]

# --8<-- [start:impute]
from sklearn.impute import SimpleImputer

x_train_missing = x_train.copy()
x_train_missing[::10, 1] = np.nan  # some ages are missing
x_test_missing = x_test.copy()
x_test_missing[:5, 1] = np.nan
imputer = SimpleImputer(strategy="mean").fit(x_train_missing)
filled = imputer.transform(x_test_missing)
print("value used for missing ages:", imputer.statistics_[1].round(2))
print("missing test ages filled with:", filled[:5, 1].round(2))  # the TRAINING mean
# --8<-- [end:impute]
# --8<-- [start:impute-check]
assert np.isclose(imputer.statistics_[1], np.nanmean(x_train_missing[:, 1]))
assert np.allclose(filled[:5, 1], imputer.statistics_[1])
# --8<-- [end:impute-check]

# --8<-- [start:kfold-pipeline]
from scikeras.wrappers import KerasClassifier
from sklearn.model_selection import KFold, cross_validate
from sklearn.pipeline import make_pipeline


def build_classifier():
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


x_train_all, y_train_all = x_train_missing, y[:200]
pipeline = make_pipeline(
    SimpleImputer(strategy="mean"),  # fitted inside each fold, on that fold's training part
    StandardScaler(),
    KerasClassifier(model=build_classifier, epochs=15, batch_size=16, verbose=0),
)
folds = KFold(n_splits=3, shuffle=True, random_state=0)
result = cross_validate(pipeline, x_train_all, y_train_all, cv=folds, return_estimator=True)
print("fold accuracies:", result["test_score"].round(3),
      "mean", result["test_score"].mean().round(3))
scaler_means = []  # per fold: the fitted scaler's mean, and the mean of the fold's training part
for (train_idx, _), fitted in zip(folds.split(x_train_all), result["estimator"], strict=True):
    part = fitted.named_steps["simpleimputer"].transform(x_train_all[train_idx])  # imputed
    scaler_means.append((fitted.named_steps["standardscaler"].mean_, part.mean(axis=0)))
    print("scaler mean", scaler_means[-1][0].round(1).tolist(),
          "| fold's training part", scaler_means[-1][1].astype("float64").round(1).tolist())
# --8<-- [end:kfold-pipeline]
# --8<-- [start:kfold-pipeline-check]
assert len(scaler_means) == 3
assert all(np.allclose(fitted, own, rtol=1e-5) for fitted, own in scaler_means)
assert not np.allclose(scaler_means[0][0], scaler_means[1][0])  # each fold has its own
assert result["test_score"].mean() > 0.8
# --8<-- [end:kfold-pipeline-check]

# --8<-- [start:final-fit]
final = pipeline.fit(x_train_all, y_train_all)  # all training + validation data
test_accuracy = final.score(x_test_missing, y[200:])
print("held-out test accuracy:", round(test_accuracy, 3))
# --8<-- [end:final-fit]
# --8<-- [start:final-fit-check]
assert test_accuracy > 0.8
# --8<-- [end:final-fit-check]

# --8<-- [start:missing-in-test]
rng = np.random.default_rng(1)
x0 = rng.normal(loc=2.0, size=600)
x1 = x0 + rng.normal(scale=0.5, size=600)  # correlated with x0
x = np.column_stack([x0, x1, rng.normal(size=600)]).astype("float32")
y = (x0 > 2.0).astype("float32")
x_tr, y_tr, x_te, y_te = x[:400], y[:400], x[400:], y[400:]
x_te_missing = x_te.copy()
x_te_missing[:, 0] = 0.0  # feature 0 is missing in the test data, filled with 0
print(f"feature 0: mean {x_tr[:, 0].mean():.1f}, "
      f"correlation with feature 1 {np.corrcoef(x_tr[:, 0], x_tr[:, 1])[0, 1]:.2f}")

# Training copies with feature 0 deliberately blanked the same way
x_blank = x_tr.copy()
x_blank[:, 0] = 0.0
x_tr_aug, y_tr_aug = np.concatenate([x_tr, x_blank]), np.concatenate([y_tr, y_tr])


def fit_and_score(x_fit, y_fit):
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy",
                  metrics=["accuracy"])
    model.fit(x_fit, y_fit, epochs=20, batch_size=32, verbose=0)
    return model.evaluate(x_te_missing, y_te, verbose=0)[1]


plain_accuracy, augmented_accuracy = fit_and_score(x_tr, y_tr), fit_and_score(x_tr_aug, y_tr_aug)
print(f"test accuracy without feature 0: trained as is {plain_accuracy:.3f}, "
      f"with blanked copies {augmented_accuracy:.3f}")
# --8<-- [end:missing-in-test]
# --8<-- [start:missing-in-test-check]
assert augmented_accuracy > plain_accuracy + 0.2
# --8<-- [end:missing-in-test-check]

# --8<-- [start:feature-engineering]
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(2)
points = rng.uniform(-1, 1, size=(60, 2))  # only 60 samples
inside = (np.hypot(points[:, 0], points[:, 1]) < 0.7).astype(int)  # inside a circle?
radius = np.hypot(points[:, 0], points[:, 1])[:, None]  # the engineered feature
raw_score = LogisticRegression().fit(points, inside).score(points, inside)
engineered_score = LogisticRegression().fit(radius, inside).score(radius, inside)
print(f"{len(points)} samples, linear model accuracy: raw (x, y) {raw_score:.2f}, "
      f"radius {engineered_score:.2f}")
# --8<-- [end:feature-engineering]
# --8<-- [start:feature-engineering-check]
assert engineered_score > 0.95 > raw_score
assert raw_score < 0.7  # little better than guessing: the majority class alone gets 0.63
# --8<-- [end:feature-engineering-check]

# --8<-- [start:basic-mlp-data]
import keras
import numpy as np
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split

(X_train, y_train), (X_test, y_test) = keras.datasets.mnist.load_data()
# reshaping X data: (n, 28, 28) => (n, 784)
X_train = X_train.reshape((X_train.shape[0], -1))  # -1: all remaining axes in one
X_test = X_test.reshape((X_test.shape[0], -1))
print(X_train.shape, X_test.shape)

n = len(X_train)
# use only 33% of training data; the split returns (1 - p) first, then p
X_train, _, y_train, _ = train_test_split(X_train, y_train, test_size=0.67, random_state=7)
print(len(X_train), "of", n)

# converting y data into categorical (one-hot encoding); num_classes: the same 10 columns
# for every split, whatever labels it happens to contain
y_train = to_categorical(y_train, num_classes=10)
y_test = to_categorical(y_test, num_classes=10)
print(y_train.shape, y_train[0])
# --8<-- [end:basic-mlp-data]
# --8<-- [start:basic-mlp-data-check]
assert X_train.shape[1:] == (784,) and X_test.shape[1:] == (784,)
assert len(X_train) == n - int(np.ceil(0.67 * n))
assert y_train.shape[1] == 10 and np.allclose(y_train.sum(axis=1), 1)
assert y_test.shape[1] == 10
# --8<-- [end:basic-mlp-data-check]

# --8<-- [start:one-hot-missing-class]
labels = np.array([3, 0, 8, 1])  # a split with no 9 in it
print(to_categorical(labels).shape)  # the note's call: columns = largest label + 1
print(to_categorical(labels, num_classes=10).shape)
# --8<-- [end:one-hot-missing-class]
# --8<-- [start:one-hot-missing-class-check]
assert to_categorical(labels).shape == (4, 9)  # one column short of the model's 10 outputs
assert to_categorical(labels, num_classes=10).shape == (4, 10)
# --8<-- [end:one-hot-missing-class-check]

# --8<-- [start:basic-mlp-model]
from keras.layers import Activation, Dense

model = keras.Sequential()
model.add(keras.Input(shape=(784,)))  # instead of Dense(50, input_shape=(784,))
model.add(Dense(50))
model.add(Activation("sigmoid"))
for _ in range(3):
    model.add(Dense(50))
    model.add(Activation("sigmoid"))
model.add(Dense(10))
model.add(Activation("softmax"))  # 10 outputs for 10 classes, summing to 1
model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
print(model.count_params())  # (784*50 + 50) + 3 * (50*50 + 50) + (50*10 + 10)
sigmoids = [layer for layer in model.layers if layer.get_config().get("activation") == "sigmoid"]
print(len(sigmoids), "sigmoid layers")
probabilities = model.predict(X_test[:2].astype("float32") / 255, verbose=0)
print(probabilities.shape, probabilities.sum(axis=1).round(5))  # 10 probabilities summing to 1
# --8<-- [end:basic-mlp-model]
# --8<-- [start:basic-mlp-model-check]
assert model.count_params() == (784 * 50 + 50) + 3 * (50 * 50 + 50) + (50 * 10 + 10)
assert len(sigmoids) == 4 and probabilities.shape == (2, 10)
assert np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)
# --8<-- [end:basic-mlp-model-check]
