"""Run the test suite against the oldest and the newest supported TensorFlow, one venv each.

    .venv/bin/python -m keras_kb.commands.matrix           # every entry (2.16, 2.21), then record
    .venv/bin/python -m keras_kb.commands.matrix 2.16      # one entry; the others' rows are kept
    .venv/bin/python -m keras_kb.commands.matrix --render  # only rewrite the tables from the JSON

Each entry gets its own `.venv-tf<minor>` with `pip install -e ".[test]" "tensorflow==<minor>.*"`
and lets pip resolve Keras and NumPy against pyproject.toml (TF 2.16 pulls NumPy 1.x, TF 2.21
NumPy 2.x). It runs the examples and the site checks, browser tests excluded (they test the
rendered site, not TensorFlow), and records versions, counts, time and the venv's whole
`pip freeze` (with its sha256) in snippets/appendix/tested-versions.json. From that file it writes
the tables the verification page includes (snippets/appendix/tested-versions.ko.md and .en.md);
tests/test_versions.py checks that they agree, that the installed TensorFlow/Keras appear in it,
and that pyproject's range matches its ends.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from keras_kb.commands import venvs

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "snippets/appendix/tested-versions.json"
TABLES = {lang: ROOT / f"snippets/appendix/tested-versions.{lang}.md" for lang in ("ko", "en")}

# minor release -> extra requirements; pip resolves the rest against pyproject.toml
ENTRIES: dict[str, list[str]] = {
    "2.16": ["tensorflow==2.16.*"],  # the oldest release that ships Keras 3
    "2.21": ["tensorflow==2.21.*"],  # the newest release
}
# browser tests (marked browser, see tests/support/browser.py) check the
# rendered site, which does not depend on the TensorFlow version
PYTEST_ARGS = ["docs", "tests", "-m", "not browser", "--ignore=tests/test_versions.py"]

VERSIONS_CODE = (
    "import json, platform, sys, keras, numpy, tensorflow as tf;"
    "print(json.dumps({'tensorflow': tf.__version__, 'keras': keras.__version__,"
    " 'numpy': numpy.__version__, 'python': platform.python_version()}))"
)


def venv_of(minor: str) -> Path:
    return ROOT / f".venv-tf{minor}"


def ensure_venv(minor: str, python: str) -> Path:
    """Create or refresh the entry's venv; reinstall when pyproject.toml changes (as ./dev)."""
    install = ["-e", ".[test]", *ENTRIES[minor]]
    return venvs.ensure(
        "matrix",
        venv_of(minor),
        install,
        python,
        label=" ".join(ENTRIES[minor]),
        changes_with=("pyproject.toml",),
    )


def _counts(junit: Path) -> dict:
    counts = {"examples": 0, "passed": 0, "failed": 0, "skipped": 0}
    skips = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed"
            elif child.tag == "skipped" and outcome == "passed":
                outcome = "skipped"
                where = f"{case.get('classname')}::{case.get('name')}"
                skips.append(f"{where}: {child.get('message', '')}".strip())
        counts[outcome] += 1
        if case.get("classname", "").startswith("docs.") and outcome != "skipped":
            counts["examples"] += 1
    counts["skip_reasons"] = sorted(set(skips))
    return counts


