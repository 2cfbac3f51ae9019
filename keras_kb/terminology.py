"""The terminology sheet (``terminology.tsv``): one canonical Korean and English term per concept.

Each row may list patterns to avoid in each language: spellings of the same concept that drifted
in (그래디언트 beside 기울기, 보폭 for both stride and step size). :func:`drift` finds them in
a page's prose: outside fenced code, code spans, quotations (a note quoted verbatim keeps its
words), link targets and HTML comments.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from keras_kb import pages

SHEET = pages.ROOT / "terminology.tsv"

# what is not the page's own prose: fenced code, code spans, quotations, link targets, comments,
# math and snippet includes
NOT_PROSE = re.compile(
    pages.FENCED_CODE.pattern  # first: its groups are \1 and \2
    + r"|`[^`\n]+`"
    r"|\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’"
    r"|\]\([^)]*\)|<!--.*?-->|\$\$.*?\$\$|\$[^$\n]+\$"
    r"|^\s*--8<--.*$",
    re.M | re.S,
)


@dataclass(frozen=True)
class Term:
    concept: str
    ko: str
    en: str
    ko_avoid: re.Pattern | None
    en_avoid: re.Pattern | None
    why: str

    def canonical(self, language: str) -> str:
        return self.ko if language == "ko" else self.en

    def avoid(self, language: str) -> re.Pattern | None:
        return self.ko_avoid if language == "ko" else self.en_avoid


@functools.cache
def terms() -> tuple[Term, ...]:
    text = SHEET.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(
        Term(
            row["concept"],
            row["ko"],
            row["en"],
            re.compile(row["ko_avoid"]) if row["ko_avoid"] else None,
            re.compile(row["en_avoid"], re.I) if row["en_avoid"] else None,
            row["why"],
        )
        for row in rows
    )


def prose(markdown: str) -> str:
    """The page's own prose, with everything else blanked and line numbers kept."""
    return NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), markdown)


def drift(markdown: str, language: str) -> list[tuple[int, str, Term]]:
    """(line, the word found, the term to write instead) for each avoided spelling."""
    found = []
    for number, line in enumerate(prose(markdown).splitlines(), start=1):
        for term in terms():
            pattern = term.avoid(language)
            found += [(number, m[0], term) for m in pattern.finditer(line)] if pattern else []
    return found
