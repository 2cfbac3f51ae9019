"""Every row of every cheat-sheet table holds in the installed Keras, cell by cell, both languages.

One evaluator per table rebuilds a row from its cells and returns what the library contradicts
(an empty list when the row holds):

- activations: the formula, parsed from its LaTeX, against `keras.activations` or the layer on a
  grid, derivative included; the output range (bounds, open or closed, reached or not; "sums to
  1"; "$[\\approx -0.17$": the lowest value, rounded as written and reached at a finite point);
  the defaults the Keras cell names (`negative_slope=0.2`) or the arguments it passes
  (`gelu(approximate=True)`); a parameter "learned" or "constant"; "none (build it)" means Keras
  has no such name.
- last layer and loss: labels of the stated format (and shape) and outputs of the stated last
  layer, through a compiled model's own `compute_loss`: the layer has as many units as the
  labels need and its activation can output them; the loss is 0 at a perfect prediction, larger
  at a wrong one, and on any output equals the labels' negative log-likelihood (Bernoulli for
  0/1 and k-hot, categorical for one-hot and integers, squared error for real numbers); each
  metric exists, scores a perfect prediction perfectly and a wrong one differently, and
  `accuracy` (→ `x`) resolves, through `compile`, to `x` for these labels and outputs.
- metrics: each metric, by the scikit-learn function and by the Keras object of its row, equals
  the metric's definition (written here from first principles) on a small example (real targets
  and predictions for MAE, RMSE and R²); "(approximate)" allows 0.01; a multi-label row is also
  evaluated on k-hot labels.
- optimizers: the code builds the named variant; its default learning rate; the `compile`
  string builds the same optimizer ("none": no string does); `name=value` defaults named in the
  summary.
- layer shapes: the output shape; every code span and formula of the rule (`valid`, `units`,
  `merge_mode="concat"`, $\\lfloor (n - k) / s \\rfloor + 1$ per spatial axis); parameter counts
  and their arithmetic.

Each evaluator is also fed deliberately wrong rows and must reject each one for the right
reason. The language-neutral content of every cell (code spans, formulas, numbers) must be the
same in both languages, row by row. Free prose (a task's or problem's name, what an activation
is mostly used for, an optimizer's one-line summary beyond its `name=value` spans) is not
evaluated.
"""

import ast
import inspect
import math
import re
import warnings

import keras
import numpy as np
import pytest
from sklearn import metrics as sk_metrics

from keras_kb import pages
from tests.support.library import derivative
from tests.support.site import markdown_tables

CHEATSHEETS = sorted(pages.DOCS.glob("cheatsheets/*.md"))
CODE = re.compile(r"`([^`]+)`")
MATH = re.compile(r"\$([^$]+)\$")
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:\.\d+)?(?![A-Za-z0-9_])")


def _pair(name):
    page = pages.Page(pages.DOCS / f"cheatsheets/{name}.md")
    return [page, page.twin]


def _spans(cell):
    return CODE.findall(cell)


def _rows(page, index, at_least):
    rows = markdown_tables(page)[index]
    assert len(rows) >= at_least, f"{page}: table {index + 1} lost rows"
    return rows


def _evaluate(evaluate, row):
    """The evaluator's objections; a row that makes Keras raise is rejected with the error."""
    try:
        return evaluate(row)
    except Exception as error:  # noqa: BLE001 - a broken row may break anything
        return [f"{type(error).__name__}: {str(error)[:200]}"]


def _assert_rows_hold(evaluate, rows, page):
    failures = [f"{row[0]} | {reason}" for row in rows for reason in _evaluate(evaluate, row)]
    assert not failures, f"{page}:\n" + "\n".join(failures)


def _assert_rejects(evaluate, row, reason):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Keras warns about some of the wrong rows
        objections = _evaluate(evaluate, row)
    assert any(reason in objection for objection in objections), objections


def _literal_default(holder, name):
    """The default of argument `name`: a function's signature, or a layer's attribute."""
    if inspect.isfunction(holder):
        return inspect.signature(holder).parameters[name].default
    return getattr(holder, name)


def _same(actual, expected):
    """Equal, numbers up to rounding (a float32 0.9 is 0.9); True is not 1."""
    if isinstance(actual, bool) or isinstance(expected, bool):
        return actual is expected
    numbers = (int, float, np.floating)
    if isinstance(actual, numbers) and isinstance(expected, numbers):
        return bool(np.isclose(actual, expected))
    return actual == expected


def _check_defaults(spans, holder, label):
    """`name=value` spans state a default of holder (a function, layer or optimizer)."""
    reasons = []
    for span in spans:
        name, value = span.split("=", 1)
        actual = _literal_default(holder, name.strip())
        if not _same(actual, ast.literal_eval(value.strip())):
            reasons.append(f"{label}: `{span}` but the default is {actual!r}")
    return reasons


# Activation functions -------------------------------------------------------------------------

GRID = np.linspace(-6, 6, 300).reshape(100, 3)  # no point exactly at a kink (0)
_T = np.linspace(-30, 30, 61)
WIDE = np.stack([_T, -_T, 0 * _T], axis=1)  # one large logit: to approach finite bounds
HUGE = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 0.0]])  # to leave any finite bound
PRELU_ALPHA = 0.25  # a learned slope: any value will do
FINE = np.linspace(-10, 10, 200001)  # 0.0001 apart: where a smooth function has its minimum


def _maxout(units=4, pieces=3, features=8):
    """The page's maxout: Dense(units * pieces) -> Reshape -> max, and its W_k, b_k."""
    rng = np.random.default_rng(0)
    dense = keras.layers.Dense(units * pieces)
    model = keras.Sequential(
        [
            keras.Input(shape=(features,)),
            dense,
            keras.layers.Reshape((units, pieces)),
            keras.layers.Lambda(lambda t: keras.ops.max(t, axis=-1)),
        ]
    )
    dense.set_weights(
        [rng.normal(size=(features, units * pieces)), rng.normal(size=units * pieces)]
    )
    W = dense.kernel.numpy().reshape(features, units, pieces).transpose(2, 0, 1)  # (k, d, u)
    b = dense.bias.numpy().reshape(units, pieces).T[:, None, :]  # (k, 1, u)
    x = rng.normal(size=(300, features))
    return {
        "call": lambda inputs: np.asarray(model(inputs), dtype="float64"),
        "names": {"W": W, "b": b},
        "inputs": {"grid": x, "wide": 30 * x, "huge": 1e4 * x},
        "alpha": None,
        "trainable": True,
    }


BUILT = {"maxout": _maxout}  # activations Keras lacks, built as the page builds them


