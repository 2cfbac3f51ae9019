"""The site built once per run, and small readers of pages and built HTML for the tests."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from keras_kb import pages

# what mkdocs prints that says why a build failed: its messages, the items listed under them,
# and the exception a traceback ends with; INFO lines and traceback frames are noise here
MESSAGE = re.compile(r"^(ERROR|WARNING|Aborted)\b")
ITEM = re.compile(r"^\s+- ")
EXCEPTION = re.compile(r"^[\w.]+(Error|Exception): ")
# a Markdown link to another page of the site: [text](../models/cnn.md#anchor)
PAGE_LINK = re.compile(r"\]\((?P<target>[^)#\s]+\.md)(?:#(?P<anchor>[^)\s]+))?\)")


@dataclass
class Build:
    site: Path
    returncode: int
    log: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def problems(self) -> str:
        """The build's error and warning messages, each once, without the noise."""
        kept, in_message = [], False
        for line in self.log.splitlines():
            if MESSAGE.match(line) or EXCEPTION.match(line):
                in_message = True
                if line not in kept:
                    kept.append(line)
            elif in_message and ITEM.match(line):
                kept.append(line)
            else:
                in_message = False
        return "\n".join(kept[:200]) or self.log[-3000:]

    def __repr__(self) -> str:  # keep a failure report short: the log is thousands of lines
        return f"Build(site={str(self.site)!r}, returncode={self.returncode})"

    def fail_unless_ok(self) -> None:
        if not self.ok:
            pytest.fail(f"mkdocs build --strict failed:\n{self.problems()}", pytrace=False)


LAST_BUILD: Build | None = None  # this run's build, for the end-of-run report (conftest.py)


def build_site(site: Path) -> Build:
    """``mkdocs build --strict`` of both languages into ``site``."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=pages.ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return Build(site, result.returncode, result.stdout + result.stderr)


def expanded(page: pages.Page) -> pages.ExpandedPage:
    """The page with its includes expanded; a page that cannot be, fails the test in one line."""
    try:
        return pages.expand(page.source)
    except pages.PageError as error:
        problem = str(error)
    pytest.fail(problem, pytrace=False)  # outside the except: no chained traceback


def soup(html: Path) -> BeautifulSoup:
    """The parsed page, parsed once per run: many tests read the same 64 pages (read-only)."""
    return _parsed(Path(html).resolve(), Path(html).stat().st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _parsed(html: Path, mtime_ns: int) -> BeautifulSoup:
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def markdown_tables(page: Path) -> list[list[list[str]]]:
    """Each Markdown table of the page as a list of rows (lists of cell strings), no header."""
    tables, current = [], []
    for line in Path(page).read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("|"):
            current.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif current:
            tables.append(current[2:])  # drop header and separator
            current = []
    return tables
