"""The chain rule on a computational graph: the path from W2[0,0] to the loss E of the
backpropagation page's 2-2-2 network, forward values above, backward gradients below."""

import contextlib
import io
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

SNIPPETS = Path(__file__).resolve().parents[1]


def _network():
    """x, t, W1, W2 and sigmoid, from the page's own `network` section."""
    source = (SNIPPETS / "foundations" / "backpropagation.py").read_text(encoding="utf-8")
    section = re.search(r"\[start:network\]\n(.*?)# --8<-- \[end:network\]", source, re.S)[1]
    names = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(section, names)  # noqa: S102 (the page's own code)
    return names


def draw(text):
    net = _network()
    x, t, w1, w2, sigmoid = net["x"], net["t"], net["W1"], net["W2"], net["sigmoid"]
    h = sigmoid(x @ w1)  # forward pass
    product = h[0] * w2[0, 0]
    z = product + h[1] * w2[1, 0]
    o = sigmoid(h @ w2)
    loss = 0.5 * np.sum((t - o) ** 2)
    assert np.isclose(z, (h @ w2)[0])
    d_o = o[0] - t[0]  # backward pass: multiply by one local derivative per node
    d_z = d_o * o[0] * (1 - o[0])
    d_product = d_z * 1.0  # a sum passes the gradient on unchanged
    d_w = d_product * h[0]

    blue, red, gray = "#1f5fa8", "#c0392b", "#777777"
    fig, ax = plt.subplots(figsize=(10, 3.8))
    nodes = {"w": (0.0, 0.85), "h": (0.0, -0.85), "mul": (2.0, 0.0), "add": (4.0, 0.0),
             "side": (4.0, -1.25), "sig": (6.0, 0.0), "loss": (8.9, 0.0),
             "targets": (8.9, -1.25), "E": (11.2, 0.0)}
    size = {"w": 30, "loss": 46, "E": 12}  # half a node's width in points, where not 14
    labels = {"w": "$W_2[0,0]$", "h": "$h_1$", "mul": "×", "add": "+",
              "side": "$h_2 W_2[1,0]$", "sig": r"$\sigma$",
              "loss": r"$\frac{1}{2}\sum_k (t_k - o_k)^2$", "targets": "$t_1, o_2, t_2$",
              "E": "$E$"}
    style = {"boxstyle": "round,pad=0.4", "facecolor": "#f2f2f2", "edgecolor": "black"}
    for key, (px, py) in nodes.items():
        box = dict(style)
        if key in ("w", "h", "side", "targets"):
            box.update(facecolor="#fff7d6")
        if key in ("mul", "add", "sig"):
            box.update(boxstyle="circle,pad=0.3")
        ax.text(px, py, labels[key], ha="center", va="center", fontsize=12, bbox=box,
                zorder=3)

    def edge(a, b, color, offset=(0.0, 0.0)):
        """An arrow from node a to node b, shifted by offset (data units)."""
        (ax_, ay), (bx, by) = nodes[a], nodes[b]
        ax.annotate("", xy=(bx + offset[0], by + offset[1]),
                    xytext=(ax_ + offset[0], ay + offset[1]), zorder=2,
                    arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.5,
                                "shrinkA": size.get(a, 14), "shrinkB": size.get(b, 14)})

    def mid(a, b, dy=0.0, dx=0.0):
        (ax_, ay), (bx, by) = nodes[a], nodes[b]
        return (ax_ + bx) / 2 + dx, (ay + by) / 2 + dy

    # forward: values flow left to right (blue, above each edge)
    path = [("w", "mul"), ("h", "mul"), ("mul", "add"), ("add", "sig"), ("sig", "loss"),
            ("loss", "E")]
    for a, b in path:
        edge(a, b, blue)
    size.update(loss=14)  # the loss box is wide, not tall
    edge("side", "add", gray)
    edge("targets", "loss", gray)
    size.update(loss=46)
    values = {("w", "mul"): f"{w2[0, 0]:.2f}", ("h", "mul"): f"{h[0]:.4f}",
              ("mul", "add"): f"{product:.4f}", ("add", "sig"): f"$z_{{2,1}}$ = {z:.4f}",
              ("sig", "loss"): f"$o_1$ = {o[0]:.4f}", ("loss", "E"): f"{loss:.5f}"}
    for (a, b), value in values.items():
        px, py = mid(a, b, dy=0.2)
        if a == "h":
            px, py = mid(a, b, dy=-0.35, dx=-0.2)
        if a == "loss":
            px += 0.2
        if a == "w":
            px, py = mid(a, b, dy=-0.32, dx=-0.15)
        ax.text(px, py, value, color=blue, fontsize=9, ha="center", va="bottom")

    # backward: gradients dE/d(.) flow right to left (red, below each edge, W2[0,0]'s path)
    grads = {("loss", "E"): "1", ("sig", "loss"): f"{d_o:.4f}",
             ("add", "sig"): f"{d_z:.5f}", ("mul", "add"): f"{d_product:.5f}"}
    for (a, b), grad in grads.items():
        edge(b, a, red, offset=(0.0, -0.2))
        px, py = mid(a, b, dy=-0.3)
        ax.text(px, py, grad, color=red, fontsize=9, ha="center", va="top")
    (wx, wy), (mx, my) = nodes["w"], nodes["mul"]
    normal = np.array([wy - my, mx - wx]) / np.hypot(mx - wx, wy - my)  # up and to the right
    edge("mul", "w", red, offset=tuple(0.2 * normal))
    px, py = mid("w", "mul", dx=0.45 * normal[0], dy=0.45 * normal[1])
    ax.text(px, py, f"{d_w:.5f}", color=red, fontsize=9, weight="bold", ha="left",
            va="bottom")

    # the local derivative each node multiplies by, above the node
    notes = {"mul": "× $h_1$", "add": "× 1", "sig": r"× $o_1(1 - o_1)$",
             "loss": "× $(o_1 - t_1)$"}
    for key, note in notes.items():
        px, py = nodes[key]
        below = key == "mul"  # W2[0,0]'s gradient arrow passes above the product node
        ax.text(px + 0.1 * below, py - 0.6 if below else py + 0.45, note, color=red,
                fontsize=9, ha="left" if below else "center", va="top" if below else "bottom")

    ax.text(-0.6, 1.75, text("파랑: 순전파의 값", "blue: values of the forward pass"),
            color=blue, fontsize=10)
    ax.text(4.2, 1.75, text("빨강: 역전파의 기울기 ∂E/∂(·)",
                            "red: gradients ∂E/∂(·) of the backward pass"),
            color=red, fontsize=10)
    ax.text(5.4, -1.95, r"$\partial E / \partial W_2[0,0]$"
            f" = {d_o:.4f} × {o[0] * (1 - o[0]):.4f} × {h[0]:.4f} = {d_w:.5f}",
            ha="center", fontsize=11)
    ax.set_xlim(-0.8, 11.7)
    ax.set_ylim(-2.2, 2.0)
    ax.axis("off")
    return fig
