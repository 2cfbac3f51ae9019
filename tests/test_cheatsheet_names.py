"""Every activation, loss and metric named in the last-layer table exists in the installed Keras."""

import re

import keras
import pytest

from keras_kb import pages
from tests.support.site import markdown_tables

PAGE = pages.DOCS / "cheatsheets/last-layer-loss.md"
COLUMNS = {1: keras.activations.get, 2: keras.losses.get, 4: keras.metrics.get}


def _table_names(page):
    for cells in (row for table in markdown_tables(page) for row in table):
        for column, lookup in COLUMNS.items():
            for name in re.findall(r"`([a-z_]+)`", cells[column]):
                yield name, lookup


def _unknown(names):
    """The names Keras cannot resolve: get() raises ValueError for them, it never returns None."""
    unknown = []
    for name, lookup in names:
        try:
            lookup(name)
        except ValueError:
            unknown.append(f"{name} ({lookup.__module__})")
    return list(dict.fromkeys(unknown))  # a name may fill several rows


@pytest.mark.parametrize("page", [PAGE, pages.Page(PAGE).twin.source], ids=pages.rel)
def test_table_names_exist_in_keras(page):
    names = list(_table_names(page))
    assert len(names) >= 12, "the table lost its rows"
    unknown = _unknown(names)
    assert not unknown, f"{pages.rel(page)}: unknown to Keras: {', '.join(unknown)}"


def test_checker_reports_a_made_up_name():
    names = [("softmax", keras.activations.get), ("softmaxx", keras.activations.get)]
    assert _unknown(names) == [f"softmaxx ({keras.activations.get.__module__})"]
