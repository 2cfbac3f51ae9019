"""Facts the optimizers cheat sheet states in prose (docs/cheatsheets/optimizers.md)."""

import inspect
import re

import keras
import numpy as np
import tensorflow as tf

from keras_kb.facts import fact, printed, raised

PAGE = "cheatsheets/optimizers.md"
NAMES = ("SGD", "RMSprop", "Adam", "Adadelta", "Adagrad", "Adamax", "Nadam")


def _default_learning_rate(name):
    return float(getattr(keras.optimizers, name)().learning_rate)


def _race():
    """{optimizer: (steps, final loss)} from the page's run of 'Comparing at the defaults'."""
    run = printed(PAGE, r"SGD +\d+ steps, loss").string
    rows = re.findall(r"(\w+) +(\d+) steps, loss [\d.]+ -> ([\d.]+)", run)
    return {name: (int(steps), float(loss)) for name, steps, loss in rows}


@fact(
    PAGE,
    ko="`tf.keras.optimizers`이고, Keras {}에서는 `keras.optimizers`로 씁니다",
    en="a typo for `tf.keras.optimizers`; in Keras {} write `keras.optimizers`",
)
def keras_major_version():
    same = all(getattr(tf.keras.optimizers, n) is getattr(keras.optimizers, n) for n in NAMES)
    return keras.__version__.split(".")[0] if same else "not the same optimizers"


@fact(
    PAGE,
    ko="아래 표의 Keras {} 이름과 기본 학습률은",
    en="The Keras {} names and default learning rates in the table below",
)
def table_keras_version():
    return keras.__version__.split(".")[0]


@fact(PAGE, ko="Keras {}에서도 맞습니다", en="still holds in Keras {}")
def base_class_keras_version():
    return keras.__version__.split(".")[0]


@fact(
    PAGE,
    ko="Keras 3에서 {0}은 `{1}`뿐이고, 여기 나오는 나머지는 `Adagrad`를 포함해 모두 {2}입니다",
    en="In Keras 3 only `{1}` defaults to {0}; all the others here, `Adagrad` included, "
    "default to {2}",
)
def default_learning_rates():
    rates = {name: f"{_default_learning_rate(name):g}" for name in NAMES}
    odd = [name for name in NAMES if list(rates.values()).count(rates[name]) == 1]
    rest = {rates[name] for name in NAMES if name not in odd}
    if len(odd) != 1 or len(rest) != 1 or rates["Adagrad"] not in rest:
        return "no single odd one", ", ".join(odd), ", ".join(sorted(rest))
    return rates[odd[0]], odd[0], rest.pop()


@fact(
    PAGE,
    ko="(`momentum` 인자는 선택 사항이고 기본값은 {})",
    en="(its `momentum` argument is optional and defaults to {})",
)
def rmsprop_momentum_default():
    return f"{keras.optimizers.RMSprop().momentum:g}"


@fact(
    PAGE,
    ko="크기가 {}배 다른 기울기 두 개로 한 걸음을 밟아, 둘 다 거의 같은 걸음 크기(약 {})로",
    en="two gradients {} times apart in size: both move by almost the same step (about {})",
)
def rmsprop_equal_steps():
    run = printed(PAGE, r"gradients \[([^\]]+)\] -> RMSprop: \[([^\]]+)\]")
    gradients = np.array(run[1].split(), dtype=float)
    steps = np.abs(np.array(run[2].split(), dtype=float))
    step = f"{steps.mean():.4f}" if np.allclose(steps, steps[0], rtol=0.01) else "different"
    return f"{gradients.max() / gradients.min():g}", step


@fact(
    PAGE,
    ko="`keras.optimizers.Optimizer`는 `{}`가 필수이고",
    en="`keras.optimizers.Optimizer` requires a `{}`",
)
def base_class_requires():
    try:
        keras.optimizers.Optimizer()
    except TypeError as error:
        return ", ".join(re.findall(r"'(\w+)'", str(error)))
    return "nothing"


@fact(
    PAGE,
    ko="각 옵티마이저의 기본 학습률로 {}걸음 학습합니다",
    en="{} steps with each optimizer's default learning rate",
)
def race_steps():
    steps = {steps for steps, _ in _race().values()}
    return str(steps.pop()) if len(steps) == 1 else "different"


@fact(
    PAGE,
    ko="학습률이 {0}배 큰 `{1}`가 가장 빠르고, 기본 학습률이 {2}인 `{3}`는 거의 움직이지 않습니다",
    en="`{1}`, whose learning rate is {0} times larger, is fastest, and `{3}` at its default "
    "of {2} hardly moves",
)
def race_fastest_and_slowest():
    final = {name: loss for name, (_, loss) in _race().items()}
    fastest, slowest = min(final, key=final.get), max(final, key=final.get)
    others = [_default_learning_rate(n) for n in final if n != fastest]
    ratio = _default_learning_rate(fastest) / np.median(others)
    return f"{ratio:g}", fastest, f"{_default_learning_rate(slowest):g}", slowest


