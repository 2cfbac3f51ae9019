"""Gradient-descent paths on L(w) = (w - 1)^2 for several learning rates."""

import matplotlib.pyplot as plt
import numpy as np


def draw(text):
    rates = [(0.01, text("너무 작음", "too small")), (0.1, text("적당함", "good")),
             (0.9, text("진동하며 수렴", "oscillates, converges")),
             (1.05, text("너무 큼: 발산", "too large: diverges"))]
    w_grid = np.linspace(-5, 7, 400)
    fig, axes = plt.subplots(1, 4, figsize=(12, 3.2), sharey=True)
    for ax, (lr, label) in zip(axes, rates, strict=True):
        w, path = -4.0, [-4.0]
        for _ in range(12):
            w = w - lr * 2 * (w - 1)
            path.append(w)
        path = np.array(path)
        ax.plot(w_grid, (w_grid - 1) ** 2, color="tab:blue")
        ax.plot(path, (path - 1) ** 2, "o-", color="tab:orange", ms=4)
        ax.set_title(f"lr = {lr}: {label}", fontsize=10)
        ax.set_xlabel("w")
        ax.set_ylim(-2, 40)
        ax.set_xlim(-6, 8)
        ax.grid(alpha=0.3)
    axes[0].set_ylabel(text("손실 L(w)", "loss L(w)"))
    fig.suptitle(text("학습률에 따른 12단계의 경로",
                      "12 steps of gradient descent per learning rate"), y=1.04)
    return fig
