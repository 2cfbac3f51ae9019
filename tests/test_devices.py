"""Examples are device-agnostic: the same code runs on a CPU and on a GPU runner.

No snippet (nor the harness) may pin a device; the GPU job runs the same suite with
--require-gpu, and the summary line names the device the examples ran on.
"""

import re
from types import SimpleNamespace

import pytest

from keras_kb import pages, sandbox
from keras_kb.runner import plugin

# ways to pin or hide a device: tf.device("/CPU:0"), keras.device("cpu"), CUDA_VISIBLE_DEVICES,
# tf.config.set_visible_devices([], "GPU"), a "/device:CPU:0" or "/GPU:0" string, JAX_PLATFORMS
PINNING = re.compile(
    r"\b(tf|tensorflow|keras)\.device\s*\("
    r"|CUDA_VISIBLE_DEVICES|JAX_PLATFORMS|jax_platforms?\b"
    r"|set_visible_devices|set_logical_device_configuration"
    r"|[\"'](/?device:)?/?(CPU|GPU|cpu|gpu):\d[\"']"
)
SCANNED = ["snippets", "keras_kb", "hooks"]


def _sources():
    for folder in SCANNED:
        yield from sorted((pages.ROOT / folder).rglob("*.py"))


def test_no_snippet_pins_a_device():
    pinned = []
    for path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PINNING.search(line):
                pinned.append(f"{pages.rel(path)}:{number}: {line.strip()}")
    assert not pinned, (
        "examples must run unchanged on CPU and GPU; remove the device pinning:\n"
        + "\n".join(pinned)
    )


@pytest.mark.parametrize(
    "line",
    [
        'with tf.device("/CPU:0"):',
        "with keras.device('cpu:0'):",
        'os.environ["CUDA_VISIBLE_DEVICES"] = "-1"',
        'tf.config.set_visible_devices([], "GPU")',
        'x = tf.constant(1.0, device="/device:GPU:0")',
    ],
)
def test_pinning_is_recognised(line):
    assert PINNING.search(line)


class _Reporter:
    def __init__(self, nodeids):
        report = type("Report", (), {"when": "call"})
        self.stats = {"passed": [type("R", (report,), {"nodeid": n})() for n in nodeids]}
        self.lines = []

    def write_line(self, line):
        self.lines.append(line)


def test_summary_names_the_device_the_examples_ran_on(monkeypatch):
    monkeypatch.setattr(sandbox, "device", lambda: "/physical_device:GPU:0")
    reporter = _Reporter(["docs/index.md::line 3", "docs/models/dense.md::line 9", "tests/x.py"])
    plugin.pytest_terminal_summary(reporter)
    assert reporter.lines == ["code blocks executed: 2 (device: /physical_device:GPU:0)"]


def test_device_lists_the_gpus_tensorflow_sees(monkeypatch):
    import tensorflow as tf

    gpus = [SimpleNamespace(name=f"/physical_device:GPU:{i}") for i in range(2)]
    seen = {"GPU": gpus}
    monkeypatch.setattr(tf.config, "list_physical_devices", lambda kind=None: seen.get(kind, []))
    assert sandbox.device() == "/physical_device:GPU:0, /physical_device:GPU:1"
    seen.clear()
    assert sandbox.device() == "CPU"


@pytest.mark.parametrize("device", ["CPU", "/physical_device:GPU:0"])
def test_require_gpu_fails_exactly_without_a_gpu(monkeypatch, device):
    monkeypatch.setattr(sandbox, "device", lambda: device)
    config = type("Config", (), {"getoption": lambda self, name: name == "--require-gpu"})()
    session = type("Session", (), {"config": config})()
    if device == "CPU":
        with pytest.raises(pytest.UsageError, match="TensorFlow sees no GPU"):
            plugin.pytest_collection_finish(session)
    else:
        plugin.pytest_collection_finish(session)