@fact(
    PAGE,
    ko="원 논문의 Adadelta는 학습률 {}을 씁니다",
    en="the original Adadelta paper uses a learning rate of {}",
)
def adadelta_paper_learning_rate():
    return re.search(r"original paper,\s+use (\d+(?:\.\d+)?)", keras.optimizers.Adadelta.__doc__)[1]


@fact(
    PAGE,
    ko="(표에 없는 `{}`만 {})",
    en="(only `{}`, not in the table, has {})",
)
def the_one_optimizer_off_the_common_default():
    rates = {}  # every optimizer class whose learning_rate has a float default
    for name in dir(keras.optimizers):
        cls = getattr(keras.optimizers, name)
        if inspect.isclass(cls) and issubclass(cls, keras.optimizers.Optimizer):
            default = inspect.signature(cls).parameters.get("learning_rate")
            if default is not None and isinstance(default.default, float):
                rates[name] = default.default
    (name,) = [n for n, rate in rates.items() if n != "SGD" and f"{rate:g}" != "0.001"]
    return name, f"{rates[name]:g}"


def _optimizer_classes():
    """Every optimizer class of keras.optimizers but the base class and the wrappers."""
    wrappers = ("Optimizer", "LossScaleOptimizer", "MultiOptimizer")
    return {
        name: cls
        for name in dir(keras.optimizers)
        if inspect.isclass(cls := getattr(keras.optimizers, name))
        and issubclass(cls, keras.optimizers.Optimizer)
        and name not in wrappers
    }


def _every_optimizer_takes(*arguments):
    """Keras's major version if every optimizer class takes all the arguments, else who not."""
    missing = [
        name
        for name, cls in _optimizer_classes().items()
        if not set(arguments) <= set(inspect.signature(cls).parameters)
    ]
    return keras.__version__.split(".")[0] if not missing else "not " + ", ".join(missing)


@fact(
    PAGE,
    ko="기본 `weight_decay`는 {}입니다",
    en="Its default `weight_decay` is {}",
)
def adamw_default_weight_decay():
    return f"{keras.optimizers.AdamW().weight_decay:g}"


def _decay_moved(pattern):
    return [float(v) for v in printed(PAGE, pattern + r": +\[([^\]]+)\]")[1].split()]


@fact(
    PAGE,
    ko="감쇠 항만으로 Adam의 한 걸음 전체(학습률 {})를 움직이고",
    en="moves by a full Adam step (the learning rate, {}) from the decay term alone",
)
def l2_in_the_loss_moves_a_full_step():
    return f"{_decay_moved('decay from L2 in loss')[0]:g}"


@fact(
    PAGE,
    ko="감쇠가 기울기에 묻혀 {}입니다. AdamW는 두 가중치를 똑같이 "
    "$\\eta \\lambda w$ = {}씩 줄입니다",
    en="the decay drowns in the gradient and is {}. AdamW shrinks both weights alike, by "
    "$\\eta \\lambda w$ = {}",
)
def adamw_shrinks_alike():
    adamw = _decay_moved("decay from AdamW")
    alike = f"{adamw[0]:g}" if len(set(adamw)) == 1 else "different"
    return f"{_decay_moved('decay from L2 in loss')[1]:g}", alike


@fact(
    PAGE,
    ko="Keras {}에서는 모든 옵티마이저가 `weight_decay` 인자를 받습니다",
    en="In Keras {} every optimizer takes a `weight_decay` argument",
)
def every_optimizer_takes_weight_decay():
    return _every_optimizer_takes("weight_decay")


@fact(
    PAGE,
    ko="기본값은 표의 옵티마이저 가운데 `{}`만 {}이고 나머지는 `{}`(감쇠 없음)입니다",
    en="Among the table's optimizers only `{}` defaults to {}; the others default to `{}`",
)
def weight_decay_defaults_of_the_table():
    decays = {name: getattr(keras.optimizers, name)().weight_decay for name in (*NAMES, "AdamW")}
    on = [name for name, decay in decays.items() if decay is not None]
    rest = {str(decay) for name, decay in decays.items() if name not in on}
    if len(on) != 1 or len(rest) != 1:
        return ", ".join(on), "several", ", ".join(sorted(rest))
    return on[0], f"{decays[on[0]]:g}", rest.pop()


@fact(
    PAGE,
    ko="`AdamW`는 `weight_decay`를 켠 `{}`의 하위 클래스여서",
    en="`AdamW` is the subclass of `{}` with `weight_decay` switched on",
)
def adamw_subclasses_adam():
    return keras.optimizers.AdamW.__mro__[1].__name__


def _schedule_rates():
    """{schedule: {step: rate}} from the page's printed table of 'Learning-rate schedules'."""
    steps = [int(t) for t in printed(PAGE, r"(?m)^step((?: +\d+)+)$")[1].split()]
    table = {}
    for name in ("exponential", "cosine", "piecewise"):
        rates = printed(PAGE, rf"{name}((?: +[\d.]+)+) +formula: (\w+)")
        if rates[2] != "True":
            table[name] = "does not match its formula"
            continue
        table[name] = dict(zip(steps, (float(r) for r in rates[1].split()), strict=True))
    return table


