"""K-fold cross-validation as on the data preparation page: KFold(n_splits=3, shuffle=True,
random_state=0) over its 200 training samples, and the scaler mean each fold's training part
gives."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, Rectangle

FOLDS, SAMPLES = 3, 200


def incomes():
    """The page's income feature (its first column) for the 200 samples cross-validated."""
    rng = np.random.default_rng(0)
    income = rng.normal(50_000, 15_000, 256)
    rng.normal(40, 12, 256)  # the age column, drawn after it
    return income.astype("float32")[:SAMPLES]


def folds():
    """The validation indices of each fold, as scikit-learn's KFold draws them."""
    order = np.arange(SAMPLES)
    np.random.RandomState(0).shuffle(order)  # shuffle=True, random_state=0
    return np.array_split(order, FOLDS)  # the first SAMPLES % FOLDS folds get one more


def training_means():
    """Per fold: the mean income of the training part, what StandardScaler.fit learns."""
    income = incomes()
    return [np.delete(income, validation).astype("float64").mean() for validation in folds()]


def draw(text):
    parts = folds()
    sizes = [len(p) for p in parts]
    means = training_means()
    width = 6.0
    edges = np.concatenate([[0], np.cumsum(sizes)]) / SAMPLES * width
    fig, ax = plt.subplots(figsize=(8.6, 3.6))
    for row in range(FOLDS):
        y = FOLDS - 1 - row
        for k in range(FOLDS):
            validation = k == row
            ax.add_patch(Rectangle((edges[k], y), edges[k + 1] - edges[k], 0.62,
                                   facecolor="#fdae61" if validation else "#abd9e9",
                                   edgecolor="black"))
            label = (text(f"검증\n{sizes[k]}개", f"validation\n{sizes[k]}") if validation
                     else text(f"학습\n{sizes[k]}개", f"training\n{sizes[k]}"))
            ax.text((edges[k] + edges[k + 1]) / 2, y + 0.31, label, ha="center",
                    va="center", fontsize=8)
        ax.text(-0.15, y + 0.31, text(f"폴드 {row + 1}", f"fold {row + 1}"), ha="right",
                va="center", fontsize=10)
        train = SAMPLES - sizes[row]
        ax.add_patch(FancyArrowPatch((width + 0.1, y + 0.31), (width + 0.55, y + 0.31),
                                     arrowstyle="->", mutation_scale=10))
        ax.text(width + 0.65, y + 0.31,
                text(f"학습 {train}개로 scaler fit:\n소득 평균 {means[row]:,.0f}",
                     f"scaler fit on {train} samples:\nincome mean {means[row]:,.0f}"),
                va="center", fontsize=8.5)
    ax.text(width / 2, FOLDS - 0.05,
            text(f"샘플 {SAMPLES}개를 섞어(shuffle=True) 폴드 {FOLDS}개로 나눔",
                 f"{SAMPLES} samples, shuffled (shuffle=True), split into {FOLDS} folds"),
            ha="center", va="bottom", fontsize=10)
    ax.text(width / 2 + 0.9, -0.45,
            text("정규화 통계(평균·표준편차)는 학습 폴드로만 구하고,\n"
                 "검증 폴드는 그 통계로 transform만 합니다",
                 "normalization statistics (mean, std) come from the training folds only;\n"
                 "the validation fold is only transformed with them"),
            ha="center", va="top", fontsize=9, weight="bold")
    ax.set_xlim(-1.2, width + 2.6)
    ax.set_ylim(-1.2, FOLDS + 0.35)
    ax.axis("off")
    return fig
