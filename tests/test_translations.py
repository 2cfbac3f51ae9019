"""Both languages are first-class: every page has a twin with the same code, tables and figures."""

import re

import pytest

from keras_kb import pages
from tests.support.site import expanded

ALL_PAGES = pages.korean_pages() + pages.english_pages()


@pytest.mark.parametrize("page", ALL_PAGES, ids=str)
def test_page_has_twin(page):
    assert page.twin.exists(), f"{page} has no twin: create {page.twin}"


def _blocks(page):
    """(page line, what must match) of each fenced block."""
    lines = expanded(page)
    return [
        (lines.page_line(b.lineno), (b.syntax, b.code, b.expected_output, b.marks, raises))
        for b in page.code_blocks()
        for raises in [_raises(lines, b)]
    ]


def _raises(lines, block) -> list:
    """The <!--kb:raises--> annotations of each fence: they are part of the example."""
    return [f.raises for f in pages.fences(lines, block)] if block.syntax == "python" else []


def _code_difference(page, twin) -> str | None:
    """Where the two pages' code first differs, with the line in each page."""
    ours, theirs = _blocks(page), _blocks(twin)
    for (line, block), (twin_line, twin_block) in zip(ours, theirs, strict=False):
        if block != twin_block:
            return (
                f"{page}:{line} and {twin}:{twin_line}: this code block differs between the "
                f"languages ({block[1].strip().splitlines()[:1]} vs "
                f"{twin_block[1].strip().splitlines()[:1]}); both must include the same snippet"
            )
    if len(ours) != len(theirs):
        return f"{page} has {len(ours)} code blocks, {twin} has {len(theirs)}"
    return None


def _structure(page):
    text = expanded(page).text
    return {
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


@pytest.mark.parametrize("page", pages.korean_pages(), ids=str)
def test_twins_match(page):
    twin = page.twin
    if not twin.exists():
        pytest.skip("reported by test_page_has_twin")
    difference = _code_difference(page, twin)
    assert difference is None, difference
    korean, english = _structure(page), _structure(twin)
    for aspect in korean:
        assert korean[aspect] == english[aspect], f"{page} and {twin} differ in {aspect}"
