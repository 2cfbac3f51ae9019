"""Every line of the five notes has a status, and every correction is visible and proven.

The ledger (coverage/ledger/<note>.tsv, defined in coverage/README.md) gives each note line a
status and the place on the site that answers it. A correction must be a visible box in that
section of both pages, quoting the note, with a check that exists; the corrections page lists
exactly the ledger's corrections.
"""

import re
from pathlib import Path

import pytest

from keras_kb import pages
from keras_kb.commands import notes
from tests.support.site import PAGE_LINK, markdown_tables, soup

NOTE_IDS = [notes.note_id(path) for path in sorted(notes.NOTES.glob("*.txt"))]
CORRECTION_TITLES = ("노트 바로잡기", "Correction to the notes")  # a box may add ": topic"
HEADING = re.compile(r"^h[1-6]$")
CORRECTIONS = pages.Page(pages.DOCS / "appendix/corrections.md")


def test_every_note_has_a_ledger():
    missing = [n for n in NOTE_IDS if not (notes.LEDGER / f"{n}.tsv").exists()]
    assert not missing, f"no coverage/ledger/<note>.tsv for notes {missing}"


@pytest.mark.parametrize("note", NOTE_IDS)
def test_ledger_covers_every_line_once(note):
    lines, problems, covered = notes.note_lines(note), [], []
    for claim in notes.ledger(note):
        problems += _row_problems(claim, len(lines))
        covered += range(claim.first, claim.last + 1)
    duplicates = sorted({n for n in covered if covered.count(n) > 1})
    missing = [n for n, text in enumerate(lines, start=1) if text.strip() and n not in covered]
    if covered != sorted(covered):
        problems.append(f"coverage/ledger/{note}.tsv: rows are not in note order")
    if duplicates:
        problems.append(f"note {note} lines covered twice: {duplicates}")
    if missing:
        problems.append(f"note {note} lines with no status: {missing}")
    assert not problems, "\n".join(problems)


def _row_problems(claim, note_length) -> list[str]:
    problems = []
    if not 1 <= claim.first <= claim.last <= note_length:
        problems.append(f"{claim.where}: lines outside the note (1-{note_length})")
    if claim.status not in notes.STATUSES:
        problems.append(f"{claim.where}: status {claim.status!r} is not one of {notes.STATUSES}")
    needed = {"no claim": (), "corrected": ("page", "ko_anchor", "en_anchor", "quote", "check")}
    for column in needed.get(claim.status, ("page", "ko_anchor", "en_anchor")):
        if not getattr(claim, column):
            problems.append(f"{claim.where}: a {claim.status!r} row needs its {column}")
    for column in ("quote", "check"):  # they mark a correction: a half-edited row is a mistake
        if claim.status != "corrected" and getattr(claim, column):
            problems.append(
                f"{claim.where}: a {claim.status!r} row has a {column}: only a "
                "correction quotes the note and names its check"
            )
    return problems


@pytest.mark.parametrize("note", NOTE_IDS)
def test_each_claim_is_answered_where_the_ledger_says(built_site, note):
    problems = []
    for claim in notes.ledger(note):
        if claim.page:
            problems += _answer_problems(built_site, claim)
    assert not problems, "\n".join(problems)


def _answer_problems(site, claim) -> list[str]:
    korean = pages.Page(pages.DOCS / claim.page)
    if not korean.exists() or not korean.is_default_language:
        return [f"{claim.where}: {claim.page} is not a Korean page under docs/"]
    problems = []
    for page, anchor in ((korean, claim.ko_anchor), (korean.twin, claim.en_anchor)):
        if soup(page.built(site)).find(id=anchor) is None:
            problems.append(f"{claim.where}: no #{anchor} on {page}")
    return problems


@pytest.mark.parametrize("note", NOTE_IDS)
def test_each_correction_is_visible_quoted_and_checked(built_site, note):
    problems, lines = [], notes.note_lines(note)
    for claim in notes.ledger(note):
        if claim.status == "corrected" and not _answer_problems(built_site, claim):
            problems += _correction_problems(built_site, claim, lines)
    assert not problems, "\n".join(problems)


