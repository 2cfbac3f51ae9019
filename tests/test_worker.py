"""A page's examples run as a reader runs them: one fresh Python, one namespace, nothing else
set up than the dataset stand-ins, no network, and a working directory of its own."""

import json
import os
import subprocess
import sys

import pytest

from keras_kb import pages, sandbox

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
