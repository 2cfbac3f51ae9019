"""Fresh example processes without one TensorFlow import each: import once, fork per page.

A page's examples run in a process of their own (``worker.py``), which spends ~3 s of CPU
importing TensorFlow and Keras before its first line. This server sets up what such a worker
sets up before it reads a request (the sandbox: no network, the dataset stand-ins, matplotlib's
file backend), once, then forks one child per page. A child starts exactly where a freshly
started worker would be: nothing has run, no model was built, no seed was set. Python's
``random`` reseeds itself in a forked child; numpy's global generator is reseeded from the OS
here, as a fresh import seeds it.

Why forking is safe here: ``fork`` copies only the calling thread, so a lock another thread
held would stay locked forever in the child. After its imports the server runs OpenBLAS's idle
thread pools beside its own thread; OpenBLAS stops them in its own fork handler, so after a
first, empty fork the server runs one thread, and it checks that before every fork. Where that
check fails (or there is no /proc to count threads) it refuses, and the plugin starts a plain
worker per page instead.

Protocol, one JSON line each way: stdin ``{"workdir", "requests", "replies", "log",
"environ"}`` (two FIFOs the child opens in that order, its stderr file, variables it sets) ->
stdout ``{"pid": N}`` or ``{"refused": "why"}``. When the server reaps a child it appends
``EXIT_MARK`` and the exit status (negative: the signal) to the child's log.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from pathlib import Path

from keras_kb import sandbox
from keras_kb.runner import worker

EXIT_MARK = "[example process exit status "
TASKS = Path("/proc/self/task")
_logs: dict[int, str] = {}  # pid -> its log, until reaped


def threads() -> int:
    return len(os.listdir(TASKS))


def _reap(signum=None, frame=None) -> None:
    """SIGCHLD: record the status of every child that has exited (the server never blocks)."""
    while _logs:
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            return
        _record_exit(pid, status)


def _record_exit(pid: int, status: int) -> None:
    log = _logs.pop(pid, None)
    if log:
        with open(log, "a", encoding="utf-8") as file:
            file.write(f"\n{EXIT_MARK}{os.waitstatus_to_exitcode(status)}]\n")


def _child(order: dict) -> None:
    """One page's worker: its own stdio, working directory and random state, then its loop."""
    code = 1
    try:
        # the FIFOs first, in the plugin's order: until both are open the plugin waits on them
        requests = open(order["requests"], encoding="utf-8")
        replies = open(order["replies"], "w", encoding="utf-8")
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # an example's subprocesses are its own
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        log = os.open(order["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        null = os.open(os.devnull, os.O_RDWR)
        for fd, target in ((0, null), (1, null), (2, log)):  # as a started worker has them
            os.dup2(target, fd)
        import numpy

        numpy.random.seed()  # from the OS, as a fresh import seeds it
        os.environ.update(order.get("environ", {}))  # read when TensorFlow first runs an op
        os.chdir(order["workdir"])
        worker.serve(requests, replies)
        code = 0
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os._exit(code)  # not the server's own exit path (its stdin, its atexit handlers)


def _fork(order: dict) -> dict:
    if threads() != 1:
        return {"refused": f"the server runs {threads()} threads: forking is unsafe"}
    # SIGCHLD waits until the child is in _logs: one that exits at once still gets its status
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
    pid = os.fork()
    if pid == 0:
        _child(order)
    _logs[pid] = order["log"]
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
    return {"pid": pid}


def main() -> None:
    if not TASKS.is_dir():
        print(json.dumps({"refused": "no /proc/self/task to count threads"}), flush=True)
        return
    sandbox.import_tensorflow_quietly()  # its start-up lines would reach pytest's terminal
    sandbox.prepare_process()  # what worker.main does before its first request
    empty = os.fork()  # OpenBLAS's fork handler stops its thread pools here
    if empty == 0:
        os._exit(0)
    os.waitpid(empty, 0)
    signal.signal(signal.SIGCHLD, _reap)
    for line in sys.stdin:
        print(json.dumps(_fork(json.loads(line))), flush=True)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    while _logs:  # end of input: wait for the children still running
        _record_exit(*os.waitpid(-1, 0))


if __name__ == "__main__":
    main()
