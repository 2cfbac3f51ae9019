"""Nothing from the five notes is dropped: every heading and code fragment maps to a page anchor."""

import pytest

from keras_kb import pages
from keras_kb.commands import notes
from tests.support.site import soup

ROWS = notes.coverage_rows()


def test_every_heading_and_code_fragment_is_mapped():
    mapped = {(r["note"], r["kind"], r["excerpt"]) for r in ROWS}
    missing = [f for f in notes.all_fragments() if (f.note, f.kind, f.excerpt) not in mapped]
    assert not missing, (
        f"{len(missing)} fragments of notes/ have no row in coverage/*.tsv "
        "(python -m keras_kb.commands.notes lists them):\n"
        + "\n".join(f"  {f.note} {f.kind}: {f.excerpt[:80]}" for f in missing)
    )


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['note']}-{r['excerpt'][:30]}")
def test_row_anchor_exists_in_both_languages(built_site, row):
    korean = pages.Page(pages.DOCS / row["page"])
    for source, anchor in ((korean, row["ko_anchor"]), (korean.twin, row["en_anchor"])):
        html = source.built(built_site)
        assert html.exists(), f"{row['table']}: {source} is not on the site"
        assert soup(html).find(id=anchor), f"{row['table']}: no #{anchor} on {source}"
