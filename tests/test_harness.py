"""The harness catches a contributor's mistakes with one clear message naming the file and line.

A throwaway copy of the project holds one page per mistake; the fast check (``./dev check``:
strict build plus structural tests, no example executed) must catch all of them but a failing
assert, which only running the examples can find, and whose report must show the values.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest

from keras_kb import pages

pytestmark = pytest.mark.harness

SNIPPET = """\
# --8<-- [start:divide]
ratio = 1
print("dividing by zero next")
ratio = 1 / 0
# --8<-- [end:divide]
# --8<-- [start:compare]
total = 1 + 1
assert total == 3
# --8<-- [end:compare]
# --8<-- [start:first]
x = 1
# --8<-- [end:first]
# --8<-- [start:second]
print(x + 1)
# --8<-- [end:second]
# --8<-- [start:compute]
y = 2
# --8<-- [end:compute]
# --8<-- [start:compute-check]
assert y == 3
# --8<-- [end:compute-check]
# --8<-- [start:touch]
z = 0
# --8<-- [end:touch]
# --8<-- [start:touch-check]
z = 1
# --8<-- [end:touch-check]
# --8<-- [start:exit]
import os
os._exit(3)
# --8<-- [end:exit]
# --8<-- [start:after]
print("after the exit")
# --8<-- [end:after]
"""


def _include(section: str) -> str:
    return f'```python\n--8<-- "snippets/bad.py:{section}"\n```\n'


# page -> (Korean text, English text: the same when None, False for no twin; in nav?)
PAGES = {
    "index": ("# 홈\n\n[다른 페이지](fine.md)\n", "# Home\n\n[Other page](fine.md)\n", True),
    "fine": ("# 좋은 페이지\n", "# A good page\n", True),
    "lonely": ("# 한국어만\n", False, True),
    "missing": ("# 구역\n\n" + _include("gone"), None, True),
    "differs": ("# 코드\n\n" + _include("first"), "# Code\n\n" + _include("second"), True),
    "pyfence": ("# 펜스\n\n```py\nprint('never run')\n```\n", None, True),
    "orphan": ("# 목차에 없음\n", "# Not in the nav\n", False),
    "link": ("# 링크\n\n[없는 페이지](nowhere.md)\n", "# Link\n\n[No page](nowhere.md)\n", True),
    "prose": ("# 산문\n\n처음 문장.\n", "# Prose\n\nFirst sentence.\n", True),
    "nocont": ("# 이어짐\n\n" + _include("first") + "\n" + _include("second"), None, True),
    "swallowed": (
        "# 셸\n\n```shell\necho hi\n```\n\n<!--pytest-codeblocks:cont-->\n"
        "```python\nprint(1)\n```\n",
        None,
        True,
    ),
    "broken": ("# 오류\n\n" + _include("divide"), None, True),
    "noraise": ("# 예외\n\n<!--kb:raises ValueError-->\n" + _include("first"), None, True),
    "checked": ("# 검사\n\n" + _include("compute"), None, True),
    "touching": ("# 손대는 검사\n\n" + _include("touch"), None, True),
    "assertion": ("# 단언\n\n" + _include("compare"), None, True),
    "dies": ("# 종료\n\n" + _include("exit") + "\n" + _include("after"), None, True),
}

# mistake -> what the fast check's report must say (file and line included)
FAST = {
    "twin missing": ["docs/lonely.md has no twin: create docs/lonely.en.md"],
    "snippet section typo": ["docs/missing.md:4: SnippetMissingError", "gone"],
    "code differs between languages": ["docs/differs.md:3 and docs/differs.en.md:3"],
    "```py fence": ["docs/pyfence.md:3: fence `py`"],
    "page missing from the nav": ["orphan.md"],
    "broken link": ["link.md", "nowhere.md"],
    "one language's prose edited": ["docs/prose.md: English changed, Korean not updated"],
    "missing continuation marker": [
        "docs/nocont.md:8: `x` is defined by the example at line 3",
        "pytest-codeblocks:cont",
    ],
    "python swallowed by a shell block": ["docs/swallowed.md:3", "would be merged"],
    "a hidden check that is not an assert": [
        "snippets/bad.py:26: a check section holds only assert statements",
    ],
}
EXAMPLES = {
    "failing example": [
        "docs/broken.md:4 (snippet snippets/bad.py:4)",
        "ZeroDivisionError",
        "printed by the example before it failed ---\ndividing by zero next",
    ],
    "failing assert": ["docs/assertion.md:4 (snippet snippets/bad.py:8)", "assert 2 == 3"],
    "announced error not raised": [
        "docs/noraise.md:5 (snippet snippets/bad.py:11): AssertionError: <!--kb:raises ValueError"
        "--> but the block raised nothing",
    ],
    "example process dies": [
        "docs/dies.md: the example process died (exit 3)",
        "docs/dies.md: not run: the page's process died at line 3",
    ],
    "failing hidden check": [
        "docs/checked.md:4 (snippet snippets/bad.py:17), hidden check snippets/bad.py:20",
        "assert 2 == 3",
    ],
}
STRUCTURE_TESTS = [
    "test_translations.py",
    "test_fences.py",
    "test_site.py",
    "test_translation_sync.py",
    "test_continuations.py",
]


def _mkdocs_yml() -> str:
    config = (pages.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = "".join(f"  - {name}.md\n" for name, (*_, in_nav) in PAGES.items() if in_nav)
    return re.sub(r"^nav:\n(?:[ -].*\n)+", f"nav:\n{nav}", config, count=1, flags=re.M)


def _run(project, *args):
    basetemp = project.parent / f"{project.name}-basetemp-{len(args)}"  # pytest prunes others
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--tb=short", "-p", "no:randomly"]
        + [f"--basetemp={basetemp}", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        # under CI pytest repeats whole messages in its summary: the report reads as locally
        env={key: value for key, value in os.environ.items() if key not in ("CI", "BUILD_NUMBER")},
    )
    assert result.returncode != 0, result.stdout[-3000:]
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = tmp_path_factory.mktemp("project")
    shutil.copy(pages.ROOT / "pyproject.toml", project)
    (project / "mkdocs.yml").write_text(_mkdocs_yml(), encoding="utf-8")
    for folder in ("keras_kb", "hooks", "overrides", "docs/assets", "tests/support"):
        shutil.copytree(pages.ROOT / folder, project / folder)
    for name in ["conftest.py", *STRUCTURE_TESTS]:
        shutil.copy(pages.ROOT / "tests" / name, project / "tests" / name)
    (project / "snippets").mkdir()
    (project / "snippets/bad.py").write_text(SNIPPET)
    for name, (korean, english, _) in PAGES.items():
        (project / f"docs/{name}.md").write_text(korean)
        if english is not False:
            (project / f"docs/{name}.en.md").write_text(korean if english is None else english)
    subprocess.run(
        [sys.executable, "-m", "keras_kb.site_build.translations", "confirm"],
        cwd=project,
        check=True,
    )
    (project / "docs/prose.en.md").write_text("# Prose\n\nAn edited first sentence.\n")
    return project


@pytest.fixture(scope="module")
def fast_report(project):
    return _run(project, "-m", "not examples and not browser and not harness", "tests", "docs")


@pytest.fixture(scope="module")
def examples_report(project):
    names = ("broken", "assertion", "noraise", "checked", "dies")
    return _run(project, *(f"docs/{name}.md" for name in names))


@pytest.mark.parametrize("mistake", FAST)
def test_the_fast_check_names_the_mistake(fast_report, mistake):
    for needle in FAST[mistake]:
        assert needle in fast_report, f"{mistake}: report lacks {needle!r}:\n{fast_report[-6000:]}"


def test_a_failed_build_is_reported_once(fast_report):
    message = "contains a link 'nowhere.md', but the target is not found"
    assert fast_report.count(message) == 1, fast_report[-6000:]


@pytest.mark.parametrize("mistake", EXAMPLES)
def test_running_the_examples_names_the_failure(examples_report, mistake):
    for needle in EXAMPLES[mistake]:
        assert needle in examples_report, f"{mistake}: lacks {needle!r}:\n{examples_report[-4000:]}"


def test_reports_carry_no_tensorflow_start_up_noise(fast_report, examples_report):
    for noise in ("oneDNN custom operations", "cudart_stub", "absl::InitializeLog"):
        assert noise not in fast_report + examples_report