def _function(span):
    """`gelu` or `gelu(approximate=True)`: the activation and the arguments the span passes."""
    call = ast.parse(span, mode="eval").body
    if not isinstance(call, ast.Call):
        return keras.activations.get(span), {}
    if call.args:
        raise ValueError(f"`{span}`: pass arguments by name")
    return keras.activations.get(call.func.id), {
        k.arg: ast.literal_eval(k.value) for k in call.keywords
    }


def _implementations(name, cell):
    """What the Keras cell names, each with its default slope; `name=value` spans checked."""
    found, reasons = [], []
    inputs = {"grid": GRID, "wide": WIDE, "huge": HUGE}
    for span in _spans(cell):
        if "=" in span and "(" not in span:  # `negative_slope=0.2`: a default
            holder = found[-1]["holder"]
            reasons += _check_defaults([span], holder, found[-1]["label"])
        elif span[0].islower():
            function, arguments = _function(span)
            parameters = inspect.signature(function).parameters
            slope = next((n for n in ("negative_slope", "alpha") if n in parameters), None)

            def called(z, f=function, arguments=arguments):
                return f(z, **arguments)

            found.append(
                {
                    "label": f"`{span}`",
                    "holder": function,
                    "call": lambda z, f=called: np.asarray(f(z), dtype="float64"),
                    "grad": called,
                    "inputs": inputs,
                    "alpha": arguments.get(slope, parameters[slope].default) if slope else None,
                    "trainable": False,
                }
            )
        else:
            cls = getattr(keras.layers, span)
            signature = inspect.signature(cls)
            if "activation" in signature.parameters:  # "the `Dense` default"
                required = {
                    p: 1
                    for p, v in signature.parameters.items()
                    if v.default is inspect.Parameter.empty and v.kind != v.VAR_KEYWORD
                }
                default = cls(**required).activation
                if not found or default is not found[-1]["holder"]:
                    reasons.append(f"`{span}`'s default activation is {default.__name__}")
                continue
            layer = cls()
            layer.build(GRID.shape)
            alpha = getattr(layer, "negative_slope", None)
            if layer.trainable_weights:  # PReLU: alpha is a weight
                layer.set_weights([np.full(w.shape, PRELU_ALPHA) for w in layer.get_weights()])
                alpha = PRELU_ALPHA
            found.append(
                {
                    "label": f"`{span}` layer",
                    "holder": layer,
                    "call": lambda z, f=layer: np.asarray(f(z), dtype="float64"),
                    "grad": layer,
                    "inputs": inputs,
                    "alpha": alpha,
                    "trainable": bool(layer.trainable_weights),
                }
            )
    if not _spans(cell):  # "none (build it)": Keras must not have it
        key = re.sub(r"[^a-z]", "", name.lower())
        if hasattr(keras.layers, key.capitalize()):
            reasons.append(f"Keras has a `{key.capitalize()}` layer")
        try:
            keras.activations.get(key)
            reasons.append(f"Keras has an activation `{key}`")
        except ValueError:
            pass
        if key not in BUILT:
            reasons.append(f"no way to build {name} to evaluate it")
        else:
            found.append({"label": f"{name} (built)", **BUILT[key]()})
    elif re.sub(r"[^a-z]", "", _spans(cell)[0].split("(")[0].lower()) != re.sub(
        r"[^a-z]",
        "",
        re.sub(r"\(.*?\)", "", name).lower(),  # "GELU (tanh approximation)": GELU
    ):
        reasons.append(f"the Keras cell names `{_spans(cell)[0]}`, not {name}")
    return found, reasons


def _python(tex):
    """The table's LaTeX formula as a NumPy expression."""
    text = tex.replace(r"\left", "").replace(r"\right", "")
    text = text.replace(r"\mathbf{x} W_k", "x @ W")
    text = re.sub(r"\\sum_j\s*e\^\{z_j\}", "total(exp(z))", text)
    text = re.sub(r"\\max_k\s*", "maxk", text)
    text = re.sub(r"e\^\{([^{}]*)\}", r"exp(\1)", text)
    text = re.sub(r"e\^(\w)", r"exp(\1)", text)
    text = re.sub(r"\^\{?(\d+)\}?", r"**\1", text)  # z^3
    text = re.sub(r"\\sqrt\{([^{}]*)\}", r"sqrt(\1)", text)
    text = re.sub(r"\b([A-Za-z])_[a-z]\b", r"\1", text)  # z_i, b_k: the whole tensor
    for tex_name, name in (
        (r"\max", "maximum"),
        (r"\alpha", "alpha"),
        (r"\le", "<="),
        (r"\operatorname{erf}", "erf"),
        (r"\tanh", "tanh"),
        (r"\sigma", "sigma"),
        (r"\pi", "pi"),
    ):
        text = text.replace(tex_name, name)
    return re.sub(r"(alpha|\d|\)|\b[xz])\s*(?=[a-z(])", r"\1*", text)  # implicit multiplication


def _formula(cell):
    """The formula cell as pieces (expression, condition or None) and what follows it."""
    pieces, rest = [], ""
    for match in MATH.finditer(cell):
        tex = match.group(1)
        if cell[: match.start()].endswith("(") and cell[match.end() :].startswith(")"):
            pieces[-1] = (pieces[-1][0], _python(tex))
        elif tex.strip() == r"\alpha" and pieces:
            rest = cell[match.end() :]
            break
        else:
            pieces.append((_python(tex), None))
    return pieces, rest


def _apply(pieces, inputs, alpha, names):
    scope = {
        "__builtins__": {},
        "exp": np.exp,
        "maximum": np.maximum,
        "alpha": alpha,
        "total": lambda v: v.sum(axis=-1, keepdims=True),
        "maxk": lambda t: t.max(axis=0),
        "erf": np.vectorize(math.erf, otypes=[float]),
        "tanh": np.tanh,
        "sqrt": np.sqrt,
        "pi": np.pi,
        "sigma": lambda v: 1 / (1 + np.exp(-v)),  # the sigmoid row's formula
        "z": inputs,
        "x": inputs,
        **names,
    }
    with np.errstate(over="ignore"):
        values = [eval(expr, scope) for expr, _ in pieces]  # noqa: S307 - our own table
        if len(pieces) == 1 and pieces[0][1] is None:
            return values[0]
        conditions = [eval(condition, scope) for _, condition in pieces]  # noqa: S307
        return np.select(conditions, values, default=np.nan)


def _range(cell):
    """'$(0, 1)$, sums to 1' -> bounds, closedness and the stated row sum (or None)."""
    tex = MATH.findall(cell)[0]
    match = re.fullmatch(r"\s*([(\[])\s*(.+?)\s*,\s*(.+?)\s*([)\]])\s*", tex)
    total = NUMBER.findall(MATH.sub(" ", cell))
    return (
        match.group(2),
        match.group(3),
        match.group(1) == "[",
        match.group(4) == "]",
        (float(total[0]) if total else None),
    )


