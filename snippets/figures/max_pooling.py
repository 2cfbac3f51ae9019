"""Max pooling a 4×4 feature map with a 2×2 window: strides 2 (the default) and strides 1."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

FEATURES = np.random.default_rng(26).integers(0, 10, size=(4, 4))
POOL = 2
COLORS = ["#fdae61", "#abd9e9", "#a6d96a", "#d7b5d8"]


def max_pool(values, size, stride):
    """MaxPooling2D with padding="valid": the largest value in each window."""
    out = (len(values) - size) // stride + 1
    return np.array([[values[i * stride:i * stride + size, j * stride:j * stride + size].max()
                      for j in range(out)] for i in range(out)])


def cells(ax, values, x0, y0, colors=None, bold=None):
    """A matrix with its top-left corner at (x0, y0)."""
    for (r, c), value in np.ndenumerate(values):
        color = colors(r, c) if colors else "white"
        ax.add_patch(Rectangle((x0 + c, y0 - r - 1), 1, 1, facecolor=color, edgecolor="#555555",
                               linewidth=0.8))
        heavy = bold is not None and bold[r, c]
        ax.text(x0 + c + 0.5, y0 - r - 0.5, str(value), ha="center", va="center",
                fontsize=12 if heavy else 10, weight="bold" if heavy else "normal")


def arrow(ax, start, end, label, above=True):
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "->", "linewidth": 1.4})
    ax.text((start[0] + end[0]) / 2 - (0 if above else 0.5), (start[1] + end[1]) / 2 +
            (0.3 if above else -0.3), label, ha="center", va="bottom" if above else "top",
            fontsize=9)


def draw(text):
    pooled = max_pool(FEATURES, POOL, POOL)  # strides default to pool_size
    overlapping = max_pool(FEATURES, POOL, 1)
    n, m, k = len(FEATURES), len(pooled), len(overlapping)
    # where each stride-2 window's maximum sits in the feature map (one per window)
    winners = np.zeros(FEATURES.shape, bool)
    for i in range(m):
        for j in range(m):
            block = FEATURES[i * POOL:(i + 1) * POOL, j * POOL:(j + 1) * POOL]
            assert (block == block.max()).sum() == 1, "a tie would make the bold cell ambiguous"
            r, c = np.unravel_index(block.argmax(), block.shape)
            winners[i * POOL + r, j * POOL + c] = True

    fig, ax = plt.subplots(figsize=(7.4, 4.6))
    top = 0.0
    ax.text(0, top - 0.6, text(f"특성 맵 {n}×{n}", f"feature map {n}×{n}"), fontsize=10)
    y0 = top - 1.2
    cells(ax, FEATURES, 0, y0, colors=lambda r, c: COLORS[(r // POOL) * m + c // POOL],
          bold=winners)
    x1 = n + 3.6
    arrow(ax, (n + 0.3, y0 - 1.2), (x1 - 0.3, top - 1.8), f"{POOL}×{POOL}, max")
    ax.text(x1, top - 0.4, f"strides={POOL}", fontsize=10, weight="bold")
    cells(ax, pooled, x1, top - 0.8, colors=lambda r, c: COLORS[r * m + c])
    ax.text(x1 + m + 0.4, top - 0.8 - m / 2,
            text(f"{m}×{m}: 겹치지 않는 창\n(기본값, 크기가 절반)",
                 f"{m}×{m}: the windows do not overlap\n(the default: half the size)"),
            fontsize=9, va="center")
    y2 = top - 4.2
    arrow(ax, (n + 0.3, y0 - n + 1.2), (x1 - 0.3, y2 - 1.5), f"{POOL}×{POOL}, max",
          above=False)
    ax.text(x1, y2 + 0.4, "strides=1", fontsize=10, weight="bold")
    cells(ax, overlapping, x1, y2)
    ax.text(x1 + k + 0.4, y2 - k / 2,
            text(f"{k}×{k}: 창이 겹침\n(한 칸만 줄어듦)",
                 f"{k}×{k}: the windows overlap\n(only one cell smaller)"),
            fontsize=9, va="center")
    ax.set_xlim(-0.2, x1 + k + 7.5)
    ax.set_ylim(y2 - k - 0.3, top)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
