"""Common activation functions (left) and their derivatives (right)."""

import matplotlib.pyplot as plt
import numpy as np


def draw(text):
    z = np.linspace(-4, 4, 801)
    sigmoid = 1 / (1 + np.exp(-z))
    curves = {  # name: (f(z), f'(z))
        "sigmoid": (sigmoid, sigmoid * (1 - sigmoid)),
        "tanh": (np.tanh(z), 1 - np.tanh(z) ** 2),
        "ReLU": (np.maximum(0, z), (z > 0).astype(float)),
        "Leaky ReLU (0.2)": (np.where(z > 0, z, 0.2 * z), np.where(z > 0, 1.0, 0.2)),
        "ELU (α=1)": (np.where(z > 0, z, np.exp(z) - 1), np.where(z > 0, 1.0, np.exp(z))),
    }
    styles = ["-", "-", "--", "-.", ":"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    for (name, (value, slope)), style in zip(curves.items(), styles, strict=True):
        left.plot(z, value, style, label=name, lw=2)
        right.plot(z, slope, style, label=name, lw=2)
    left.set_ylim(-1.5, 3)
    left.set_title(text("활성화 함수 f(z)", "Activation f(z)"))
    right.set_ylim(-0.1, 1.15)
    right.set_title(text("도함수 f′(z): 역전파로 전해지는 기울기",
                         "Derivative f′(z): the gradient it passes back"))
    for ax in (left, right):
        ax.axhline(0, color="gray", lw=0.8)
        ax.axvline(0, color="gray", lw=0.8)
        ax.set_xlabel("z")
        ax.grid(alpha=0.3)
    left.legend(loc="upper left", fontsize=8)
    right.annotate(text("sigmoid 최대 0.25", "sigmoid peaks at 0.25"), (0, 0.25), xytext=(1.2, 0.4),
                   arrowprops={"arrowstyle": "->"}, fontsize=8)
    return fig
