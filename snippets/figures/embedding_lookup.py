"""An Embedding layer as a lookup table: each id of a sentence picks one row of the table.

The table and the encoded sentence are the embeddings page's: Embedding(7, 2) with the 7×2
table set by set_weights, and 'Nice to see you again' encoded as [5, 1, 2, 3, 6]. The output
rows are table[ids], computed here, shaped (sequence_length, dim).
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

TABLE = np.array([[1.2, 3.1], [0.1, 4.2], [1.0, 3.1], [0.3, 2.1],
                  [2.2, 1.4], [0.7, 1.7], [4.1, 2.0]])  # the page's 7×2 embedding table
WORDS = ["Nice", "to", "see", "you", "again"]
IDS = np.array([5, 1, 2, 3, 6])  # the page's second encoded sentence


def _cells(ax, x0, y, values, color, width=0.9):
    for j, value in enumerate(values):
        ax.add_patch(Rectangle((x0 + j * width, y - 0.4), width, 0.8, facecolor=color,
                               edgecolor="black", linewidth=0.8))
        ax.text(x0 + j * width + width / 2, y, f"{value:.1f}", ha="center", va="center",
                fontsize=9)


def draw(text):
    output = TABLE[IDS]  # the lookup: one row of the table per id
    colors = plt.get_cmap("tab10").colors
    rows, dim = TABLE.shape
    fig, ax = plt.subplots(figsize=(9, 4.4))

    def row_y(i):
        return rows - 1 - i

    def word_y(p):
        return rows - 1.6 - p * 1.2

    table_x, out_x = 5.2, 10.0
    for i in range(rows):
        used = i in IDS
        color = colors[list(IDS).index(i)] if used else "white"
        _cells(ax, table_x, row_y(i), TABLE[i], (*color[:3], 0.35) if used else color)
        ax.text(table_x - 0.15, row_y(i), str(i), ha="right", va="center", fontsize=9,
                color="black" if used else "0.5")
    for p, (word, i) in enumerate(zip(WORDS, IDS, strict=True)):
        y, color = word_y(p), colors[p]
        ax.text(0.9, y, word, ha="right", va="center", fontsize=10)
        ax.add_patch(Rectangle((1.1, y - 0.35), 0.7, 0.7, facecolor="white", edgecolor=color,
                               linewidth=1.5))
        ax.text(1.45, y, str(i), ha="center", va="center", fontsize=10)
        ax.annotate("", xy=(table_x - 0.45, row_y(i)), xytext=(1.9, y),
                    arrowprops={"arrowstyle": "->", "color": color, "linewidth": 1.2})
        ax.annotate("", xy=(out_x - 0.1, y), xytext=(table_x + dim * 0.9 + 0.1, row_y(i)),
                    arrowprops={"arrowstyle": "->", "color": color, "linewidth": 1.2})
        _cells(ax, out_x, y, output[p], (*color[:3], 0.35))
    top = rows - 0.2
    ax.text(1.0, top, text(f"정수 id {len(IDS)}개", f"{len(IDS)} integer ids"), ha="center",
            fontsize=10, weight="bold")
    ax.text(table_x + 0.9, top,
            text(f"임베딩 표 ({rows}, {dim})", f"embedding table ({rows}, {dim})"),
            ha="center", fontsize=10, weight="bold")
    ax.text(out_x + 0.9, top,
            text(f"출력 ({len(IDS)}, {dim})", f"output ({len(IDS)}, {dim})"), ha="center",
            fontsize=10, weight="bold")
    ax.text(out_x + 0.9, word_y(len(IDS) - 1) - 0.8,
            text("(시퀀스 길이, 차원)", "(sequence_length, dim)"), ha="center", va="top",
            fontsize=9, color="0.3")
    ax.text(table_x + 0.9, row_y(rows - 1) - 0.8,
            text(f"Embedding({rows}, {dim}): id i → 표의 i번 행",
                 f"Embedding({rows}, {dim}): id i → row i of the table"),
            ha="center", va="top", fontsize=9, color="0.3")
    ax.set_xlim(-0.6, out_x + 2.2)
    ax.set_ylim(-1.4, rows + 0.3)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
