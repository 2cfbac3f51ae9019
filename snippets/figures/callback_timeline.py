"""When fit calls a callback's methods: the callbacks page's custom-callback example (4 samples,
batch_size=2, 2 validation samples), run for 2 epochs."""

import math

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

SAMPLES, BATCH_SIZE, VALIDATION, EPOCHS = 4, 2, 2, 2
LANES = ("train", "epoch", "train_batch", "test", "test_batch")  # top to bottom


def calls(samples=SAMPLES, batch_size=BATCH_SIZE, validation=VALIDATION, epochs=EPOCHS):
    """The methods fit calls, in order."""
    order = ["on_train_begin"]
    for _ in range(epochs):
        order.append("on_epoch_begin")
        order += ["on_train_batch_begin", "on_train_batch_end"] * math.ceil(samples / batch_size)
        order.append("on_test_begin")
        order += ["on_test_batch_begin", "on_test_batch_end"] * math.ceil(validation / batch_size)
        order += ["on_test_end", "on_epoch_end"]
    return [*order, "on_train_end"]


def spans(order):
    """(lane, first call, last call) for each begin/end pair."""
    opened, found = {}, []
    for i, name in enumerate(order):
        lane, edge = name.removeprefix("on_").rsplit("_", 1)
        if edge == "begin":
            opened[lane] = i
        else:
            found.append((lane, opened.pop(lane), i))
    return found


def draw(text):
    order = calls()
    colors = {"train": "#d9d9d9", "epoch": "#fdae61", "train_batch": "#abd9e9",
              "test": "#d7b5d8", "test_batch": "#c2a5cf"}
    names = {
        "train": text("fit 전체\non_train_*", "all of fit\non_train_*"),
        "epoch": text("에포크\non_epoch_*", "epoch\non_epoch_*"),
        "train_batch": text("학습 배치\non_train_batch_*", "training batch\non_train_batch_*"),
        "test": text("검증\non_test_*", "validation\non_test_*"),
        "test_batch": text("검증 배치\non_test_batch_*", "validation batch\non_test_batch_*"),
    }
    fig, ax = plt.subplots(figsize=(10, 4.2))
    for lane, start, end in spans(order):
        y = len(LANES) - 1 - LANES.index(lane)
        ax.add_patch(Rectangle((start, y - 0.3), end - start, 0.6, facecolor=colors[lane],
                               edgecolor="black", linewidth=0.8))
    for lane in LANES:
        ax.text(-0.6, len(LANES) - 1 - LANES.index(lane), names[lane], ha="right",
                va="center", fontsize=8.5)
    epoch_ends = [i for i, name in enumerate(order) if name == "on_epoch_end"]
    epoch_y = len(LANES) - 1 - LANES.index("epoch")
    for epoch, i in enumerate(epoch_ends):
        ax.plot(i, epoch_y + 0.3, marker="v", color="#d73027", markersize=9)
        ax.text(i, epoch_y + 0.5, f"on_epoch_end({epoch})", ha="center", fontsize=8,
                color="#d73027")
    ax.text((len(order) - 1) / 2, len(LANES) - 0.2,
            text("EarlyStopping, ModelCheckpoint, ReduceLROnPlateau는 ▼에서 동작",
                 "EarlyStopping, ModelCheckpoint and ReduceLROnPlateau act at ▼"),
            ha="center", fontsize=9.5, color="#d73027")
    ax.set_xticks(range(len(order)))
    ax.set_xticklabels([str(i + 1) for i in range(len(order))], fontsize=7)
    ax.set_xlabel(text(f"호출 순서 (샘플 {SAMPLES}개, batch_size={BATCH_SIZE}, 검증 샘플 "
                       f"{VALIDATION}개, epochs={EPOCHS})",
                       f"call order ({SAMPLES} samples, batch_size={BATCH_SIZE}, "
                       f"{VALIDATION} validation samples, epochs={EPOCHS})"), fontsize=9)
    ax.set_xlim(-0.5, len(order) - 0.5)
    ax.set_ylim(-0.6, len(LANES) + 0.1)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return fig
