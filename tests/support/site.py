"""The site built once per run, and small readers of pages and built HTML for the tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from keras_kb import pages

# what mkdocs prints that says why a build failed; the rest of its log is noise here
PROBLEM = re.compile(r"^(ERROR|WARNING|Error|Aborted|Traceback|\S+Error\b)")


@dataclass
class Build:
    site: Path
    returncode: int
    log: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def problems(self) -> str:
        """The build's error and warning messages, each once, without the INFO lines."""
        kept, seen, keep = [], set(), False
        for line in self.log.splitlines():
            if PROBLEM.match(line):
                keep = line not in seen
                seen.add(line)
            elif not line.startswith((" ", "\t")):
                keep = False
            if keep:
                kept.append(line)
        return "\n".join(kept[:200]) or self.log[-3000:]


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


def soup(html: Path) -> BeautifulSoup:
    return BeautifulSoup(Path(html).read_text(encoding="utf-8"), "html.parser")


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
