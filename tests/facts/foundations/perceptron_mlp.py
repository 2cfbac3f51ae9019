"""Facts the perceptron and MLP page states in prose (docs/foundations/perceptron-mlp.md)."""

import itertools
import re

import keras
import numpy as np

from keras_kb.facts import fact, printed

PAGE = "foundations/perceptron-mlp.md"
BACKEND_NAMES = {"tensorflow": "TensorFlow", "jax": "JAX", "torch": "PyTorch"}


def _backends():
    """(backends that train, inference-only backends) from the installed Keras's description."""
    line = printed(PAGE, r"support for (.+)\.")[1]
    names = re.split(r", and |, | and ", line)
    inference = [n.split(" (")[0] for n in names if "inference-only" in n]
    return [n for n in names if "inference-only" not in n], inference


@fact(PAGE, ko="가중치 `{}`과 편향 `{}`로 AND를", en="AND with weights `{}` and bias `{}`")
def and_weights():
    shown = printed(PAGE, r"w = \[([^\]]+)\] b = (\S+) -> AND: \[0 0 0 1\]")
    weights = ", ".join(f"{float(v):g}" for v in shown[1].split())
    return f"[{weights}]", shown[2]


@fact(
    PAGE,
    ko="가중치 {}쌍을 모두 시험해도 편향 없이는 AND를 맞히지 못합니다",
    en="Trying all {} weight pairs below, none computes AND without a bias",
)
def weight_pairs_without_bias():
    return printed(PAGE, r"over ([\d,]+) weight pairs: [0-3] / 4")[1]  # best score below 4


@fact(PAGE, ko="층의 출력을 다시 평균 {}으로 맞춘 뒤", en="re-centers a layer's output to mean {}")
def batch_normalized_mean():
    shown = printed(PAGE, r"mean of each unit after BN: \[([^\]]+)\]")
    means = {float(v) for v in shown[1].split()}
    (mean,) = means  # every unit has the same mean
    return f"{mean:g}"


@fact(PAGE, ko="4개 중 최대 {}개만 맞힙니다", en="gets at most {} of the 4 points right")
def xor_best_linear_score():
    """The best any straight-line boundary does on XOR: every w1, w2, b on a fine grid."""
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y = np.array([0, 1, 1, 0])
    grid = np.linspace(-2, 2, 41)
    weights = np.array(list(itertools.product(grid, grid)))  # (pairs, 2)
    z = x @ weights.T  # (4, pairs)
    return str(max(int(((z + b >= 0) == y[:, None]).sum(axis=0).max()) for b in grid))


@fact(PAGE, ko="XOR을 {}개 모두 맞힙니다", en="gets all {} right")
def xor_mlp_score():
    shown = printed(PAGE, r"MLP on XOR: \[[^\]]+\] (\d)/(\d)")
    return shown[1] if shown[1] == shown[2] else f"{shown[1]} of {shown[2]}"


@fact(PAGE, ko="Keras {}은 다시 독립 패키지가 되어", en="Keras {} is a separate package again")
def keras_major_version():
    return keras.__version__.split(".")[0]


@fact(
    PAGE,
    ko="학습까지 할 수 있는 {}, {}, {} 중 하나를",
    en="backends that can train, {}, {} or {};",
)
def training_backends():
    return tuple(_backends()[0])


@fact(PAGE, ko="추론 전용인 {} 백엔드도 있습니다", en="recent versions add {}, for inference only")
def inference_only_backend():
    (name,) = _backends()[1]
    return name


@fact(PAGE, ko="이 사이트는 {} 백엔드를 씁니다", en="This site uses the {} backend")
def site_backend():
    return BACKEND_NAMES[printed(PAGE, r"backend: (\w+)")[1]]
