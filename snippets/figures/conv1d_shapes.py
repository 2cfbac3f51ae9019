"""Shapes through a small 1D CNN, from the layer-shapes table's rows: to one number per sample
with GlobalMaxPooling1D, or a Dense on the 3D output that gives one number per timestep."""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, Rectangle

LENGTH, FEATURES, FILTERS, KERNEL, POOL = 100, 8, 32, 3, 2
WIDTH, HEIGHT = 2.2, 1.1  # drawing size of 100 timesteps and of 32 channels


def _valid(n, k, s):
    return (n - k) // s + 1  # padding="valid"


def _tensor(ax, x, y, shape, color):
    """A (timesteps, channels) tensor as a box; a 1D one (channels,) as a thin bar."""
    steps, channels = (shape if len(shape) == 2 else (None, shape[0]))
    width = WIDTH * steps / LENGTH if steps else 0.12
    height = max(HEIGHT * channels / FILTERS, 0.08)
    ax.add_patch(Rectangle((x, y - height / 2), width, height, facecolor=color,
                           edgecolor="black"))
    label = "(None, " + ", ".join(str(d) for d in shape) + ")"
    ax.text(x + width / 2, y - height / 2 - 0.1, label, ha="center", va="top", fontsize=9)
    return x + width


def _arrow(ax, x0, x1, y, label):
    ax.add_patch(FancyArrowPatch((x0 + 0.08, y), (x1 - 0.08, y), arrowstyle="->",
                                 mutation_scale=12))
    ax.text((x0 + x1) / 2, y + 0.12, label, ha="center", va="bottom", fontsize=8,
            family="monospace")


def draw(text):
    conv = (_valid(LENGTH, KERNEL, 1), FILTERS)
    pooled = (_valid(conv[0], POOL, POOL), FILTERS)  # pool stride defaults to pool_size
    fig, ax = plt.subplots(figsize=(12, 3.6))
    top, bottom, gap = 2.4, 0.6, 2.5

    x = _tensor(ax, 0, top, (LENGTH, FEATURES), "#d9d9d9")
    for layer, shape, color in ((f"Conv1D({FILTERS}, {KERNEL})", conv, "#abd9e9"),
                                (f"MaxPooling1D({POOL})", pooled, "#abd9e9"),
                                ("GlobalMaxPooling1D()", (FILTERS,), "#a6d96a"),
                                ("Dense(1)", (1,), "#a6d96a")):
        start = x + gap
        _arrow(ax, x, start, top, layer)
        x = _tensor(ax, start, top, shape, color)
        if layer.startswith("Conv1D"):
            conv_end = x
    ax.text(x + 0.15, top, text("샘플마다 숫자 하나", "one number per sample"),
            va="center", fontsize=9, color="darkgreen")

    # the pitfall: a Dense straight on the 3D output acts on every timestep
    conv_start = conv_end - WIDTH * conv[0] / LENGTH
    corner = (conv_start + conv_end) / 2
    ax.add_patch(FancyArrowPatch((corner, top - HEIGHT / 2 - 0.35), (corner + 0.8, bottom + 0.1),
                                 arrowstyle="->", mutation_scale=12,
                                 connectionstyle="arc3,rad=0.3"))
    ax.text(corner + 0.6, (top + bottom) / 2 - 0.15, "Dense(1)", fontsize=8, family="monospace")
    x = _tensor(ax, corner + 0.9, bottom, (conv[0], 1), "#fdae61")
    ax.text(x + 0.15, bottom, text("타임스텝마다 숫자 하나: 여전히 3D",
                                   "one number per timestep: still 3D"),
            va="center", fontsize=9, color="darkred")
    ax.text(0, top + HEIGHT / 2 + 0.1,
            text("가로: 타임스텝, 세로: 채널", "width: timesteps, height: channels"),
            fontsize=8, color="gray")
    ax.set_xlim(-0.2, 17)
    ax.set_ylim(0.2, 3.2)
    ax.axis("off")
    return fig
