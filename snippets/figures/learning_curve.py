"""Training and validation loss per epoch: validation loss falls, then rises (overfitting)."""

import matplotlib.pyplot as plt
import numpy as np
from numpy.polynomial import legendre


def draw(text):
    # A 16-parameter model fitted to 20 noisy points by full-batch gradient descent
    rng = np.random.default_rng(0)
    x = np.sort(rng.uniform(-1, 1, 20))
    y = np.sin(3 * x) + rng.normal(0, 0.3, 20)
    x_val = rng.uniform(-1, 1, 200)
    y_val = np.sin(3 * x_val) + rng.normal(0, 0.3, 200)
    features, features_val = legendre.legvander(x, 15), legendre.legvander(x_val, 15)
    w = np.zeros(16)
    epochs, train_loss, val_loss = [], [], []
    checkpoints = set(np.unique(np.geomspace(10, 20000, 120).astype(int)))
    for epoch in range(20001):
        if epoch in checkpoints:
            epochs.append(epoch)
            train_loss.append(np.mean((features @ w - y) ** 2))
            val_loss.append(np.mean((features_val @ w - y_val) ** 2))
        w -= 0.05 * features.T @ (features @ w - y) / len(x)
    best = epochs[int(np.argmin(val_loss))]

    fig, ax = plt.subplots(figsize=(6, 3.4))
    ax.plot(epochs, train_loss, label=text("훈련 손실 (loss)", "training loss (loss)"))
    ax.plot(epochs, val_loss, label=text("검증 손실 (val_loss)", "validation loss (val_loss)"))
    ax.axvline(best, color="gray", linestyle="--")
    label = text(
        "검증 손실 최저점:\nrestore_best_weights=True가\n되돌리는 가중치",
        "lowest validation loss:\nthe weights that\nrestore_best_weights=True keeps",
    )
    ax.annotate(label, xy=(best, min(val_loss)), xytext=(700, 0.45),
                arrowprops={"arrowstyle": "->", "color": "gray"})
    ax.text(3000, 0.3, text("과대적합: 검증 손실 상승", "overfitting: val_loss rises"),
            ha="center")
    ax.set_ylim(0, 0.6)
    ax.set_xscale("log")
    ax.set_xlabel(text("에포크 (로그 눈금)", "epoch (log scale)"))
    ax.set_ylabel(text("평균 제곱 오차", "mean squared error"))
    ax.set_title(text("학습 곡선", "Learning curves"))
    ax.grid(alpha=0.3)
    ax.legend(loc="lower left")
    return fig
