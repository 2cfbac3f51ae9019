"""Generate the site's figures from ``snippets/figures/*.py``, once per language.

Each figure module defines ``draw(text) -> matplotlib.figure.Figure``, where ``text(ko, en)``
returns the label for the language being drawn. Output: ``docs/assets/figures/<name>.<lang>.svg``.
SVGs keep text as text (no font is embedded) and carry no date or random ids, so the same code
always gives the same bytes, and ``tests/test_figures.py`` can tell when a figure is out of date.

    python -m keras_kb.commands.figures            # regenerate every figure
    python -m keras_kb.commands.figures conv_padding_stride   # only the figures named
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import warnings
from pathlib import Path

from keras_kb.pages import DOCS, SNIPPETS

SOURCES = SNIPPETS / "figures"
OUTPUT = DOCS / "assets" / "figures"
LANGUAGES = ("ko", "en")


def _module(path: Path):
    spec = importlib.util.spec_from_file_location(f"figure_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(path: Path, lang: str) -> bytes:
    """The SVG bytes of one figure in one language."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcdefaults()
    plt.rcParams.update(
        {
            "svg.fonttype": "none",  # text stays text: the reader's browser supplies Korean glyphs
            "svg.hashsalt": "keras-kb",  # stable element ids
            "font.family": "sans-serif",
            "font.sans-serif": [
                "Noto Sans CJK KR",
                "Malgun Gothic",
                "Apple SD Gothic Neo",
                "DejaVu Sans",
            ],
            "figure.dpi": 100,
        }
    )
    figure = _module(path).draw(lambda ko, en: ko if lang == "ko" else en)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing-glyph warnings when no Korean font is installed
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def comparable(svg: bytes) -> bytes:
    """SVG bytes with matplotlib's clip-path ids renumbered in order of appearance.

    Matplotlib names a clip path by hashing the repr of its NumPy floats, which NumPy 1.x and
    2.x print differently (``72.0`` vs ``np.float64(72.0)``): the same drawing gets other ids.
    """
    ids: dict[bytes, bytes] = {}
    return re.sub(
        rb"(?<=[\"#])p[0-9a-f]{10}\b",
        lambda match: ids.setdefault(match[0], b"clip%d" % len(ids)),
        svg,
    )


def sources() -> list[Path]:
    return sorted(p for p in SOURCES.glob("*.py") if not p.name.startswith("_"))


def target(path: Path, lang: str) -> Path:
    return OUTPUT / f"{path.stem.replace('_', '-')}.{lang}.svg"


def main(names: list[str]) -> int:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    chosen = [p for p in sources() if not names or p.stem in names]
    unknown = set(names) - {p.stem for p in chosen}
    if unknown:
        print(f"no such figure in {SOURCES.relative_to(DOCS.parent)}: {sorted(unknown)}")
        return 2
    for path in chosen:
        for lang in LANGUAGES:
            target(path, lang).write_bytes(render(path, lang))
            print(f"wrote {target(path, lang).relative_to(DOCS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
