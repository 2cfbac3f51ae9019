"""Facts the callbacks page states in prose (docs/training/callbacks.md)."""

import ast
import inspect
import re

import keras

from keras_kb.facts import fact, printed

PAGE = "training/callbacks.md"


@fact(
    PAGE,
    ko="입력 특성 {}개의 합성 이진 분류 데이터",
    en="Synthetic binary classification data with {} input features",
)
def input_features():
    return printed(PAGE, r"\(\d+, (\d+)\) \(\d+, \1\)")[1]


def _logged_names():
    """(metrics=["accuracy"] logs val_..., metrics=["acc"] logs ... and val_...)"""
    lists = printed(
        PAGE,
        r"\['accuracy', 'loss', '(val_\w+)', 'val_loss'\]\n"
        r"\['(\w+)', 'loss', '(val_\w+)', 'val_loss'\]",
    )
    return lists[1], lists[2], lists[3]


@fact(
    PAGE,
    ko="지표는 `compile`에 적은 이름대로 `{}`, `{}`로 기록되기 때문입니다",
    en="the metric is logged under the name given to `compile`, as `{}` and `{}`",
)
def note_metric_names():
    _, acc, val_acc = _logged_names()
    return acc, val_acc


@fact(PAGE, ko="그때 기록되는 이름은 `{}`이고", en="The logged name is then `{}`,")
def accuracy_metric_name():
    return _logged_names()[0]


@fact(
    PAGE,
    ko="`ModelCheckpoint`는 전체 모델을 `{}` 파일(기본 형식)로 저장합니다",
    en="`ModelCheckpoint` saves a full model as a `{}` file (the native format)",
)
def checkpoint_native_suffix():
    try:
        keras.callbacks.ModelCheckpoint("my_model")
    except ValueError as error:
        return re.search(r"must end in `([^`]+)` \(Keras model format\)", str(error))[1]
    raise AssertionError("ModelCheckpoint accepted a file name without an extension")


@fact(
    PAGE, ko="구식({}) HDF5 형식이라 경고가 나옵니다", en="it is the {} HDF5 format and Keras warns"
)
def h5_is_legacy():
    return printed(PAGE, r"This file format is considered (\w+)\.")[1]


@fact(
    PAGE,
    ko="`save_weights_only=True`이면 파일 이름이 `{}`로 끝나야",
    en="With `save_weights_only=True` the file name must end in `{}`",
)
def weights_suffix():
    try:
        keras.callbacks.ModelCheckpoint("my_weights.h5", save_weights_only=True)
    except ValueError as error:
        return re.search(r"must end in `([^`]+)`", str(error))[1]
    raise AssertionError("ModelCheckpoint accepted my_weights.h5 for weights")


@fact(PAGE, ko="노트의 값 {}은 마침 기본값과 같아", en="The note's {} happens to equal the default")
def reduce_lr_default_patience():
    return str(keras.callbacks.ReduceLROnPlateau().patience)


def _stops():
    """(best epoch, its val_loss, {patience: epoch it stops at}) from the scripted history."""
    best = printed(PAGE, r"best: epoch (\d+) \(([\d.]+)\)")
    stops = {}
    for patience in (1, 2, 3):
        stops[patience] = int(printed(PAGE, rf"patience={patience}: stops at epoch (\d+)")[1])
    return int(best[1]), best[2], stops


@fact(
    PAGE,
    ko="최고 기록은 에포크 {}({})이고, 에포크 {}부터 좋아지지 않습니다",
    en="The best value is at epoch {} ({}); from epoch {} on nothing improves",
)
def scripted_best_epoch():
    best, value, _ = _stops()
    return str(best), value, str(best + 1)


@fact(
    PAGE,
    ko="`patience=1`이면 {} 에포크, `patience=3`이면 {} 에포크입니다",
    en="{} epoch for `patience=1`, {} for `patience=3`",
)
def epochs_waited():
    best, _, stops = _stops()
    return str(stops[1] - best), str(stops[3] - best)


@fact(
    PAGE,
    ko="기본값(`restore_best_weights={}`)에서",
    en="At its default (`restore_best_weights={}`)",
)
def restore_best_weights_default():
    return str(keras.callbacks.EarlyStopping().restore_best_weights)


@fact(
    PAGE,
    ko="좋아지지 않은 에포크가 {0}번 쌓일 때마다 학습률이 {1}분의 1이 되는",
    en="the rate drops to 1/{1} after every {0} epochs without improvement",
)
def reduce_lr_schedule():
    rates = [
        float(r) for r in ast.literal_eval(printed(PAGE, r"\[(?:'\de-\d+', ){5}'\de-\d+'\]")[0])
    ]
    drops = [i for i in range(1, len(rates)) if rates[i] < rates[i - 1]]
    factors = {round(rates[i - 1] / rates[i]) for i in drops}
    (factor,) = factors
    return str(drops[1] - drops[0]), str(factor)


