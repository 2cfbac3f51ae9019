"""The five original notes (`notes/`): their headings and code fragments, for coverage."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from keras_kb.pages import ROOT

NOTES = ROOT / "notes"
COVERAGE = ROOT / "coverage"
HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*$")
FENCE = re.compile(r"^\s*(?:[-*]\s+)?```")  # a fence may open a list item


@dataclass(frozen=True)
class Fragment:
    note: str  # "000" … "004"
    kind: str  # "heading" or "code"
    excerpt: str  # the heading text, or the code's first non-empty line, stripped


def note_id(path: Path) -> str:
    return path.name[:3]


def fragments(path: Path) -> list[Fragment]:
    found, in_code, first_line = [], False, None
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if FENCE.match(line):
            if in_code and first_line is not None:
                found.append(Fragment(note_id(path), "code", first_line))
            in_code, first_line = not in_code, None
        elif in_code:
            if first_line is None and line.strip():
                first_line = line.strip()
        elif match := HEADING.match(line):
            found.append(Fragment(note_id(path), "heading", match["text"].strip()))
    return found


def all_fragments() -> list[Fragment]:
    return [f for path in sorted(NOTES.glob("*.txt")) for f in fragments(path)]


def coverage_rows() -> list[dict]:
    rows = []
    for table in sorted(COVERAGE.glob("*.tsv")):  # the ledger lives in coverage/ledger/
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append({**row, "table": table.name})
    return rows


LEDGER = COVERAGE / "ledger"
STATUSES = ("confirmed", "corrected", "conceptual", "no claim")
TEXT_COLUMNS = ("status", "page", "ko_anchor", "en_anchor", "quote", "check", "why")


@dataclass(frozen=True)
class Claim:
    """One row of a note's claim ledger (coverage/README.md defines the columns)."""

    note: str
    first: int  # note lines, 1-based, inclusive
    last: int
    status: str
    page: str
    ko_anchor: str
    en_anchor: str
    quote: str
    check: str
    why: str
    row: int  # the ledger file's line, for messages

    @property
    def where(self) -> str:
        return f"coverage/ledger/{self.note}.tsv:{self.row} (note {self.note} lines {self.lines})"

    @property
    def lines(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


def note_path(note: str) -> Path:
    (path,) = NOTES.glob(f"{note}_*.txt")
    return path


def note_lines(note: str) -> list[str]:
    return note_path(note).read_text(encoding="utf-8").splitlines()


def ledger(note: str) -> list[Claim]:
    path = LEDGER / f"{note}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [_claim(note, row, number) for number, row in enumerate(rows, start=2)]


def _claim(note: str, row: dict, number: int) -> Claim:
    first, _, last = (row.get("lines") or "").partition("-")
    text = {key: (row.get(key) or "").strip() for key in TEXT_COLUMNS}
    return Claim(note=note, first=int(first), last=int(last or first), row=number, **text)


def ledgers() -> list[Claim]:
    return [claim for path in sorted(NOTES.glob("*.txt")) for claim in ledger(note_id(path))]


if __name__ == "__main__":  # print the fragments as coverage rows still to be mapped
    mapped = {(r["note"], r["kind"], r["excerpt"]) for r in coverage_rows()}
    print("note\tkind\texcerpt\tpage\tko_anchor\ten_anchor")
    for fragment in all_fragments():
        if (fragment.note, fragment.kind, fragment.excerpt) not in mapped:
            print(f"{fragment.note}\t{fragment.kind}\t{fragment.excerpt}\t\t\t")