def _bound(text, alpha):
    value = text.replace(r"\infty", "inf").replace(r"\alpha", repr(alpha))
    return float(eval(value, {"__builtins__": {}, "inf": math.inf}))  # noqa: S307


def _check_range(cell, impl):
    reasons, label = [], impl["label"]
    low_text, high_text, low_closed, high_closed, total = _range(cell)
    inputs, call = impl["inputs"], impl["call"]
    values, wide, huge = (call(inputs[key]) for key in ("grid", "wide", "huge"))
    for text, closed, sign in ((low_text, low_closed, 1), (high_text, high_closed, -1)):
        if r"\approx" in text:
            reasons += _check_extreme(text, closed, sign, impl)
            continue
        bound = _bound(text, impl["alpha"])
        if math.isinf(bound):
            if not (sign * huge).min() < -1e3:
                reasons.append(f"{label} stays bounded on the side of {text}")
            continue
        gap = sign * (values - bound)
        if (gap < 0).any() or (not closed and (gap == 0).any()):
            reasons.append(
                f"{label} outputs {values.min():.3g}..{values.max():.3g}: outside {cell}"
            )
        extreme = (sign * np.concatenate([values.ravel(), wide.ravel()])).min() * sign
        if closed and not np.isclose(values.ravel()[np.argmin(gap)], bound, atol=1e-12):
            reasons.append(f"{label} never reaches the closed bound {text}")
        if not abs(extreme - bound) < 1e-6:
            reasons.append(f"{label} never comes near the bound {text} (reaches {extreme:.3g})")
    if total is not None and not np.allclose(values.sum(axis=-1), total):
        reasons.append(f"{label}: rows do not sum to {total:g}")
    return reasons


def _check_extreme(text, closed, sign, impl):
    """'[\\approx -0.17': the lowest value (the highest on the upper side), reached at a finite
    point and written rounded to as many decimals as it shows; '(\\approx': only approached."""
    label, stated = impl["label"], text.replace(r"\approx", "").strip()
    values = impl["call"](FINE)
    at = int(np.argmin(sign * values))
    extreme, side = values[at], "lowest" if sign > 0 else "highest"
    reasons = []
    if round(float(extreme), len(stated.partition(".")[2])) != float(stated):
        reasons.append(f"{label}: its {side} value is {extreme:.4g}, not {stated}")
    far = np.concatenate([impl["call"](impl["inputs"][key]).ravel() for key in ("wide", "huge")])
    if (sign * (far - extreme) < -1e-9).any():
        reasons.append(f"{label} goes past {extreme:.4g} outside [-10, 10]")
    reached = 0 < at < len(FINE) - 1  # inside the search, not at its edge
    if closed and not reached:
        reasons.append(f"{label} never reaches the closed bound {text}, it only approaches it")
    if not closed and reached:
        reasons.append(f"{label} reaches {extreme:.4g} at z = {FINE[at]:.3g}: the bound is closed")
    return reasons


def _check_derivative(pieces, impl, names):
    """Keras's gradient equals the formula's derivative (elementwise functions only)."""
    z = impl["inputs"]["grid"]
    from_keras = derivative(impl["grad"], z, dtype=z.dtype)
    h = 1e-6
    by_formula = (
        _apply(pieces, z + h, impl["alpha"], names) - _apply(pieces, z - h, impl["alpha"], names)
    ) / (2 * h)
    if not np.allclose(from_keras, by_formula, atol=1e-4):
        return [
            f"{impl['label']}: derivative max {from_keras.max():.3g}, "
            f"formula's {by_formula.max():.3g}"
        ]
    return []


def check_activation(row):
    name, formula, output_range, keras_cell, _mostly_used = row
    implementations, reasons = _implementations(name, keras_cell)
    pieces, parameter = _formula(formula)
    for impl in implementations:
        names = impl.get("names", {})
        z = impl["inputs"]["grid"]
        expected = _apply(pieces, z, impl["alpha"], names)
        if not np.allclose(impl["call"](z), expected, rtol=1e-5, atol=1e-6):
            reasons.append(
                f"{impl['label']} differs from {formula} by "
                f"{np.nanmax(np.abs(impl['call'](z) - expected)):.3g}"
            )
        reasons += _check_range(output_range, impl)
        if "grad" in impl and "total" not in str(pieces):
            reasons += _check_derivative(pieces, impl, names)
        if parameter:
            learned = any(word in parameter for word in ("learned", "학습"))
            constant = any(word in parameter for word in ("constant", "상수"))
            if learned != impl["trainable"] or constant == impl["trainable"]:
                reasons.append(
                    f"{impl['label']}: alpha is {'' if impl['trainable'] else 'not '}"
                    f"a trainable weight, the cell says {parameter.strip()!r}"
                )
            if constant and not 0 < impl["alpha"] < 1:
                reasons.append(f"{impl['label']}: alpha {impl['alpha']} is not a small constant")
    return reasons


# Last-layer activation and loss ---------------------------------------------------------------

N, K = 6, 3
CLASSES = np.array([0, 1, 2, 0, 2, 1])
KHOT = np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1], [1, 1, 1], [0, 0, 0]], "float32")
BITS = np.array([0, 1, 1, 0, 1, 0], "float32")
REALS = np.array([-2.5, -1.0, 0.5, 1.5, 3.0, -0.5], "float32")


def _bernoulli(y, p):
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


LABEL_FORMATS = [  # words of the label cell -> labels, the output that predicts them exactly,
    # and their negative log-likelihood under outputs p (squared error for a Gaussian)
    (
        ("one-hot", "원-핫"),
        lambda: (np.eye(K, dtype="float32")[CLASSES],) * 2,
        lambda y, p: -np.mean(np.sum(y * np.log(p), axis=-1)),
    ),
    (("k-hot", "k-핫"), lambda: (KHOT, KHOT), _bernoulli),
    (
        ("integers", "정수"),
        lambda: (CLASSES, np.eye(K, dtype="float32")[CLASSES]),
        lambda y, p: -np.mean(np.log(p[np.arange(len(y)), y])),
    ),
    (("0 or 1", "0 또는 1"), lambda: (BITS, BITS[:, None]), lambda y, p: _bernoulli(y[:, None], p)),
    (
        ("real number", "실수"),
        lambda: (REALS, REALS[:, None]),
        lambda y, p: np.mean((y[:, None] - p) ** 2),
    ),
]


def _output_of(activation, target):
    """Logits for which the activation outputs the target, or None if it cannot."""
    function = keras.activations.get(activation)
    for logits in (target, 30.0 * (2 * target - 1)):
        output = np.asarray(function(logits.astype("float64")))
        if np.abs(output - target).max() < 1e-6:
            return output.astype("float32")
    return None


