"""Which Keras backends each page's examples and each walkthrough run on, measured.

    .venv/bin/python -m keras_kb.commands.backends          # jax and torch, then record
    .venv/bin/python -m keras_kb.commands.backends jax      # one backend; the other's entry is kept

Each backend gets its own `.venv-<backend>` with `pip install -e ".[test]" -c requirements.lock`
and the backend's package. The examples run with ``KB_BACKEND=<backend>`` (keras_kb/sandbox.py
sets ``KERAS_BACKEND`` from it), each page in a fresh process as in the default suite; each
walkthrough runs in a fresh kernel of its own, so one that fails does not hide the others. Per
page it records passed, or where it first failed and why, in snippets/appendix/backends.json,
with the versions and the date. The records of other backends' outputs never reach the site:
the backend is one of the conditions in each output's key (keras_kb/outputs.py). Not part of
``./dev test``: TensorFlow stays the backend of the default suite.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from keras_kb import backends
from keras_kb.commands import venvs

ROOT = Path(__file__).resolve().parents[2]
# what each backend adds to .[test]. torch is pinned to the CPU build this machine keeps in pip's
# find-links; elsewhere a plain PyPI install is a multi-GB CUDA build, so the weekly workflow
# points PIP_EXTRA_INDEX_URL at PyTorch's CPU index (.github/workflows/backends.yml)
PACKAGES = {
    "jax": ["jax"],
    "torch": ["torch==2.13.0"],
}
VERSIONS_CODE = (
    "import json, importlib.metadata as m, keras, {module};"
    "print(json.dumps({{'keras': keras.__version__, '{module}': m.version('{module}')}}))"
)
# each walkthrough afresh in its own kernel: {page: "passed" | the error's first line}
WALKTHROUGHS_CODE = """
import json
from keras_kb import pages
from keras_kb.site_build import notebooks
outcome = {}
for page in pages.walkthroughs():
    try:  # not through notebooks.executed: its cache keeps one execution per page, TensorFlow's
        notebooks.execute(notebooks.with_checks(notebooks.to_notebook(page), page), page)
        outcome[page.name] = "passed"
    except notebooks.NotebookError as error:
        outcome[page.name] = str(error).splitlines()[0][:300]
print(json.dumps(outcome))
"""


def venv_of(backend: str) -> Path:
    return ROOT / f".venv-{backend}"


def ensure_venv(backend: str, python: str) -> Path:
    """Create or refresh the backend's venv; reinstall when pyproject.toml or the lock change."""
    install = ["-e", ".[test]", "-c", "requirements.lock", *PACKAGES[backend]]
    return venvs.ensure(
        "backends",
        venv_of(backend),
        install,
        python,
        label=backend,
        changes_with=("pyproject.toml", "requirements.lock"),
    )


def page_outcomes(junit: Path) -> dict[str, str]:
    """Per page (docs-relative path): "passed", or the first failing example's message."""
    outcome: dict[str, str] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        classname = case.get("classname", "")
        if not classname.startswith("docs."):
            continue
        page = classname.removeprefix("docs.").removesuffix(".md").replace(".", "/") + ".md"
        failed = next((c for c in case if c.tag in ("failure", "error")), None)
        if failed is not None and outcome.get(page, backends.PASSED) == backends.PASSED:
            outcome[page] = (failed.get("message") or "failed").splitlines()[0][:300]
        outcome.setdefault(page, backends.PASSED)
    return dict(sorted(outcome.items()))


def run_backend(backend: str, python: str) -> dict:
    # the code as it is when the run starts is the code measured
    digests = {backends.name(p): backends.code_digest(p) for p in backends.pages_with_code()}
    venv = ensure_venv(backend, python)
    py = str(venv / "bin/python")
    env = {**os.environ, "KB_BACKEND": backend, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("KB_REQUIRE_GPU", None)
    versions = _json_line([py, "-c", VERSIONS_CODE.format(module=backend)], env)
    print(f"backends: {backend}: {versions}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        with (venv / "pytest.log").open("w") as log:
            subprocess.run(
                [py, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}", "docs"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        if not junit.exists():
            sys.exit(f"backends: {backend}: pytest wrote no report, see {venv / 'pytest.log'}")
        examples = page_outcomes(junit)
    walkthroughs = _json_line([py, "-c", WALKTHROUGHS_CODE], env)
    outcome = {**examples, **walkthroughs}
    passed = sum(result == backends.PASSED for result in outcome.values())
    print(f"backends: {backend}: {passed} of {len(outcome)} pages pass", flush=True)
    measured = {page: {"result": outcome[page], "code": digests[page]} for page in sorted(outcome)}
    return {**versions, "date": datetime.date.today().isoformat(), "pages": measured}


def changes(old: dict, new: dict) -> list[str]:
    """Pages whose result differs between two records of one backend (dates and versions
    aside: a new release that changes nothing is no news)."""
    before, after = old.get("pages", {}), new["pages"]
    return [
        f"{page}: {_result(before.get(page))} -> {_result(after.get(page))}"
        for page in sorted(set(before) | set(after))
        if _result(before.get(page)) != _result(after.get(page))
    ]


def _result(entry: dict | None) -> str:
    return entry["result"] if entry else "not measured"


def _json_line(cmd: list[str], env: dict) -> dict:
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("backends", nargs="*", help=f"some of {', '.join(PACKAGES)} (default: all)")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the venvs")
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a page's result differs from the record (weekly job)",
    )
    args = parser.parse_args(argv)
    unknown = set(args.backends) - set(PACKAGES)
    if unknown:
        parser.error(f"unknown backends {sorted(unknown)}: choose from {list(PACKAGES)}")
    record, changed = dict(backends.load()), []  # a copy: load() shares what it read
    for backend in args.backends or PACKAGES:
        measured = run_backend(backend, args.python)
        changed += [f"{backend}: {line}" for line in changes(record.get(backend, {}), measured)]
        record[backend] = measured
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    backends.RECORD.write_text(text, encoding="utf-8")
    print(f"backends: wrote {backends.RECORD.relative_to(ROOT)}", flush=True)
    print(
        "\n".join(["backends: changed since the last record:", *changed])
        if changed
        else "backends: every page's result is as recorded",
        flush=True,
    )
    return 1 if changed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
