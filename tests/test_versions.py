"""The tested-versions record: the home page's table, pyproject's range and the installed versions.

`python -m keras_kb.commands.matrix` runs the suite per TensorFlow release and writes
snippets/home/tested-versions.json plus the tables the home page includes.
"""

import re
import tomllib
from importlib import metadata

import pytest

from keras_kb import pages
from keras_kb.commands import matrix

ENTRIES = matrix.load()


def _installed(*names: str) -> str:
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    pytest.fail(f"none of {names} is installed")


def _bounds(requirement: str) -> tuple[str, str]:
    low = re.search(r">=\s*([\d.]+)", requirement)
    high = re.search(r"<\s*([\d.]+)", requirement)
    assert low and high, f"{requirement!r} should give both bounds (>=low,<high)"
    return low.group(1), high.group(1)


def _requirement(name: str, requirements: list[str]) -> str:
    found = [r for r in requirements if re.match(rf"{name}(\[[^\]]*\])?\s*[<>=!~]", r)]
    assert len(found) == 1, f"pyproject.toml should declare {name} once, with bounds"
    return found[0]


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def test_every_recorded_entry_passed():
    assert ENTRIES, "run python -m keras_kb.commands.matrix"
    failed = [e for e in ENTRIES if not e["ok"]]
    assert not failed, "\n".join(
        f"TensorFlow {e['tensorflow']}: {e['failed']} failed" for e in failed
    )
    assert {matrix._minor(e["tensorflow"]) for e in ENTRIES} == set(matrix.ENTRIES)


def test_installed_versions_were_tested():
    tensorflow = _installed("tensorflow", "tensorflow-cpu")
    keras = _installed("keras")
    tested = [(e["tensorflow"], e["keras"]) for e in ENTRIES]
    assert (tensorflow, keras) in tested, (
        f"TensorFlow {tensorflow} with Keras {keras} is not in {pages.rel(matrix.RESULTS)} "
        f"(tested: {tested}); run python -m keras_kb.commands.matrix"
    )


@pytest.mark.parametrize("name", ["tensorflow", "keras", "numpy"])
def test_pyproject_range_matches_the_tested_ends(name):
    project = tomllib.loads((pages.ROOT / "pyproject.toml").read_text())["project"]
    low, high = _bounds(_requirement(name, project["dependencies"]))
    versions = sorted((e[name] for e in ENTRIES), key=_key)
    oldest, newest = _key(versions[0]), _key(versions[-1])
    # the lower bound is the oldest tested release (major.minor)
    assert _key(low)[:2] == oldest[:2], f"{name}>={low} but the oldest tested is {versions[0]}"
    if name == "tensorflow":  # minor releases: the upper bound is just past the newest tested
        assert _key(high) == (newest[0], newest[1] + 1), (
            f"{name}<{high} but the newest tested is {versions[-1]}"
        )
    else:  # semantic versioning: the upper bound is the next major
        assert _key(high) == (newest[0] + 1,), f"{name}<{high} vs newest tested {versions[-1]}"
    gpu = project["optional-dependencies"].get("gpu", [])
    if name == "tensorflow" and gpu:
        assert _bounds(_requirement(name, gpu)) == (low, high), "gpu extra: same range"


def test_home_page_tables_are_generated_from_the_record():
    for lang, path in matrix.TABLES.items():
        assert path.read_text(encoding="utf-8") == matrix.render(ENTRIES, lang), (
            f"{pages.rel(path)} is stale: run python -m keras_kb.commands.matrix --render"
        )
    for page in (pages.DOCS / "index.md", pages.DOCS / "index.en.md"):
        lang = "en" if page.name.endswith(pages.SECONDARY_SUFFIX) else "ko"
        include = f'--8<-- "{pages.rel(matrix.TABLES[lang])}"'
        assert include in page.read_text(encoding="utf-8"), f"{pages.rel(page)}: {include}"
