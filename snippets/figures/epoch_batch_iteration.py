"""2,000 samples, batch_size=500: 4 iterations per epoch, 80 over 20 epochs."""

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle


def draw(text):
    fig, ax = plt.subplots(figsize=(8, 3.4))
    colors = ["#fdae61", "#abd9e9", "#a6d96a", "#d7b5d8"]
    for row, epoch in enumerate((1, 2, 20)):
        y = 2 - row * 1.0 if epoch != 20 else 0.0
        for i in range(4):
            ax.add_patch(Rectangle((i * 2, y), 2, 0.6, facecolor=colors[i], edgecolor="black"))
            ax.text(i * 2 + 1, y + 0.3, text(f"배치 {i + 1}\n(500개)", f"batch {i + 1}\n(500)"),
                    ha="center", va="center", fontsize=8)
        ax.text(-0.2, y + 0.3, text(f"에포크 {epoch}", f"epoch {epoch}"), ha="right",
                va="center", fontsize=10)
        first = (epoch - 1) * 4 + 1
        ax.text(8.2, y + 0.3, text(f"반복 {first}–{first + 3}", f"iterations {first}–{first + 3}"),
                va="center", fontsize=9)
    ax.text(4, 0.8, "⋮", ha="center", va="center", fontsize=16)
    ax.annotate("", xy=(8, 2.85), xytext=(0, 2.85), arrowprops={"arrowstyle": "<->"})
    ax.text(4, 3.0, text("전체 데이터 2,000개 = 1 에포크", "all 2,000 samples = 1 epoch"),
            ha="center", fontsize=10)
    ax.text(4, -0.45, text("20 에포크 × 4 반복 = 가중치 갱신 80번",
                           "20 epochs × 4 iterations = 80 weight updates"),
            ha="center", fontsize=10, weight="bold")
    ax.set_xlim(-2.2, 10.8)
    ax.set_ylim(-0.8, 3.3)
    ax.axis("off")
    return fig
