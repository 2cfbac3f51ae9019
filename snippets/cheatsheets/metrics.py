# --8<-- [start:roc-auc]
import keras
import numpy as np
from sklearn import metrics

y_true = np.array([0, 0, 1, 1, 0, 1, 0, 1, 1, 0])
y_score = np.array([0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.7, 0.3, 0.05])  # P(class 1)

sk_auc = metrics.roc_auc_score(y_true, y_score)
keras_auc = keras.metrics.AUC(num_thresholds=1001)  # ROC curve by default
keras_auc.update_state(y_true, y_score)
print(f"ROC AUC: scikit-learn {sk_auc:.4f}, keras {float(keras_auc.result()):.4f}")
# the same number by its definition: how often a positive outscores a negative
pairs = y_score[y_true == 1][:, None] > y_score[y_true == 0][None, :]
print(f"positive above negative in {pairs.sum()} of {pairs.size} pairs: {pairs.mean():.4f}")
# --8<-- [end:roc-auc]
# --8<-- [start:roc-auc-check]
assert abs(sk_auc - float(keras_auc.result())) < 1e-3
assert np.isclose(pairs.mean(), sk_auc)  # no tied scores here, so no half-counted pairs
assert keras.metrics.AUC().num_thresholds == 200  # the default grid is coarser
# --8<-- [end:roc-auc-check]

# --8<-- [start:precision-recall]
y_pred = (y_score > 0.5).astype(int)  # both libraries cut at 0.5
for name, sk_fn, keras_metric in [
    ("precision", metrics.precision_score, keras.metrics.Precision()),
    ("recall", metrics.recall_score, keras.metrics.Recall()),
]:
    keras_metric.update_state(y_true, y_score)
    print(f"{name}: scikit-learn {sk_fn(y_true, y_pred):.4f}, "
          f"keras {float(keras_metric.result()):.4f}")
# --8<-- [end:precision-recall]
# --8<-- [start:precision-recall-check]
assert np.isclose(metrics.precision_score(y_true, y_pred),
                  float(keras.metrics.Precision()(y_true, y_score)))
assert np.isclose(metrics.recall_score(y_true, y_pred),
                  float(keras.metrics.Recall()(y_true, y_score)))
# --8<-- [end:precision-recall-check]

# --8<-- [start:imbalanced]
# 95 negatives, 5 positives, and a useless model that always says "negative"
y_rare = np.array([0] * 95 + [1] * 5)
always_negative = np.zeros(100, dtype=int)
accuracy = metrics.accuracy_score(y_rare, always_negative)
recall = metrics.recall_score(y_rare, always_negative)
precision = metrics.precision_score(y_rare, always_negative, zero_division=0)
print(f"positives {y_rare.mean():.0%}: accuracy {accuracy:.0%}, precision {precision:.2f}, "
      f"recall {recall:.2f}")
# --8<-- [end:imbalanced]
# --8<-- [start:imbalanced-check]
assert accuracy == 0.95 and recall == 0.0  # accuracy looks great; recall shows the truth
# --8<-- [end:imbalanced-check]

# --8<-- [start:average-precision]
# Ranking and multi-label: average precision summarizes the precision-recall curve
sk_ap = metrics.average_precision_score(y_true, y_score)
pr_auc = keras.metrics.AUC(curve="PR", num_thresholds=1001)
pr_auc.update_state(y_true, y_score)
print(f"average precision {sk_ap:.4f}, keras PR AUC {float(pr_auc.result()):.4f}")

y_multi = np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1]])  # k-hot labels
s_multi = np.array([[0.9, 0.2, 0.6], [0.3, 0.8, 0.1], [0.6, 0.4, 0.3], [0.2, 0.5, 0.7]])
macro_ap = metrics.average_precision_score(y_multi, s_multi, average="macro")
print(f"multi-label macro average precision {macro_ap:.4f}")
# --8<-- [end:average-precision]
# --8<-- [start:average-precision-check]
assert abs(sk_ap - float(pr_auc.result())) < 0.05  # close, but computed differently
assert 0.5 < macro_ap < 1  # one negative outranks a positive in class 1
# --8<-- [end:average-precision-check]

# --8<-- [start:not-a-loss]
# ROC AUC only depends on the ORDER of the scores: nudging a score changes nothing,
# so its derivative is 0 almost everywhere, and gradient descent gets no direction.
nudged = y_score.copy()
nudged[2] += 0.01
print("AUC before/after a nudge:", metrics.roc_auc_score(y_true, y_score),
      metrics.roc_auc_score(y_true, nudged))

# Binary cross-entropy, the usual loss, does change, and smoothly
bce = keras.losses.BinaryCrossentropy()
print("BCE before/after a nudge:", float(bce(y_true, y_score)), float(bce(y_true, nudged)))
# --8<-- [end:not-a-loss]
# --8<-- [start:not-a-loss-check]
assert metrics.roc_auc_score(y_true, y_score) == metrics.roc_auc_score(y_true, nudged)
assert float(bce(y_true, nudged)) < float(bce(y_true, y_score))
# --8<-- [end:not-a-loss-check]

