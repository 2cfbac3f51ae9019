"""One LSTM step: three gates (input i, forget f, output o) and the candidate k, four weight
blocks, the cell state line c and the hidden state h.

Sizes are the RNN page's example (2 features, 8 units): each block is W (2×8), U (8×8), b (8).
"""

import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyBboxPatch

FEATURES, UNITS = 2, 8


def _arrow(ax, points, color="black"):
    """A polyline through points, with an arrowhead on the last segment."""
    for (x0, y0), (x1, y1) in zip(points[:-2], points[1:-1], strict=True):
        ax.plot([x0, x1], [y0, y1], color=color, linewidth=1.2)
    ax.annotate("", xy=points[-1], xytext=points[-2],
                arrowprops={"arrowstyle": "->", "color": color, "linewidth": 1.2})


def _node(ax, x, y, symbol):
    ax.add_patch(Circle((x, y), 0.22, facecolor="white", edgecolor="black", zorder=3))
    ax.text(x, y, symbol, ha="center", va="center", fontsize=11, zorder=4)


def draw(text):
    block = FEATURES * UNITS + UNITS * UNITS + UNITS  # W, U and b of one block
    gates = [  # (x, activation, Korean name, English name, color)
        (2.6, "σ", "삭제 f", "forget f", "#fdd49e"),
        (4.3, "σ", "입력 i", "input i", "#fdd49e"),
        (6.0, "tanh", "후보 값 k", "candidate k", "#c6dbef"),
        (7.7, "σ", "출력 o", "output o", "#fdd49e"),
    ]
    fig, ax = plt.subplots(figsize=(9, 5.2))
    ax.add_patch(FancyBboxPatch((1.0, 0.9), 9.4, 5.3, boxstyle="round,pad=0.1",
                                facecolor="#f7f7f7", edgecolor="0.5"))
    c_y, gate_y, bus_y = 5.5, 3.0, 1.5
    add_x, out_x = 5.15, 9.2
    # the cell state line: c_{t-1} -> x f -> + i*k -> c_t
    _arrow(ax, [(0.2, c_y), (2.38, c_y)])
    _arrow(ax, [(2.82, c_y), (add_x - 0.22, c_y)])
    _arrow(ax, [(add_x + 0.22, c_y), (11.3, c_y)])
    _node(ax, 2.6, c_y, "×")
    _node(ax, add_x, c_y, "+")
    ax.text(0.1, c_y + 0.3, "$c_{t-1}$", fontsize=12)
    ax.text(11.0, c_y + 0.3, "$c_t$", fontsize=12)
    ax.text(7.2, c_y + 0.25, text("셀 상태 (이동 트랙)", "cell state (carry track)"),
            fontsize=9, ha="center", va="bottom", color="0.3")
    # inputs: h_{t-1} from the left, x_t from below, into every block
    ax.plot([0.2, 7.7], [bus_y, bus_y], color="black", linewidth=1.2)
    ax.plot([1.6, 1.6], [0.1, bus_y], color="black", linewidth=1.2)
    ax.text(0.1, bus_y + 0.15, "$h_{t-1}$", fontsize=12)
    ax.text(1.75, 0.2, "$x_t$", fontsize=12)
    for x, activation, ko, en, color in gates:
        _arrow(ax, [(x, bus_y), (x, gate_y - 0.45)])
        ax.add_patch(FancyBboxPatch((x - 0.7, gate_y - 0.4), 1.4, 0.8,
                                    boxstyle="round,pad=0.05", facecolor=color,
                                    edgecolor="black"))
        ax.text(x, gate_y + 0.13, activation, ha="center", va="center", fontsize=11)
        ax.text(x, gate_y - 0.2, text(ko, en), ha="center", va="center", fontsize=8)
    # forget gate into the multiplication on the cell line
    _arrow(ax, [(2.6, gate_y + 0.45), (2.6, c_y - 0.24)])
    # input gate times candidate, added to the cell state
    mul_y = 4.35
    _arrow(ax, [(4.3, gate_y + 0.45), (4.3, mul_y), (add_x - 0.24, mul_y)])
    _arrow(ax, [(6.0, gate_y + 0.45), (6.0, mul_y), (add_x + 0.24, mul_y)])
    _node(ax, add_x, mul_y, "×")
    _arrow(ax, [(add_x, mul_y + 0.22), (add_x, c_y - 0.24)])
    # output: o * tanh(c_t)
    _arrow(ax, [(out_x, c_y), (out_x, 4.65)])
    ax.add_patch(FancyBboxPatch((out_x - 0.4, 4.05), 0.8, 0.5, boxstyle="round,pad=0.04",
                                facecolor="#c6dbef", edgecolor="black"))
    ax.text(out_x, 4.3, "tanh", ha="center", va="center", fontsize=9)
    _arrow(ax, [(out_x, 4.0), (out_x, gate_y + 0.24)])
    _arrow(ax, [(7.7 + 0.75, gate_y), (out_x - 0.24, gate_y)])
    _node(ax, out_x, gate_y, "×")
    _arrow(ax, [(out_x + 0.22, gate_y), (11.3, gate_y)])
    ax.text(11.0, gate_y + 0.2, "$h_t$", fontsize=12)
    ax.text(10.75, 4.2, text("$c_t$, $h_t$:\n다음 타임스텝으로",
                             "$c_t$, $h_t$: on to\nthe next timestep"),
            fontsize=8, color="0.3", va="center")
    ax.text(5.7, -0.35,
            text(f"가중치 블록 4개(i, f, k, o), 블록마다 W {FEATURES}×{UNITS} + U {UNITS}×{UNITS}"
                 f" + b {UNITS} = {block}: 모두 {4 * block}",
                 f"4 weight blocks (i, f, k, o), each W {FEATURES}×{UNITS} + U {UNITS}×{UNITS}"
                 f" + b {UNITS} = {block}: {4 * block} parameters"),
            ha="center", va="top", fontsize=9.5)
    ax.text(5.7, -0.85,
            text("σ: 시그모이드(0~1, 얼마나 통과시킬지)   ×: 원소별 곱",
                 "σ: sigmoid (0 to 1: how much passes)   ×: element-wise product"),
            ha="center", va="top", fontsize=9, color="0.3")
    ax.set_xlim(0, 12.6)
    ax.set_ylim(-1.3, 6.5)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
