"""The page model: every page of the site, what it is, and its code as the site renders it.

Every tool, hook and test asks this module rather than working a page out again:

* :class:`Page`: a source file under ``docs/``, its language and twin (the suffix layout that
  mkdocs-static-i18n reads from ``mkdocs.yml``), its kind (a content page or a walkthrough
  notebook), the snippets it includes, and the file the build wrote for it (the build records
  that itself, see :data:`SITE_MAP` and ``hooks/page_map.py``).
* :func:`expand`: the page with its ``--8<--`` includes expanded by pymdownx.snippets with the
  very options ``mkdocs.yml`` gives it (pytest-codeblocks reads raw Markdown and would execute an
  include line as Python), with a map from every expanded line back to the page line and the
  snippet line it came from.
"""

from __future__ import annotations

import functools
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
SITE_MAP = "pages.json"  # written into the built site by hooks/page_map.py

INCLUDE = re.compile(r'^(?P<indent>\s*)-{1,}8<-{1,}\s+"(?P<target>[^"]+)"\s*$')
SECTION_MARK = re.compile(r"^\s*#\s*-{1,}8<-{1,}\s*\[(start|end):[^\]]+\]\s*$")
FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n", re.S)
KERNELSPEC = re.compile(r"^jupyter:\n(\s+.*\n)*\s+kernelspec:", re.M)
# a fenced code block in page Markdown: the closing fence at the opener's indentation, alone on
# its line; [ \t]*, not \s*, so the indentation never spans lines (that swallowed the prose
# between a fence after a blank line and the next such fence)
FENCED_CODE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)


class PageError(Exception):
    """A page that cannot be expanded; the message names the page and its line."""


@functools.cache
def site_config() -> dict:
    """mkdocs.yml as written (no plugin is loaded: cheap enough for every test)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file)


@functools.cache
def languages() -> tuple[str, tuple[str, ...]]:
    """(default locale, other locales) as the i18n plugin is configured in mkdocs.yml."""
    for plugin in site_config()["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            configured = plugin["i18n"]["languages"]
            default = next(lang["locale"] for lang in configured if lang.get("default"))
            return default, tuple(lang["locale"] for lang in configured if not lang.get("default"))
    raise PageError("mkdocs.yml: no i18n plugin, so no languages")


def rel(path: Path) -> str:
    return str(Path(path).relative_to(ROOT))


@dataclass(frozen=True, order=True)
class Page:
    source: Path  # docs/models/dense.md or docs/models/dense.en.md

    def __post_init__(self):
        object.__setattr__(self, "source", Path(self.source).resolve())

    def __str__(self) -> str:
        return rel(self.source)

    def __fspath__(self) -> str:  # a Page is path-like: open(page), Path(page)
        return str(self.source)

    @property
    def rel(self) -> str:
        return rel(self.source)

    @property
    def name(self) -> str:
        """The source's path under docs/, as translations.lock and coverage/ name pages."""
        return self.source.relative_to(DOCS).as_posix()

    @property
    def language(self) -> str:
        suffixes = Path(self.source.name.removesuffix(".md")).suffixes
        _, others = languages()
        if suffixes and suffixes[-1].lstrip(".") in others:
            return suffixes[-1].lstrip(".")
        return languages()[0]

    @property
    def is_default_language(self) -> bool:
        return self.language == languages()[0]

    @property
    def stem(self) -> Path:
        """The page without language and extension: ``models/dense``."""
        relative = self.source.relative_to(DOCS)
        name = relative.name.removesuffix(".md")
        if not self.is_default_language:
            name = name.removesuffix(f".{self.language}")
        return relative.parent / name

    @property
    def twin(self) -> Page:
        """The same page in the other language (the site has two)."""
        default, (other, *_) = languages()
        language = default if self.language == other else other
        suffix = ".md" if language == default else f".{language}.md"
        return Page(DOCS / self.stem.parent / (self.stem.name + suffix))

    @property
    def korean(self) -> Page:
        """The page of the pair whose code runs (both hold the same code)."""
        return self if self.is_default_language else self.twin

    def exists(self) -> bool:
        return self.source.exists()

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.source.read_text(encoding=encoding)

    @property
    def kind(self) -> str:
        """``walkthrough``: a jupytext-Markdown notebook (a kernelspec in its front matter)."""
        match = FRONT_MATTER.match(self.read_text())
        return "walkthrough" if match and KERNELSPEC.search(match["yaml"]) else "page"

    @property
    def is_walkthrough(self) -> bool:
        return self.kind == "walkthrough"

    @property
    def snippets(self) -> list[Path]:
        """The snippet files the page includes, in order, each once."""
        targets = [m["target"] for m in map(INCLUDE.match, self.read_text().splitlines()) if m]
        return list(dict.fromkeys(ROOT / target.partition(":")[0] for target in targets))

    def built(self, site: Path) -> Path:
        """The HTML file the build wrote for this page, as the build recorded it."""
        entry = site_map(site).get(self.rel)
        if entry is None:
            raise PageError(f"{self.rel}: not in {Path(site) / SITE_MAP} (not built?)")
        return Path(site) / entry["built"]

    def expanded(self) -> ExpandedPage:
        return expand(self.source)

    def code_blocks(self):
        """The page's fenced blocks as pytest-codeblocks parses them, includes expanded."""
        from pytest_codeblocks.main import extract_from_buffer

        return extract_from_buffer(io.StringIO(self.expanded().text))


