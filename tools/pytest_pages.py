"""pytest plugin: run every Python block of every page, as rendered, with pytest-codeblocks.

Only Korean pages (``page.md``) are collected: their English twins must hold the same code,
which ``tests/test_translations.py`` checks, so each code sequence runs once.
We reuse pytest-codeblocks' parser and item and replace only what it lacks: snippet expansion,
per-example reset, and failures that name the page, the snippet line, the type and a traceback.
"""

from __future__ import annotations

import io
import linecache
import os
import re
import traceback
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from pytest_codeblocks.main import extract_from_buffer
from pytest_codeblocks.plugin import MarkdownFile, TestBlock

from tools import notebooks, pages

SEED = 42


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix == ".md" and file_path.is_relative_to(pages.DOCS):
        if not file_path.name.endswith(pages.SECONDARY_SUFFIX):
            if notebooks.is_notebook(file_path):
                return None  # one kernel per notebook: tests/test_notebooks.py runs it
            return PageFile.from_parent(parent, path=file_path)
    return None


class PageFile(MarkdownFile):
    def collect(self):
        try:
            expanded = pages.expand(self.path)
        except pages.PageError as error:
            raise self.CollectError(str(error)) from None
        for block in extract_from_buffer(io.StringIO(expanded.text)):
            if block.syntax != "python":
                _reject_swallowed_continuation(self, expanded, block)
                continue  # tests/test_fences.py rejects python-like fences that are not "python"
            item = PageBlock.from_parent(self, name=f"line {block.lineno}", obj=block)
            item.origins = pages.block_origins(expanded, block.lineno, block.code)
            for mark in block.marks:
                item.add_marker(eval(mark, {"sys": __import__("sys"), "pytest": pytest}))
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
            f"{pages.rel(collector.path)}:{expanded.page_lines[block.lineno - 1]}: a "
            f"<!--pytest-codeblocks:cont--> block follows this ```{block.syntax} block and would "
            "be merged into it, never executed; continue from a python block instead"
        )


class ExampleFailure(Exception):
    pass


class PageBlock(TestBlock):
    origins: list[tuple[int, pages.Origin]]  # per code line: (page line, snippet origin)

    def setup(self) -> None:
        _reset_state(self.config)

    def runtest(self) -> None:
        block = self.obj
        if block.importorskip is not None:
            pytest.importorskip(block.importorskip)
        filename = f"<{pages.rel(self.path)} line {block.lineno}>"
        linecache.cache[filename] = (len(block.code), None, block.code.splitlines(True), filename)
        stdout = io.StringIO()
        try:
            with redirect_stdout(stdout):
                exec(compile(block.code, filename, "exec"), {"__name__": "__example__"})
        except Exception as error:
            raise ExampleFailure(self._describe(error, filename)) from None
        self._check_output(stdout.getvalue())

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

    def _describe(self, error: Exception, filename: str) -> str:
        frames = traceback.extract_tb(error.__traceback__)
        own = [frame for frame in frames if frame.filename == filename]
        failing_line = own[-1].lineno if own else 1
        lines = [f"{self._where(failing_line)}: {type(error).__name__}: {error}", "Traceback:"]
        for frame in frames[1:]:  # frame 0 is runtest itself
            if frame.filename == filename:
                where = str(self.origins[frame.lineno - 1][1])
            else:
                where = f"{frame.filename}:{frame.lineno}"
            lines.append(f"  {where} in {frame.name}\n    {(frame.line or '').strip()}")
        return "\n".join(lines)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ExampleFailure):
            return str(excinfo.value)
        return super(TestBlock, self).repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.obj.lineno, f"{pages.rel(self.path)}:{self.obj.lineno}"


def _reset_state(config) -> None:
    """Fresh Keras state, seeds and working directory before every example (principle 4)."""
    import keras
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from tools import standins

    standins.install()
    keras.utils.clear_session(free_memory=True)
    keras.utils.set_random_seed(SEED)
    plt.close("all")
    workdir = config._tmp_path_factory.mktemp(
        "example"
    )  # files an example writes stay out of the repo
    os.chdir(workdir)


def pytest_addoption(parser):
    parser.addoption(
        "--require-gpu",
        action="store_true",
        default=os.environ.get("KB_REQUIRE_GPU") == "1",
        help="fail unless TensorFlow sees a GPU (also KB_REQUIRE_GPU=1)",
    )


def pytest_configure(config):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")


def _device() -> str:
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    return ", ".join(gpu.name for gpu in gpus) if gpus else "CPU"


def pytest_collection_finish(session):
    if session.config.getoption("--require-gpu") and _device() == "CPU":
        raise pytest.UsageError("--require-gpu: TensorFlow sees no GPU")


def pytest_terminal_summary(terminalreporter):
    reports = terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
    ran = [r for r in reports if r.when == "call" and r.nodeid.startswith("docs/")]
    if ran:
        terminalreporter.write_line(f"code blocks executed: {len(ran)} (device: {_device()})")
