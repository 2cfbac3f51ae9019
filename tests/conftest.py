import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_codeblocks.main import extract_from_buffer

from tests.browser import REPORT, browser, chromium, context, site_url, tab  # noqa: F401
from tools import pages


@pytest.fixture(scope="session")
def executed_notebooks() -> dict:
    """Every walkthrough executed once per run, afresh, in its own kernel.

    Executing refreshes the notebook cache, which the build in ``built_site`` then reads, so a
    run executes each notebook once rather than once here and again in the build.
    """
    import pytest_socket

    from tools import notebooks

    # nbclient and the kernel talk over AF_UNIX; the network stays off
    pytest_socket.enable_socket()
    pytest_socket.disable_socket(allow_unix_socket=True)
    return {page: notebooks.executed(page, use_cache=False) for page in notebooks.notebook_pages()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, request) -> Path:
    """The site built once per run with ``mkdocs build --strict`` (both languages).

    KB_BUILT_SITE=path reuses a site built before (for iterating on the site checks only).
    """
    if os.environ.get("KB_BUILT_SITE"):
        return Path(os.environ["KB_BUILT_SITE"]).resolve()
    request.getfixturevalue("executed_notebooks")  # the build reuses these executions
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=pages.ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-5000:]}"
    return site


def code_blocks(page: Path):
    """The page's fenced blocks as the site renders them (includes expanded)."""
    return extract_from_buffer(io.StringIO(pages.expand(page).text))


def html_of(source: Path, site: Path) -> Path:
    """Where the built site puts a source page.

    Material's offline plugin (mkdocs.yml) turns ``use_directory_urls`` off so the site works
    from file://: ``models/dense.md`` becomes ``models/dense.html``, its twin
    ``en/models/dense.html``.
    """
    english = source.name.endswith(pages.SECONDARY_SUFFIX)
    relative = source.relative_to(pages.DOCS)
    stem = relative.name.removesuffix(pages.SECONDARY_SUFFIX if english else ".md")
    return site / ("en" if english else "") / relative.parent / f"{stem}.html"


def pytest_terminal_summary(terminalreporter):
    for line in REPORT:  # what the reader-facing checks measured (tests/test_reader.py)
        terminalreporter.write_line(line)


def markdown_tables(page: Path) -> list[list[list[str]]]:
    """Each Markdown table of the page as a list of rows (lists of cell strings), no header."""
    tables, current = [], []
    for line in page.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("|"):
            current.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif current:
            tables.append(current[2:])  # drop header and separator
            current = []
    return tables
