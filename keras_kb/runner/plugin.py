"""pytest plugin: run every Python block of every page, as rendered, with pytest-codeblocks.

Only Korean pages (``page.md``) are collected: their English twins must hold the same code,
which ``tests/test_translations.py`` checks, so each code sequence runs once. Walkthroughs run
in a kernel instead (``tests/test_notebooks.py``).
We reuse pytest-codeblocks' parser and item and add only what it lacks: snippet expansion, the
sandbox (:mod:`keras_kb.sandbox`) before each example, pytest's assertion messages, and failures
that name the page line, the snippet line, the type, a traceback and what the example printed.
Test ids and messages count lines of the page's own source (``docs/models/cnn.md::line 36``).
"""

from __future__ import annotations

import ast
import io
import linecache
import os
import re
import sys
import traceback
from contextlib import redirect_stdout
from pathlib import Path

import pytest

# pytest's own assertion rewriting, applied to the example's code so that a failing bare
# ``assert a == b`` shows both values, as in a test module (public function, private module)
from _pytest.assertion.rewrite import rewrite_asserts
from pytest_codeblocks.plugin import MarkdownFile, TestBlock

from keras_kb import pages, sandbox

PRINTED_TAIL = 3000  # characters of an example's output kept in its failure report


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix != ".md" or not file_path.is_relative_to(pages.DOCS):
        return None
    page = pages.Page(file_path)
    if not page.is_default_language or page.is_walkthrough:
        return None  # twins hold the same code; a walkthrough runs in one kernel
    return PageFile.from_parent(parent, path=file_path)


class PageFile(MarkdownFile):
    def collect(self):
        try:
            expanded = pages.expand(self.path)
        except pages.PageError as error:
            raise self.CollectError(str(error)) from None
        for block in pages.Page(self.path).code_blocks():
            if block.syntax != "python":
                _reject_swallowed_continuation(self, expanded, block)
                continue  # tests/test_fences.py rejects python-like fences that are not "python"
            name = f"line {expanded.page_line(block.lineno)}"
            item = PageBlock.from_parent(self, name=name, obj=block)
            item.origins = pages.block_origins(expanded, block.lineno, block.code)
            item.add_marker(pytest.mark.examples)
            for mark in block.marks:
                item.add_marker(eval(mark, {"sys": sys, "pytest": pytest}))
            yield item


def _reject_swallowed_continuation(collector, expanded, block) -> None:
    """pytest-codeblocks appends a ``cont`` block to the previous block whatever its language:
    after a ```shell block the Python would silently never run. Refuse such a page."""
    fence = expanded.lines[block.lineno - 1].lstrip()
    ticks = fence[: len(fence) - len(fence.lstrip("`"))]
    own_lines = 0
    while not expanded.lines[block.lineno + own_lines].lstrip().startswith(ticks):
        own_lines += 1
    if len(block.code.splitlines()) > own_lines:
        raise collector.CollectError(
            f"{pages.rel(collector.path)}:{expanded.page_line(block.lineno)}: a "
            f"<!--pytest-codeblocks:cont--> block follows this ```{block.syntax} block and would "
            "be merged into it, never executed; continue from a python block instead"
        )


class ExampleFailure(Exception):
    pass


class PageBlock(TestBlock):
    origins: list[tuple[int, pages.Origin]]  # per code line: (page line, snippet origin)

    def setup(self) -> None:
        sandbox.prepare(self.config._tmp_path_factory.mktemp("example"))

    def runtest(self) -> None:
        block = self.obj
        if block.importorskip is not None:
            pytest.importorskip(block.importorskip)
        filename = f"<{pages.rel(self.path)} line {self.origins[0][0]}>"
        linecache.cache[filename] = (len(block.code), None, block.code.splitlines(True), filename)
        printed = io.StringIO()
        try:
            with redirect_stdout(printed):
                exec(self._compile(filename), {"__name__": "__example__"})
        except Exception as error:
            raise ExampleFailure(self._describe(error, filename, printed.getvalue())) from None
        self._check_output(printed.getvalue())

    def _compile(self, filename: str):
        tree = ast.parse(self.obj.code, filename)
        rewrite_asserts(tree, self.obj.code.encode(), config=self.config)
        return compile(tree, filename, "exec")

    def _check_output(self, output: str) -> None:
        expected = self.obj.expected_output
        if expected is None:
            return
        if self.obj.expected_output_ignore_whitespace:
            same = re.sub(r"\s+", "", expected) == re.sub(r"\s+", "", output)
        else:
            same = expected == output
        if not same:
            raise ExampleFailure(
                f"{self._where(1)}: printed output differs from the page\n"
                f"--- expected (on the page)\n{expected}--- printed\n{output}"
            )

    def _where(self, code_line: int) -> str:
        page_line, origin = self.origins[code_line - 1]
        return f"{pages.rel(self.path)}:{page_line} (snippet {origin})"

    def _describe(self, error: Exception, filename: str, printed: str) -> str:
        frames = traceback.extract_tb(error.__traceback__)
        own = [frame for frame in frames if frame.filename == filename]
        failing_line = own[-1].lineno if own else 1
        message = str(error).strip()
        lines = [f"{self._where(failing_line)}: {type(error).__name__}: {message}", "Traceback:"]
        for frame in frames[1:]:  # frame 0 is runtest itself
            if frame.filename == filename:
                where = str(self.origins[frame.lineno - 1][1])
            else:
                where = f"{frame.filename}:{frame.lineno}"
            lines.append(f"  {where} in {frame.name}\n    {(frame.line or '').strip()}")
        if printed:
            shown = printed if len(printed) <= PRINTED_TAIL else "..." + printed[-PRINTED_TAIL:]
            lines += ["--- printed by the example before it failed ---", shown.rstrip("\n")]
        return "\n".join(lines)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ExampleFailure):
            return str(excinfo.value)
        return super(TestBlock, self).repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.origins[0][0], f"{pages.rel(self.path)}:{self.origins[0][0]}"


def pytest_addoption(parser):
    parser.addoption(
        "--require-gpu",
        action="store_true",
        default=os.environ.get("KB_REQUIRE_GPU") == "1",
        help="fail unless TensorFlow sees a GPU (also KB_REQUIRE_GPU=1)",
    )


def pytest_configure(config):
    sandbox.apply_environment()  # before anything imports TensorFlow
    sandbox.import_tensorflow_quietly()


def pytest_collection_finish(session):
    if session.config.getoption("--require-gpu") and sandbox.device() == "CPU":
        raise pytest.UsageError("--require-gpu: TensorFlow sees no GPU")


def pytest_terminal_summary(terminalreporter):
    reports = terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
    ran = [r for r in reports if r.when == "call" and r.nodeid.startswith("docs/")]
    if ran:
        device = sandbox.device()
        terminalreporter.write_line(f"code blocks executed: {len(ran)} (device: {device})")
