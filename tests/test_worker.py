"""A page's examples run as a reader runs them: one fresh Python, one namespace, nothing else
set up than the dataset stand-ins, no network, and a working directory of its own."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from keras_kb import pages, sandbox
from keras_kb.runner import forkserver

pytestmark = pytest.mark.examples

BLOCKS = [
    "import keras\n"
    "print(keras.backend.backend(), __name__)\n"
    "(x, _), _ = keras.datasets.mnist.load_data()\nprint(x.shape)\n",
    "print(keras.layers.Dense(1).name, keras.layers.Dense(1).name)\n",
    "import socket\nsocket.create_connection(('127.0.0.1', 9), timeout=1)\n",
]


def _request(number, code, raises=None):
    fence = {
        "line": number,
        "code": code,
        "filename": f"<block {number}>",
        "raises": raises,
        "checks": "",
        "checks_filename": "",
    }
    return {"record_key": f"worker-test-{number}", "fences": [fence]}


def test_blocks_share_one_fresh_session(tmp_path):
    read, write = os.pipe()
    worker = subprocess.Popen(
        [sys.executable, "-m", "keras_kb.runner.worker", str(write)],
        cwd=tmp_path,
        env=sandbox.environment(pages.ROOT),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=[write],
        text=True,
    )
    os.close(write)
    replies = os.fdopen(read)
    shown = []
    for number, code in enumerate(BLOCKS):
        raises = ["SocketBlockedError", ""] if "socket" in code else None
        worker.stdin.write(json.dumps(_request(number, code, raises)) + "\n")
        worker.stdin.flush()
        reply = json.loads(replies.readline())
        assert reply["failure"] is None, reply["failure"]
        shown.append(reply["fences"][0])
    worker.stdin.close()
    worker.wait(timeout=60)
    assert shown[0]["text"] == "tensorflow __main__\n(1200, 28, 28)\n"  # the stand-in's shape
    assert shown[1]["text"] == "dense dense_1\n"  # no reset between a page's blocks
    assert shown[2]["error"].startswith("SocketBlockedError")  # no network


FRESH = (
    "import os, keras, numpy\n"
    "print(keras.layers.Dense(1).name, os.getcwd())\n"
    "print(numpy.random.randint(2**62))\n"
)


def _forked_page(server, tmp_path, name: str, code: str, raises=None, environ=None) -> dict:
    """One page in a child of the fork server (its protocol: forkserver.py): one block's reply."""
    workdir = tmp_path / name
    workdir.mkdir()
    fifos = {end: tmp_path / f"{name}.{end}" for end in ("requests", "replies")}
    for fifo in fifos.values():
        os.mkfifo(fifo)
    order = {"workdir": str(workdir), "log": str(tmp_path / f"{name}.stderr")}
    if environ is not None:
        order["environ"] = environ
    server.stdin.write(json.dumps({**order, **{k: str(v) for k, v in fifos.items()}}) + "\n")
    server.stdin.flush()
    assert "pid" in json.loads(server.stdout.readline())
    with open(fifos["requests"], "w") as requests, open(fifos["replies"]) as replies:
        requests.write(json.dumps(_request(0, code, raises)) + "\n")
        requests.flush()
        reply = json.loads(replies.readline())
    assert reply["failure"] is None, reply["failure"]
    return reply["fences"][0]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One fork server for this file's pages (its TensorFlow import costs ~3 s of CPU)."""
    shares = sandbox.share_of_cores(2)  # the suite's own lanes set them in os.environ
    env = {k: v for k, v in sandbox.environment(pages.ROOT).items() if k not in shares}
    server = subprocess.Popen(
        [sys.executable, "-m", "keras_kb.runner.forkserver"],
        cwd=tmp_path_factory.mktemp("server"),
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    yield server
    server.stdin.close()
    assert server.wait(timeout=60) == 0


def _exit_status(log: Path) -> str:
    """What the server appended to a child's log when it reaped it (it may still be exiting)."""
    deadline = time.monotonic() + 60
    while forkserver.EXIT_MARK not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    return log.read_text().rsplit(forkserver.EXIT_MARK, 1)[-1]


def test_forked_workers_start_as_fresh_as_started_ones(server, tmp_path):
    """Each page's child starts clean: no layer names, random state or directory of another."""
    first = _forked_page(server, tmp_path, "first", FRESH + BLOCKS[0])
    second = _forked_page(server, tmp_path, "second", FRESH + BLOCKS[2], ["SocketBlockedError", ""])
    (name, where, number, *rest), (name2, where2, number2) = (
        f["text"].split() for f in (first, second)
    )
    assert (name, name2) == ("dense", "dense")  # the second page saw nothing of the first
    assert (where, where2) == (str(tmp_path / "first"), str(tmp_path / "second"))
    assert number != number2  # numpy reseeded per child, as a fresh import seeds it
    assert rest == ["tensorflow", "__main__", "(1200,", "28,", "28)"]  # sandbox and stand-ins
    assert second["error"].startswith("SocketBlockedError")
    for page in ("first", "second"):  # each child's status, recorded by the server
        assert _exit_status(tmp_path / f"{page}.stderr") == "0]\n"


def test_a_forked_page_gets_the_variables_its_order_names(server, tmp_path):
    """How a page learns its share of the cores (sandbox.share_of_cores) from a server that
    started before the run knew how many pages run side by side."""
    code = "import os\nprint(os.environ.get('TF_NUM_INTRAOP_THREADS'))\n"
    shared = _forked_page(server, tmp_path, "shared", code, environ={"TF_NUM_INTRAOP_THREADS": "1"})
    alone = _forked_page(server, tmp_path, "alone", code)
    assert (shared["text"], alone["text"]) == ("1\n", "None\n")


def test_pages_side_by_side_share_the_cores(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert sandbox.share_of_cores(1) == {}  # alone, TensorFlow's own thread per core
    shared = {"TF_NUM_INTRAOP_THREADS": "4", "TF_NUM_INTEROP_THREADS": "1"}
    assert sandbox.share_of_cores(2) == shared
    assert sandbox.share_of_cores(16)["TF_NUM_INTRAOP_THREADS"] == "1"


def test_fork_server_refuses_to_fork_beside_other_threads(monkeypatch):
    monkeypatch.setattr(forkserver, "threads", lambda: 2)
    assert forkserver._fork({}) == {"refused": "the server runs 2 threads: forking is unsafe"}
