"""Binary cross-entropy against squared error, as a function of the predicted probability."""

import matplotlib.pyplot as plt
import numpy as np

MISTAKE = 0.01  # a confident wrong answer: P(class 1) = 0.01 for a sample of class 1


def draw(text):
    p = np.linspace(0.002, 0.998, 999)  # predicted probability of class 1
    fig, ax = plt.subplots(figsize=(7.5, 4))
    ax.plot(p, -np.log(p), color="tab:blue", lw=2,
            label=text("교차 엔트로피, 레이블 1: −log(p)", "cross-entropy, label 1: −log(p)"))
    ax.plot(p, -np.log(1 - p), color="tab:orange", lw=2,
            label=text("교차 엔트로피, 레이블 0: −log(1−p)", "cross-entropy, label 0: −log(1−p)"))
    ax.plot(p, (1 - p) ** 2, "--", color="tab:blue", lw=1.5,
            label=text("제곱 오차, 레이블 1: (1−p)²", "squared error, label 1: (1−p)²"))
    ax.plot(p, p**2, "--", color="tab:orange", lw=1.5,
            label=text("제곱 오차, 레이블 0: p²", "squared error, label 0: p²"))
    cross_entropy, squared = -np.log(MISTAKE), (1 - MISTAKE) ** 2
    ax.plot([MISTAKE, MISTAKE], [squared, cross_entropy], "o", color="black", ms=5)
    ax.annotate(text(f"확신에 찬 오답 (p = {MISTAKE:g}):\n교차 엔트로피 {cross_entropy:.2f}",
                     f"confident mistake (p = {MISTAKE:g}):\ncross-entropy {cross_entropy:.2f}"),
                (MISTAKE, cross_entropy), xytext=(0.12, 4.3), fontsize=9,
                arrowprops={"arrowstyle": "->"})
    ax.annotate(text(f"제곱 오차 {squared:.2f}", f"squared error {squared:.2f}"),
                (MISTAKE, squared), xytext=(0.12, 1.6), fontsize=9,
                arrowprops={"arrowstyle": "->"})
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 5)
    ax.set_xlabel(text("예측 확률 p (클래스 1일 확률)", "predicted probability p of class 1"))
    ax.set_ylabel(text("샘플 하나의 손실", "loss of one sample"))
    ax.set_title(text("교차 엔트로피는 확신에 찬 오답을 크게 벌한다",
                      "Cross-entropy punishes confident mistakes"))
    ax.grid(alpha=0.3)
    ax.legend(loc="center", bbox_to_anchor=(0.55, 0.58), fontsize=8)
    return fig
