"""Facts the backends page states in prose (docs/models/backends.md)."""

import functools
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from keras_kb import outputs, pages
from keras_kb.facts import fact, printed
from tests.support.site import markdown_tables

PAGE = "models/backends.md"
CODE = re.compile(r"`([^`]+)`")


@fact(
    PAGE,
    ko="이 페이지의 출력도 모두 `{}` 백엔드에서 나왔습니다",
    en="every output on this page came from the `{}` backend",
)
def active_backend():
    return printed(PAGE, r"backend: (\w+)")[1]


@fact(
    PAGE,
    ko="예제를 실행한 환경에는 `{}`가 설치되어 있지 않기 때문이고",
    en="because `{}` is not installed where the examples run",
)
def backend_not_installed():
    return printed(PAGE, r"a new process: ModuleNotFoundError: No module named '(\w+)'")[1]


def _attempted(run: subprocess.CompletedProcess) -> str:
    """The backend a fresh `import keras` chose: printed, or the module it failed to import."""
    if run.returncode == 0:
        return run.stdout.strip()
    missing = re.search(r"No module named '(\w+)'", run.stderr)
    return missing[1] if missing else f"error: {run.stderr.strip().splitlines()[-1:]}"


@functools.cache
def _fresh_imports():
    """Fresh Pythons importing keras with an empty KERAS_HOME: the keras.json Keras writes, the
    backend chosen with that file and KERAS_BACKEND=jax, and with a file saying jax and no
    variable. JAX need not be installed: an import that fails names the backend it tried."""
    code = "import keras; print(keras.config.backend())"
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"} | {"KERAS_HOME": home}

        def run(**extra):
            return subprocess.run(
                [sys.executable, "-c", code], env=env | extra, capture_output=True, text=True
            )

        config = Path(home) / "keras.json"
        run(KERAS_BACKEND="jax")  # no keras.json yet: Keras writes its defaults
        written = json.loads(config.read_text(encoding="utf-8"))
        variable_and_file = _attempted(run(KERAS_BACKEND="jax"))  # the file says the default
        config.write_text(json.dumps(written | {"backend": "jax"}), encoding="utf-8")
        file_alone = _attempted(run())
    return written, variable_and_file, file_alone


def _shown_keras_json() -> dict:
    lines = (pages.SNIPPETS / "models/backends.sh").read_text(encoding="utf-8").splitlines()
    start = lines.index("# --8<-- [start:keras-json]") + 1
    return json.loads("\n".join(lines[start : lines.index("# --8<-- [end:keras-json]")]))


@fact(
    PAGE,
    ko="이 파일은 Keras를 처음 import할 때 기본값으로 만들어지고, 기본 백엔드는 `{}`입니다",
    en="Keras writes this file with its defaults the first time it is imported, and the "
    "default backend is `{}`",
)
def default_backend():
    written, _, _ = _fresh_imports()
    shown = _shown_keras_json()
    if {k: v for k, v in shown.items() if k != "backend"} != {
        k: v for k, v in written.items() if k != "backend"
    }:  # the page shows the written file with only "backend" changed
        return f"a file other than the one Keras writes ({written})"
    return written["backend"]


@fact(
    PAGE,
    ko="둘 다 있으면 `{}`가 이깁니다",
    en="When both are set, `{}` wins",
)
def variable_beats_file():
    written, variable_and_file, file_alone = _fresh_imports()
    if file_alone != "jax":
        return f"keras.json is not read (chose {file_alone})"
    return "KERAS_BACKEND" if variable_and_file == "jax" != written["backend"] else "keras.json"


def _call(cell: str) -> str:
    return CODE.findall(cell)[0]


def _function(code: str) -> str:
    return code.split("(", 1)[0]


def _table(page) -> list[tuple[str, str]]:
    return [(_call(row[0]), _call(row[1])) for row in markdown_tables(page)[0]]


@fact(
    PAGE,
    ko="아래 블록은 표의 짝 {}개를 모두 같은 입력에서 계산해 비교합니다",
    en="The block below computes all {} pairs of the table on the same inputs",
)
def ops_table_pairs():
    """Each row's two calls, evaluated as written on the inputs of the page's block, agree
    (random numbers: in shape and dtype); the right column is backend-agnostic; the block
    printed exactly the table's pairs, each agreeing."""
    korean = pages.Page(pages.DOCS / PAGE)
    rows = _table(korean)
    if _table(korean.twin) != rows:
        return "different tables in the two languages"
    namespace = {
        "tf": tf,
        "keras": keras,
        "x": np.array([[1.0, -2.0, 3.0], [0.5, 4.0, -1.0]], dtype="float32"),
        "w": np.arange(6, dtype="float32").reshape(3, 2),
        "ids": np.array([2, 0]),
    }
    wrong = []
    for with_tf, with_ops in rows:
        if not with_tf.startswith("tf.") or not with_ops.startswith(
            ("keras.ops.", "keras.random.")
        ):
            wrong.append(f"{with_tf} | {with_ops}: not TensorFlow | keras.ops or keras.random")
            continue
        a, b = eval(with_tf, namespace), eval(with_ops, namespace)  # the cells, as written
        if with_tf.startswith("tf.random."):
            same = a.shape == b.shape and a.dtype == b.dtype
        else:
            same = a.shape == b.shape and np.allclose(np.asarray(a), keras.ops.convert_to_numpy(b))
        if not same:
            wrong.append(f"{with_tf} and {with_ops} disagree")
    shown = set()
    for _, record in outputs.page_records(korean):
        for fence in record.fences if record else []:
            shown |= set(
                re.findall(r"^(tf\.[\w.]+) -> (keras\.[\w.]+) .*: True$", fence.text, re.M)
            )
    if shown != {(_function(a), _function(b)) for a, b in rows}:
        wrong.append(f"the block printed {sorted(shown)}, not the table's pairs")
    return str(len(rows)) if not wrong else "; ".join(wrong)


@fact(
    PAGE,
    ko="`keras.ops`에 바로 있음 (`{}`와 같은 함수)",
    en="right in `keras.ops` (the same function as `{}`)",
)
def softmax_in_ops():
    return "keras.ops.nn.softmax" if keras.ops.softmax is keras.ops.nn.softmax else "none"
