import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_codeblocks.main import extract_from_buffer

from tools import pages


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once per run with ``mkdocs build --strict`` (both languages)."""
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
    """Where the built site puts a source page."""
    english = source.name.endswith(pages.SECONDARY_SUFFIX)
    relative = source.relative_to(pages.DOCS)
    stem = relative.name.removesuffix(pages.SECONDARY_SUFFIX if english else ".md")
    folder = relative.parent if stem == "index" else relative.parent / stem
    return site / ("en" if english else "") / folder / "index.html"
