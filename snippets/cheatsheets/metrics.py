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