def _compiled(activation, units, loss, metrics=()):
    model = keras.Sequential([keras.Input(shape=(units,)), keras.layers.Activation(activation)])
    model.compile(loss=loss, metrics=list(metrics))
    return model


def _check_metrics(cell, activation, units, loss, labels, right, wrong):
    reasons = []
    for name, resolved in re.findall(r"`(\w+)`(?:\s*\(→\s*`(\w+)`\))?", cell):
        model = _compiled(activation, units, loss, [name])
        model.compute_metrics(None, labels, right)
        (metric,) = model.metrics[-1].metrics
        if name in ("accuracy", "acc"):
            if not resolved:
                reasons.append(f"`{name}` without what it resolves to")
            elif type(metric) is not type(keras.metrics.get(resolved)):
                reasons.append(
                    f"`{name}` resolves to {type(metric).__name__} here, not `{resolved}`"
                )
        scores = []
        for output in (right, wrong):
            fresh = type(metric).from_config(metric.get_config())
            fresh.update_state(labels, output)
            scores.append(float(fresh.result()))
        if not (np.isclose(scores[0], 0) or np.isclose(scores[0], 1)) or np.isclose(*scores):
            reasons.append(
                f"`{name}` scores a perfect prediction {scores[0]:.3g} "
                f"and a wrong one {scores[1]:.3g}"
            )
    return reasons


def check_last_layer(row):
    _task, layer_cell, loss_cell, label_cell, metric_cell = row
    reasons = []
    layer_code, activation = _spans(layer_cell)[:2]
    layer = eval(layer_code, {"__builtins__": {}, "Dense": keras.layers.Dense, "K": K})  # noqa: S307
    if any(word in layer_cell for word in ("default", "기본값")):
        if keras.layers.Dense(1).activation is not keras.activations.get(activation):
            reasons.append(f"`{activation}` is not `Dense`'s default")
    formats = [f for words, *f in LABEL_FORMATS if any(w in label_cell for w in words)]
    if len(formats) != 1:
        return [*reasons, f"cannot tell the label format of {label_cell!r}"]
    ((make, likelihood),) = formats
    labels, target = make()
    for span in _spans(label_cell):
        if labels.shape != eval(span, {"__builtins__": {}, "n": N, "K": K}):  # noqa: S307
            reasons.append(f"labels of {label_cell!r} have shape {labels.shape}, not {span}")
    if layer.units != target.shape[-1]:
        return [
            *reasons,
            f"`{layer_code}` outputs {layer.units} values, the labels need {target.shape[-1]}",
        ]
    right = _output_of(activation, target)
    wrong = _output_of(activation, np.roll(target, 1, axis=0))
    if right is None:
        return [*reasons, f"`{activation}` cannot output labels of {label_cell!r}"]
    (loss,) = _spans(loss_cell)
    model = _compiled(activation, layer.units, loss)
    at_right = float(model.compute_loss(y=labels, y_pred=right))
    at_wrong = float(model.compute_loss(y=labels, y_pred=wrong))
    if not abs(at_right) < 1e-3:
        reasons.append(f"`{loss}` is {at_right:.3g} at a perfect prediction, not 0")
    if not at_wrong > at_right + 0.1:
        reasons.append(
            f"`{loss}` does not tell a wrong prediction ({at_wrong:.3g}) "
            f"from a right one ({at_right:.3g})"
        )
    # On any output of the layer, the loss is the labels' negative log-likelihood: what makes
    # the pair right (a sigmoid under categorical_crossentropy, mse on 0/1 labels: not)
    logits = 2 * np.random.default_rng(0).normal(size=target.shape)
    outputs = np.asarray(keras.activations.get(activation)(logits)).astype("float32")
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = likelihood(labels, outputs.astype("float64"))
    value = float(model.compute_loss(y=labels, y_pred=outputs))
    if not np.isclose(value, expected, rtol=1e-4):
        reasons.append(
            f"`{loss}` on `{activation}` outputs is {value:.4g}, the negative log-likelihood "
            f"of {label_cell!r} labels {expected:.4g}"
        )
    return reasons + _check_metrics(
        metric_cell, activation, layer.units, loss, labels, right, wrong
    )


# Metrics --------------------------------------------------------------------------------------

Y_TRUE = np.array([0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0])
Y_SCORE = np.array([0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.7, 0.3, 0.05, 0.6, 0.45])  # a tie
Y_MULTI = KHOT.astype(int)
S_MULTI = np.array(
    [
        [0.9, 0.2, 0.6],
        [0.3, 0.8, 0.1],
        [0.6, 0.4, 0.3],
        [0.2, 0.5, 0.7],
        [0.55, 0.35, 0.4],
        [0.1, 0.45, 0.25],
    ]
)


def _roc_auc(y, s):
    """The probability that a positive scores above a negative (a tie counts half)."""
    positive, negative = s[y == 1][:, None], s[y == 0][None, :]
    return np.mean((positive > negative) + 0.5 * (positive == negative))


def _precision(y, s):
    predicted = s > 0.5
    return (predicted & (y == 1)).sum() / predicted.sum()  # TP / (TP + FP)


def _recall(y, s):
    return ((s > 0.5) & (y == 1)).sum() / (y == 1).sum()  # TP / (TP + FN)


def _average_precision(y, s):
    """Sum over thresholds of (R_n - R_(n-1)) P_n, each distinct score a threshold."""
    total, previous_recall = 0.0, 0.0
    for threshold in np.unique(s)[::-1]:
        predicted = s >= threshold
        true_positives = (predicted & (y == 1)).sum()
        recall = true_positives / (y == 1).sum()
        total += (recall - previous_recall) * true_positives / predicted.sum()
        previous_recall = recall
    return total


DEFINITIONS = {
    "ROC AUC": _roc_auc,
    "precision": _precision,
    "recall": _recall,
    "average precision": _average_precision,
}

# Regression: real targets and predictions, shaped (samples, outputs) as keras.metrics.R2Score needs
Y_REAL = np.array([[3.0], [-0.5], [2.0], [7.0], [4.2], [1.5], [0.0]])
Y_FIT = np.array([[2.5], [0.0], [2.0], [8.0], [4.0], [-1.0], [0.3]])  # one large miss


def _mae(y, p):
    return np.mean(np.abs(y - p))


def _rmse(y, p):
    return np.sqrt(np.mean((y - p) ** 2))


def _r2(y, p):
    """1 - (squared errors) / (squared deviations of the targets from their mean)."""
    return 1 - np.sum((y - p) ** 2) / np.sum((y - y.mean()) ** 2)


