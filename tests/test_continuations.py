"""Each example runs in a fresh namespace unless it continues the one before
(``<!--pytest-codeblocks:cont-->``): a block that uses a name only an earlier block defines has
lost its continuation marker. Found without running anything (ruff's undefined-name rule), so
the fast check catches it in seconds.
"""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from keras_kb import pages
from tests.support.site import expanded

RUFF = [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "F821", "--no-cache"]


def _groups(page):
    """(block, origins) of each Python example: a block with the blocks that continue it."""
    lines = expanded(page)
    return [
        (block, pages.block_origins(lines, block.lineno, block.code))
        for block in page.code_blocks()
        if block.syntax == "python"
    ]


def _defined(code: str) -> set[str]:
    """Names a block binds at module level (assignments, imports, defs, loop and with targets)."""
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def undefined_names(page_list, workdir: Path) -> list[str]:
    """One message per name an example uses without defining it, naming page and line."""
    files = {}
    for page in page_list:
        for number, (block, _) in enumerate(_groups(page)):
            path = workdir / f"{len(files)}.py"
            path.write_text(block.code, encoding="utf-8")
            files[path.name] = (page, number)
    if not files:
        return []
    result = subprocess.run(
        [*RUFF, "--output-format", "json", str(workdir)], capture_output=True, text=True
    )
    messages = []
    for finding in json.loads(result.stdout or "[]"):
        page, number = files[Path(finding["filename"]).name]
        groups = _groups(page)
        block, origins = groups[number]
        line = origins[finding["location"]["row"] - 1][0]
        name = finding["message"].split("`")[1]
        earlier = [g for g, _ in groups[:number] if name in _defined(g.code)]
        where = f"{page}:{line}"
        if earlier:
            fence = origins[0][0] - 1
            messages.append(
                f"{where}: `{name}` is defined by the example at line "
                f"{expanded(page).page_line(earlier[-1].lineno)}, not in this one: "
                f"put <!--pytest-codeblocks:cont--> on its own line above this block's fence "
                f"(line {fence}) to continue that example"
            )
        else:
            messages.append(f"{where}: `{name}` is used but never defined on this page")
    return messages


def _example_pages():
    return [page for page in pages.korean_pages() if not page.is_walkthrough]


@pytest.mark.parametrize("page", _example_pages(), ids=str)
def test_every_name_an_example_uses_is_defined(page, tmp_path):
    problems = undefined_names([page], tmp_path)
    assert not problems, "\n".join(problems)
