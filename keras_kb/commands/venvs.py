"""The venvs of the maintainer commands that run the suite elsewhere (matrix.py, backends.py)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def ensure(
    command: str,
    venv: Path,
    install: list[str],
    python: str,
    *,
    label: str,
    changes_with: tuple[str, ...],
) -> Path:
    """``venv`` with pip upgraded and ``pip install <install>`` run in the repository, made
    again when a file of ``changes_with`` changes (as ./dev does); a failed install exits and
    names its log."""
    sources = b"".join((ROOT / name).read_bytes() for name in changes_with)
    stamp = venv / f".installed-{hashlib.sha1(sources).hexdigest()[:12]}"
    if stamp.exists():
        return venv
    print(f"{command}: installing {venv.name} ({label})...", flush=True)
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin/python"), "-m", "pip", "install", "--quiet"]
    log = venv / "install.log"
    with log.open("w") as out:
        for args in (["--upgrade", "pip"], install):
            done = subprocess.run(pip + args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
            if done.returncode:
                sys.exit(f"{command}: install failed, see {log}")
    for old in venv.glob(".installed-*"):
        old.unlink()
    stamp.touch()
    return venv