REGRESSION = {"MAE": _mae, "RMSE": _rmse, "R²": _r2}
DEFINITIONS.update(REGRESSION)


def _sklearn(name, y, s, cut=True):
    """scikit-learn's metric `name`; a classification metric without scores gets labels cut at
    0.5 (cut=False: a regression metric, given the predictions as they are)."""
    function = getattr(sk_metrics, name)
    scores = "y_score" in inspect.signature(function).parameters or not cut
    return function(y, s if scores else (s > 0.5).astype(int))


def _keras(code, y, s):
    metric = eval(code, {"__builtins__": {}, "keras": keras})  # noqa: S307 - our own table
    metric.update_state(y, s)
    return float(metric.result())


def check_metric(row):
    problem, metric_cell, sklearn_cell, keras_cell = row
    names = [re.sub(r".*\((.+)\)", r"\1", piece).strip() for piece in metric_cell.split(",")]
    functions, objects = _spans(sklearn_cell), _spans(keras_cell)
    if not len(names) == len(functions) == len(objects):
        return [f"{len(names)} metrics, {len(functions)} functions, {len(objects)} objects"]
    tolerance = 0.01 if any(w in keras_cell for w in ("(approximate)", "(근삿값)")) else 1e-3
    reasons = []
    for name, function, code in zip(names, functions, objects, strict=True):
        if name not in DEFINITIONS:
            reasons.append(f"no definition of {name!r} to evaluate")
            continue
        define, cut = DEFINITIONS[name], name not in REGRESSION
        y, s = (Y_TRUE, Y_SCORE) if cut else (Y_REAL, Y_FIT)
        expected = define(y, s)
        if not np.isclose(_sklearn(function, y, s, cut), expected, atol=1e-9):
            reasons.append(
                f"`{function}` gives {_sklearn(function, y, s, cut):.4f}, {name} is {expected:.4f}"
            )
        if not abs(_keras(code, y, s) - expected) <= tolerance:
            reasons.append(f"`{code}` gives {_keras(code, y, s):.4f}, {name} is {expected:.4f}")
        if any(word in problem for word in ("multi-label", "다중 레이블")):
            macro = np.mean([define(Y_MULTI[:, j], S_MULTI[:, j]) for j in range(K)])
            micro = define(Y_MULTI.ravel(), S_MULTI.ravel())  # what Keras computes by default
            if not np.isclose(_sklearn(function, Y_MULTI, S_MULTI), macro):
                reasons.append(f"`{function}` on k-hot labels is not the mean over classes")
            if not abs(_keras(code, Y_MULTI, S_MULTI) - micro) <= tolerance:
                reasons.append(f"`{code}` on k-hot labels is not {name} of all labels")
    return reasons


# Optimizers -----------------------------------------------------------------------------------


def _config(optimizer):
    return {k: v for k, v in optimizer.get_config().items() if k != "name"}


def check_optimizer(row):
    name, code_cell, string_cell, rate_cell, summary = row
    (code,) = _spans(code_cell)
    optimizer = eval(code, {"__builtins__": {}, "keras": keras})  # noqa: S307 - our own table
    kind, lowered, reasons = type(optimizer).__name__, name.lower(), []
    momentum, nesterov = getattr(optimizer, "momentum", 0.0), getattr(optimizer, "nesterov", False)
    if "nesterov" in lowered and not (momentum > 0 and nesterov):
        reasons.append(f"`{code}` is not Nesterov momentum")
    elif (
        "momentum" in lowered and "nesterov" not in lowered and not (momentum > 0 and not nesterov)
    ):
        reasons.append(f"`{code}` is not plain momentum")
    elif not any(w in lowered for w in ("momentum", "nesterov")):
        if not re.search(rf"\b{kind.lower()}\b", lowered) or momentum or nesterov:
            reasons.append(f"`{code}` builds {kind} (momentum {momentum}), not {name}")
    if "learning_rate" in code:
        reasons.append(f"`{code}` sets the learning rate: {rate_cell} is not its default")
    if not np.isclose(float(optimizer.learning_rate), float(rate_cell)):
        reasons.append(
            f"default learning rate {float(optimizer.learning_rate):.4g}, not {rate_cell}"
        )
    strings = [ast.literal_eval(span) for span in _spans(string_cell)]
    for text in strings:
        built = keras.optimizers.get(text)
        if type(built) is not type(optimizer) or _config(built) != _config(optimizer):
            reasons.append(f"compile({text!r}) builds a different optimizer than `{code}`")
    if not strings:  # "none": neither a word of the name nor the class's string builds it
        for text in {kind.lower(), *re.findall(r"[a-z]+", lowered)}:
            try:
                built = keras.optimizers.get(text)
            except ValueError:
                continue
            if type(built) is type(optimizer) and _config(built) == _config(optimizer):
                reasons.append(f"compile({text!r}) builds `{code}`")
    defaults = [span for span in _spans(summary) if "=" in span]
    if any(span.split("=")[0] + "=" in code for span in defaults):
        reasons.append("the code sets an argument the summary calls a default")
    return reasons + _check_defaults(defaults, optimizer, f"`{code}`")


# Layer shapes and parameter counts ------------------------------------------------------------

LAYERS = {name: getattr(keras.layers, name) for name in dir(keras.layers) if name[0].isupper()}


def _code(cell):
    match = re.fullmatch(r"`([^`]+)`", cell)
    assert match, f"expected one code span, got {cell!r}"
    return match.group(1)


def _build(code, input_shape):
    layer = eval(code, {"__builtins__": {}}, LAYERS)  # noqa: S307 - our own table
    dtype = "int32" if isinstance(layer, keras.layers.Embedding) else "float32"
    output = layer(keras.Input(batch_shape=input_shape, dtype=dtype))
    return layer, tuple(output.shape)


def _arithmetic(tex, **names):
    text = tex.replace(r"\cdot", "*").replace(r"\times", "*").replace(r"\,", " ")
    text = text.replace("[", "(").replace("]", ")")
    text = re.sub(r"\\lfloor(.*?)\\rfloor", r"floor(\1)", text)
    text = re.sub(r"\\lceil(.*?)\\rceil", r"ceil(\1)", text)
    text = re.sub(r"(?<=[\d)])\s*(?=\()", "*", text)  # 16 (8 + 16)
    scope = {"__builtins__": {}, "floor": math.floor, "ceil": math.ceil}
    return eval(text, scope, names)  # noqa: S307 - our own table


ATTRIBUTES = {  # what a rule means when it names the layer's attribute
    "units": lambda layer, shapes: shapes[1][-1] == layer.units,
    "filters": lambda layer, shapes: shapes[1][-1] == layer.filters,
    "pool_size": lambda layer, shapes: (
        shapes[1][1] == shapes[0][1] // layer.pool_size[0] and layer.strides == layer.pool_size
    ),
}