@fact(
    PAGE,
    ko="`ExponentialDecay`는 {}걸음마다 절반이 되고, `CosineDecay`는 {}걸음 동안 {}에서 {}까지 "
    "오른 뒤 {}걸음에 걸쳐 {}까지 내려갑니다",
    en="`ExponentialDecay` halves every {0} steps, and `CosineDecay` rises from {2} to {3} in {1} "
    "steps and comes down to {5} over {4} steps",
)
def schedule_shapes():
    table = _schedule_rates()
    exponential, cosine = table["exponential"], table["cosine"]
    (half,) = [t for t in exponential if np.isclose(exponential[t], exponential[0] / 2)]
    peak = max(cosine, key=cosine.get)  # the end of the warmup
    end = min(t for t in cosine if t > peak and cosine[t] == 0)  # the end of the decay
    return (
        str(half),
        str(peak),
        f"{cosine[0]:g}",
        f"{cosine[peak]:g}",
        str(end - peak),
        f"{cosine[end]:g}",
    )


@fact(
    PAGE,
    ko="경계 걸음까지는 앞 구간의 값을 씁니다({0}걸음째는 {1}, {2}걸음째부터 {3})",
    en="keeps the previous interval's value up to and including the boundary step ({1} at step "
    "{0}, {3} from step {2})",
)
def piecewise_boundary_belongs_to_the_interval_before():
    piecewise = _schedule_rates()["piecewise"]
    boundary = min(t for t in piecewise if piecewise.get(t + 1, piecewise[t]) < piecewise[t])
    after = piecewise[boundary + 1]
    return str(boundary), f"{piecewise[boundary]:g}", str(boundary + 1), f"{after:g}"


@fact(
    PAGE,
    ko="2 에포크 학습하면 {}걸음이고, 학습률은 스케줄의 {}걸음째 값과 같습니다",
    en="for 2 epochs make {} steps, and the learning rate equals the schedule's value at step {}",
)
def schedule_read_at_the_step_count():
    run = printed(PAGE, r"after (\d+) steps: learning_rate ([\d.]+), schedule\((\d+)\) = ([\d.]+)")
    return run[1], run[3] if run[2] == run[4] else "a different step"


@fact(
    PAGE,
    ko="스케줄로 만든 옵티마이저는 그 대입을 `{}`로 거부하므로",
    en="an optimizer built on a schedule refuses that assignment with a `{}`",
)
def schedule_refuses_reduce_lr_on_plateau():
    return raised(PAGE, r"(\w+): This optimizer was created with a `LearningRateSchedule`")[1]


@fact(
    PAGE,
    ko="Keras {}의 옵티마이저는 모두 다음 세 인자를 받습니다",
    en="Every optimizer of Keras {} takes these three arguments",
)
def every_optimizer_clips():
    return _every_optimizer_takes("clipvalue", "clipnorm", "global_clipnorm")


@fact(
    PAGE,
    ko="노름 12인 [12]이고, 전체 노름은 {}입니다",
    en="of norm 12; the global norm is {}",
)
def clipping_global_norm():
    norm = float(printed(PAGE, r"global norm: ([\d.]+)")[1])
    return f"{norm:g}"


@fact(
    PAGE,
    ko="`clipnorm`은 `a`를 [{}], `b`를 [{}]로 줄여",
    en="`clipnorm` shrinks `a` to [{}] and `b` to [{}]",
)
def clipnorm_per_variable():
    run = printed(PAGE, r"clipnorm=1.0 +a moves \[([^\]]+)\], b moves \[([^\]]+)\]")
    return ", ".join(f"{float(v):g}" for v in run[1].split()), f"{float(run[2]):g}"


@fact(
    PAGE,
    ko="`global_clipnorm`은 모든 기울기를 {}으로 나눠",
    en="`global_clipnorm` divides all the gradients by {}",
)
def global_clipnorm_divides_by_the_global_norm():
    none = printed(PAGE, r"none +a moves \[([^\]]+)\], b moves \[([^\]]+)\]")
    clipped = printed(PAGE, r"global_clipnorm=1.0 +a moves \[([^\]]+)\], b moves \[([^\]]+)\]")
    ratios = [
        float(n) / float(c)
        for group in (1, 2)
        for n, c in zip(none[group].split(), clipped[group].split(), strict=True)
    ]
    return f"{np.mean(ratios):.0f}" if np.allclose(ratios, ratios[0], rtol=1e-3) else "different"


@fact(
    PAGE,
    ko="세 인자는 하나만 줄 수 있고, 둘 이상 주면 `{}`가 납니다",
    en="Only one of the three can be given; passing two or more raises a `{}`",
)
def only_one_clipping_argument():
    try:
        keras.optimizers.SGD(clipnorm=1.0, global_clipnorm=1.0)
    except ValueError as error:
        return type(error).__name__ if "Only one of" in str(error) else "another ValueError"
    return "nothing"
