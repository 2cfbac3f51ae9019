"""Facts the perceptron and MLP page states in prose (docs/foundations/perceptron-mlp.md)."""

import importlib.util
import itertools
import re

import keras
import numpy as np

from keras_kb.facts import fact, printed
from keras_kb.pages import SNIPPETS

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


def _xor_figure():
    """The 2-2-1 network of perceptrons the XOR figure draws (snippets/figures)."""
    path = SNIPPETS / "figures" / "xor_decision_boundary.py"
    spec = importlib.util.spec_from_file_location("xor_decision_boundary_figure", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _vector(values):
    return "[" + ", ".join(f"{float(v):g}" for v in values) + "]"


@fact(
    PAGE,
    ko="은닉 뉴런 하나는 OR(가중치 `{}`, 편향 `{}`), 다른 하나는 위의 AND 퍼셉트론이고, "
    '출력 뉴런은 "OR이면서 AND가 아님"(가중치 `{}`, 편향 `{}`)을 계산합니다',
    en="One hidden unit is OR (weights `{}`, bias `{}`), the other is the AND perceptron from "
    'above, and the output unit computes "OR and not AND" (weights `{}`, bias `{}`)',
)
def xor_network_of_perceptrons():
    figure = _xor_figure()
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    assert np.array_equal(figure.network(x), [0, 1, 1, 0]), "the network does not solve XOR"
    assert np.array_equal(figure.perceptron(x, figure.W_OR, figure.B_OR), [0, 1, 1, 1])
    assert np.array_equal(figure.perceptron(x, figure.W_AND, figure.B_AND), [0, 0, 0, 1])
    return (_vector(figure.W_OR), f"{figure.B_OR:g}", _vector(figure.W_OUT), f"{figure.B_OUT:g}")
