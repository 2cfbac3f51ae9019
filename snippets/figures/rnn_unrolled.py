"""A SimpleRNN unrolled over the page's timesteps: one cell, the same W, U, b at every step.

The sizes are the RNN page's example (10 timesteps, 2 features, 8 units); the strips show
x_t of its first sequence and the h_t a SimpleRNN computes from it with one set of weights.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyBboxPatch, Rectangle

STEPS, FEATURES, UNITS = 10, 2, 8  # the page's data: (samples, 10, 2); SimpleRNN(8)


def _states():
    rng = np.random.default_rng(0)  # the page's data, drawn the same way
    x = rng.normal(size=(256, STEPS, FEATURES)).astype("float32")[0]
    weights = np.random.default_rng(1)
    W = weights.uniform(-1, 1, (FEATURES, UNITS)) * np.sqrt(6 / (FEATURES + UNITS))
    U = np.linalg.qr(weights.normal(size=(UNITS, UNITS)))[0]  # orthogonal, like Keras
    b = np.zeros(UNITS)
    h, states = np.zeros(UNITS), []
    for t in range(STEPS):
        h = np.tanh(x[t] @ W + h @ U + b)  # one step: the same W, U, b every time
        states.append(h)
    return x, np.array(states)


def _strip(ax, x0, y0, values, cell, cmap, vertical=False):
    for j, value in enumerate(values):
        dx, dy = (0, j * cell) if vertical else (j * cell, 0)
        ax.add_patch(Rectangle((x0 + dx, y0 + dy), cell, cell, facecolor=cmap((value + 1) / 2),
                               edgecolor="0.3", linewidth=0.5))


def draw(text):
    x, h = _states()
    params = FEATURES * UNITS + UNITS * UNITS + UNITS
    cmap = plt.get_cmap("RdBu_r")
    shown = [0, 1, 2, STEPS - 1]  # t = 1, 2, 3 ... 10
    fig, ax = plt.subplots(figsize=(9, 4.2))
    cell = 0.16
    gap = 2.4
    for column, t in enumerate(shown):
        cx = 1.6 + column * gap + (0.6 if t == STEPS - 1 else 0)
        ax.add_patch(FancyBboxPatch((cx - 0.6, 1.6), 1.2, 0.9, boxstyle="round,pad=0.05",
                                    facecolor="#fdd49e", edgecolor="black"))
        ax.text(cx, 2.05, "tanh\nW, U, b", ha="center", va="center", fontsize=9)
        # x_t below, h_t above
        _strip(ax, cx - FEATURES * cell / 2, 0.35, x[t] / 2, cell, cmap)
        ax.text(cx, 0.15, f"$x_{{{t + 1}}}$", ha="center", va="top", fontsize=11)
        ax.annotate("", xy=(cx, 1.55), xytext=(cx, 0.55), arrowprops={"arrowstyle": "->"})
        _strip(ax, cx - UNITS * cell / 2, 3.05, h[t], cell, cmap)
        ax.text(cx, 3.3, f"$h_{{{t + 1}}}$", ha="center", va="bottom", fontsize=11)
        ax.annotate("", xy=(cx, 3.0), xytext=(cx, 2.6), arrowprops={"arrowstyle": "->"})
        # h_{t-1} comes in from the left
        if column == 0:
            ax.text(cx - 1.55, 2.05, "$h_0 = 0$", ha="center", va="center", fontsize=10)
            ax.annotate("", xy=(cx - 0.65, 2.05), xytext=(cx - 1.1, 2.05),
                        arrowprops={"arrowstyle": "->"})
        elif t == STEPS - 1:
            ax.text(cx - 1.5, 2.05, "⋯", ha="center", va="center", fontsize=16)
            ax.annotate("", xy=(cx - 0.65, 2.05), xytext=(cx - 1.2, 2.05),
                        arrowprops={"arrowstyle": "->"})
        if column < len(shown) - 1:
            end = cx + gap - 0.65 if shown[column + 1] != STEPS - 1 else cx + 1.2
            ax.annotate("", xy=(end, 2.05), xytext=(cx + 0.65, 2.05),
                        arrowprops={"arrowstyle": "->"})
            ax.text(cx + 0.95, 2.15, f"$h_{{{t + 1}}}$", ha="center", va="bottom", fontsize=9)
    right = 1.6 + (len(shown) - 1) * gap + 0.6
    ax.text((1.6 + right) / 2, 4.0,
            text(f"같은 셀, 같은 가중치 W, U, b를 타임스텝 {STEPS}개에 모두 씁니다",
                 f"One cell: the same W, U, b at all {STEPS} timesteps"),
            ha="center", fontsize=11, weight="bold")
    ax.text((1.6 + right) / 2 - 0.3, -0.4, "$h_t = \\tanh(x_t W + h_{t-1} U + b)$",
            ha="right", va="top", fontsize=10)
    ax.text((1.6 + right) / 2 + 0.3, -0.4,
            text(f"파라미터 {FEATURES}×{UNITS} + {UNITS}×{UNITS} + {UNITS} = {params}",
                 f"parameters {FEATURES}×{UNITS} + {UNITS}×{UNITS} + {UNITS} = {params}"),
            ha="left", va="top", fontsize=10)
    ax.text(right + 1.0, 3.15, text(f"h_t: 값 {UNITS}개", f"h_t: {UNITS} values"), fontsize=9,
            va="center")
    ax.text(right + 1.0, 0.43, text(f"x_t: 특성 {FEATURES}개", f"x_t: {FEATURES} features"),
            fontsize=9, va="center")
    ax.text(right + 1.0, 2.05,
            text("색: 값 −1(파랑)~1(빨강)", "color: value, −1 (blue) to 1 (red)"),
            fontsize=8, va="center", color="0.35")
    ax.set_xlim(-0.4, right + 2.6)
    ax.set_ylim(-1.0, 4.3)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
