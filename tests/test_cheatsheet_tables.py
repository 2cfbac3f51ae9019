"""The facts in the optimizer and layer-shape cheat-sheet tables hold in the installed Keras.

Each table row is rebuilt from the code shown in its first columns: the optimizers' default
learning rates, every layer's output shape and parameter count, in both languages.
"""

import ast
import re

import keras
import pytest

from keras_kb import pages
from tests.support.site import markdown_tables

OPTIMIZERS = pages.Page(pages.DOCS / "cheatsheets/optimizers.md")
SHAPES = pages.Page(pages.DOCS / "cheatsheets/layer-shapes.md")
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


@pytest.mark.parametrize("page", [OPTIMIZERS, OPTIMIZERS.twin], ids=str)
def test_optimizer_default_learning_rates(page):
    (rows,) = markdown_tables(page)
    assert len(rows) == 9, "the optimizer table lost rows"
    for row in rows:
        code = _code(row[1])
        optimizer = eval(code, {"__builtins__": {}, "keras": keras})  # noqa: S307
        assert float(optimizer.learning_rate) == pytest.approx(float(row[3])), row


@pytest.mark.parametrize("page", [SHAPES, SHAPES.twin], ids=str)
def test_layer_output_shapes(page):
    shapes, params = markdown_tables(page)
    assert len(shapes) >= 26 and len(params) >= 8, "the layer tables lost rows"
    for row in shapes:
        input_shape, expected = (ast.literal_eval(_code(cell)) for cell in row[1:3])
        assert _build(_code(row[0]), input_shape)[1] == expected, row
    for row in params:
        layer, _ = _build(_code(row[0]), ast.literal_eval(_code(row[1])))
        assert layer.count_params() == int(row[2]), row
