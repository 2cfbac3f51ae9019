"""XOR: one perceptron's straight line gets 3 of the 4 points at best; a 2-2-1 network of
perceptrons (hidden OR and AND, output "OR and not AND") gets all 4. Regions on a grid."""

import contextlib
import io
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

SNIPPET = Path(__file__).resolve().parents[1] / "foundations" / "perceptron_mlp.py"


def _page_perceptron():
    """The perceptron page's `perceptron` section: the step unit and its AND weights."""
    source = SNIPPET.read_text(encoding="utf-8")
    section = re.search(r"\[start:perceptron\]\n(.*?)# --8<-- \[end:perceptron\]", source, re.S)
    names = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(section[1], names)  # noqa: S102 (the page's own code)
    return names["perceptron"], names["w"], names["b"]


perceptron, W_AND, B_AND = _page_perceptron()
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
Y = np.array([0, 1, 1, 0])  # XOR
W_OR, B_OR = W_AND, B_AND + 1.0  # the same line moved down: fires when either input is 1
W_OUT, B_OUT = np.array([1.0, -1.0]), -0.5  # output: OR and not AND
UNITS = {"OR": (W_OR, B_OR), "AND": (W_AND, B_AND)}


def one_perceptron(points):
    return perceptron(points, W_OR, B_OR)  # one straight line (the OR line): 3 of 4


def network(points):
    hidden = np.column_stack([perceptron(points, w, b) for w, b in UNITS.values()])
    return perceptron(hidden, W_OUT, B_OUT)


def draw(text):
    grid = np.linspace(-0.5, 1.5, 101)
    gx, gy = np.meshgrid(grid, grid)
    points = np.column_stack([gx.ravel(), gy.ravel()])
    colors = ["#cfe2f3", "#fde0c5"]  # regions classified 0 and 1
    regions = ListedColormap(colors)
    fig, axes = plt.subplots(1, 2, figsize=(9, 4.3), sharey=True)
    panels = [
        (one_perceptron, text("퍼셉트론 하나: 직선 하나", "one perceptron: one line")),
        (network, text("2-2-1 신경망 (은닉: OR, AND)", "2-2-1 network (hidden: OR, AND)")),
    ]
    for ax, (model, title) in zip(axes, panels, strict=True):
        ax.contourf(gx, gy, model(points).reshape(gx.shape), levels=[-0.5, 0.5, 1.5],
                    cmap=regions)
        right = int((model(X) == Y).sum())
        for label, marker, color in ((0, "o", "#1f5fa8"), (1, "s", "#d35400")):
            chosen = X[Y == label]
            ax.scatter(chosen[:, 0], chosen[:, 1], marker=marker, s=140, color=color,
                       edgecolor="black", zorder=3, label=f"XOR = {label}")
        wrong = X[model(X) != Y]
        ax.scatter(wrong[:, 0], wrong[:, 1], marker="x", s=320, color="black", zorder=4,
                   label=text("틀린 점", "misclassified") if len(wrong) else None)
        ax.set_title(f"{title}\n" + text(f"4개 중 {right}개 맞힘", f"{right} of 4 right"),
                     fontsize=11)
        ax.set_xlabel("$x_1$")
        ax.set_xlim(-0.5, 1.5)
        ax.set_ylim(-0.5, 1.5)
        ax.set_aspect("equal")
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
    axes[0].set_ylabel("$x_2$")
    # the hidden units' lines: w . x + b = 0, i.e. x2 = -(w1 x1 + b) / w2
    for name, (w, b) in UNITS.items():
        line = -(w[0] * grid + b) / w[1]
        axes[1].plot(grid, line, "--", color="#555555", lw=1)
        at = -0.35 if name == "OR" else 0.25  # where each line's name sits, along the line
        axes[1].text(at, -(w[0] * at + b) / w[1] + 0.04, name, rotation=-45,
                     rotation_mode="anchor", fontsize=9, color="#555555")
    axes[0].plot(grid, -(W_OR[0] * grid + B_OR) / W_OR[1], "-", color="#555555", lw=1.5)
    handles, labels = axes[0].get_legend_handles_labels()
    handles += [Patch(color=colors[0]), Patch(color=colors[1])]
    labels += [text("0으로 분류", "classified 0"), text("1로 분류", "classified 1")]
    fig.legend(handles, labels, loc="lower center", ncol=5, fontsize=9, frameon=False,
               markerscale=0.6)
    fig.subplots_adjust(bottom=0.2)
    return fig
