"""Committed figures match the code that draws them, in both languages."""

import pytest

from keras_kb.commands import figures
from keras_kb.pages import rel


@pytest.mark.parametrize("source", figures.sources(), ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", figures.LANGUAGES)
def test_figure_is_up_to_date(source, lang):
    committed = figures.target(source, lang)
    assert committed.exists(), f"{rel(committed)} missing: run ./dev figures"
    assert figures.comparable(committed.read_bytes()) == figures.comparable(
        figures.render(source, lang)
    ), f"{rel(committed)} is out of date with {rel(source)}: run ./dev figures"


def test_every_figure_file_has_a_source():
    expected = {figures.target(s, lang) for s in figures.sources() for lang in figures.LANGUAGES}
    stray = sorted(rel(p) for p in figures.OUTPUT.glob("*.svg") if p not in expected)
    assert not stray, f"figures without a source in snippets/figures: {stray}"
