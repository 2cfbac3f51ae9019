"""The metrics page's ten scores cut at 0.5, their confusion matrix, precision and recall."""

import ast
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

EXAMPLE = Path(__file__).parents[1] / "cheatsheets" / "metrics.py"
THRESHOLD = 0.5


def _example():
    """y_true and y_score as the page's first block defines them (np.array([...]) literals)."""
    values = {}
    for node in ast.parse(EXAMPLE.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("y_true", "y_score") and name not in values:
                values[name] = np.array(ast.literal_eval(node.value.args[0]))
    return values["y_true"], values["y_score"]


def draw(text):
    y_true, y_score = _example()
    y_pred = (y_score > THRESHOLD).astype(int)
    tp = int(((y_pred == 1) & (y_true == 1)).sum())
    fp = int(((y_pred == 1) & (y_true == 0)).sum())
    fn = int(((y_pred == 0) & (y_true == 1)).sum())
    tn = int(((y_pred == 0) & (y_true == 0)).sum())

    fig, (strip, matrix) = plt.subplots(1, 2, figsize=(10, 3.6),
                                        gridspec_kw={"width_ratios": [1.3, 1]})
    # left: each sample's score, one row per true class, and the threshold
    for label, color, marker in ((1, "tab:red", "o"), (0, "tab:blue", "s")):
        scores = y_score[y_true == label]
        strip.scatter(scores, np.full(scores.size, label), s=70, color=color, marker=marker,
                      zorder=3)
    strip.axvspan(THRESHOLD, 1, color="gold", alpha=0.25)
    strip.axvline(THRESHOLD, color="black", ls="--", lw=1)
    strip.text(THRESHOLD + 0.01, 1.45, text("양성으로 예측", "predicted positive"), fontsize=9)
    strip.text(THRESHOLD - 0.01, 1.45, text("음성으로 예측", "predicted negative"), fontsize=9,
               ha="right")
    strip.set_xlim(0, 1)
    strip.set_ylim(-0.6, 1.7)
    strip.set_yticks([0, 1], [text("실제 음성 (0)", "actual 0"), text("실제 양성 (1)", "actual 1")])
    strip.set_xlabel(text(f"점수 y_score (임계값 {THRESHOLD:g})",
                          f"score y_score (threshold {THRESHOLD:g})"))
    strip.grid(axis="x", alpha=0.3)

    # right: the confusion matrix; rows = actual, columns = predicted
    cells = {(1, 1): ("TP", tp), (1, 0): ("FN", fn), (0, 1): ("FP", fp), (0, 0): ("TN", tn)}
    for (actual, predicted), (name, count) in cells.items():
        x, y = predicted, actual  # predicted positive on the right, actual positive on top
        matrix.add_patch(Rectangle((x, y), 1, 1, facecolor="white", edgecolor="gray"))
        matrix.text(x + 0.5, y + 0.5, f"{name}\n{count}", ha="center", va="center", fontsize=13)
    matrix.add_patch(Rectangle((1.04, 0.04), 0.92, 1.92, fill=False, edgecolor="tab:green",
                               lw=2.5))  # predicted positive: precision's column
    matrix.add_patch(Rectangle((0.06, 1.06), 1.88, 0.88, fill=False, edgecolor="tab:purple",
                               lw=2.5, ls="--"))  # actual positive: recall's row
    matrix.set_xticks([0.5, 1.5], [text("예측 0", "predicted 0"), text("예측 1", "predicted 1")])
    matrix.set_yticks([0.5, 1.5], [text("실제 0", "actual 0"), text("실제 1", "actual 1")])
    matrix.tick_params(length=0)
    matrix.set_xlim(0, 2)
    matrix.set_ylim(0, 2)
    matrix.set_aspect("equal")
    for side in matrix.spines.values():
        side.set_visible(False)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    matrix.text(2.15, 1.35, text("정밀도 = TP / (TP + FP)", "precision = TP / (TP + FP)")
                + f"\n= {tp}/{tp + fp} = {precision:.2f}", color="tab:green", fontsize=10,
                va="center")
    matrix.text(2.15, 0.55, text("재현율 = TP / (TP + FN)", "recall = TP / (TP + FN)")
                + f"\n= {tp}/{tp + fn} = {recall:.2f}", color="tab:purple", fontsize=10,
                va="center")
    fig.suptitle(text("점수를 0.5에서 자르면: 혼동 행렬과 정밀도, 재현율",
                      "Scores cut at 0.5: the confusion matrix, precision and recall"))
    return fig
