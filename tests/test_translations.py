"""Both languages are first-class: every page has a twin with the same code, tables and figures."""

import re

import pytest

from tests.conftest import code_blocks
from tools import pages

ALL_PAGES = pages.korean_pages() + pages.english_pages()


@pytest.mark.parametrize("page", ALL_PAGES, ids=pages.rel)
def test_page_has_twin(page):
    twin = pages.twin_of(page)
    assert twin.exists(), f"{pages.rel(page)} has no twin: create {pages.rel(twin)}"


def _structure(page):
    text = pages.expand(page).text
    return {
        "code blocks": [(b.syntax, b.code, b.expected_output, b.marks) for b in code_blocks(page)],
        "heading levels": re.findall(r"^(#{1,6}) ", _prose(text), flags=re.M),
        "table rows": len(re.findall(r"^\s*\|.*\|\s*$", text, flags=re.M)),
        # a figure is drawn once per language: name.ko.svg on one side, name.en.svg on the other
        "figures": [
            re.sub(r"\.(ko|en)\.svg$", ".LANG.svg", src)
            for src in re.findall(r"!\[[^\]]*\]\(([^)\s]+)", text)
        ],
        "math blocks": text.count("$$"),
    }


def _prose(text):
    return re.sub(r"^(\s*)(`{3,}).*?^\1\2", "", text, flags=re.M | re.S)  # drop fenced code


@pytest.mark.parametrize("page", pages.korean_pages(), ids=pages.rel)
def test_twins_match(page):
    twin = pages.twin_of(page)
    if not twin.exists():
        pytest.skip("reported by test_page_has_twin")
    korean, english = _structure(page), _structure(twin)
    for aspect in korean:
        assert korean[aspect] == english[aspect], (
            f"{pages.rel(page)} and {pages.rel(twin)} differ in {aspect}"
        )