def run_entry(minor: str, python: str, extra: list[str]) -> dict:
    venv = ensure_venv(minor, python)
    py = str(venv / "bin/python")
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    env.pop("KB_REQUIRE_GPU", None)
    versions = json.loads(
        subprocess.run(
            [py, "-c", VERSIONS_CODE], env=env, check=True, capture_output=True, text=True
        ).stdout.splitlines()[-1]
    )
    print(f"matrix: {minor}: {versions}", flush=True)
    # everything the entry ran with, not only the four versions the table shows, so a run can
    # be reproduced (pip install -c) and two runs compared by hash
    freeze = subprocess.run(
        [py, "-m", "pip", "freeze", "--exclude-editable"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        log = venv / "pytest.log"
        start = time.monotonic()
        with log.open("w") as out:
            code = subprocess.run(
                [py, "-m", "pytest", "-q", f"--junitxml={junit}", *PYTEST_ARGS, *extra],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            ).returncode
        seconds = round(time.monotonic() - start, 1)
        counts = _counts(junit) if junit.exists() else {"failed": 1, "skip_reasons": []}
    tail = log.read_text(errors="replace").strip().splitlines()[-1:]
    print(f"matrix: {minor}: exit {code} in {seconds} s: {tail} (log: {log})", flush=True)
    return {
        **versions,
        "ok": code == 0 and counts.get("failed", 1) == 0,
        **counts,
        "seconds": seconds,
        "date": datetime.date.today().isoformat(),
        "machine": f"{platform.system()} {platform.machine()}, CPU",
        "command": " ".join(["pytest", *PYTEST_ARGS, *extra]),
        "freeze_sha256": hashlib.sha256("".join(f"{p}\n" for p in freeze).encode()).hexdigest(),
        "freeze": freeze,
    }


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def render(results: list[dict], lang: str) -> str:
    """The verification page's version paragraph and table in one language, from the record."""
    tested = sorted({_minor(r["tensorflow"]) for r in results}, key=_key)
    low, high = tested[0], tested[-1]
    keras = sorted({r["keras"] for r in results}, key=_key)
    keras_range = keras[0] if len(keras) == 1 else f"{keras[0]}–{keras[-1]}"
    if lang == "ko":
        lines = [
            f"**지원 범위: TensorFlow {low}–{high}, Keras {keras_range}.** "
            "아래 조합마다 새 가상 환경(virtual environment)에서 모든 예제와 사이트 검사(브라우저 "
            "검사 제외)를 실행했습니다. 이 표는 `keras_kb/commands/matrix.py`가 실행 결과로 "
            "만듭니다.",
            "",
            "| TensorFlow | Keras | NumPy | Python | 실행한 예제 | 결과 | 확인한 날짜 |",
            "|---|---|---|---|---:|---|---|",
        ]
    else:
        lines = [
            f"**Supported range: TensorFlow {low} to {high}, Keras {keras_range}.** "
            "Every example and site check (browser checks aside) ran in a fresh virtual "
            "environment with each combination below; `keras_kb/commands/matrix.py` writes this "
            "table from its runs.",
            "",
            "| TensorFlow | Keras | NumPy | Python | examples run | result | checked on |",
            "|---|---|---|---|---:|---|---|",
        ]
    for r in sorted(results, key=lambda r: _key(r["tensorflow"])):
        # skipped examples are shown (their pages say why); other skips stay in the JSON
        skipped = sum(reason.startswith("docs.") for reason in r["skip_reasons"])
        if lang == "ko":
            result = "통과" if r["ok"] else f"실패 {r['failed']}건"
            if skipped:
                result += f" (예제 {skipped}개 건너뜀)"
        else:
            result = "passed" if r["ok"] else f"{r['failed']} failed"
            if skipped:
                result += f" ({skipped} example{'s' * (skipped > 1)} skipped)"
        lines.append(
            f"| {r['tensorflow']} | {r['keras']} | {r['numpy']} | {r['python']} "
            f"| {r['examples']} | {result} | {r['date']} |"
        )
    return "\n".join(lines) + "\n"


def _key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def write(results: list[dict]) -> None:
    RESULTS.write_text(json.dumps({"entries": results}, indent=2, ensure_ascii=False) + "\n")
    for lang, path in TABLES.items():
        path.write_text(render(results, lang), encoding="utf-8")
    print(f"matrix: wrote {RESULTS.relative_to(ROOT)} and the tables", flush=True)


def load() -> list[dict]:
    return json.loads(RESULTS.read_text())["entries"] if RESULTS.exists() else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("minors", nargs="*", help=f"entries to run (default: {list(ENTRIES)})")
    parser.add_argument("--python", default=os.environ.get("PYTHON", "python3"))
    parser.add_argument("--render", action="store_true", help="only rewrite the tables")
    parser.add_argument("--no-record", action="store_true", help="do not write the results")
    parser.add_argument("pytest_args", nargs=argparse.REMAINDER, help="after --: for pytest")
    args = parser.parse_args(argv)
    if args.render:
        write(load())
        return 0
    unknown = set(args.minors) - set(ENTRIES)
    if unknown:
        parser.error(f"unknown entries {sorted(unknown)}; known: {list(ENTRIES)}")
    extra = [a for a in args.pytest_args if a != "--"]
    results = {_minor(r["tensorflow"]): r for r in load() if _minor(r["tensorflow"]) in ENTRIES}
    for minor in args.minors or list(ENTRIES):
        results[minor] = run_entry(minor, args.python, extra)
    if not args.no_record:
        write([results[m] for m in ENTRIES if m in results])
    return 0 if all(r["ok"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