def _check_rule(rule, layer, shapes):
    """Every code span and formula of a rule cell, against the built layer."""
    reasons = []
    wrapped = getattr(layer, "layer", None)
    for span in dict.fromkeys(_spans(rule)):
        if "=" in span:
            holder = layer if hasattr(layer, span.split("=")[0]) else wrapped
            reasons += _check_defaults([span], holder, type(layer).__name__)
        elif span in ("valid", "same"):
            if layer.padding != span:
                reasons.append(f"padding is {layer.padding!r}, not `{span}`")
        elif span in ATTRIBUTES:
            if not ATTRIBUTES[span](layer, shapes):
                reasons.append(f"the shapes do not follow `{span}`")
        elif span in LAYERS:
            if not isinstance(wrapped, LAYERS[span]):
                reasons.append(f"no `{span}` inside {type(layer).__name__}")
        else:
            reasons.append(f"cannot check `{span}`")
    for tex in MATH.findall(rule):
        size = getattr(layer, "kernel_size", None) or getattr(layer, "pool_size", None)
        if re.search(r"\b[nks]\b", tex):  # per spatial axis
            for axis, (k, s) in enumerate(zip(size, layer.strides, strict=True), start=1):
                value = _arithmetic(tex, n=shapes[0][axis], k=k, s=s)
                if value != shapes[1][axis]:
                    reasons.append(f"${tex}$ gives {value} on axis {axis}, not {shapes[1][axis]}")
        elif _arithmetic(tex) != shapes[1][1]:
            reasons.append(f"${tex}$ = {_arithmetic(tex)}, not {shapes[1][1]}")
    return reasons


def check_shape(row):
    code, input_cell, output_cell, rule = row
    input_shape, expected = (ast.literal_eval(_code(cell)) for cell in (input_cell, output_cell))
    layer, output = _build(_code(code), input_shape)
    reasons = [] if output == expected else [f"output shape {output}, not {expected}"]
    return reasons + _check_rule(rule, layer, (input_shape, output))


def check_params(row):
    code, input_cell, count, computation = row
    layer, _ = _build(_code(code), ast.literal_eval(_code(input_cell)))
    reasons = [] if layer.count_params() == int(count) else [f"{layer.count_params()} parameters"]
    for tex in MATH.findall(computation):
        if _arithmetic(tex) != int(count):
            reasons.append(f"${tex}$ = {_arithmetic(tex)}, not {count}")
    for span in _spans(computation):
        reasons += _check_defaults([span], layer, _code(code))
    return reasons


# The tests ------------------------------------------------------------------------------------

TABLES = [  # page, table index, at least this many rows, evaluator
    ("activations", 0, 12, check_activation),
    ("last-layer-loss", 0, 5, check_last_layer),
    ("metrics", 0, 4, check_metric),
    ("optimizers", 0, 10, check_optimizer),
    ("layer-shapes", 0, 26, check_shape),
    ("layer-shapes", 1, 8, check_params),
]


@pytest.mark.parametrize(
    ("page", "index", "at_least", "evaluate"),
    [(page, *rest) for name, *rest in TABLES for page in _pair(name)],
    ids=[f"{page}-{index}" for name, index, *_ in TABLES for page in _pair(name)],
)
def test_every_row_holds(page, index, at_least, evaluate):
    _assert_rows_hold(evaluate, _rows(page, index, at_least), page)


def test_every_table_has_an_evaluator():
    evaluated = {(f"{name}.md", index) for name, index, *_ in TABLES}
    for page in CHEATSHEETS:
        if page.name.endswith(".en.md"):
            continue
        for index, _ in enumerate(markdown_tables(page)):
            assert (page.name, index) in evaluated, f"{page} table {index + 1}: no evaluator"


def _neutral(cell):
    """What must not change in translation: code spans, formulas and numbers, in any order.

    A cell of code and numbers alone (a shape, a count, a learning rate) must be identical.
    """
    prose = MATH.sub(" ", CODE.sub(" ", cell))
    if not re.search(r"[^\W\d_]", prose):
        return cell
    return sorted(CODE.findall(cell)), sorted(MATH.findall(cell)), sorted(NUMBER.findall(prose))


@pytest.mark.parametrize(
    "page", [p for p in CHEATSHEETS if not p.name.endswith(".en.md")], ids=lambda p: p.name
)
def test_language_neutral_cells_match(page):
    twin = pages.Page(page).twin
    korean, english = markdown_tables(page), markdown_tables(twin)
    assert len(korean) == len(english), f"{twin} has {len(english)} tables"
    differences = []
    for table, (rows, twin_rows) in enumerate(zip(korean, english, strict=True), start=1):
        assert len(rows) == len(twin_rows), f"table {table}: row counts differ"
        for number, (row, twin_row) in enumerate(zip(rows, twin_rows, strict=True), start=1):
            assert len(row) == len(twin_row), f"table {table} row {number}: cell counts differ"
            differences += [
                f"table {table} row {number}: {ko!r} vs {en!r}"
                for ko, en in zip(row, twin_row, strict=True)
                if _neutral(ko) != _neutral(en)
            ]
    assert not differences, "\n".join(differences)


def test_neutral_cells_tell_a_changed_number():
    assert _neutral("`Dense(16)` 2배") != _neutral("`Dense(16)` twice the size")
    assert _neutral("(게이트 4개)") == _neutral("(4 gates)")
    assert _neutral("64차원 벡터") == _neutral("a 64-dimensional vector")
    assert _neutral("0.001") != _neutral("0.0010")  # a cell of numbers alone must be identical
    assert _neutral("`(None, 16)`") != _neutral("`(None, 32)`")


ACTIVATION_ROWS = {  # a good row, for the wrong rows below to spoil one cell each
    "tanh": ["tanh", r"$(e^z - e^{-z}) / (e^z + e^{-z})$", "$(-1, 1)$", "`tanh`", ""],
    "leaky": [
        "Leaky ReLU",
        r"$\max(\alpha z, z)$, $\alpha$ a small constant",
        r"$(-\infty, \infty)$",
        "`leaky_relu` (`negative_slope=0.2`)",
        "",
    ],
    "gelu": [
        "GELU",
        r"$z (1 + \operatorname{erf}(z / \sqrt{2})) / 2$",
        r"$[\approx -0.17, \infty)$",
        "`gelu` (`approximate=False`)",
        "",
    ],
    "gelu-tanh": [
        "GELU (tanh approximation)",
        r"$z (1 + \tanh(\sqrt{2 / \pi} (z + 0.044715 z^3))) / 2$",
        r"$[\approx -0.17, \infty)$",
        "`gelu(approximate=True)`",
        "",
    ],
    "silu": [
        "SiLU (swish)",
        r"$z \sigma(z)$",
        r"$[\approx -0.28, \infty)$",
        "`silu` (= `swish`)",
        "",
    ],
}


