"""pytest plugin: run every Python block of every page, as rendered and as a reader runs it.

Only Korean pages (``page.md``) are collected: their English twins must hold the same code,
which ``tests/test_translations.py`` checks, so each code sequence runs once. Walkthroughs run
in a kernel instead (``tests/test_notebooks.py``). Items are pytest-codeblocks' own (its parser,
annotations and marks). Each page's examples run in a fresh Python process (``worker.py``,
forked by ``forkserver.py``), all in one namespace, in page order: exactly the reader's path.
They run in the background from the start of the run (``_Examples``), beside the tests that need
none of them; each item reports its own reply. The plugin adds snippet expansion, hidden checks
(``<section>-check``), errors announced with ``<!--kb:raises Type: fragment-->``, recorded
outputs (``keras_kb.outputs``) and failures that name the page line, the snippet line, the type,
a traceback, what the example printed, and for a failing ``assert`` the values compared. Test
ids and messages count lines of the page's own source (``docs/models/cnn.md::line 36``)."""

from __future__ import annotations

import concurrent.futures
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytest_codeblocks.plugin import MarkdownFile, TestBlock

from keras_kb import outputs, pages, sandbox
from keras_kb.runner import forkserver

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


class _Worker:
    """A fresh Python process for one page's examples (``worker.py``).

    Forked from the run's fork server (``forkserver.py``), which imported TensorFlow once: a
    plain worker spends ~3 s of CPU on that import before its first line. Where the server
    refuses (it says why, once), every page gets a worker started afresh instead.
    """

    server: subprocess.Popen | None = None
    server_lock = threading.Lock()
    environ: dict[str, str] = {}  # what each page's process adds (sandbox.share_of_cores)
    refused = ""
    started: list[subprocess.Popen] = []  # plain workers, reaped at the end

    def __init__(self, config):
        workdir = config._tmp_path_factory.mktemp("example")
        self.log = workdir.parent / f"{workdir.name}.stderr"
        self.log.touch()
        self.process: subprocess.Popen | None = None
        self.pid: int | None = None
        if not self._fork(config, workdir):
            self._start(workdir)

    def _fork(self, config, workdir: Path) -> bool:
        if _Worker.refused:
            return False
        fifos = [workdir.parent / f"{workdir.name}.{end}" for end in ("requests", "replies")]
        for fifo in fifos:
            os.mkfifo(fifo)
        order = {"workdir": str(workdir), "requests": str(fifos[0]), "replies": str(fifos[1])}
        order |= {"log": str(self.log), "environ": _Worker.environ}
        answer = _Worker._ask_server(order)
        if "refused" in answer:
            _Worker.refused = answer["refused"]
            config.issue_config_time_warning(
                pytest.PytestWarning(f"examples: no fork server ({_Worker.refused})"), stacklevel=1
            )
            return False
        self.pid = answer["pid"]
        self.requests = open(fifos[0], "w", encoding="utf-8")  # the child opens them in this order
        self.replies = open(fifos[1], encoding="utf-8")
        return True

    @classmethod
    def start_server(cls) -> None:
        """Start the fork server: its ~3 s of imports then overlap pytest's own start-up."""
        if cls.server is None:
            cls.server = subprocess.Popen(
                [sys.executable, "-m", "keras_kb.runner.forkserver"],
                cwd=pages.ROOT,  # each child moves to a fresh directory of its own at once
                env=sandbox.environment(pages.ROOT),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )

    @classmethod
    def _ask_server(cls, order: dict) -> dict:
        with cls.server_lock:  # pages start from several threads
            cls.start_server()
            cls.server.stdin.write(json.dumps(order) + "\n")
            cls.server.stdin.flush()
            return json.loads(cls.server.stdout.readline() or '{"refused": "the fork server died"}')

    def _start(self, workdir: Path) -> None:
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
        self.requests = self.process.stdin
        self.replies = os.fdopen(read, encoding="utf-8")
        _Worker.started.append(self.process)

    def ask(self, request: dict) -> dict | None:
        """The worker's reply, or None when it died (then :meth:`death` says how)."""
        try:
            self.requests.write(json.dumps(request) + "\n")
            self.requests.flush()
        except BrokenPipeError:
            return None
        reply = self.replies.readline()
        return json.loads(reply) if reply else None

    def death(self) -> str:
        """Its exit status and the end of its stderr, once it has exited (within 30 s)."""
        if self.process is not None:
            self.process.wait(timeout=30)
            status = str(self.process.returncode)
        else:
            status = "unknown"
            for _ in range(300):
                log = self.log.read_text(encoding="utf-8", errors="replace")
                if forkserver.EXIT_MARK in log:
                    status = log.rsplit(forkserver.EXIT_MARK, 1)[1].split("]")[0]
                    break
                time.sleep(0.1)
        tail = self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
        return f"the example process died (exit {status}):\n{tail}"

    def kill(self) -> None:
        """Stop it now, mid-example (the run was interrupted)."""
        try:
            os.kill(self.process.pid if self.process else self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def finish(self) -> None:
        """End of input: the worker exits; it is not waited for page by page."""
        for stream in (self.requests, self.replies):
            try:
                stream.close()
            except BrokenPipeError:
                pass

    @classmethod
    def stop_all(cls) -> None:
        processes = cls.started + ([cls.server] if cls.server else [])
        if cls.server is not None:
            cls.server.stdin.close()  # the server then waits for its children, and exits
        for process in processes:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        cls.server, cls.started = None, []


class _Examples:
    """The selected examples, run in the background from the start of the run while pytest runs
    the tests that need none of them; each example's item then reports the reply it got.

    Each page has its own fresh process and runs its examples in page order, as a reader does;
    pages are independent, so ``lanes`` of them run at once (one per core, one at a time on a
    GPU, where each TensorFlow process reserves the device's memory). A reply's outputs are
    recorded as it arrives, so the build can start as soon as the last page is done.
    """

    running: _Examples | None = None

    def __init__(self, config, items: list[PageBlock], lanes: int):
        self.config = config
        self.pages: dict[PageFile, list[PageBlock]] = {}
        for item in items:
            item.reply = concurrent.futures.Future()
            self.pages.setdefault(item.parent, []).append(item)
        self.pool = concurrent.futures.ThreadPoolExecutor(lanes, thread_name_prefix="examples")
        self.workers: set[_Worker] = set()
        self.stopping = False
        self.lock = threading.Lock()
        self.left = len(self.pages)
        self.callbacks: list = []

    def start(self) -> None:
        for items in self.pages.values():
            self.pool.submit(self._run_page, items)

    def when_done(self, callback) -> None:
        with self.lock:
            if self.left:
                self.callbacks.append(callback)
                return
        callback()

    def _run_page(self, items: list[PageBlock]) -> None:
        try:
            self._ask_in_order(items)
        except BaseException as error:  # no item may wait forever for a reply
            for item in items:
                if not item.reply.done():
                    item.reply.set_exception(error)
        finally:
            with self.lock:
                self.left -= 1
                callbacks = self.callbacks if not self.left else []
            for callback in callbacks:
                callback()

    def _ask_in_order(self, items: list[PageBlock]) -> None:
        worker = None if self.stopping else _Worker(self.config)
        not_run = None if worker else "not run: the run was stopped"
        if worker:
            self.workers.add(worker)
        for item in items:
            if not_run:
                item.reply.set_exception(ExampleFailure(not_run))
                continue
            try:
                request = item.request()
                reply = worker.ask(request)
                if reply is not None and not reply["failure"]:
                    item.record(reply, request["record_key"])
            except Exception as error:  # a page that cannot be read: its own item says so
                item.reply.set_exception(error)
                continue
            if reply is None:
                died = f"{pages.rel(item.path)}: {worker.death()}"
                item.reply.set_exception(ExampleFailure(died))
                not_run = f"{pages.rel(item.path)}: not run: the page's process died at {item.name}"
            else:
                item.reply.set_result(reply)
        if worker:
            worker.finish()
        self.workers.discard(worker)

    def stop(self) -> None:
        self.stopping = True
        for worker in list(self.workers):
            worker.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)


