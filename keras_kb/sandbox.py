"""The conditions every example runs under, defined once.

Page examples run in a fresh Python process per page (``keras_kb.runner.worker``); walkthrough
notebooks in a fresh Jupyter kernel (``keras_kb.site_build.notebooks``). Both get exactly this:

* :data:`ENVIRONMENT`: the TensorFlow backend (``KB_BACKEND`` picks another, for the backend
  record of keras_kb/commands/backends.py), TensorFlow's C++ log silenced, a fixed hash seed
  (:func:`environment` hands them to each new process);
* no network: sockets are blocked with pytest-socket (:func:`go_offline`); only AF_UNIX stays
  open, for a kernel's own channels;
* dataset loaders replaced by offline stand-ins of the same shapes (:mod:`keras_kb.standins`);
* :func:`prepare_process`: matplotlib's file-only backend and an empty working directory; no
  random seed (a page that needs one sets it visibly), no state reset between a page's blocks
  (a reader runs them in one session);
* no device pinning: examples run on whatever device TensorFlow picks (:func:`device` names it);
* when several processes run examples side by side on the CPU, each sizes TensorFlow's thread
  pools to its share of the cores (:func:`share_of_cores`): a matter of speed (thread counts may
  change float rounding, as a reader's own machine does; no lesson depends on it).
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.util
import os
import sys
from pathlib import Path

ENVIRONMENT = {
    "KERAS_BACKEND": os.environ.get("KB_BACKEND", "tensorflow"),
    "TF_CPP_MIN_LOG_LEVEL": "3",  # TensorFlow's C++ start-up lines (oneDNN, CUDA) stay out
    "PYTHONHASHSEED": "0",
}


def apply_environment() -> None:
    """Set :data:`ENVIRONMENT` in this process, before TensorFlow is imported."""
    os.environ.update(ENVIRONMENT)


def import_tensorflow_quietly() -> None:
    """Import TensorFlow with stderr closed at the file-descriptor level.

    At import, TensorFlow's C++ side writes start-up lines (oneDNN, CUDA drivers) through absl
    before any log level applies, so TF_CPP_MIN_LOG_LEVEL cannot stop them; imported once here,
    they stay out of every failure report. A failing import still raises as usual.
    """
    with _stderr_closed():
        import tensorflow  # noqa: F401


def quiet_tensorflow_import() -> None:
    """The same silence, but only if and when something imports TensorFlow: a run that never
    needs it (the fast check) does not pay the ~2.5 s import."""
    if "tensorflow" not in sys.modules and not any(
        isinstance(finder, _QuietTensorFlow) for finder in sys.meta_path
    ):
        sys.meta_path.insert(0, _QuietTensorFlow())


@contextlib.contextmanager
def _stderr_closed():
    saved, devnull = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


class _QuietTensorFlow(importlib.abc.MetaPathFinder):
    """Finds ``tensorflow`` as the other finders do, once, and loads it with stderr closed."""

    def find_spec(self, name, path=None, target=None):
        if name != "tensorflow":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            spec.loader = _QuietLoader(spec.loader)
        return spec


class _QuietLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        module.__spec__.loader = module.__loader__ = self.loader  # the real one, from the start
        with _stderr_closed():
            self.loader.exec_module(module)


def environment(root: Path) -> dict[str, str]:
    """The environment an example process starts with: ours, and an import path to this package."""
    path = os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))
    return {**os.environ, **ENVIRONMENT, "PYTHONPATH": path}


# Run in a notebook kernel before its first cell, never recorded in the notebook
KERNEL_PREAMBLE = ["from keras_kb import sandbox; sandbox.prepare_process(inline_figures=True)"]


def go_offline() -> None:
    """Block every socket but AF_UNIX, as pytest-socket's --disable-socket does in pytest."""
    import pytest_socket

    pytest_socket.disable_socket(allow_unix_socket=True)


def prepare_process(workdir: Path | None = None, inline_figures: bool = False) -> None:
    """What a fresh process running examples gets, and nothing more: no network, the offline
    dataset stand-ins, matplotlib's file-only backend (a notebook kernel keeps its inline one,
    which turns figures into the cell's image outputs), and its own working directory.

    No random seed is set: a page whose results depend on one sets it where the reader sees it.
    """
    import matplotlib

    from keras_kb import standins

    go_offline()
    if not inline_figures:
        matplotlib.use("Agg")
    standins.install()
    if workdir is not None:
        os.chdir(workdir)  # files an example writes stay out of the repository


def share_of_cores(processes: int) -> dict[str, str]:
    """TensorFlow's thread pools for one of ``processes`` sharing the CPU: its share of the cores.

    TensorFlow gives every process a thread per core, so processes side by side oversubscribe
    the cores and their idle threads spin against each other's work (2 cores, 2 lanes,
    `pytest docs/training docs/models`, 3 paired runs: median 56.6 s and 88 CPU-s with the
    default pools, 51.1 s and 78 CPU-s with these). Alone, a process keeps TensorFlow's own.
    """
    if processes <= 1:
        return {}
    threads = max(1, (os.cpu_count() or 1) // processes)
    return {"TF_NUM_INTRAOP_THREADS": str(threads), "TF_NUM_INTEROP_THREADS": "1"}


def device() -> str:
    """The device examples run on: the GPUs TensorFlow sees, or ``CPU``."""
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    return ", ".join(gpu.name for gpu in gpus) if gpus else "CPU"
