"""Rename a heading's anchor everywhere it is referred to: the coverage tables and every link.

After retitling a heading, the old anchor lives on in ``coverage/**/*.tsv`` (the ko_anchor or
en_anchor column of rows for that page: the ledgers and the heading/code tables) and in links
from other pages (``page.md#anchor``).

    python -m keras_kb.commands.anchors docs/models/cnn.md old-anchor new-anchor
    python -m keras_kb.commands.anchors docs/models/cnn.en.md old-anchor new-anchor
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from keras_kb import pages
from keras_kb.commands import notes


def _rename_in_tables(page: pages.Page, old: str, new: str) -> int:
    """The anchor cells of rows for this page in every coverage table (ledgers included)."""
    column_name = "ko_anchor" if page.is_default_language else "en_anchor"
    target = page.korean.name
    changed = 0
    for path in sorted(notes.COVERAGE.rglob("*.tsv")):
        rows = path.read_text(encoding="utf-8").split("\n")
        header = rows[0].split("\t")
        if "page" not in header or column_name not in header:
            continue
        where, column = header.index("page"), header.index(column_name)
        for i, row in enumerate(rows[1:], start=1):
            cells = row.split("\t")
            if len(cells) > column and cells[where] == target and cells[column] == old:
                cells[column] = new
                rows[i] = "\t".join(cells)
                changed += 1
        path.write_text("\n".join(rows), encoding="utf-8")
    return changed


def _rename_in_links(page: pages.Page, old: str, new: str) -> int:
    # links are written to the Korean file name in both languages (static-i18n resolves them)
    name = re.escape(page.korean.source.name)
    link = re.compile(rf"(\]\((?:[^)\s]*/)?{name})#{re.escape(old)}\)")
    same_page = re.compile(rf"\]\(#{re.escape(old)}\)")
    changed = 0
    for other in pages.all_pages():
        if other.language != page.language:
            continue
        text = other.read_text(encoding="utf-8")
        updated, count = link.subn(rf"\1#{new})", text)
        if other == page:
            updated, within = same_page.subn(f"](#{new})", updated)
            count += within
        if count:
            changed += count
            Path(other.source).write_text(updated, encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    page, old, new = pages.Page(Path(argv[0]).resolve()), argv[1], argv[2]
    rows, links = _rename_in_tables(page, old, new), _rename_in_links(page, old, new)
    print(f"coverage rows: {rows}, links: {links}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
