"""A 3×3 convolution on a 5×5 input: padding "valid" or "same", strides 1 or 2.

Output sizes follow the page's formulas (valid: floor((n - k) / s) + 1, same: ceil(n / s));
output values are computed with NumPy the way Conv2D does it (no kernel flip, zero padding
split as Keras splits it: the extra row or column, if any, goes after).
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

N, K = 5, 3
IMAGE = np.random.default_rng(3).integers(0, 4, size=(N, N))
KERNEL = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]])
FIRST, SECOND = "#fdae61", "#74add1"  # the windows of the first two outputs


def output_size(n, k, s, padding):
    return (n - k) // s + 1 if padding == "valid" else -(-n // s)


def convolve(image, kernel, s, padding):
    """(zero-padded input, pad before, output) of a stride-s convolution."""
    n, k = len(image), len(kernel)
    out = output_size(n, k, s, padding)
    total = 0 if padding == "valid" else max((out - 1) * s + k - n, 0)
    before = total // 2
    padded = np.pad(image, (before, total - before))
    result = np.array([[(padded[i * s:i * s + k, j * s:j * s + k] * kernel).sum()
                        for j in range(out)] for i in range(out)])
    assert result.shape == (out, out)
    return padded, before, result


def grid(ax, values, x0, y0, fill=None, gray=None, size=7):
    """Draw a matrix with its top-left corner at (x0, y0); fill maps (row, col) to a color."""
    fill, gray = fill or {}, gray if gray is not None else np.zeros(values.shape, bool)
    for (r, c), value in np.ndenumerate(values):
        color = fill.get((r, c), "#e0e0e0" if gray[r, c] else "white")
        ax.add_patch(Rectangle((x0 + c, y0 - r - 1), 1, 1, facecolor=color, edgecolor="#555555",
                               linewidth=0.6))
        ax.text(x0 + c + 0.5, y0 - r - 0.5, str(value), ha="center", va="center", fontsize=size,
                color="#777777" if gray[r, c] else "black")


def window(ax, x0, y0, row, col, color, dashed=False):
    inset = 0.12 if dashed else 0  # keep the second window's edges visible on the first's
    ax.add_patch(Rectangle((x0 + col + inset, y0 - row - K + inset), K - 2 * inset,
                           K - 2 * inset, fill=False, edgecolor=color, linewidth=2.2,
                           linestyle="--" if dashed else "-"))


def draw(text):
    fig, ax = plt.subplots(figsize=(10, 7.6))
    ax.text(0, 2.6, text("커널 3×3", "kernel 3×3"), fontsize=10, va="bottom")
    grid(ax, KERNEL, 0, 2.3, size=8)
    ax.text(4, 1.3, text("출력 하나 = 창 안의 값 × 커널, 모두 더함\n회색 0 = 패딩",
                         "one output = window × kernel, summed\ngray 0s = padding"),
            fontsize=10, va="center")
    for row, padding in enumerate(("valid", "same")):
        for col, s in enumerate((1, 2)):
            x0, y0 = col * 15.5, -2.2 - row * 11.2
            padded, before, result = convolve(IMAGE, KERNEL, s, padding)
            size = output_size(N, K, s, padding)
            formula = f"⌊({N} − {K}) / {s}⌋ + 1" if padding == "valid" else f"⌈{N} / {s}⌉"
            ax.text(x0, y0 + 0.4, f'padding="{padding}", strides={s}', fontsize=10,
                    weight="bold", va="bottom")
            gray = np.ones(padded.shape, bool)
            gray[before:before + N, before:before + N] = False
            grid(ax, padded, x0, y0 - 0.5, gray=gray)
            window(ax, x0, y0 - 0.5, 0, 0, FIRST)
            window(ax, x0, y0 - 0.5, 0, s, SECOND, dashed=True)
            ax.annotate("", xy=(x0 + len(padded) + 2.2, y0 - 2), xytext=(x0 + len(padded) + 0.4,
                        y0 - 2), arrowprops={"arrowstyle": "->", "linewidth": 1.2})
            ox = x0 + len(padded) + 2.6
            grid(ax, result, ox, y0 - 0.5, fill={(0, 0): FIRST, (0, 1): SECOND})
            ax.text(ox, y0 - 1.1 - size, text(f"출력 {size}×{size}", f"output {size}×{size}"),
                    fontsize=9, va="top")
            ax.text(ox, y0 - 1.9 - size, f"{formula} = {size}", fontsize=9, va="top")
            cells = text(f"창이 {s}칸씩 이동",
                         f"the window moves {s} cell{'s' * (s > 1)} at a time")
            ax.text(x0, y0 - 1.0 - len(padded), cells, fontsize=9, va="top", color="#2166ac")
    ax.set_xlim(-0.3, 29.5)
    ax.set_ylim(-23.5, 3.3)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
