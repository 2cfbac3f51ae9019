"""One page's examples in a fresh Python process, run as a reader runs them.

The pytest plugin (``plugin.py``) gets one worker per page (forked by ``forkserver.py``, or
started afresh) and sends it the page's examples one by one; the worker runs each fence in ONE
namespace shared by the whole page (a reader pastes the blocks in order into one Python
session), then the fence's hidden checks (``<section>-check`` in its snippet file: assert
statements only), and answers with what the fence printed, raised and drew. Nothing else is set
up: the sandbox's process conditions (no network, offline dataset stand-ins, a fresh working
directory) and no seed.

Protocol: one JSON request per line on stdin, one JSON reply per line on the file descriptor
passed as the first argument (stdout belongs to the examples); a forked worker reads and
answers on two FIFOs instead.
"""

from __future__ import annotations

import ast
import io
import json
import linecache
import os
import sys
import time
import traceback
from contextlib import redirect_stdout
from pathlib import Path

from keras_kb import outputs, sandbox

ERROR_TEXT_LIMIT = 600  # characters of an exception's message shown (some repeat whole arrays)


def compiled(code: str, filename: str):
    """The code with pytest's assertion rewriting, so a failing assert shows its values."""
    # public function of pytest's private module: the same messages as in a test file
    from _pytest.assertion.rewrite import rewrite_asserts

    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    tree = ast.parse(code, filename)
    rewrite_asserts(tree, code.encode())
    return compile(tree, filename, "exec")


def expected(error: BaseException, raises: list | None) -> bool:
    """Whether ``error`` is the one a <!--kb:raises Type: fragment--> annotation announces."""
    if not raises:
        return False
    name, fragment = raises
    names = {cls.__name__ for cls in type(error).__mro__}
    return name.rsplit(".", 1)[-1] in names and fragment in str(error)


def error_text(error: BaseException) -> str:
    """``Type: message`` as Python prints it (``Type`` alone when the message is empty)."""
    message = str(error)
    if not message:
        return type(error).__name__
    if len(message) > ERROR_TEXT_LIMIT:
        message = message[:ERROR_TEXT_LIMIT].rstrip() + " ..."
    return f"{type(error).__name__}: {message}"


def failure(error: BaseException, fence: int, stage: str, printed: str) -> dict:
    frames = traceback.extract_tb(error.__traceback__)[1:]  # frame 0 is this module's exec
    return {
        "fence": fence,
        "stage": stage,  # "code" or "checks"
        "type": type(error).__name__,
        "message": str(error).strip(),
        "frames": [[f.filename, f.lineno, f.name, (f.line or "").strip()] for f in frames],
        "printed": printed,
    }


def save_figures(record_key: str, fence: int) -> list[str]:
    """Save the figures a fence left open as PNG files, then close them (as a notebook does)."""
    if "matplotlib.pyplot" not in sys.modules:
        return []
    import matplotlib.pyplot as plt

    saved = []
    for number in plt.get_fignums():
        target = outputs.figure_path(record_key, fence, len(saved))
        target.parent.mkdir(parents=True, exist_ok=True)
        plt.figure(number).savefig(target, format="png", dpi=96, metadata={"Software": None})
        saved.append(target.name)
    plt.close("all")
    return saved


def run_example(request: dict, namespace: dict) -> dict:
    """Run one example's fences (and their checks) in the page's namespace."""
    shown = []
    for number, fence in enumerate(request["fences"]):
        output = outputs.FenceOutput(fence["line"])
        printed = io.StringIO()
        try:
            with redirect_stdout(printed):
                exec(compiled(fence["code"], fence["filename"]), namespace)
        except Exception as error:
            if not expected(error, fence["raises"]):
                problem = failure(error, number, "code", printed.getvalue())
                return {"fences": shown, "failure": problem}
            output.error = error_text(error)
        else:
            if fence["raises"]:
                message = f"<!--kb:raises {fence['raises'][0]}--> but the block raised nothing"
                error = AssertionError(message)
                return {"fences": shown, "failure": failure(error, number, "code", "")}
        output.text = printed.getvalue()
        output.figures = save_figures(request["record_key"], number)
        if fence["checks"]:
            try:
                with redirect_stdout(io.StringIO()):
                    exec(compiled(fence["checks"], fence["checks_filename"]), namespace)
            except Exception as error:
                return {"fences": shown, "failure": failure(error, number, "checks", "")}
        shown.append(output.__dict__)
    return {"fences": shown, "failure": None, "device": sandbox.device()}


def serve(requests, replies) -> None:
    """Answer a page's requests, in order, in one namespace, until the requests end."""
    namespace = {"__name__": "__main__"}  # what a reader's interactive session has
    for line in requests:
        started = time.perf_counter()
        reply = run_example(json.loads(line), namespace)
        reply["seconds"] = round(time.perf_counter() - started, 3)  # the example's own compute
        replies.write(json.dumps(reply, ensure_ascii=False) + "\n")
        replies.flush()


def main(reply_fd: int) -> None:
    replies = os.fdopen(reply_fd, "w", encoding="utf-8")
    sandbox.prepare_process(Path.cwd())
    serve(sys.stdin, replies)


if __name__ == "__main__":
    main(int(sys.argv[1]))
