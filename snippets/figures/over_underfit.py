"""Underfitting, a good fit and overfitting: polynomials of degree 1, 4 and 15 on 20 points."""

import matplotlib.pyplot as plt
import numpy as np
from numpy.polynomial import Polynomial


def draw(text):
    rng = np.random.default_rng(0)
    x = np.sort(rng.uniform(-1, 1, 20))
    y = np.sin(3 * x) + rng.normal(0, 0.3, 20)
    grid = np.linspace(-1, 1, 400)
    titles = {
        1: text("과소적합 (차수 1)", "underfitting (degree 1)"),
        4: text("적절 (차수 4)", "good fit (degree 4)"),
        15: text("과대적합 (차수 15)", "overfitting (degree 15)"),
    }
    fig, axes = plt.subplots(1, 3, figsize=(9, 3), sharey=True)
    for ax, (degree, title) in zip(axes, titles.items(), strict=True):
        fit = Polynomial.fit(x, y, degree)
        ax.plot(grid, np.sin(3 * grid), color="gray", linestyle=":",
                label=text("참 함수", "true function"))
        ax.plot(grid, fit(grid), label=text("모델", "model"))
        ax.scatter(x, y, s=14, color="black", zorder=3, label=text("훈련 데이터", "training data"))
        ax.set_title(title)
        ax.set_ylim(-2, 2)
        ax.grid(alpha=0.3)
    axes[0].legend(loc="lower right", fontsize=8)
    return fig
