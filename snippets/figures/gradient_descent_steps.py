"""Gradient descent on a loss curve: start point, gradient, steps of size lr * gradient."""

import matplotlib.pyplot as plt
import numpy as np


def draw(text):
    def loss(w):
        return (w - 1) ** 2 + 0.5

    w_grid = np.linspace(-2.5, 3.5, 400)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.plot(w_grid, loss(w_grid), color="tab:blue",
            label=text("손실 곡선 L(w)", "loss curve L(w)"))
    w, lr, steps = -2.0, 0.15, [-2.0]
    for _ in range(8):
        w = w - lr * 2 * (w - 1)
        steps.append(w)
    steps = np.array(steps)
    ax.plot(steps, loss(steps), "o-", color="tab:orange", ms=5,
            label=text("경사하강법 단계", "gradient descent steps"))
    start = steps[0]
    slope = 2 * (start - 1)
    tangent = np.linspace(start - 0.6, start + 0.6, 10)
    ax.plot(tangent, loss(start) + slope * (tangent - start), "--", color="tab:red",
            label=text("시작점의 기울기", "gradient at the start"))
    ax.annotate(text("시작점", "start"), (start, loss(start)), xytext=(-1.2, 10.5),
                arrowprops={"arrowstyle": "->"})
    ax.annotate(text("최솟값", "minimum"), (1, 0.5), xytext=(1.8, 4),
                arrowprops={"arrowstyle": "->"})
    ax.annotate("", xy=(steps[1], -0.4), xytext=(steps[0], -0.4),
                arrowprops={"arrowstyle": "->", "color": "tab:green"})
    ax.text(steps[0], -1.5,
            text("한 걸음 = 학습률 × 기울기", "one step = learning rate × gradient"),
            color="tab:green", fontsize=9)
    ax.set_xlabel(text("가중치 w", "weight w"))
    ax.set_ylabel(text("손실", "loss"))
    ax.set_ylim(-2.2, 13)
    ax.set_title(text("기울기의 반대 방향으로 내려가기", "Stepping against the gradient"))
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right", fontsize=9)
    return fig
