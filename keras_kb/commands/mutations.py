"""How many plausible editing mistakes the suite catches (./dev mutations).

Each row of tests/mutations.tsv is one mistake a careless editor could make: in `file`, the
text `old` (it must occur exactly once) becomes `new`. For each row, one at a time, the command
applies it, confirms the page pair as an editor would (`./dev confirm`, so the translation lock
is not what catches it), runs the structural tests and the page's own examples, and restores
every file it touched. A mistake is caught when that run fails. Results: bench/mutations.json.

    python -m keras_kb.commands.mutations            # every row
    python -m keras_kb.commands.mutations 3 7        # rows 3 and 7 (1-based)
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from keras_kb import outputs, pages

MUTATIONS = pages.ROOT / "tests" / "mutations.tsv"
RESULTS = pages.ROOT / "bench" / "mutations.json"
LOCK = pages.ROOT / "translations.lock"
PYTEST = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
NO_TESTS_COLLECTED = 5  # pytest's exit code: not a failure
STRUCTURAL = ["-m", "not examples and not browser and not harness", "tests"]


def rows() -> list[dict]:
    with MUTATIONS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _unescape(text: str) -> str:
    return text.replace("\\t", "\t").replace("\\n", "\n")


def _page_of(path: Path) -> pages.Page | None:
    """The Korean page a mutated file belongs to: itself, its twin, or the page that includes
    the snippet (none for coverage/ and tests/: the structural tests read them)."""
    if path.is_relative_to(pages.DOCS):
        return pages.Page(path).korean
    return next((page for page in pages.korean_pages() if path in page.snippets), None)


def _failed_test(output: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith(("FAILED", "ERROR"))]
    return lines[0][:200] if lines else output.strip().splitlines()[-1][:200]


def run_one(row: dict) -> dict:
    path = pages.ROOT / row["file"]
    original, lock = path.read_text(encoding="utf-8"), LOCK.read_text(encoding="utf-8")
    old, new = _unescape(row["old"]), _unescape(row["new"])
    if original.count(old) != 1:
        return {**row, "caught": None, "by": f"stale: {old!r} occurs {original.count(old)}x"}
    page, started = _page_of(path), time.monotonic()
    try:
        path.write_text(original.replace(old, new), encoding="utf-8")
        if page is not None:
            confirm = [sys.executable, "-m", "keras_kb.site_build.translations", "confirm"]
            subprocess.run([*confirm, str(page)], cwd=pages.ROOT, capture_output=True)
        runs = [[*PYTEST, *STRUCTURAL]]
        if page is not None and not page.is_walkthrough and outputs.examples(page):
            runs.append([*PYTEST, str(page)])
        for command in runs:
            done = subprocess.run(command, cwd=pages.ROOT, capture_output=True, text=True)
            if done.returncode not in (0, NO_TESTS_COLLECTED):
                return {
                    **row,
                    "caught": True,
                    "by": _failed_test(done.stdout + done.stderr),
                    "seconds": round(time.monotonic() - started),
                }
        return {**row, "caught": False, "by": "", "seconds": round(time.monotonic() - started)}
    finally:
        path.write_text(original, encoding="utf-8")
        LOCK.write_text(lock, encoding="utf-8")


def summary(results: list[dict]) -> str:
    ran = [r for r in results if r["caught"] is not None]
    by_category, caught = Counter(r["category"] for r in ran), Counter()
    caught.update(r["category"] for r in ran if r["caught"])
    lines = ["| category | caught / run |", "|---|---:|"]
    lines += [f"| {c} | {caught[c]} / {n} |" for c, n in sorted(by_category.items())]
    total = sum(by_category.values())
    lines.append(f"| **all** | **{sum(caught.values())} / {total}** |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    chosen = {int(a) for a in argv}
    results = []
    for number, row in enumerate(rows(), start=1):
        if chosen and number not in chosen:
            continue
        result = {"row": number, **run_one(row)}
        print(
            f"{number:3} {'caught' if result['caught'] else 'MISSED'}: {row['what']}"
            f"  <- {result['by']}",
            flush=True,
        )
        results.append(result)
    if not chosen:
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    print(summary(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