def _correction_problems(site, claim, note_lines) -> list[str]:
    problems = []
    note_text = "\n".join(note_lines[claim.first - 1 : claim.last])
    if claim.quote not in note_text:
        problems.append(f"{claim.where}: the quote {claim.quote!r} is not on those note lines")
    korean = pages.Page(pages.DOCS / claim.page)
    for page, anchor in ((korean, claim.ko_anchor), (korean.twin, claim.en_anchor)):
        boxes = correction_boxes(soup(page.built(site)), anchor)
        must_quote = page is korean or claim.quote.isascii()
        if not boxes:
            problems.append(f"{claim.where}: no correction box in #{anchor} of {page}")
        elif must_quote and not any(claim.quote in box for box in boxes):
            problems.append(
                f"{claim.where}: no correction box in #{anchor} of {page} quotes {claim.quote!r}"
            )
    return problems + _check_problems(claim)


def correction_boxes(document, anchor) -> list[str]:
    """The text of each correction admonition in the section that starts at #anchor."""
    texts = []
    for box in document.select("div.admonition, details"):
        title = box.find(class_="admonition-title") or box.find("summary")
        if title and title.get_text(strip=True).startswith(CORRECTION_TITLES):
            if anchor in _enclosing_headings(box):
                texts.append(box.get_text(" "))
    return texts


def _enclosing_headings(element) -> set[str]:
    """Ids of the headings whose sections contain the element (its nearest h_n, h_n-1, …)."""
    ids, level = set(), 7
    for heading in element.find_all_previous(HEADING):
        if int(heading.name[1]) < level:
            ids.add(heading.get("id", ""))
            level = int(heading.name[1])
    return ids


def _check_problems(claim) -> list[str]:
    target, _, name = claim.check.partition("::" if "::" in claim.check else ":")
    path = pages.ROOT / target
    if not path.is_file() or not name:
        return [f"{claim.where}: check {claim.check!r} names no file and section or test"]
    if path.suffix == ".py" and path.is_relative_to(pages.SNIPPETS):
        if name not in pages.sections(path):
            return [f"{claim.where}: {target} has no section {name!r}"]
    elif not re.search(rf"^def {re.escape(name.split('[')[0])}\(", path.read_text(), re.M):
        return [f"{claim.where}: {target} has no test {name!r}"]
    return []


@pytest.mark.parametrize("page", [CORRECTIONS, CORRECTIONS.twin], ids=str)
def test_corrections_page_lists_exactly_the_ledger(page):
    english = not page.is_default_language
    listed = set()
    for table in markdown_tables(page):
        for row in table:
            for match in PAGE_LINK.finditer(row[-1]):
                target = (Path(page).parent / match["target"]).resolve().relative_to(pages.DOCS)
                listed.add((row[0], target.as_posix(), match["anchor"] or ""))
    ledger = {
        (c.note, c.page, c.en_anchor if english else c.ko_anchor)
        for c in notes.ledgers()
        if c.status == "corrected"
    }
    assert listed == ledger, (
        f"{page} and coverage/ledger/ disagree.\n"
        f"  listed on the page, not corrected in the ledger: {sorted(listed - ledger)}\n"
        f"  corrected in the ledger, not on the page: {sorted(ledger - listed)}"
    )


NOTES_PAGE = pages.Page(pages.DOCS / "appendix/notes.md")
STATUS_COLUMNS = ("confirmed", "corrected", "conceptual", "no claim")  # the table's last four


@pytest.mark.parametrize("page", [NOTES_PAGE, NOTES_PAGE.twin], ids=str)
def test_notes_page_counts_match_the_ledgers(page):
    rows = {row[0]: row for table in markdown_tables(page) for row in table}
    assert sorted(rows) == NOTE_IDS, f"{page}: one table row per note"
    for note in NOTE_IDS:
        statuses = [claim.status for claim in notes.ledger(note)]
        counted = [statuses.count(status) for status in STATUS_COLUMNS]
        shown = [int(cell) for cell in rows[note][-4:]]
        assert shown == counted, f"{page}: note {note} shows {shown}, its ledger counts {counted}"
