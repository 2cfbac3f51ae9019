"""What each example really produced, recorded by the test run and shown by the site.

The runner (``keras_kb.runner``) executes every fence of a page and records, per fence, what it
printed, the exception it was annotated to raise, and the figures it drew. A record is keyed by
the example's code and everything else that shapes its output (the sandbox, the stand-ins, the
library versions), so the build (``hooks/outputs.py``) finds the outputs of exactly the code it
renders, and an unchanged page is never executed again. Records live in ``.cache/outputs/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path

from keras_kb import pages

CACHE = pages.ROOT / ".cache" / "outputs"
LIBRARIES = ("tensorflow", "keras", "numpy")


@dataclass
class FenceOutput:
    line: int  # the fence's line in the raw page
    text: str = ""  # what the fence printed (stdout)
    error: str = ""  # "Type: message" of the exception it was annotated to raise
    figures: list[str] = field(default_factory=list)  # PNG files next to the record


@dataclass
class Record:
    page: str
    fences: list[FenceOutput]
    versions: dict[str, str]
    device: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Record:
        data = json.loads(text)
        data["fences"] = [FenceOutput(**fence) for fence in data["fences"]]
        return cls(**data)


def versions() -> dict[str, str]:
    return {name: version(name) for name in LIBRARIES} | {"python": platform.python_version()}


def _conditions() -> list[str]:
    """Everything besides an example's code that shapes what it prints."""
    from keras_kb import sandbox, standins
    from keras_kb.runner import forkserver, worker

    modules = (sandbox, standins, forkserver, worker)
    sources = [Path(module.__file__).read_text(encoding="utf-8") for module in modules]
    backend = {"backend": sandbox.ENVIRONMENT["KERAS_BACKEND"]}  # another's outputs never show
    return [*sources, json.dumps(versions() | backend, sort_keys=True)]


def key(fences: list[pages.Fence]) -> str:
    """The record's name for an example: its fences' code and annotations, and the conditions."""
    digest = hashlib.sha256()
    for part in [*(f"{fence.code}\0{fence.raises}" for fence in fences), *_conditions()]:
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:24]


def path(record_key: str) -> Path:
    return CACHE / f"{record_key}.json"


def figure_path(record_key: str, fence: int, number: int) -> Path:
    return CACHE / f"{record_key}-{fence}-{number}.png"


def save(record_key: str, record: Record) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path(record_key).with_suffix(".partial")
    partial.write_text(record.to_json(), encoding="utf-8")
    os.replace(partial, path(record_key))  # a reader never sees half a record


def load(record_key: str) -> Record | None:
    target = path(record_key)
    return Record.from_json(target.read_text(encoding="utf-8")) if target.exists() else None


def examples(page: pages.Page) -> list[list[pages.Fence]]:
    """The page's examples (pytest-codeblocks blocks), each as its fences, in order."""
    expanded = page.expanded()
    return [pages.fences(expanded, b) for b in page.code_blocks() if b.syntax == "python"]


def keys(page: pages.Page) -> list[str]:
    """Each example's record key. The page's examples share one namespace, so what one prints
    can depend on every block before it: its key covers them all."""
    result, before = [], []
    for fences in examples(page):
        before += fences
        result.append(key(before))
    return result


def page_records(page: pages.Page) -> list[tuple[list[pages.Fence], Record | None]]:
    """Each example of the page with its record (None where none is recorded yet)."""
    return [(fences, load(k)) for fences, k in zip(examples(page), keys(page), strict=True)]


def main(argv: list[str]) -> int:
    """Print the recorded output of every block of the given pages (``./dev outputs PAGE``)."""
    for arg in argv:
        page = pages.Page(arg).korean
        for fences, record in page_records(page):
            if record is None:
                print(f"{page}:{fences[0].line}: not recorded yet (./dev test {page})")
                continue
            for fence in record.fences:
                shown = fence.text + (fence.error + "\n" if fence.error else "")
                figures = f" [{len(fence.figures)} figure(s)]" if fence.figures else ""
                print(f"--- {page}:{fence.line}{figures}\n{shown}", end="")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