@fact(
    PAGE,
    ko="기본값 `epochs={}`로 한 에포크만",
    en="`fit` runs its default `epochs={}`, a single epoch",
)
def fit_default_epochs():
    default = inspect.signature(keras.Model.fit).parameters["epochs"].default
    assert printed(PAGE, r"epochs run: (\d+)  learning rates")[1] == str(default)
    return str(default)


@fact(
    PAGE, ko="`log_dir` 아래 `{}/`, `{}/` 폴더에", en="under `log_dir`, in `{}/` and `{}/` folders"
)
def tensorboard_folders():
    folders = printed(PAGE, r"(?m)^\['(\w+)', '(\w+)'\]$")
    return folders[1], folders[2]


def _call_order():
    return printed(PAGE, r"(?s)train_batch_begin 0\n.*")[0].strip().splitlines()


@fact(
    PAGE,
    ko="학습 배치 {}개가 끝난 뒤 검증 배치가 돌고",
    en="records the call order: {} training batches run, then the validation batch",
)
def training_batches():
    return str(sum(call.startswith("train_batch_end") for call in _call_order()))


@fact(
    PAGE,
    ko="아래 기록의 마지막 줄 `{}`이 에포크 끝의 호출입니다",
    en="The last line of the record below, `{}`, is the end-of-epoch call",
)
def last_call():
    return _call_order()[-1]


@fact(
    PAGE,
    ko="학습의 시작과 끝, 그리고 에포크가 끝날 때(`{}`)만 동작합니다",
    en="acts only at the start and end of training and when an epoch ends (`{}`)",
)
def early_stopping_methods():
    stopping, base = keras.callbacks.EarlyStopping, keras.callbacks.Callback
    overridden = {
        name
        for name in dir(stopping)
        if name.startswith("on_") and getattr(stopping, name) is not getattr(base, name)
    }
    assert {"on_train_begin", "on_train_end"} <= overridden, overridden
    (epoch_method,) = overridden - {"on_train_begin", "on_train_end"}
    return epoch_method


ORDINALS = {1: ("첫", "first"), 2: ("두 번째", "second"), 3: ("세 번째", "third")}


@fact(
    PAGE,
    ko="그래서 `patience=1`은 **좋아지지 않은 {0} 에포크**에서 멈춥니다",
    en="So `patience=1` stops at the **{1} epoch without improvement**",
)
def patience_one_stops_at():
    best, _, stops = _stops()
    return ORDINALS[stops[1] - best]


def _timeline():
    """The callback timeline figure's module, its call order checked against a real fit and
    against the page's own record."""
    import numpy as np

    from keras_kb.commands.figures import _module
    from keras_kb.pages import SNIPPETS

    figure = _module(SNIPPETS / "figures" / "callback_timeline.py")

    class Everything(keras.callbacks.Callback):
        calls: list

    hooks = [name for name in dir(keras.callbacks.Callback) if name.startswith("on_")]
    for hook in hooks:
        setattr(Everything, hook, lambda self, *_, _hook=hook, **__: self.calls.append(_hook))
    recorder = Everything()
    recorder.calls = []
    x = np.zeros((figure.SAMPLES, 3), "float32")
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, x[:, :1], batch_size=figure.BATCH_SIZE, epochs=figure.EPOCHS, verbose=0,
              validation_data=(x[: figure.VALIDATION], x[: figure.VALIDATION, :1]),
              callbacks=[recorder])
    assert recorder.calls == figure.calls(), recorder.calls
    recorded = {"on_" + call.rsplit(" ", 1)[0] for call in _call_order()}  # what the page logs
    one_epoch = [c for c in figure.calls(epochs=1) if c in recorded]
    assert one_epoch == ["on_" + call.rsplit(" ", 1)[0] for call in _call_order()], one_epoch
    return figure


@fact(
    PAGE,
    ko="같은 설정을 `epochs={}`로 늘렸을 때 `fit`이 부르는 메서드 {}개의 순서입니다",
    en="The figure shows the {1} methods `fit` calls with the same setup run for `epochs={0}`",
)
def timeline_calls():
    figure = _timeline()
    return str(figure.EPOCHS), str(len(figure.calls()))


@fact(
    PAGE,
    ko="이 메서드에서 동작하는 `{}`, `{}`, `{}`는",
    en="so `{}`, `{}` and `{}`, which act in that method",
)
def timeline_epoch_end_callbacks():
    names = ("EarlyStopping", "ModelCheckpoint", "ReduceLROnPlateau")
    base = keras.callbacks.Callback.on_epoch_end
    assert all(getattr(keras.callbacks, name).on_epoch_end is not base for name in names)
    return names
