"""Every activation, loss and metric named in the last-layer table exists in the installed Keras."""

import re

import keras
import pytest

from tests.conftest import markdown_tables
from tools import pages

PAGE = pages.DOCS / "cheatsheets/last-layer-loss.md"
COLUMNS = {1: keras.activations.get, 2: keras.losses.get, 4: keras.metrics.get}


def _table_names(page):
    for cells in (row for table in markdown_tables(page) for row in table):
        for column, lookup in COLUMNS.items():
            for name in re.findall(r"`([a-z_]+)`", cells[column]):
                yield name, lookup


@pytest.mark.parametrize("page", [PAGE, pages.twin_of(PAGE)], ids=pages.rel)
def test_table_names_exist_in_keras(page):
    names = list(_table_names(page))
    assert len(names) >= 12, "the table lost its rows"
    for name, lookup in names:
        assert lookup(name) is not None, f"{pages.rel(page)}: {name} unknown to {lookup.__module__}"