@pytest.mark.parametrize(
    ("base", "column", "value", "reason"),
    [
        ("tanh", 2, "$(0, 1)$", "outside"),  # tanh goes negative
        ("tanh", 2, "$(-2, 2)$", "never comes near"),  # a range wider than the function's
        ("tanh", 2, "$[-1, 1]$", "never reaches the closed bound"),
        ("tanh", 1, r"$(e^z - e^{-z}) / (e^z - e^{-z})$", "differs from"),
        ("tanh", 3, "`sigmoid`", "names `sigmoid`"),
        ("tanh", 2, "$(-1, 1)$, sums to 1", "sum to 1"),
        (
            "leaky",
            3,
            "`leaky_relu` (`negative_slope=0.3`)",
            "default is 0.2",
        ),  # that is the layer's
        ("leaky", 1, r"$\max(0, z)$", "differs from"),  # note 002's "Leaky ReLU: max(0, x)"
        ("leaky", 1, r"$\max(\alpha z, z)$, $\alpha$ learned", "trainable"),
        ("leaky", 2, r"$[0, \infty)$", "outside"),
        ("gelu", 2, r"$[\approx -0.28, \infty)$", "lowest value is -0.17"),  # SiLU's minimum
        ("silu", 2, r"$[\approx -0.2, \infty)$", "lowest value is -0.278"),  # that rounds to -0.3
        ("silu", 2, r"$[0, \infty)$", "outside"),  # unlike ReLU, it dips below 0
        ("gelu", 2, r"$(\approx -0.17, \infty)$", "the bound is closed"),  # reached at z = -0.75
        ("tanh", 2, r"$[\approx -1, 1)$", "never reaches the closed bound"),  # an asymptote
        ("gelu", 3, "`gelu(approximate=True)`", "differs from"),  # the tanh form is not erf's
        ("gelu-tanh", 3, "`gelu`", "differs from"),
        ("gelu-tanh", 3, "`gelu` (`approximate=True`)", "default is False"),
        ("silu", 3, "`gelu`", "names `gelu`"),
    ],
)
def test_activation_evaluator_rejects(base, column, value, reason):
    row = list(ACTIVATION_ROWS[base])
    row[column] = value
    _assert_rejects(check_activation, row, reason)


def test_activation_evaluator_rejects_none_for_what_keras_has():
    _assert_rejects(
        check_activation,
        ["softmax", "$z$", r"$(-\infty, \infty)$", "", ""],
        "Keras has an activation `softmax`",
    )


LAST_LAYER_ROWS = {
    "binary": [
        "",
        "`Dense(1)`, `sigmoid`",
        "`binary_crossentropy`",
        "0 or 1",
        "`accuracy` (→ `binary_accuracy`), `auc`",
    ],
    "one-hot": [
        "",
        "`Dense(K)`, `softmax`",
        "`categorical_crossentropy`",
        "`(n, K)` one-hot vectors",
        "`accuracy` (→ `categorical_accuracy`)",
    ],
    "integer": [
        "",
        "`Dense(K)`, `softmax`",
        "`sparse_categorical_crossentropy`",
        "`(n,)` integers 0…K-1",
        "`accuracy` (→ `sparse_categorical_accuracy`)",
    ],
    "multi-label": [
        "",
        "`Dense(K)`, `sigmoid`",
        "`binary_crossentropy`",
        "`(n, K)` k-hot vectors",
        "`binary_accuracy`, `auc`",
    ],
    "regression": ["", "`Dense(1)`, `linear`", "`mse`", "one real number", "`mae`"],
}


@pytest.mark.parametrize(
    ("base", "column", "value", "reason"),
    [
        ("one-hot", 2, "`sparse_categorical_crossentropy`", "ValueError"),  # swapped losses
        ("integer", 2, "`categorical_crossentropy`", "ValueError"),
        ("multi-label", 2, "`categorical_crossentropy`", "at a perfect prediction"),
        ("regression", 2, "`binary_crossentropy`", "at a perfect prediction"),
        ("binary", 2, "`categorical_crossentropy`", "does not tell"),  # 0 for every output
        ("binary", 1, "`Dense(1)`, `linear`", "log-likelihood"),
        ("binary", 2, "`mse`", "log-likelihood"),
        ("regression", 3, "0 or 1", "log-likelihood"),  # mse is not how 0/1 labels are scored
        ("one-hot", 1, "`Dense(K)`, `sigmoid`", "log-likelihood"),  # CCE would renormalize
        ("one-hot", 2, "`binary_crossentropy`", "log-likelihood"),
        ("multi-label", 1, "`Dense(K)`, `softmax`", "cannot output"),
        ("one-hot", 1, "`Dense(1)`, `softmax`", "the labels need 3"),
        ("regression", 1, "`Dense(1)`, `sigmoid`", "cannot output"),
        ("integer", 3, "`(n, K)` integers 0…K-1", "not (n, K)"),
        ("binary", 4, "`accuracy` (→ `categorical_accuracy`), `auc`", "resolves to BinaryAccuracy"),
        ("multi-label", 4, "`accuracy` (→ `binary_accuracy`)", "resolves to CategoricalAccuracy"),
        ("one-hot", 4, "`accuracy`", "without what it resolves to"),
        ("binary", 4, "`accuracy` (→ `binary_accuracy`), `acu`", "ValueError"),
    ],
)
def test_last_layer_evaluator_rejects(base, column, value, reason):
    row = list(LAST_LAYER_ROWS[base])
    row[column] = value
    _assert_rejects(check_last_layer, row, reason)


METRIC_ROWS = {
    "imbalanced": [
        "",
        "precision, recall",
        "`precision_score`, `recall_score`",
        "`keras.metrics.Precision()`, `keras.metrics.Recall()`",
    ],
    "balanced": ["", "ROC AUC", "`roc_auc_score`", "`keras.metrics.AUC()`"],
    "ranking": [
        "multi-label",
        "average precision",
        "`average_precision_score`",
        '`keras.metrics.AUC(curve="PR")` (approximate)',
    ],
    "regression": [
        "",
        "MAE, RMSE, R²",
        "`mean_absolute_error`, `root_mean_squared_error`, `r2_score`",
        "`keras.metrics.MeanAbsoluteError()`, `keras.metrics.RootMeanSquaredError()`, "
        "`keras.metrics.R2Score()`",
    ],
}


