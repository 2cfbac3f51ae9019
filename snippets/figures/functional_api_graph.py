"""The layer graph of the functional model on the Keras API page, read from its snippet.

The boxes, output shapes and parameter counts come from the code of the page's `functional`
section (snippets/models/keras_api.py): a changed layer size changes the figure.
"""

import ast
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

SNIPPET = Path(__file__).resolve().parents[1] / "models" / "keras_api.py"
SECTION = "functional"


def _section_code():
    text = SNIPPET.read_text(encoding="utf-8")
    start = text.index(f"# --8<-- [start:{SECTION}]\n")
    return text[start:text.index(f"# --8<-- [end:{SECTION}]")]


def _keyword(call, name):
    return next((k.value for k in call.keywords if k.arg == name), None)


def _literal(call, name):
    value = _keyword(call, name)
    return None if value is None else ast.literal_eval(value)


def graph():
    """The tensors in order, (name, layer, output shape, parameters, input), and the Model call."""
    nodes, shapes, model = [], {}, None
    for statement in ast.parse(_section_code()).body:
        if not isinstance(statement, ast.Assign):
            continue
        target, call = statement.targets[0].id, statement.value
        layer_call = isinstance(call.func, ast.Call)  # keras.layers.Dense(...)(tensor)
        if ast.unparse(call.func) == "keras.Input":
            shape, name = _literal(call, "shape"), _literal(call, "name")
            label = f"Input(shape={shape}" + (f', name="{name}")' if name else ")")
            nodes.append((target, label, (None, *shape), 0, None))
        elif layer_call and ast.unparse(call.func.func) == "keras.layers.Dense":
            layer, source = call.func, call.args[0].id
            units, activation = ast.literal_eval(layer.args[0]), _literal(layer, "activation")
            label = f"Dense({units}" + (f', activation="{activation}")' if activation else ")")
            kernel_and_bias = shapes[source][-1] * units + units
            nodes.append((target, label, (None, units), kernel_and_bias, source))
        elif ast.unparse(call.func) == "keras.Model":
            model = (target, _keyword(call, "inputs").id, _keyword(call, "outputs").id)
            continue
        else:
            continue
        shapes[target] = nodes[-1][2]
    assert model and (nodes[0][0], nodes[-1][0]) == model[1:], (nodes, model)
    return nodes, model


def _shape(shape):
    return "(" + ", ".join(map(str, shape)) + ")"


def draw(text):
    nodes, (model_name, inputs, outputs) = graph()
    fig, ax = plt.subplots(figsize=(6.4, 1.75 * len(nodes) + 0.8))
    height, gap, width = 1.0, 0.9, 5.6
    for i, (tensor, label, shape, params, source) in enumerate(nodes):
        y = -i * (height + gap)
        ax.add_patch(FancyBboxPatch((-width / 2, y - height), width, height,
                                    boxstyle="round,pad=0.05,rounding_size=0.15",
                                    facecolor="#fee8c8" if source else "#e0ecf4",
                                    edgecolor="#555555"))
        ax.text(0, y - 0.32, label, ha="center", va="center", fontsize=10, family="monospace",
                weight="bold")
        detail = text(f"출력 {_shape(shape)}", f"output {_shape(shape)}")
        if source:
            detail += text(f" · 파라미터 {params}", f" · {params} parameters")
        ax.text(0, y - 0.72, detail, ha="center", va="center", fontsize=9)
        ax.annotate("", xy=(0, y - height - gap + 0.05), xytext=(0, y - height - 0.05),
                    arrowprops={"arrowstyle": "->", "linewidth": 1.4})
        ax.text(0.15, y - height - gap / 2, tensor, va="center", fontsize=9, family="monospace",
                color="#2166ac")
    bottom = -len(nodes) * (height + gap) - 0.1
    ax.text(0, bottom - 0.15, f"{model_name} = keras.Model(inputs={inputs}, outputs={outputs})",
            ha="center", va="top", fontsize=10, family="monospace")
    total = sum(node[3] for node in nodes)
    terms = " + ".join(str(node[3]) for node in nodes if node[4])
    ax.text(0, bottom - 0.65, text(f"파라미터 {total}개 = {terms}",
                                   f"{total} parameters = {terms}"),
            ha="center", va="top", fontsize=9)
    ax.set_xlim(-width / 2 - 0.3, width / 2 + 0.3)
    ax.set_ylim(bottom - 1.1, 0.2)
    ax.axis("off")
    return fig
