"""One perceptron: inputs times weights, plus the bias, summed to z, then the step at 0.
The numbers are the perceptron page's AND unit on the input (1, 1)."""

import contextlib
import io
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

SNIPPET = Path(__file__).resolve().parents[1] / "foundations" / "perceptron_mlp.py"


def _page_perceptron():
    """The perceptron page's `perceptron` section: the step unit and its AND weights."""
    source = SNIPPET.read_text(encoding="utf-8")
    section = re.search(r"\[start:perceptron\]\n(.*?)# --8<-- \[end:perceptron\]", source, re.S)
    names = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(section[1], names)  # noqa: S102 (the page's own code)
    return names["perceptron"], names["w"], names["b"]


def draw(text):
    perceptron, w, b = _page_perceptron()
    x = np.array([1.0, 1.0])
    z = float(x @ w + b)
    y = int(perceptron(x, w, b))

    fig, ax = plt.subplots(figsize=(9, 3.4))
    box = {"boxstyle": "round,pad=0.4", "facecolor": "#fff7d6", "edgecolor": "black"}
    unit = {"boxstyle": "circle,pad=0.45", "facecolor": "#f2f2f2", "edgecolor": "black"}
    inputs = [(f"$x_1$ = {x[0]:g}", 1.3), (f"$x_2$ = {x[1]:g}", 0.0), ("1", -1.3)]
    weights = [f"$w_1$ = {w[0]:g}", f"$w_2$ = {w[1]:g}", f"$b$ = {b:g}"]
    for (label, y_in), weight in zip(inputs, weights, strict=True):
        ax.text(0, y_in, label, ha="center", va="center", fontsize=11, bbox=box)
        ax.annotate("", xy=(3.0, 0.0), xytext=(0.0, y_in),
                    arrowprops={"arrowstyle": "-|>", "lw": 1.4, "color": "#1f5fa8",
                                "shrinkA": 26, "shrinkB": 24})
        below = y_in < 0  # the bias's label goes under its arrow
        ax.text(1.45, y_in * 0.52 + (-0.35 if below else 0.12), weight, ha="center",
                va="top" if below else "bottom", fontsize=10, color="#1f5fa8")
    ax.text(0, -1.85, text("(편향의 입력)", "(the bias's input)"), ha="center", fontsize=8,
            color="#555555")
    ax.text(3.0, 0.0, r"$\Sigma$", ha="center", va="center", fontsize=16, bbox=unit)
    ax.text(3.3, -0.75, text("가중합 + 편향", "weighted sum + bias"), ha="center", va="top",
            fontsize=10)
    ax.annotate("", xy=(6.6, 0.0), xytext=(3.0, 0.0),
                arrowprops={"arrowstyle": "-|>", "lw": 1.4, "shrinkA": 24, "shrinkB": 0})
    sign = "−" if b < 0 else "+"
    ax.text(4.85, 0.12, f"z = {x[0]:g}·{w[0]:g} + {x[1]:g}·{w[1]:g} {sign} {abs(b):g} = {z:g}",
            ha="center", va="bottom", fontsize=10)
    # the step function, drawn inside its own box
    ax.add_patch(plt.Rectangle((6.6, -0.55), 1.4, 1.1, facecolor="#f2f2f2", edgecolor="black"))
    ax.plot([6.75, 7.3, 7.3, 7.85], [-0.35, -0.35, 0.35, 0.35], color="black", lw=1.6)
    ax.text(7.3, -0.75, text("계단 함수 (임계값 0)", "step (threshold 0)"), ha="center",
            va="top", fontsize=10)
    ax.annotate("", xy=(9.4, 0.0), xytext=(8.0, 0.0),
                arrowprops={"arrowstyle": "-|>", "lw": 1.4, "shrinkA": 0, "shrinkB": 20})
    ax.text(9.7, 0.0, f"y = {y}", ha="center", va="center", fontsize=12,
            bbox={**box, "facecolor": "#fde0c5"})
    ax.text(4.8, 1.75, text("AND 퍼셉트론, 입력 (1, 1)", "the AND perceptron on the input (1, 1)"),
            ha="center", fontsize=11)
    ax.set_xlim(-0.8, 10.4)
    ax.set_ylim(-2.1, 2.1)
    ax.axis("off")
    return fig
