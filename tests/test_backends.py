"""The backend record (keras_kb/commands/backends.py): how a run becomes per-page outcomes, and
why another backend's outputs can never reach the site."""

import os
import subprocess
import sys
import textwrap

from keras_kb import pages
from keras_kb.commands import backends

JUNIT = textwrap.dedent(
    """\
    <testsuites><testsuite name="pytest">
      <testcase classname="docs.models.cnn.md" name="line 9"/>
      <testcase classname="docs.models.cnn.md" name="line 34">
        <failure message="docs/models/cnn.md:79: AttributeError: no .numpy&#10;Traceback"/>
      </testcase>
      <testcase classname="docs.models.cnn.md" name="line 60">
        <failure message="not run: an earlier example of the page failed"/>
      </testcase>
      <testcase classname="docs.training.input-pipelines.md" name="line 9"/>
      <testcase classname="tests.test_site" name="test_site_builds_strictly"/>
    </testsuite></testsuites>
    """
)


def test_a_page_passes_only_when_every_example_does_and_keeps_its_first_failure(tmp_path):
    junit = tmp_path / "junit.xml"
    junit.write_text(JUNIT, encoding="utf-8")
    assert backends.page_outcomes(junit) == {
        "models/cnn.md": "docs/models/cnn.md:79: AttributeError: no .numpy",
        "training/input-pipelines.md": "passed",
    }


def test_a_new_record_names_only_the_pages_whose_result_changed():
    def run(date, version, **results):
        entries = {f"{page}.md": {"result": r, "code": date} for page, r in results.items()}
        return {"date": date, "jax": version, "pages": entries}

    old = run("2026-11-01", "0.10.1", same="passed", fixed="docs/fixed.md:3: TypeError")
    new = run("2026-12-01", "0.10.2", same="passed", fixed="passed", added="passed")
    assert backends.changes(old, new) == [
        "added.md: not measured -> passed",
        "fixed.md: docs/fixed.md:3: TypeError -> passed",
    ]
    assert backends.changes(new, new) == []


def _in_fresh_process(code: str, **env: str) -> str:
    """Run in a fresh process: ``sandbox.ENVIRONMENT`` is read once, at import, and the suite's
    own examples run beside this test, so the module is never reloaded or patched here."""
    environ = {k: v for k, v in os.environ.items() if k != "KB_BACKEND"} | env
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=pages.ROOT, env=environ, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


BACKEND = "from keras_kb import sandbox; print(sandbox.ENVIRONMENT['KERAS_BACKEND'])"
CONDITIONS = (
    "import hashlib; from keras_kb import outputs;"
    "print(hashlib.sha256('\\0'.join(outputs._conditions()).encode()).hexdigest())"
)


def test_the_backend_is_tensorflow_unless_the_record_asks():
    assert _in_fresh_process(BACKEND) == "tensorflow"
    assert _in_fresh_process(BACKEND, KB_BACKEND="jax") == "jax"


def test_another_backends_outputs_are_kept_apart():
    """The site shows the records the TensorFlow run made, never those of a backend run."""
    assert _in_fresh_process(CONDITIONS) != _in_fresh_process(CONDITIONS, KB_BACKEND="jax")
