"""Facts the installation page states in prose (docs/appendix/install.md)."""

import json
import re
import tomllib
from importlib.metadata import requires

from packaging.requirements import Requirement

from keras_kb.facts import fact
from keras_kb.pages import ROOT, SNIPPETS


def _minor(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


def _tested():
    """(oldest tested TensorFlow, newest, the one Keras minor both ran with) from the matrix."""
    entries = json.loads((SNIPPETS / "appendix" / "tested-versions.json").read_text())["entries"]
    tensorflow = sorted(_minor(e["tensorflow"]) for e in entries if e["ok"])
    (keras,) = {_minor(e["keras"]) for e in entries if e["ok"]}
    return tensorflow[0], tensorflow[-1], keras


def _keras_major() -> str:
    (keras,) = [Requirement(r) for r in requires("tensorflow") if Requirement(r).name == "keras"]
    (lower,) = [s.version for s in keras.specifier if s.operator == ">="]
    return lower.split(".")[0]


PAGE = "appendix/install.md"


@fact(
    PAGE,
    ko="TensorFlow {0}부터는 `pip install tensorflow`가 Keras {3}을 함께 설치하며, 이 사이트는 "
    "{0}부터 {1}까지의 TensorFlow와 Keras {2}로 검증합니다",
    en="Since TensorFlow {0}, `pip install tensorflow` also installs Keras {3}; this site is "
    "checked with TensorFlow {0} through {1} and Keras {2}",
)
def tested_range():
    oldest, newest, keras = _tested()
    return tuple(".".join(map(str, v)) for v in (oldest, newest, keras)) + (_keras_major(),)


@fact(
    PAGE,
    ko="Keras 3이 아니면(TensorFlow {} 이하)",
    en="if Keras is not Keras 3 (TensorFlow {} or older)",
)
def last_without_keras_3():
    (major, minor), _, _ = _tested()
    return f"{major}.{minor - 1}"


@fact(
    PAGE,
    ko='`pip install -e ".[{}]"`로 프로젝트와 테스트 도구를 `{}`의 버전 그대로',
    en='with `pip install -e ".[{}]"`, at the exact versions of `{}`',
)
def dev_install():
    dev = (ROOT / "dev").read_text()
    extras = re.search(r'^extras="(\w+)"', dev, re.M)[1]
    lock = re.search(r'pip install -e "\.\[\$extras\]" -c (\S+)', dev)[1]
    return extras, lock


@fact(
    PAGE,
    ko="`KB_GPU=1`을 붙이면 `{}`를 추가로 설치하고",
    en="With `KB_GPU=1` it also installs `{}`",
)
def gpu_extra():
    dev = (ROOT / "dev").read_text()
    (extra,) = re.findall(r'KB_GPU:-0}" == "1" ]]; then extras="test,(\w+)"', dev)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    (tensorflow,) = map(Requirement, project["optional-dependencies"][extra])
    return f"{tensorflow.name}[{','.join(sorted(tensorflow.extras))}]"
