"""Nothing slips past the runner: pytest-codeblocks runs only fences tagged exactly ``python``."""

import re

import pytest

from keras_kb import pages
from tests.support.site import expanded as expand

FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(?P<info>[^`\n]*)$")
PYTHON_LIKE = re.compile(r"^\{?\s*\.?(py|python\d?|pycon|ipython\d?|python-repl)\b", re.I)
EXECUTED_SHELLS = {"sh", "bash"}  # pytest-codeblocks would run these; show shell as `shell`


def _fences(page):
    """(page line, info string) of every opening fence of the page, includes expanded."""
    expanded = expand(page)
    open_fence = None
    for number, line in enumerate(expanded.lines, start=1):
        match = FENCE.match(line)
        if not match:
            continue
        if open_fence is None:
            open_fence = match[1]
            yield expanded.page_line(number), match["info"].strip()
        elif match[1].startswith(open_fence) and not match["info"].strip():
            open_fence = None


@pytest.mark.parametrize("page", pages.all_pages(), ids=str)
def test_python_blocks_are_tagged_to_run(page):
    bad = [
        f"{page}:{number}: fence `{info}`: "
        + (
            "tag Python blocks exactly ```python so they are executed"
            if PYTHON_LIKE.match(info)
            else "show shell commands as ```shell (never executed)"
        )
        for number, info in _fences(page)
        if (PYTHON_LIKE.match(info) and info != "python") or info in EXECUTED_SHELLS
    ]
    assert not bad, "\n".join(bad)
