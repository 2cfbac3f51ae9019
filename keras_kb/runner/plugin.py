"""pytest plugin: run every Python block of every page, as rendered and as a reader runs it.

Only Korean pages (``page.md``) are collected: their English twins must hold the same code,
which ``tests/test_translations.py`` checks, so each code sequence runs once. Walkthroughs run
in a kernel instead (``tests/test_notebooks.py``).
Items are pytest-codeblocks' own (its parser, annotations and marks). Each page's examples run
in a fresh Python process (``worker.py``), all in one namespace, in page order: exactly the
reader's path. The plugin adds snippet expansion, hidden checks (``<section>-check``), errors
announced with ``<!--kb:raises Type: fragment-->``, recorded outputs (``keras_kb.outputs``) and
failures that name the page line, the snippet line, the type, a traceback, what the example
printed, and for a failing ``assert`` the values compared.
Test ids and messages count lines of the page's own source (``docs/models/cnn.md::line 36``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_codeblocks.plugin import MarkdownFile, TestBlock

from keras_kb import outputs, pages, sandbox

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
        self.examples = []  # every item of the page, in order (outputs.keys counts them so)
        for block in pages.Page(self.path).code_blocks():
            if block.syntax != "python":
                _reject_swallowed_continuation(self, expanded, block)
                continue  # tests/test_fences.py rejects python-like fences that are not "python"
            name = f"line {expanded.page_line(block.lineno)}"
            item = PageBlock.from_parent(self, name=name, obj=block)
            item.origins = pages.block_origins(expanded, block.lineno, block.code)
            item.fences = pages.fences(expanded, block)
            try:
                item.checks = pages.fence_checks(item.origins, item.fences)
            except pages.PageError as error:
                raise self.CollectError(f"{pages.rel(self.path)}: {error}") from None
            item.add_marker(pytest.mark.examples)
            for mark in block.marks:
                item.add_marker(eval(mark, {"sys": sys, "pytest": pytest}))
            self.examples.append(item)
            yield item

    def setup(self) -> None:
        self.worker = _Worker.next(self.config)

    def ask(self, request: dict) -> dict:
        process = self.worker.process
        process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
        reply = self.worker.replies.readline()
        if not reply:
            process.wait(timeout=30)
            tail = self.worker.log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise ExampleFailure(
                f"{pages.rel(self.path)}: the example process died "
                f"(exit {process.returncode}):\n{tail}"
            )
        return json.loads(reply)

    def teardown(self) -> None:
        self.worker.finish()


class _Worker:
    """A fresh Python process for one page's examples (``worker.py``).

    A worker spends its first ~3 s importing TensorFlow and Keras (the sandbox installs the
    dataset stand-ins before it reads a line), so the next page's worker is started as soon as
    a page takes one: that import then runs beside the page's examples, on the second core,
    instead of before the next page. Each page still gets its own fresh process.
    """

    spare: _Worker | None = None
    exiting: list[subprocess.Popen] = []

    def __init__(self, config):
        workdir = config._tmp_path_factory.mktemp("example")
        self.log = workdir.parent / f"{workdir.name}.stderr"
        read, replies_fd = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "keras_kb.runner.worker", str(replies_fd)],
            cwd=workdir,
            env=sandbox.environment(pages.ROOT),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,  # examples' output is captured per fence, in the worker
            stderr=self.log.open("w"),
            pass_fds=[replies_fd],
            text=True,
        )
        os.close(replies_fd)
        self.replies = os.fdopen(read, encoding="utf-8")

    @classmethod
    def next(cls, config) -> _Worker:
        """A worker for a page, and a spare started for the page after it."""
        worker = cls.spare or cls(config)
        cls.spare = cls(config)
        return worker

    def finish(self) -> None:
        """End of input: the worker exits (TensorFlow's shutdown takes about 1 s), reaped later."""
        self.process.stdin.close()
        self.replies.close()
        _Worker.exiting.append(self.process)  # not waited for page by page

    @classmethod
    def stop_all(cls) -> None:
        if cls.spare is not None:
            cls.spare.process.kill()
            cls.spare.finish()
            cls.spare = None
        for process in cls.exiting:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        cls.exiting.clear()


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
    fences: list[pages.Fence]  # the displayed blocks this example is made of
    checks: list[tuple[str, str] | None]  # per fence: its hidden checks (code, where)

    def record_key(self) -> str:
        return outputs.keys(pages.Page(self.path))[self.parent.examples.index(self)]

    def runtest(self) -> None:
        if self.obj.importorskip is not None:
            pytest.importorskip(self.obj.importorskip)
        record_key = self.record_key()
        offsets = self._offsets()
        request = {
            "record_key": record_key,
            "fences": [
                {
                    "line": fence.line,
                    "code": fence.code,
                    "filename": self._filename(fence),
                    "raises": fence.raises,
                    "checks": checks[0] if checks else "",
                    "checks_filename": f"<checks {checks[1]}>" if checks else "",
                }
                for fence, checks in zip(self.fences, self.checks, strict=True)
            ],
        }
        reply = self.parent.ask(request)
        if reply["failure"]:
            raise ExampleFailure(self._describe(reply["failure"], offsets))
        shown = [outputs.FenceOutput(**fence) for fence in reply["fences"]]
        self._check_output("".join(fence.text for fence in shown))
        record = outputs.Record(pages.rel(self.path), shown, outputs.versions(), reply["device"])
        outputs.save(record_key, record)

    def _filename(self, fence) -> str:
        return f"<{pages.rel(self.path)} line {fence.line}>"

    def _offsets(self) -> dict[str, int]:
        """Per fence filename: how many code lines of the example come before it."""
        offsets, offset = {}, 0
        for fence in self.fences:
            offsets[self._filename(fence)] = offset
            offset += len(fence.code.splitlines())
        return offsets

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

    def _describe(self, failure: dict, offsets: dict[str, int]) -> str:
        frames = failure["frames"]
        fence = self.fences[failure["fence"]]
        offset = offsets[self._filename(fence)]
        own = [f for f in frames if f[0] == self._filename(fence)]
        line = offset + (own[-1][1] if own else 1)
        where = self._where(line)
        if failure["stage"] == "checks":
            checks = [f for f in frames if f[0].startswith("<checks ")]
            where = f"{where}, hidden check {_check_line(checks[-1]) if checks else ''}"
        lines = [f"{where}: {failure['type']}: {failure['message']}", "Traceback:"]
        for filename, number, name, code in frames:
            if filename in offsets:
                at = str(self.origins[offsets[filename] + number - 1][1])
            elif filename.startswith("<checks "):
                at = _check_line([filename, number])
            else:
                at = f"{filename}:{number}"
            lines.append(f"  {at} in {name}\n    {code}")
        printed = failure["printed"]
        if printed:
            shown = printed if len(printed) <= PRINTED_TAIL else "..." + printed[-PRINTED_TAIL:]
            lines += ["--- printed by the example before it failed ---", shown.rstrip("\n")]
        return "\n".join(lines)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ExampleFailure):
            return str(excinfo.value)
        return super(TestBlock, self).repr_failure(excinfo)

    def reportinfo(self):
        line = self.fences[0].line
        return self.path, line, f"{pages.rel(self.path)}:{line}"


def _check_line(frame) -> str:
    """``snippets/x.py:N`` for a frame of a hidden check (filename ``<checks snippets/x.py:F>``)."""
    path, first = frame[0].removeprefix("<checks ").removesuffix(">").rsplit(":", 1)
    return f"{path}:{int(first) + frame[1] - 1}"


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


def pytest_sessionfinish(session):
    _Worker.stop_all()  # the spare (the page after the last never comes) and exiting workers


def pytest_terminal_summary(terminalreporter):
    reports = terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
    ran = [r for r in reports if r.when == "call" and r.nodeid.startswith("docs/")]
    if ran:
        device = sandbox.device()
        terminalreporter.write_line(f"code blocks executed: {len(ran)} (device: {device})")
