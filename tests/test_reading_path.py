"""The site is built around the reader: a front door into every section, and a way onward
from every page, named for topics rather than for the notes the site was made from."""

import re

import pytest

from keras_kb import pages
from tests.support.site import PAGE_LINK

HOME = pages.Page(pages.DOCS / "index.md")
NEXT_STEPS = {"ko": "다음 단계", "en": "Next steps"}
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$", re.M)
NOTE_NUMBER = {"ko": re.compile(r"노트\s*\d{3}"), "en": re.compile(r"\bnotes?\s+\d{3}", re.I)}


def _content_pages():
    return [page for page in pages.all_pages() if page.korean != HOME]


def _links(page, text) -> set[pages.Page]:
    folder = page.source.parent
    return {
        pages.Page((folder / m["target"]).resolve()).korean
        for m in PAGE_LINK.finditer(text)
        if not m["target"].startswith(("http:", "https:"))
    }


def _sections(text):
    """(heading, body) for each ## section of the page."""
    parts = re.split(r"^## +(.+?)\s*$", pages.FENCED_CODE.sub("", text), flags=re.M)
    return list(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize("page", _content_pages(), ids=str)
def test_page_ends_with_next_steps(page):
    sections = _sections(page.read_text(encoding="utf-8"))
    title = NEXT_STEPS[page.language]
    assert sections and sections[-1][0] == title, f"{page}: the last section must be '## {title}'"
    onward = _links(page, sections[-1][1]) - {page.korean}
    assert len(onward) >= 2, f"{page}: '## {title}' links to {len(onward)} other pages, want 2+"


def test_home_leads_into_every_section_and_every_recipe():
    text = HOME.read_text(encoding="utf-8")
    linked = _links(HOME, text)
    sections = {page.korean.source.parent.name for page in linked}
    every_section = {p.source.parent.name for p in _content_pages()}
    missing = every_section - sections
    assert not missing, f"the home page links to no page of {missing}"
    recipes = {p.korean for p in _content_pages() if p.source.parent.name == "models"}
    missing = sorted(map(str, recipes - linked))
    assert not missing, f"recipes missing from the home page: {missing}"


@pytest.mark.parametrize("page", pages.all_pages(), ids=str)
def test_headings_name_topics_not_notes(page):
    text = pages.FENCED_CODE.sub("", page.read_text(encoding="utf-8"))
    found = [h for _, h in HEADING.findall(text) if NOTE_NUMBER[page.language].search(h)]
    assert not found, f"{page}: headings named after a note: {found}"


@pytest.mark.parametrize("page", pages.english_pages(), ids=str)
def test_english_reads_without_the_notes(page):
    """An English reader cannot read the notes: pages say "the original notes", not "note 004"."""
    text = pages.FENCED_CODE.sub("", page.read_text(encoding="utf-8"))
    found = [
        f"{page}:{text.count(chr(10), 0, m.start()) + 1}: {m[0]!r}"
        for m in NOTE_NUMBER["en"].finditer(text)
        if not text[m.start() - 1 : m.start()] == "|"  # a table cell holding the note's number
    ]
    assert not found, "refer to the original notes without numbers:\n  " + "\n  ".join(found)


HARNESS_FILE = re.compile(r"\b(?:keras_kb|tests|tools|hooks|coverage)/[\w./-]*|\bconftest\.py\b")
ABOUT_THE_HARNESS = {"appendix/verification.md", "appendix/notes.md"}  # they explain the repository


@pytest.mark.parametrize(
    "page", [p for p in pages.all_pages() if p.korean.name not in ABOUT_THE_HARNESS], ids=str
)
def test_reader_pages_do_not_name_harness_files(page):
    text = pages.FENCED_CODE.sub("", page.read_text(encoding="utf-8"))
    found = sorted({m[0] for m in HARNESS_FILE.finditer(text)})
    assert not found, f"{page}: harness files on a reader's page: {found}"
