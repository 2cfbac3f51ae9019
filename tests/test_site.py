"""The built site: strict build, every rendered Python block executed, both languages wired up."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.browser import site_pages
from tests.conftest import code_blocks, html_of
from tools import notebooks, pages

# a Python block on a normal page (language-*) or a notebook code cell (hl-*, mkdocs-jupyter)
PYTHON_CLASS = re.compile(r"^(language|hl)-(py|python\d?|pycon|ipython\d?|python-repl)$")


def _source_of(html: Path, site: Path) -> Path:
    parts = html.relative_to(site).with_suffix("").parts  # models/dense.html -> models/dense
    english = parts[:1] == ("en",)
    stem = Path(*parts[1:]) if english else Path(*parts)
    source = pages.DOCS / stem.parent / (stem.name + (pages.SECONDARY_SUFFIX if english else ".md"))
    if source.exists() and html_of(source, site) == html:
        return source
    raise AssertionError(f"no source page for {html.relative_to(site)}")


def _normalized(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip("\n").splitlines())


def _soup(html: Path) -> BeautifulSoup:
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def test_every_rendered_python_block_was_executed(built_site):
    missing = []
    for html in site_pages(built_site):
        source = _source_of(html, built_site)
        korean = pages.twin_of(source) if source.name.endswith(pages.SECONDARY_SUFFIX) else source
        if notebooks.is_notebook(korean):  # cells run in one kernel by tests/test_notebooks.py
            ran = notebooks.code_cells(korean)
        else:
            ran = [b.code for b in code_blocks(korean) if b.syntax == "python"]
        executed = [f"\n{_normalized(code)}\n" for code in ran]
        for div in _soup(html).select("div.highlight, div.highlight-ipynb"):
            if not any(PYTHON_CLASS.match(cls) for cls in div.get("class", [])):
                continue
            shown = f"\n{_normalized((div.find('code') or div.find('pre')).get_text())}\n"
            if not any(shown in code for code in executed):
                first = shown.strip().splitlines()[0]
                missing.append(f"{pages.rel(source)}: rendered but not executed: {first!r}")
    assert not missing, "\n".join(missing)


def test_pages_declare_their_language(built_site):
    wrong = []
    for html in site_pages(built_site):
        expected = "en" if html.relative_to(built_site).parts[0] == "en" else "ko"
        if _soup(html).html.get("lang") != expected:
            wrong.append(f"{html.relative_to(built_site)} should declare lang={expected}")
    assert not wrong, "\n".join(wrong)


def test_language_switcher_keeps_the_page(built_site):
    wrong = []
    for html in site_pages(built_site):
        source = _source_of(html, built_site)
        twin_html = html_of(pages.twin_of(source), built_site)
        links = _soup(html).select("a.md-select__link[hreflang]")
        # the home page's switcher links are root-absolute ("/en/"), the others relative
        targets = {
            (
                built_site / a["href"].lstrip("/")
                if a["href"].startswith("/")
                else html.parent / a["href"]
            ).resolve()
            for a in links
        }
        if twin_html.resolve() not in {t / "index.html" if t.is_dir() else t for t in targets}:
            wrong.append(
                f"{pages.rel(source)}: switcher does not lead to {pages.rel(pages.twin_of(source))}"
            )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("attribute", ["src", "href"])
def test_no_request_leaves_the_site(built_site, attribute):
    external = set()
    for html in site_pages(built_site):
        tags = _soup(html).select(f"script[{attribute}], link[{attribute}], img[{attribute}]")
        for tag in tags:
            if {"canonical", "alternate"} & set(tag.get("rel", [])):
                continue  # metadata for search engines, never fetched by the browser
            if re.match(r"^(https?:)?//", tag[attribute]):
                external.add(f"{html.relative_to(built_site)}: {tag[attribute]}")
    assert not external, "\n".join(sorted(external))


def test_math_is_rendered_to_mathml(built_site):
    for html in site_pages(built_site):
        for node in _soup(html).select(".arithmatex"):
            assert node.find("math"), (
                f"{html.relative_to(built_site)}: unrendered math {node.text!r}"
            )
    assert _soup(html_of(pages.DOCS / "models/dense.md", built_site)).select(".arithmatex math")