def when_examples_done(callback) -> None:
    """Call ``callback`` once every selected example has replied and its outputs are recorded
    (from the thread that finished last; at once when the run has no examples)."""
    if _Examples.running is None:
        callback()
    else:
        _Examples.running.when_done(callback)


def _lanes() -> int:
    """Pages run at once: KB_EXAMPLE_LANES, or one per core (at most 4), one on a GPU."""
    if os.environ.get("KB_EXAMPLE_LANES"):
        return max(1, int(os.environ["KB_EXAMPLE_LANES"]))
    return 1 if sandbox.device() != "CPU" else max(1, min(4, os.cpu_count() or 1))


def _will_run(item: PageBlock) -> bool:
    """Whether pytest will call the item: its skip marks and its importorskip, decided up front."""
    if any(True for _ in item.iter_markers("skip")):
        return False
    if any(any(mark.args) for mark in item.iter_markers("skipif")):
        return False
    module = item.obj.importorskip
    return module is None or importlib.util.find_spec(module) is not None


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

    def request(self) -> dict:
        """What the worker is sent: the example's fences, their hidden checks, its record key."""
        return {
            "record_key": self.record_key(),
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

    def runtest(self) -> None:
        if self.obj.importorskip is not None:
            pytest.importorskip(self.obj.importorskip)
        if not hasattr(self, "reply"):
            raise ExampleFailure(f"{pages.rel(self.path)}: {self.name} was never sent to a worker")
        reply = self.reply.result()  # run in the background (_Examples); raises if it could not
        self.user_properties.append(("example_seconds", reply["seconds"]))
        if reply["failure"]:
            raise ExampleFailure(self._describe(reply["failure"], self._offsets()))
        self._check_output("".join(fence["text"] for fence in reply["fences"]))

    def record(self, reply: dict, record_key: str) -> None:
        """Keep what the example printed, raised and drew, for the site (``keras_kb.outputs``)."""
        shown = [outputs.FenceOutput(**fence) for fence in reply["fences"]]
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
    if _may_run_examples(config):
        _Worker.start_server()
    sandbox.quiet_tensorflow_import()


def _may_run_examples(config) -> bool:
    """Whether the run's paths include pages (a mark or keyword may still deselect them all)."""
    if config.option.collectonly or "not examples" in (config.option.markexpr or ""):
        return False
    paths = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    return any(p.is_relative_to(pages.DOCS) or pages.DOCS.is_relative_to(p) for p in paths)


def pytest_collection_finish(session):
    if session.config.getoption("--require-gpu") and sandbox.device() == "CPU":
        raise pytest.UsageError("--require-gpu: TensorFlow sees no GPU")


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    if session.config.option.collectonly:
        return
    chosen = [item for item in session.items if isinstance(item, PageBlock) and _will_run(item)]
    if chosen:
        # pytest creates the run's temporary root on first use, which is not thread-safe;
        # directories under it are (pytest retries a name another thread took)
        session.config._tmp_path_factory.getbasetemp()
        lanes = _lanes()
        # the server started before lanes were known: it hands this on to each child it forks
        _Worker.environ = sandbox.share_of_cores(lanes)
        os.environ.update(_Worker.environ)  # started workers and the walkthrough kernels beside
        _Examples.running = _Examples(session.config, chosen, lanes)
        _Examples.running.start()


def pytest_sessionfinish(session):
    if _Examples.running is not None:  # after -x or Ctrl-C some are still running
        _Examples.running.stop()
        _Examples.running = None
    _Worker.stop_all()


def pytest_terminal_summary(terminalreporter):
    reports = terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
    ran = [r for r in reports if r.when == "call" and r.nodeid.startswith("docs/")]
    if ran:
        device = sandbox.device()
        terminalreporter.write_line(f"code blocks executed: {len(ran)} (device: {device})")
