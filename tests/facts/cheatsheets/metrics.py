"""Facts the metrics cheat sheet states in prose (docs/cheatsheets/metrics.md)."""

import re

import keras
import numpy as np

from keras_kb.commands import figures
from keras_kb.facts import fact, printed

PAGE = "cheatsheets/metrics.md"


@fact(
    PAGE,
    ko="양성과 음성의 쌍 {1}개 중 {0}개에서 양성의 점수가 더 높으므로 ROC AUC가 {2}입니다",
    en="the positive scores higher in {0} of the {1} positive-negative pairs, "
    "so the ROC AUC is {2}",
)
def roc_auc_as_pair_ranking():
    pairs = printed(PAGE, r"positive above negative in (\d+) of (\d+) pairs")
    auc = printed(PAGE, r"ROC AUC: scikit-learn ([\d.]+)")[1]
    return pairs[1], pairs[2], f"{float(auc):.2f}"


@fact(
    PAGE,
    ko="(기본값 `num_thresholds={}`)",
    en="(by default `num_thresholds={}`)",
)
def auc_default_thresholds():
    return str(keras.metrics.AUC().num_thresholds)


@fact(PAGE, ko="두 라이브러리 모두 {}에서 자르면", en="Cutting at {}, both libraries agree")
def precision_recall_threshold():
    cuts = {
        f"{t:g}" for m in (keras.metrics.Precision(), keras.metrics.Recall()) for t in m.thresholds
    }
    return cuts.pop() if len(cuts) == 1 else "differ"


@fact(
    PAGE,
    ko='양성이 {}%뿐인 데이터에서 무조건 "음성"이라고 답하는 쓸모없는 모델도 정확도 {}%를 얻지만, '
    "재현율은 {}입니다",
    en='On data with only {}% positives, a useless model that always answers "negative" '
    "scores {}% accuracy, but its recall is {}",
)
def always_negative_scores():
    run = printed(PAGE, r"positives (\d+)%: accuracy (\d+)%, precision [\d.]+, recall ([\d.]+)")
    return run[1], run[2], f"{float(run[3]):g}"


@fact(
    PAGE,
    ko="값이 비슷하지만 똑같지는 않습니다(아래에서 {}와 {})",
    en="its value is close but not identical ({} and {} below)",
)
def average_precision_against_pr_auc():
    run = printed(PAGE, r"average precision ([\d.]+), keras PR AUC ([\d.]+)")
    return run[1], run[2]


@fact(
    PAGE,
    ko="점수 하나를 살짝 올리면 AUC는 {} 그대로이고, 교차 엔트로피는 {}에서 {}로 바뀝니다",
    en="nudging one score up leaves the AUC at {}, while the cross-entropy moves from {} to {}",
)
def nudge_changes_loss_not_auc():
    auc = printed(PAGE, r"AUC before/after a nudge: ([\d.]+) ([\d.]+)")
    bce = printed(PAGE, r"BCE before/after a nudge: ([\d.]+) ([\d.]+)")
    same = f"{float(auc[1]):.2f}" if auc[1] == auc[2] else "changed"
    return same, f"{float(bce[1]):.4f}", f"{float(bce[2]):.4f}"


@fact(PAGE, ko="각 예측이 {}의 어느 쪽에 있는지", en="which side of {} each prediction lies")
def binary_accuracy_threshold():
    return f"{keras.metrics.BinaryAccuracy().threshold:g}"


