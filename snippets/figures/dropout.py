"""One small dense network drawn twice: all units (inference), and one dropout mask (training)."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection

RATE = 0.5  # Dropout(0.5), the rate of the regularization page
LAYERS = (4, 6, 6, 1)  # inputs, two hidden layers with dropout after each, one output


def _positions():
    xs = np.arange(len(LAYERS)) * 2.0
    return [np.column_stack([np.full(n, x), (np.arange(n) - (n - 1) / 2) * 0.9])
            for x, n in zip(xs, LAYERS, strict=True)]


def mask():
    """Which hidden units one training step keeps: a fixed draw at the page's rate."""
    rng = np.random.default_rng(0)
    return rng.random((len(LAYERS) - 2, LAYERS[1])) >= RATE


def _draw_network(ax, keep, text, scaled):
    positions = _positions()
    kept = [np.ones(LAYERS[0], bool), *keep, np.ones(LAYERS[-1], bool)]
    edges = {True: [], False: []}  # live connections, and those to a switched-off unit
    for a, b, on_a, on_b in zip(positions, positions[1:], kept, kept[1:], strict=False):
        for start, live_a in zip(a, on_a, strict=True):
            for end, live_b in zip(b, on_b, strict=True):
                edges[bool(live_a and live_b)].append([start, end])
    ax.add_collection(LineCollection(edges[False], colors="#e0e0e0", linewidths=0.6, zorder=1))
    ax.add_collection(LineCollection(edges[True], colors="#4575b4", linewidths=0.9, zorder=1))
    for layer, (points, on) in enumerate(zip(positions, kept, strict=True)):
        hidden = 0 < layer < len(LAYERS) - 1
        for (x, y), live in zip(points, on, strict=True):
            ax.scatter(x, y, s=330, zorder=2, edgecolor="black",
                       color=("#fdae61" if hidden else "#abd9e9") if live else "white",
                       linestyle="-" if live else "--")
            if not live:
                ax.text(x, y, "×", ha="center", va="center", fontsize=13, color="#999999",
                        zorder=3)
            elif hidden and scaled:
                ax.text(x + 0.3, y + 0.3, f"×{1 / (1 - RATE):g}", va="center", fontsize=8,
                        color="#d73027", zorder=3,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    names = [text("입력", "input"), text("은닉 1", "hidden 1"), text("은닉 2", "hidden 2"),
             text("출력", "output")]
    for x, name in zip(_positions(), names, strict=True):
        ax.text(x[0, 0], -3.3, name, ha="center", fontsize=9)
    ax.set_xlim(-0.6, 2.0 * (len(LAYERS) - 1) + 0.9)
    ax.set_ylim(-4.4, 2.9)
    ax.axis("off")


def draw(text):
    keep = mask()
    hidden, off = keep.size, keep.size - keep.sum()
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.9))
    _draw_network(left, [np.ones(LAYERS[1], bool)] * len(keep), text, scaled=False)
    left.set_title(text("추론: 모든 유닛,\n배율 없음", "Inference: all units,\nno scaling"),
                   fontsize=10)
    _draw_network(right, list(keep), text, scaled=True)
    right.set_title(
        text(f"학습 중 한 번: Dropout({RATE:g})이\n은닉 유닛 {hidden}개 중 {off}개를 끔",
             f"One training step: Dropout({RATE:g})\nswitches off {off} of {hidden} hidden units"),
        fontsize=10)
    right.text(2.0 * (len(LAYERS) - 1) / 2, -4.1,
               text(f"남은 유닛의 출력 × 1/(1 − {RATE:g}) = ×{1 / (1 - RATE):g}",
                    f"outputs of the kept units × 1/(1 − {RATE:g}) = ×{1 / (1 - RATE):g}"),
               ha="center", fontsize=9, color="#d73027")
    fig.subplots_adjust(wspace=0.05)
    return fig