# --8<-- [start:accuracy-vs-loss]
# Two snapshots of predictions for four positive samples
y_four = np.array([1.0, 1.0, 1.0, 1.0])
earlier = np.array([0.95, 0.95, 0.95, 0.45])  # one wrong, three very confident
later = np.array([0.55, 0.55, 0.55, 0.55])  # all right, none confident
result = {}
for name, p in (("earlier", earlier), ("later", later)):
    accuracy = float(keras.metrics.BinaryAccuracy()(y_four, p))  # threshold 0.5
    loss = float(keras.losses.BinaryCrossentropy()(y_four, p))  # mean of -log(p)
    result[name] = accuracy, loss
    print(f"{name:8s} right {int((p > 0.5).sum())}/{len(p)}  accuracy {accuracy:.2f}  "
          f"loss {loss:.3f}")
# --8<-- [end:accuracy-vs-loss]
# --8<-- [start:accuracy-vs-loss-check]
assert result["later"][0] > result["earlier"][0]  # accuracy went up...
assert result["later"][1] > result["earlier"][1]  # ...and so did the loss
# --8<-- [end:accuracy-vs-loss-check]

# --8<-- [start:regression]
# Regression: real-valued targets and predictions, shaped (samples, outputs) as R2Score needs
y_real = np.array([[3.0], [-0.5], [2.0], [7.0], [6.0]])
y_fit = np.array([[2.5], [0.0], [2.0], [8.0], [5.5]])
error = y_real - y_fit
formulas = {
    "MAE": np.mean(np.abs(error)),
    "RMSE": np.sqrt(np.mean(error**2)),
    "R2": 1 - np.sum(error**2) / np.sum((y_real - y_real.mean()) ** 2),
}
regression = {
    "MAE": keras.metrics.MeanAbsoluteError(),
    "RMSE": keras.metrics.RootMeanSquaredError(),
    "R2": keras.metrics.R2Score(),
}
for name, metric in regression.items():
    metric.update_state(y_real, y_fit)
    print(f"{name:4s} keras {float(metric.result()):.4f}, NumPy formula {formulas[name]:.4f}")
# --8<-- [end:regression]
# --8<-- [start:regression-check]
assert all(np.isclose(float(regression[n].result()), formulas[n], atol=1e-5) for n in formulas)
assert np.isclose(formulas["MAE"], metrics.mean_absolute_error(y_real, y_fit))
assert np.isclose(formulas["RMSE"], metrics.root_mean_squared_error(y_real, y_fit))
assert np.isclose(formulas["R2"], metrics.r2_score(y_real, y_fit))
assert formulas["RMSE"] >= formulas["MAE"]
# --8<-- [end:regression-check]

# --8<-- [start:regression-outlier]
# The same total miss of 5, spread over all samples or all in one
spread = y_real + np.array([[1.0], [-1.0], [1.0], [-1.0], [1.0]])
one_miss = y_real + np.array([[5.0], [0.0], [0.0], [0.0], [0.0]])
for name, y_pred in (("spread", spread), ("one miss", one_miss)):
    mae = float(keras.metrics.MeanAbsoluteError()(y_real, y_pred))
    rmse = float(keras.metrics.RootMeanSquaredError()(y_real, y_pred))
    print(f"{name:8s} MAE {mae:.3f}  RMSE {rmse:.3f}")
# --8<-- [end:regression-outlier]
# --8<-- [start:regression-outlier-check]
assert np.isclose(float(keras.metrics.MeanAbsoluteError()(y_real, spread)),
                  float(keras.metrics.MeanAbsoluteError()(y_real, one_miss)))
assert np.isclose(float(keras.metrics.RootMeanSquaredError()(y_real, one_miss)), np.sqrt(5))
# --8<-- [end:regression-outlier-check]

# --8<-- [start:r2-baseline]
# R2 compares the model with predicting the mean of the targets
for name, y_pred in (("perfect", y_real), ("the mean", np.full_like(y_real, y_real.mean())),
                     ("sign flipped", -y_real)):
    print(f"{name:12s} R2 {float(keras.metrics.R2Score()(y_real, y_pred)):.3f}")
# --8<-- [end:r2-baseline]
# --8<-- [start:r2-baseline-check]
assert np.isclose(float(keras.metrics.R2Score()(y_real, y_real)), 1.0)
assert abs(float(keras.metrics.R2Score()(y_real, np.full_like(y_real, y_real.mean())))) < 1e-6
assert float(keras.metrics.R2Score()(y_real, -y_real)) < 0
# --8<-- [end:r2-baseline-check]
