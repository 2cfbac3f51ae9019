"""Pages as the site renders them: snippet includes expanded, with a map back to the snippet lines.

pytest-codeblocks reads raw Markdown and would execute an ``--8<--`` line as Python, so the
harness expands every page with the very pymdownx.snippets configuration that mkdocs.yml uses.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
SECONDARY_SUFFIX = ".en.md"  # English twin of a Korean page.md

INCLUDE = re.compile(r'^(?P<indent>\s*)-{1,}8<-{1,}\s+"(?P<target>[^"]+)"\s*$')
SECTION_MARK = re.compile(r"^\s*#\s*-{1,}8<-{1,}\s*\[(start|end):[^\]]+\]\s*$")


class PageError(Exception):
    """A page that cannot be expanded; the message names the page."""


@dataclass(frozen=True)
class Origin:
    """Where a line of an expanded page comes from."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


@dataclass
class ExpandedPage:
    source: Path
    lines: list[str]
    origins: list[Origin]  # per line: the page line itself, or the snippet line it came from
    page_lines: list[int]  # per line: its line in the raw page (the include line for snippets)

    @property
    def text(self) -> str:
        return "".join(self.lines)


def korean_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(SECONDARY_SUFFIX))


def english_pages() -> list[Path]:
    return sorted(DOCS.rglob(f"*{SECONDARY_SUFFIX}"))


def twin_of(page: Path) -> Path:
    if page.name.endswith(SECONDARY_SUFFIX):
        return page.with_name(page.name[: -len(SECONDARY_SUFFIX)] + ".md")
    return page.with_name(page.name[: -len(".md")] + SECONDARY_SUFFIX)


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@functools.cache
def _snippet_config() -> dict:
    """The pymdownx.snippets options exactly as mkdocs.yml declares them."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    options = dict(config["mdx_configs"].get("pymdownx.snippets", {}))
    # mkdocs resolves base_path against the working directory (the repo root); pin it there
    options["base_path"] = [str(ROOT / path) for path in options.get("base_path", ["."])]
    return options


def _snippet_preprocessor():
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": _snippet_config()},
    )
    return md.preprocessors["snippet"]


def _included_origins(target: str) -> list[Origin]:
    """Origins of the lines an include brings in, marker lines dropped as pymdownx does."""
    name, _, section = target.partition(":")
    path = ROOT / name
    file_lines = path.read_text(encoding="utf-8").splitlines()
    start, end = 0, len(file_lines)
    if section:
        start = file_lines.index(f"# --8<-- [start:{section}]") + 1
        end = file_lines.index(f"# --8<-- [end:{section}]", start)
    return [
        Origin(path, number + 1)
        for number in range(start, end)
        if not SECTION_MARK.match(file_lines[number])
    ]


def expand(page: Path) -> ExpandedPage:
    """Expand every snippet include of ``page`` and remember each line's origin."""
    preprocessor = _snippet_preprocessor()
    lines: list[str] = []
    origins: list[Origin] = []
    page_lines: list[int] = []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        match = INCLUDE.match(line)
        if not match:
            lines.append(line + "\n")
            origins.append(Origin(page, number))
            page_lines.append(number)
            continue
        try:
            included = preprocessor.run([line])
        except Exception as error:  # SnippetMissingError and friends
            raise PageError(f"{rel(page)}:{number}: {type(error).__name__}: {error}") from error
        included_origins = _included_origins(match["target"])
        if len(included) == len(included_origins) + 1 and not included[-1]:
            included = included[:-1]  # a whole-file include gains an empty last line; drop it
        if len(included) != len(included_origins):  # keep the source map honest
            raise PageError(f"{rel(page)}:{number}: cannot map lines of {match['target']}")
        lines.extend(text + "\n" for text in included)
        origins.extend(included_origins)
        page_lines.extend([number] * len(included))
    return ExpandedPage(page, lines, origins, page_lines)


def block_origins(page: ExpandedPage, fence_line: int, code: str) -> list[tuple[int, Origin]]:
    """(page line, origin) of each code line; continued blocks are matched forward in the page."""
    result = []
    cursor = fence_line  # 1-based fence line == 0-based index of the first code line
    for code_line in code.splitlines():
        while page.lines[cursor].strip() != code_line.strip():
            cursor += 1
        result.append((page.page_lines[cursor], page.origins[cursor]))
        cursor += 1
    return result
