"""Nothing from the five notes is dropped: every heading and code fragment maps to a page anchor."""

import pytest
from bs4 import BeautifulSoup

from tests.conftest import html_of
from tools import notes, pages

ROWS = notes.coverage_rows()


def test_every_heading_and_code_fragment_is_mapped():
    mapped = {(r["note"], r["kind"], r["excerpt"]) for r in ROWS}
    missing = [f for f in notes.all_fragments() if (f.note, f.kind, f.excerpt) not in mapped]
    assert not missing, (
        f"{len(missing)} fragments of notes/ have no row in coverage/*.tsv "
        "(python -m tools.notes lists them):\n"
        + "\n".join(f"  {f.note} {f.kind}: {f.excerpt[:80]}" for f in missing)
    )


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['note']}-{r['excerpt'][:30]}")
def test_row_anchor_exists_in_both_languages(built_site, row):
    korean = pages.DOCS / row["page"]
    for source, anchor in ((korean, row["ko_anchor"]), (pages.twin_of(korean), row["en_anchor"])):
        html = html_of(source, built_site)
        assert html.exists(), f"{row['table']}: {pages.rel(source)} is not on the site"
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assert soup.find(id=anchor), f"{row['table']}: no #{anchor} on {pages.rel(source)}"