@pytest.mark.parametrize(
    ("base", "column", "value", "reason"),
    [
        (
            "imbalanced",
            2,
            "`recall_score`, `recall_score`",
            "`recall_score` gives",
        ),  # recall as precision
        ("imbalanced", 3, "`keras.metrics.Recall()`, `keras.metrics.Recall()`", "Recall()` gives"),
        ("imbalanced", 1, "precision, recall, accuracy", "3 metrics"),
        ("balanced", 3, '`keras.metrics.AUC(curve="PR")`', "gives"),
        ("balanced", 2, "`average_precision_score`", "gives"),
        ("ranking", 3, '`keras.metrics.AUC(curve="PR")`', "gives"),  # exact it is not
        ("balanced", 3, '`keras.metrics.AUC(curve="PR")` (approximate)', "gives"),
        ("ranking", 1, "F1", "no definition"),
        (
            "regression",
            2,
            "`mean_absolute_error`, `mean_squared_error`, `r2_score`",  # MSE for RMSE
            "`mean_squared_error` gives",
        ),
        (
            "regression",
            3,
            "`keras.metrics.MeanAbsoluteError()`, `keras.metrics.MeanSquaredError()`, "
            "`keras.metrics.R2Score()`",
            "MeanSquaredError()` gives",
        ),
        (
            "regression",
            3,
            "`keras.metrics.MeanAbsoluteError()`, `keras.metrics.RootMeanSquaredError()`, "
            "`keras.metrics.R2Score(num_regressors=2)`",  # the adjusted R², not R²
            "R2Score(num_regressors=2)` gives",
        ),
        ("regression", 1, "MAE, RMSE, MSE", "no definition of 'MSE'"),
        ("regression", 2, "`mean_absolute_error`, `mean_squared_error`", "2 functions"),
    ],
)
def test_metric_evaluator_rejects(base, column, value, reason):
    row = list(METRIC_ROWS[base])
    row[column] = value
    _assert_rejects(check_metric, row, reason)


OPTIMIZER_ROWS = {
    "adagrad": ["Adagrad", "`keras.optimizers.Adagrad()`", '`"adagrad"`', "0.001", ""],
    "adamax": ["Adamax", "`keras.optimizers.Adamax()`", '`"adamax"`', "0.001", ""],
    "rmsprop": ["RMSprop", "`keras.optimizers.RMSprop()`", '`"rmsprop"`', "0.001", "(`rho=0.9`)"],
    "momentum": ["Momentum", "`keras.optimizers.SGD(momentum=0.9)`", "none", "0.01", ""],
    "adamw": [
        "AdamW",
        "`keras.optimizers.AdamW()`",
        '`"adamw"`',
        "0.001",
        "(`weight_decay=0.004`)",
    ],
    "nag": [
        "NAG (Nesterov)",
        "`keras.optimizers.SGD(momentum=0.9, nesterov=True)`",
        "none",
        "0.01",
        "",
    ],
}


@pytest.mark.parametrize(
    ("base", "column", "value", "reason"),
    [
        ("adagrad", 3, "0.01", "default learning rate"),  # note 001's claim
        ("rmsprop", 4, "(`rho=0.95`)", "default is 0.9"),
        ("rmsprop", 4, "(`momentum=0.9`)", "default is 0.0"),
        ("rmsprop", 2, '`"adam"`', "builds a different optimizer"),
        ("momentum", 2, '`"sgd"`', "builds a different optimizer"),
        ("momentum", 1, "`keras.optimizers.SGD()`", "not plain momentum"),
        ("nag", 1, "`keras.optimizers.SGD(momentum=0.9)`", "not Nesterov"),
        ("adagrad", 1, "`keras.optimizers.Adagrad(learning_rate=0.001)`", "not its default"),
        ("adagrad", 1, "`keras.optimizers.Adam()`", "builds Adam"),
        ("adamax", 1, "`keras.optimizers.Adam()`", "builds Adam"),
        ("adagrad", 2, "none", "compile('adagrad') builds"),
        ("adamw", 4, "(`weight_decay=0.01`)", "default is 0.004"),  # PyTorch's AdamW default
        ("adamw", 1, "`keras.optimizers.Adam()`", "builds Adam"),  # Adam decays nothing
        ("adamw", 2, '`"adam"`', "builds a different optimizer"),
        ("adamw", 1, "`keras.optimizers.Adam(weight_decay=0.004)`", "sets an argument"),
    ],
)
def test_optimizer_evaluator_rejects(base, column, value, reason):
    row = list(OPTIMIZER_ROWS[base])
    row[column] = value
    _assert_rejects(check_optimizer, row, reason)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            ["`BatchNormalization()`", "`(None, 10)`", "`(None, 10)`", "`momentum=0.9` (default)"],
            "default is 0.99",
        ),
        (
            ["`Conv1D(32, 3, strides=2)`", "`(None, 100, 8)`", "`(None, 49, 32)`", "$n - k + 1$"],
            "gives 98 on axis 1",
        ),
        (
            ["`Conv1D(32, 3)`", "`(None, 100, 8)`", "`(None, 98, 32)`", "`same`: length kept"],
            "padding is 'valid'",
        ),
        (
            ["`Conv1D(32, 3)`", "`(None, 100, 8)`", "`(None, 98, 32)`", "channels = `units`"],
            "AttributeError",
        ),
        (
            [
                "`MaxPooling1D(2, strides=1)`",
                "`(None, 98, 32)`",
                "`(None, 97, 32)`",
                "by `pool_size`",
            ],
            "do not follow `pool_size`",
        ),
        (
            ["`Bidirectional(LSTM(16))`", "`(None, 20, 8)`", "`(None, 16)`", '`merge_mode="sum"`'],
            "output shape",
        ),
        (
            [
                "`TimeDistributed(Dense(4))`",
                "`(None, 20, 16)`",
                "`(None, 20, 4)`",
                "the same `Conv1D`",
            ],
            "no `Conv1D`",
        ),
        (["`Flatten()`", "`(None, 13, 13, 32)`", "`(None, 5408)`", r"$13 \cdot 32$"], "not 5408"),
        (["`Flatten()`", "`(None, 13, 13, 32)`", "`(None, 5408)`", "`flatten`"], "cannot check"),
    ],
)
def test_shape_evaluator_rejects(row, reason):
    _assert_rejects(check_shape, row, reason)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (["`LSTM(16)`", "`(None, 20, 8)`", "1536", r"$4 \, [16 (8 + 16)]$"], "1600 parameters"),
        (["`LSTM(16)`", "`(None, 20, 8)`", "1600", r"$4 \, [16 (8 + 16)]$"], "= 1536, not 1600"),
        (["`GRU(16)`", "`(None, 20, 8)`", "1248", "`reset_after=False`"], "default is True"),
    ],
)
def test_params_evaluator_rejects(row, reason):
    _assert_rejects(check_params, row, reason)
