"""The harness fails loudly, naming the page, on each way a page can go wrong.

Runs the real plugin and checks on a throwaway copy of the project holding broken pages.
"""

import shutil
import subprocess
import sys

import pytest

from keras_kb import pages

BROKEN_PAGES = {
    # page -> (Korean text, English text or None, what the report must say)
    "broken": (
        '```python\n--8<-- "snippets/bad.py:divide"\n```\n',
        True,
        ["docs/broken.md:2 (snippet snippets/bad.py:3)", "ZeroDivisionError", "1 / 0"],
    ),
    "missing": (
        '```python\n--8<-- "snippets/bad.py:gone"\n```\n',
        True,
        ["docs/missing.md:2", "gone"],
    ),
    "lonely": ("# only Korean\n", False, ["docs/lonely.md has no twin"]),
    "swallowed": (
        "```shell\necho hi\n```\n\n<!--pytest-codeblocks:cont-->\n```python\nprint(1)\n```\n",
        True,
        ["docs/swallowed.md:1", "would be merged"],
    ),
    "pyfence": ("```py\nprint('never run')\n```\n", True, ["docs/pyfence.md: fence `py`"]),
}
SNIPPET = "# --8<-- [start:divide]\nratio = 1\nratio = 1 / 0\n# --8<-- [end:divide]\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    project = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(pages.ROOT / name, project / name)
    for folder in ("keras_kb", "hooks"):
        shutil.copytree(pages.ROOT / folder, project / folder)
    (project / "tests").mkdir()
    helpers = [
        p.name for p in (pages.ROOT / "tests").glob("*.py") if not p.name.startswith("test_")
    ]
    for name in [*helpers, "test_translations.py", "test_fences.py"]:
        shutil.copy(pages.ROOT / "tests" / name, project / "tests" / name)
    (project / "snippets").mkdir()
    (project / "snippets/bad.py").write_text(SNIPPET)
    (project / "docs").mkdir()
    for name, (text, has_twin, _) in BROKEN_PAGES.items():
        (project / f"docs/{name}.md").write_text(text)
        if has_twin:
            (project / f"docs/{name}.en.md").write_text(text)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--tb=line", "--continue-on-collection-errors"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    return result.stdout + result.stderr


@pytest.mark.parametrize("page", BROKEN_PAGES)
def test_failure_names_the_page(report, page):
    for needle in BROKEN_PAGES[page][2]:
        assert needle in report, f"report for docs/{page}.md lacks {needle!r}:\n{report[-4000:]}"
