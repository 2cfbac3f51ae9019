"""The tested-versions record: the verification page's table, pyproject's range, installed versions.

`python -m keras_kb.commands.matrix` runs the suite per TensorFlow release and writes
snippets/appendix/tested-versions.json plus the tables the verification page includes.
Installs come from requirements.lock (`./dev` passes it to pip as constraints; `./dev lock`
refreshes it).
"""

import re
import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from keras_kb import pages
from keras_kb.commands import matrix

ENTRIES = matrix.load()
LOCK = pages.ROOT / "requirements.lock"


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


def _lock() -> dict[str, str]:
    """requirements.lock as {canonical name: version}; every line must pin one exact version."""
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        (spec,) = requirement.specifier
        assert spec.operator == "==" and not requirement.extras, f"{pages.rel(LOCK)}: {line!r}"
        pins[canonicalize_name(requirement.name)] = spec.version
    assert pins, f"{pages.rel(LOCK)} is empty: run ./dev lock"
    return pins


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


def test_locked_versions_were_tested():
    # what every ./dev install gets must be a pair the matrix ran: refreshing the lock to a new
    # TensorFlow or Keras means running the matrix too
    lock = _lock()
    pair = (lock.get("tensorflow") or lock.get("tensorflow-cpu"), lock.get("keras"))
    tested = [(e["tensorflow"], e["keras"]) for e in ENTRIES]
    assert pair in tested, (
        f"{pages.rel(LOCK)} pins TensorFlow {pair[0]} with Keras {pair[1]}, not in "
        f"{pages.rel(matrix.RESULTS)} (tested: {tested}); run python -m keras_kb.commands.matrix"
    )


def test_installed_packages_match_the_lock():
    installed = {}
    for dist in metadata.distributions():
        if dist.metadata["Name"]:
            installed.setdefault(canonicalize_name(dist.metadata["Name"]), dist.version)
    drift = [
        f"{name}: installed {installed.get(name, 'nothing')}, locked {version}"
        for name, version in sorted(_lock().items())
        if name not in installed or Version(installed[name]) != Version(version)
    ]
    assert not drift, (
        f"this environment differs from {pages.rel(LOCK)}:\n" + "\n".join(drift) + "\n"
        "reinstall (rm .venv/.installed-*, then ./dev test) or, to move the lock, ./dev lock"
    )


def test_dev_installs_from_the_lock():
    dev = (pages.ROOT / "dev").read_text(encoding="utf-8")
    install = [line for line in dev.splitlines() if "pip install -e" in line and "$extras" in line]
    assert install and all("-c requirements.lock" in line for line in install), install
    # a changed lock must reinstall: the install stamp's digest covers it
    hashed = [line for line in dev.splitlines() if re.search(r"sha\d+sum", line)]
    assert any("requirements.lock" in line for line in hashed), f"stamp digest: {hashed}"


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


def test_version_tables_are_generated_from_the_record():
    for lang, path in matrix.TABLES.items():
        assert path.read_text(encoding="utf-8") == matrix.render(ENTRIES, lang), (
            f"{pages.rel(path)} is stale: run python -m keras_kb.commands.matrix --render"
        )
    verification = pages.Page(pages.DOCS / "appendix/verification.md")
    for page in (verification.source, verification.twin.source):
        lang = pages.Page(page).language
        include = f'--8<-- "{pages.rel(matrix.TABLES[lang])}"'
        assert include in page.read_text(encoding="utf-8"), f"{pages.rel(page)}: {include}"
