"""Facts stated in prose, bound to what the library or the page's own run produces.

A fact is a function in ``tests/facts/<section>/<page>.py`` that computes a value from the
installed library (or reads it from the page's recorded outputs) and names the sentence of each
language that states it, with ``{}`` where the value goes::

    @fact("models/dense.md", ko="기본값은 {}와 {}이므로", en="are {} and {}")
    def batch_normalization_defaults():
        layer = keras.layers.BatchNormalization()
        return f"{layer.momentum:g}", f"{layer.epsilon:g}"

``tests/test_facts.py`` computes each value and fails unless both pages contain their sentence
with that value. An edited number in either language no longer matches, and neither does a
library whose behavior changed. Values are returned as the page writes them (a string, or a
tuple of strings for several ``{}``), so the rounding a sentence uses is explicit; a value the
library or the run could give is never typed in, or the fact could not fail.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from keras_kb import outputs, pages

FACTS = pages.ROOT / "tests" / "facts"
REGISTRY: list[Fact] = []


@dataclass(frozen=True)
class Fact:
    page: str  # the Korean page, relative to docs/
    ko: str
    en: str
    compute: Callable[[], str | tuple[str, ...]]

    @property
    def name(self) -> str:
        return f"{self.page}::{self.compute.__name__}"

    def sentences(self) -> dict[pages.Page, str]:
        value = self.compute()
        values = value if isinstance(value, tuple) else (value,)
        korean = pages.Page(pages.DOCS / self.page)
        return {korean: self.ko.format(*values), korean.twin: self.en.format(*values)}


def fact(page: str, *, ko: str, en: str):
    """Register the decorated function as the fact both sentences of ``page`` state."""

    def register(compute):
        REGISTRY.append(Fact(page, ko, en, compute))
        return compute

    return register


def load_all() -> list[Fact]:
    """Import every module under tests/facts/ once; they register their facts."""
    for path in sorted(FACTS.rglob("*.py")):
        if path.name != "__init__.py":
            importlib.import_module(".".join(path.relative_to(pages.ROOT).with_suffix("").parts))
    return list(REGISTRY)


def prose(page: pages.Page) -> str:
    """The page's text as written, code blocks dropped and runs of whitespace made one space
    (a sentence may wrap across lines or sit in an indented admonition)."""
    return _prose(Path(page), Path(page).stat().st_mtime_ns)


@functools.cache  # every fact of a page reads the same text
def _prose(path: Path, mtime_ns: int) -> str:
    return re.sub(r"\s+", " ", pages.FENCED_CODE.sub(" ", path.read_text(encoding="utf-8")))


def printed(page: str, pattern: str) -> re.Match:
    """The first match of ``pattern`` in what the page's blocks printed in the recorded run."""
    return _recorded(page, pattern, "text", "output")


def raised(page: str, pattern: str) -> re.Match:
    """The first match of ``pattern`` in the exceptions the page's blocks were announced to
    raise, as recorded ("Type: message")."""
    return _recorded(page, pattern, "error", "exception")


def _recorded(page: str, pattern: str, field: str, what: str) -> re.Match:
    for _, record in outputs.page_records(pages.Page(pages.DOCS / page)):
        for fence in record.fences if record else []:
            if match := re.search(pattern, getattr(fence, field)):
                return match
    raise LookupError(f"docs/{page}: no recorded {what} matches {pattern!r} (run the page first)")


def notebook_printed(page: str, pattern: str) -> re.Match:
    """The first match of ``pattern`` in what a walkthrough's cells showed (printed text,
    displayed values without terminal colors, errors), in its executed notebook (cached)."""
    from keras_kb.site_build import notebooks

    for cell in notebooks.executed(pages.DOCS / page).cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if output.output_type == "stream":
                text = output.text
            elif output.output_type == "error":
                text = f"{output.ename}: {output.evalue}"
            else:
                text = output.get("data", {}).get("text/plain", "")
            if match := re.search(pattern, re.sub(r"\x1b\[[0-9;]*m", "", text)):
                return match
    raise LookupError(f"docs/{page}: no cell output matches {pattern!r}")


def problems(fact: Fact) -> list[str]:
    """Why the pages do not state the fact, if they do not, with the closest words they say."""
    found = []
    for page, sentence in fact.sentences().items():
        text = prose(page)
        if sentence not in text:
            near = _closest(sentence, text)
            found.append(
                f"{page}: no sentence states {sentence!r}, which {fact.name} computes"
                + (f"; the page says {near!r}" if near else "")
            )
    return found


def _closest(sentence: str, text: str) -> str | None:
    words, width = text.split(" "), len(sentence.split(" "))
    windows = [" ".join(words[i : i + width]) for i in range(len(words))]
    near = difflib.get_close_matches(sentence, windows, n=1)
    return near[0] if near else None


def main(argv: list[str]) -> int:  # python -m keras_kb.facts [docs/page.md ...]: no build needed
    from keras_kb import sandbox

    sandbox.import_tensorflow_quietly()
    chosen = {pages.Page(Path(a).resolve()).korean.rel.removeprefix("docs/") for a in argv}
    failed = 0
    for each in load_all():
        if chosen and each.page not in chosen:
            continue
        found = problems(each)
        failed += bool(found)
        print(f"{'ok  ' if not found else 'FAIL'} {each.name}" + "".join(f"\n  {p}" for p in found))
    return 1 if failed else 0


if __name__ == "__main__":
    import sys

    from keras_kb import facts  # the module the fact files register with, not this __main__

    sys.exit(facts.main(sys.argv[1:]))
