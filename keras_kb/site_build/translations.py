"""Translations stay in step: each twin pair's content as it was when both were last confirmed.

``translations.lock`` (JSON, committed) holds, for every Korean page, a hash of the Korean and of
the English text at the moment someone checked that the two say the same thing. When one side
changes and the other does not, the unchanged side is stale: tests/test_translation_sync.py
lists it and hooks/translation_status.py shows a notice on that page. Content, not dates.

    ./dev translations                    # list pairs that are not in step
    ./dev confirm docs/models/dense.md    # after checking both
    ./dev confirm                         # every pair (after checking them all)
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from keras_kb import pages

LOCK = pages.ROOT / "translations.lock"

IN_STEP = "in step"
KOREAN_CHANGED = "Korean changed, English not updated"  # the English page is stale
ENGLISH_CHANGED = "English changed, Korean not updated"  # the Korean page is stale
BOTH_CHANGED = "both changed, not re-confirmed"
UNCONFIRMED = "never confirmed"
MISSING_TWIN = "twin missing"


def digest(page: Path) -> str:
    """A hash of the page's text, blind to trailing whitespace and line endings."""
    lines = page.read_text(encoding="utf-8").splitlines()
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load(lock: Path | None = None) -> dict:
    lock = lock or LOCK
    return json.loads(lock.read_text(encoding="utf-8")) if lock.exists() else {}


def status(korean: Path, lock: dict) -> str:
    korean = pages.Page(korean)
    english = korean.twin
    if not english.exists():
        return MISSING_TWIN
    entry = lock.get(korean.name)
    if entry is None:
        return UNCONFIRMED
    ko_same, en_same = entry["ko"] == digest(korean), entry["en"] == digest(english)
    if ko_same and en_same:
        return IN_STEP
    if en_same:
        return KOREAN_CHANGED
    if ko_same:
        return ENGLISH_CHANGED
    return BOTH_CHANGED


def stale_page(korean: Path, lock: dict) -> Path | None:
    """The page of the pair that lags behind its twin, if exactly one side changed."""
    korean = pages.Page(korean)
    state = status(korean, lock)
    if state == KOREAN_CHANGED:
        return korean.twin.source
    if state == ENGLISH_CHANGED:
        return korean.source
    return None


def report(lock: dict | None = None) -> dict[str, str]:
    """Every pair that is not in step: Korean page (relative to docs/) -> why."""
    lock = load() if lock is None else lock
    result = {}
    for korean in pages.korean_pages():
        state = status(korean, lock)
        if state not in (IN_STEP, MISSING_TWIN):  # a missing twin is test_translations' job
            result[korean.name] = state
    for name in sorted(set(lock) - {page.name for page in pages.korean_pages()}):
        result[name] = "in translations.lock but the page is gone"
    return result


def confirm(korean_pages: list[Path] | None = None) -> list[str]:
    """Record the current text of these pairs (all pairs by default) as in step."""
    lock = load()
    known = {page.name for page in pages.korean_pages()}
    lock = {name: entry for name, entry in lock.items() if name in known}
    done = []
    for korean in map(pages.Page, korean_pages or pages.korean_pages()):
        if korean.twin.exists():
            lock[korean.name] = {"ko": digest(korean.source), "en": digest(korean.twin.source)}
            done.append(korean.name)
    LOCK.write_text(json.dumps(dict(sorted(lock.items())), indent=1) + "\n", encoding="utf-8")
    return done


def _korean(arg: str) -> Path:
    return pages.Page(arg).korean.source


def main(argv: list[str]) -> int:
    if argv[:1] == ["confirm"]:
        for name in confirm([_korean(a) for a in argv[1:]] or None):
            print(f"confirmed in step: {name}")
        return 0
    problems = report()
    for name, why in problems.items():
        print(f"docs/{name}: {why}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