@fact(
    PAGE,
    ko="양성 샘플 {0}개에 대한 두 시점의 예측을 비교하면, 나중 시점은 {0}개를 모두 맞혀 "
    "정확도가 {1}에서 {2}으로 올랐지만, 확신이 낮아져서 손실은 {3}에서 {4}로 오히려 커졌습니다",
    en="Compare predictions for {0} positive samples at two moments: later, all {0} are right "
    "and accuracy rose from {1} to {2}, but confidence dropped and the loss actually grew "
    "from {3} to {4}",
)
def accuracy_up_loss_up():
    run = printed(PAGE, r"earlier +right").string
    rows = dict(
        (name, (right, total, accuracy, loss))
        for name, right, total, accuracy, loss in re.findall(
            r"(\w+) +right (\d+)/(\d+) +accuracy ([\d.]+) +loss ([\d.]+)", run
        )
    )
    earlier, later = rows["earlier"], rows["later"]
    samples = later[1] if later[0] == later[1] else f"{later[0]} of {later[1]}"  # all right later
    return (
        samples,
        f"{float(earlier[2]):g}",
        f"{float(later[2]):.1f}",
        earlier[3],
        later[3],
    )



@fact(
    PAGE,
    ko="양성으로 예측한 {1}개 중 {0}개가 진짜 양성이라 정밀도는 {0}/{1} = {2}, "
    "진짜 양성 {3}개 중 {0}개를 찾아내 재현율은 {0}/{3} = {4}입니다",
    en="Of the {1} samples predicted positive, {0} are positive, so precision is {0}/{1} = {2}; "
    "{0} of the {3} positives are found, so recall is {0}/{3} = {4}",
)
def confusion_matrix_counts():
    # the example's labels and scores, as the page's figure reads them from the snippet
    y_true, y_score = figures._module(figures.SOURCES / "precision_recall.py")._example()
    count = {
        name: int(metric(y_true, y_score))  # each cuts at 0.5, as the page's Precision and Recall
        for name, metric in (
            ("tp", keras.metrics.TruePositives()),
            ("fp", keras.metrics.FalsePositives()),
            ("fn", keras.metrics.FalseNegatives()),
        )
    }
    precision = printed(PAGE, r"precision: scikit-learn ([\d.]+)")[1]
    recall = printed(PAGE, r"recall: scikit-learn ([\d.]+)")[1]
    tp = count["tp"]
    return (
        str(tp),
        str(tp + count["fp"]),
        f"{float(precision):g}",
        str(tp + count["fn"]),
        f"{float(recall):g}",
    )


@fact(
    PAGE,
    ko="`R2Score`는 (샘플 수, 출력 수) 모양의 {}차원 입력을 받습니다",
    en="`R2Score` takes {}-dimensional input shaped (samples, outputs)",
)
def r2_score_wants_two_dimensions():
    y = np.array([1.0, 2.0, 4.0])
    keras.metrics.R2Score()(y[:, None], y[:, None])  # (samples, outputs) is accepted
    try:
        keras.metrics.R2Score()(y, y)
    except ValueError as error:
        return re.search(r"expects (\d)D inputs", str(error))[1]
    return "any"


@fact(
    PAGE,
    ko="MAE는 둘 다 {}이지만, RMSE는 {}과 {}으로",
    en="MAE is {} for both, but RMSE is {} and {}",
)
def one_large_miss_weighs_in_rmse_only():
    spread = printed(PAGE, r"spread +MAE ([\d.]+) +RMSE ([\d.]+)")
    one = printed(PAGE, r"one miss +MAE ([\d.]+) +RMSE ([\d.]+)")
    mae = spread[1] if spread[1] == one[1] else "different"
    return mae, spread[2], one[2]


@fact(
    PAGE,
    ko="완벽한 예측은 {}, 평균만 예측하면 {}이고, 평균보다 못한 예측은 음수가 됩니다"
    "(부호를 뒤집은 예측은 {})",
    en="A perfect prediction scores {}, predicting only the mean scores {}, and a prediction worse "
    "than the mean scores below zero (the prediction with its sign flipped: {})",
)
def r2_against_the_mean():
    perfect = printed(PAGE, r"perfect +R2 (-?[\d.]+)")[1]
    mean = printed(PAGE, r"the mean +R2 (-?[\d.]+)")[1]
    flipped = printed(PAGE, r"sign flipped +R2 (-?[\d.]+)")[1]
    return perfect, mean, flipped if float(flipped) < 0 else "not negative"
