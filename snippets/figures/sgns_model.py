"""The embeddings page's two-input SGNS model: target and context ids, one Embedding each,
their dot product, Reshape(()), a sigmoid, compared with the label.

The shapes are computed here with NumPy for the page's sizes (9 words, 8 dimensions), the
batch axis shown as None as Keras prints it.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyBboxPatch

WORDS = 9  # '<pad>' and 8 words: the page's vocabulary
DIM = 8


def _shapes():
    rng = np.random.default_rng(0)
    target_table, context_table = rng.normal(size=(2, WORDS, DIM))
    target_ids = rng.integers(1, WORDS, size=(4, 1))  # a batch of 4 (target, context) pairs
    context_ids = rng.integers(1, WORDS, size=(4, 1))
    t, c = target_table[target_ids], context_table[context_ids]  # (batch, 1, DIM) each
    dot = np.einsum("bik,bjk->bij", t, c)  # Dot(axes=2): sum over the DIM numbers
    score = dot.reshape(dot.shape[0])  # Reshape(()): one scalar per sample
    probability = 1 / (1 + np.exp(-score))
    return {name: (None, *array.shape[1:]) for name, array in
            {"ids": target_ids, "embedded": t, "dot": dot, "score": score,
             "probability": probability}.items()}


def _shape(shape):
    inside = ", ".join("None" if s is None else str(s) for s in shape)
    return f"({inside},)" if len(shape) == 1 else f"({inside})"


def _box(ax, x, y, lines, color, width=2.0, height=0.9):
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.05", facecolor=color, edgecolor="black"))
    ax.text(x, y + 0.14, lines[0], ha="center", va="center", fontsize=9.5, weight="bold")
    ax.text(x, y - 0.2, lines[1], ha="center", va="center", fontsize=8.5)


def _arrow(ax, start, end, label=None, above=True, shift=0.0):
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "->", "linewidth": 1.2})
    if label:
        x, y = (start[0] + end[0]) / 2 + shift, (start[1] + end[1]) / 2
        ax.text(x, y + (0.12 if above else -0.12), label, ha="center",
                va="bottom" if above else "top", fontsize=8, color="tab:blue")


def draw(text):
    s = {name: _shape(shape) for name, shape in _shapes().items()}
    fig, ax = plt.subplots(figsize=(11, 3.9))
    top, bottom, middle = 2.6, 0.6, 1.6
    for y, name, column in ((top, "target", "X[:, 0]"), (bottom, "context", "X[:, 1]")):
        _box(ax, 0.9, y, [name, f"Input: {column}"], "#e5f5e0", width=1.8)
        _box(ax, 4.8, y, [f"Embedding({WORDS}, {DIM})", f"{name}_embedding"], "#fdd49e",
             width=2.8)
        _arrow(ax, (1.85, y), (3.35, y), s["ids"])
        _arrow(ax, (6.25, y), (7.75, middle + (0.25 if y == top else -0.25)), s["embedded"],
               above=y == top, shift=0.45)
    _box(ax, 8.8, middle, ["Dot(axes=2)", text("내적", "dot product")], "#c6dbef", width=2.0)
    _box(ax, 12.7, middle, ["Reshape(())", text("샘플마다 스칼라", "one scalar each")],
         "#c6dbef", width=2.2)
    _box(ax, 16.3, middle, ["sigmoid", text("이웃일 확률", "P(real neighbors)")], "#c6dbef",
         width=2.2)
    _arrow(ax, (9.85, middle), (11.55, middle), s["dot"])
    _arrow(ax, (13.85, middle), (15.15, middle), s["score"])
    _box(ax, 16.3, -0.6, ["binary_crossentropy", text("레이블 X[:, 2]: 1 또는 0",
                                                       "label X[:, 2]: 1 or 0")],
         "#f2f2f2", width=3.2)
    _arrow(ax, (16.3, middle - 0.5), (16.3, -0.1))
    ax.text(16.2, 0.5, s["probability"], ha="right", va="center", fontsize=8, color="tab:blue")
    ax.text(7.0, -0.6, text(f"표 두 개({WORDS}×{DIM})는 따로 학습됩니다: 두 입력은 서로 다른 "
                            "가중치로 이어집니다",
                            f"Two tables ({WORDS}×{DIM}), trained separately: each input "
                            "leads to its own weights"),
            ha="center", va="center", fontsize=9, color="0.3")
    ax.set_xlim(-0.1, 18.0)
    ax.set_ylim(-1.2, 3.3)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