def all_pages() -> list[Page]:
    return sorted(Page(p) for p in DOCS.rglob("*.md"))


def korean_pages() -> list[Page]:
    return [page for page in all_pages() if page.is_default_language]


def english_pages() -> list[Page]:
    return [page for page in all_pages() if not page.is_default_language]


def walkthroughs() -> list[Page]:
    """Korean walkthrough pages; their twins hold the same code cells."""
    return [page for page in korean_pages() if page.is_walkthrough]


def site_map(site: Path) -> dict:
    """{page source (repo-relative): {"built": path in the site, "language": locale}}."""
    path = Path(site) / SITE_MAP
    if not path.exists():
        raise PageError(f"{path} is missing: build the site with hooks/page_map.py enabled")
    return _read_site_map(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _read_site_map(path: Path, mtime_ns: int) -> dict:  # every test asks it for many pages
    return json.loads(path.read_text(encoding="utf-8"))


def built_pages(site: Path) -> list[tuple[Page, Path]]:
    """Every page the build wrote, both languages, with its HTML file."""
    return sorted((Page(ROOT / src), Path(site) / e["built"]) for src, e in site_map(site).items())


# --- expansion -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    """Where a line of an expanded page comes from."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{rel(self.path)}:{self.line}"


@dataclass
class ExpandedPage:
    source: Path
    lines: list[str]
    origins: list[Origin]  # per line: the page line itself, or the snippet line it came from
    page_lines: list[int]  # per line: its line in the raw page (the include line for snippets)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def page_line(self, expanded_line: int) -> int:
        """The raw page's line for a 1-based line of the expanded text."""
        return self.page_lines[expanded_line - 1]


@functools.cache
def _snippet_config() -> dict:
    """The pymdownx.snippets options exactly as mkdocs.yml declares them."""
    extensions = site_config()["markdown_extensions"]
    options = next(
        dict(ext["pymdownx.snippets"] or {})
        for ext in extensions
        if isinstance(ext, dict) and "pymdownx.snippets" in ext
    )
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
    for number, line in enumerate(Path(page).read_text(encoding="utf-8").splitlines(), start=1):
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
    return ExpandedPage(Path(page), lines, origins, page_lines)


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


# --- fences --------------------------------------------------------------------------------

RAISES = re.compile(r"^\s*<!--\s*kb:raises\s+(?P<type>[\w.]+)(?::\s*(?P<match>.*?))?\s*-->\s*$")


@dataclass(frozen=True)
class Fence:
    """One displayed code block: pytest-codeblocks merges continued fences into one example,
    the page shows (and the runner executes, in one namespace) each fence on its own."""

    line: int  # the fence's line in the raw page
    code: str
    raises: tuple[str, str] | None  # (exception type, message fragment) from <!--kb:raises-->


def fences(page: ExpandedPage, block) -> list[Fence]:
    """The fences a pytest-codeblocks block is made of, in order."""
    remaining = block.code.splitlines(keepends=True)
    result, cursor = [], block.lineno - 1  # 0-based index of the fence line
    while remaining:
        while not page.lines[cursor].lstrip().startswith("```python"):
            cursor += 1
        opening = page.lines[cursor]
        ticks = opening.lstrip()[: len(opening.lstrip()) - len(opening.lstrip().lstrip("`"))]
        end = cursor + 1
        while not page.lines[end].strip() == ticks:
            end += 1
        count = end - cursor - 1
        code, remaining = "".join(remaining[:count]), remaining[count:]
        result.append(Fence(page.page_lines[cursor], code, _raises_before(page, cursor)))
        cursor = end + 1
    return result


def _annotation_or_blank(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("<!--")


def _raises_before(page: ExpandedPage, fence_index: int) -> tuple[str, str] | None:
    """The <!--kb:raises Type: fragment--> annotation among the lines right above a fence."""
    index = fence_index - 1
    while index >= 0 and _annotation_or_blank(page.lines[index]):
        match = RAISES.match(page.lines[index])
        if match:
            return match["type"], match["match"] or ""
        index -= 1
    return None


# --- snippet sections ----------------------------------------------------------------------

SECTION = re.compile(r"^\s*#\s*-{1,}8<-{1,}\s*\[(?P<end>start|end):(?P<name>[^\]]+)\]\s*$")
CHECK_SUFFIX = "-check"  # section "train-check" holds the hidden checks of section "train"


@functools.cache
def _sections(path: Path, mtime_ns: int) -> dict[str, tuple[int, int]]:
    found, opened = {}, {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = SECTION.match(line)
        if match and match["end"] == "start":
            opened[match["name"]] = number
        elif match and match["name"] in opened:
            found[match["name"]] = (opened.pop(match["name"]), number)
    return found


def sections(path: Path) -> dict[str, tuple[int, int]]:
    """Each section of a snippet file: name -> (start marker line, end marker line)."""
    return _sections(Path(path), Path(path).stat().st_mtime_ns)


def section_of(origin: Origin) -> str | None:
    """The innermost section of its snippet file that an included line belongs to."""
    if not origin.path.is_relative_to(SNIPPETS):
        return None
    around = [
        (start, name)
        for name, (start, end) in sections(origin.path).items()
        if start < origin.line < end
    ]
    return max(around)[1] if around else None


def check_section(origin: Origin) -> tuple[str, int] | None:
    """(code, first line) of the hidden checks of the section a line was included from."""
    name = section_of(origin)
    if name is None or name.endswith(CHECK_SUFFIX):
        return None
    span = sections(origin.path).get(name + CHECK_SUFFIX)
    if span is None:
        return None
    lines = origin.path.read_text(encoding="utf-8").splitlines()[span[0] : span[1] - 1]
    return "\n".join(lines) + "\n", span[0] + 1


def fence_checks(origins: list[tuple[int, Origin]], fences: list[Fence]) -> list:
    """Per fence of a block: its hidden checks as (code, ``snippets/x.py:N``), or None.

    The runner and the walkthrough kernel both run them; a fence that shows several sections
    with checks, or checks that are not only asserts, raise :class:`PageError`.
    """
    result, offset = [], 0
    for fence in fences:
        count = len(fence.code.splitlines())
        found = {check_section(origin) for _, origin in origins[offset : offset + count]}
        found.discard(None)
        if len(found) > 1:
            raise PageError(
                f"line {fence.line}: one block shows several sections with checks; split it"
            )
        if found:
            code, first_line = found.pop()
            where = f"{rel(origins[offset][1].path)}:{first_line}"
            if problem := check_problem(code, where):
                raise PageError(problem)
            result.append((code, where))
        else:
            result.append(None)
        offset += count
    return result


def check_problem(code: str, where: str) -> str | None:
    """Why hidden checks are refused, if they are: they may look, never touch, so they hold
    assert statements only (no assignment expression inside either)."""
    import ast

    tree = ast.parse(code)
    bad = [node for node in tree.body if not isinstance(node, ast.Assert)]
    bad += [node for node in ast.walk(tree) if isinstance(node, ast.NamedExpr)]
    if not bad:
        return None
    return (
        f"{where}: a check section holds only assert statements (its line {bad[0].lineno} is "
        f"{type(bad[0]).__name__}): what it does must not change what later blocks see"
    )
