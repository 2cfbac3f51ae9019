"""The step (threshold) activation of the original perceptron, next to the sigmoid."""

import matplotlib.pyplot as plt
import numpy as np


def draw(text):
    z = np.linspace(-6, 6, 601)
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot(z, np.where(z >= 0, 1.0, 0.0), label=text("계단 함수 (임계값 0)", "step (threshold 0)"))
    ax.plot(z, 1 / (1 + np.exp(-z)), "--", label="sigmoid")
    ax.set_xlabel(text("z = w·x + b (가중합)", "z = w·x + b (weighted sum)"))
    ax.set_ylabel(text("출력", "output"))
    ax.set_title(text("퍼셉트론의 임계값 함수", "The perceptron's threshold function"))
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left")
    return fig
