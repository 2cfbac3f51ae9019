"""Common activation functions (left) and their derivatives (right): the classic ones on top,
the smooth GELU and SiLU (with ReLU for reference) below."""

import math

import matplotlib.pyplot as plt
import numpy as np


def draw(text):
    z = np.linspace(-4, 4, 801)
    sigmoid = 1 / (1 + np.exp(-z))
    phi = (1 + np.vectorize(math.erf)(z / np.sqrt(2))) / 2  # standard normal CDF
    density = np.exp(-(z**2) / 2) / np.sqrt(2 * np.pi)  # its derivative
    relu = (np.maximum(0, z), (z > 0).astype(float))
    classic = {  # name: (f(z), f'(z))
        "sigmoid": (sigmoid, sigmoid * (1 - sigmoid)),
        "tanh": (np.tanh(z), 1 - np.tanh(z) ** 2),
        "ReLU": relu,
        "Leaky ReLU (0.2)": (np.where(z > 0, z, 0.2 * z), np.where(z > 0, 1.0, 0.2)),
        "ELU (α=1)": (np.where(z > 0, z, np.exp(z) - 1), np.where(z > 0, 1.0, np.exp(z))),
    }
    smooth = {
        "ReLU": relu,
        "GELU": (z * phi, phi + z * density),
        "SiLU (swish)": (z * sigmoid, sigmoid * (1 + z * (1 - sigmoid))),
    }
    fig, ((left, right), (smooth_left, smooth_right)) = plt.subplots(2, 2, figsize=(10, 7.6))
    for (name, (value, slope)), style in zip(
        classic.items(), ["-", "-", "--", "-.", ":"], strict=True
    ):
        left.plot(z, value, style, label=name, lw=2)
        right.plot(z, slope, style, label=name, lw=2)
    for (name, (value, slope)), style in zip(
        smooth.items(),
        [{"ls": "--", "color": "gray", "lw": 1.2}, {"color": "C5", "lw": 2},
         {"color": "C9", "ls": "-.", "lw": 2}],  # colors the top row does not use
        strict=True,
    ):
        smooth_left.plot(z, value, label=name, **style)
        smooth_right.plot(z, slope, label=name, **style)
    left.set_ylim(-1.5, 3)
    left.set_title(text("활성화 함수 f(z)", "Activation f(z)"))
    right.set_ylim(-0.1, 1.15)
    right.set_title(text("도함수 f′(z): 역전파로 전해지는 기울기",
                         "Derivative f′(z): the gradient it passes back"))
    smooth_left.set_xlim(-4, 2)
    smooth_left.set_ylim(-0.5, 2)
    smooth_left.set_title(text("매끄러운 ReLU: GELU와 SiLU", "Smooth ReLUs: GELU and SiLU"))
    smooth_right.set_ylim(-0.25, 1.25)
    smooth_right.set_title(text("도함수: 1을 넘고, 음수 쪽에서 0 아래로",
                                "Derivatives: above 1, and below 0 for negative z"))
    for ax in (left, right, smooth_left, smooth_right):
        ax.axhline(0, color="gray", lw=0.8)
        ax.axvline(0, color="gray", lw=0.8)
        ax.set_xlabel("z")
        ax.grid(alpha=0.3)
    smooth_right.axhline(1, color="gray", lw=0.8, ls=":")
    left.legend(loc="upper left", fontsize=8)
    smooth_left.legend(loc="lower right", fontsize=8)
    right.annotate(text("sigmoid 최대 0.25", "sigmoid peaks at 0.25"), (0, 0.25), xytext=(1.2, 0.4),
                   arrowprops={"arrowstyle": "->"}, fontsize=8)
    for name, xytext in (("GELU", (-2.7, 0.9)), ("SiLU (swish)", (-3.9, 0.45))):
        value = smooth[name][0]
        low = int(value.argmin())
        smooth_left.annotate(
            text(f"{name.split()[0]} 최솟값 {value[low]:.2f} (z = {z[low]:.2f})",
                 f"{name.split()[0]} minimum {value[low]:.2f} at z = {z[low]:.2f}"),
            (z[low], value[low]), xytext=xytext, arrowprops={"arrowstyle": "->"}, fontsize=8,
        )
    fig.subplots_adjust(hspace=0.38, wspace=0.22)
    return fig
