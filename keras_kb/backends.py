"""The backend record: on which Keras backends each page's code ran, and why not where it did not.

``./dev backends`` (keras_kb/commands/backends.py) measures it and writes :data:`RECORD`:

    {"jax": {"keras": "3.15.1", "jax": "0.10.2", "date": "2026-12-01",
             "pages": {"models/cnn.md": {"result": "passed", "code": "<digest>"}, ...}}, ...}

``result`` is ``passed`` or where the page first failed and why; ``code`` is
:func:`code_digest` of the page when it was measured, so a page edited since then is shown as
not measured rather than with an old result. :data:`REASONS` says, per page and in both
languages, why a page does not run on some backend (TensorFlow-only code on purpose);
tests/test_backends.py requires one for every failure in the record. The site shows both on
each page (keras_kb/site_build/backend_badge.py).
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from keras_kb import outputs, pages

RECORD = pages.SNIPPETS / "appendix/backends.json"
REASONS = pages.SNIPPETS / "appendix/backends-why.yml"
NAMES = {"tensorflow": "TensorFlow", "jax": "JAX", "torch": "PyTorch"}
PASSED = "passed"


def pages_with_code() -> list[pages.Page]:
    """The Korean pages whose code the suite runs: content pages with Python blocks, and the
    walkthroughs (the Korean and English pages share their code)."""
    return [page for page in pages.korean_pages() if has_code(page)]


def has_code(page: pages.Page) -> bool:
    korean = page.korean
    return korean.is_walkthrough or any(outputs.examples(korean))


def name(page: pages.Page) -> str:
    """The record's name for a page: its Korean source under docs/ (``models/cnn.md``)."""
    return page.korean.source.relative_to(pages.DOCS).as_posix()


def code_digest(page: pages.Page) -> str:
    """What a backend run of the page depends on besides the libraries: its include lines and
    annotation comments (raises, skips), and the snippet files it includes (shown code and
    hidden checks)."""
    korean = page.korean
    digest = hashlib.sha256()
    for line in korean.read_text().splitlines():
        if pages.INCLUDE.match(line) or line.lstrip().startswith("<!--"):
            digest.update(line.strip().encode() + b"\0")
    for snippet in korean.snippets:
        digest.update(snippet.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Outcome:
    backend: str  # "jax", "torch"
    version: str  # of the backend's package
    keras: str
    date: str
    result: str | None  # PASSED, the first failure, or None: not measured since the code changed

    @property
    def label(self) -> str:
        return f"{NAMES[self.backend]} {self.version}"


def load(path: Path = RECORD) -> dict:
    return _read(path, json.loads)


def outcomes(page: pages.Page, record: dict | None = None) -> list[Outcome]:
    """The page's result on each recorded backend, None where its code changed since."""
    record = load() if record is None else record
    digest, found = code_digest(page), []
    for backend, run in record.items():
        entry = run["pages"].get(name(page))
        result = entry["result"] if entry and entry["code"] == digest else None
        found.append(Outcome(backend, run[backend], run["keras"], run["date"], result))
    return found


def reasons(path: Path = REASONS) -> dict[str, dict[str, str]]:
    """{page name: {language: why it does not run on every backend}}."""
    return _read(path, yaml.safe_load)


def _read(path: Path, parse) -> dict:
    """The parsed file ({} when missing or empty), read again only when it changes: the build
    asks once per page. Shared: callers copy before changing it."""
    return (_parsed(path, path.stat().st_mtime_ns, parse) or {}) if path.exists() else {}


@functools.lru_cache(maxsize=4)
def _parsed(path: Path, mtime_ns: int, parse):
    return parse(path.read_text(encoding="utf-8"))
