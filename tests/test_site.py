"""The built site: strict build, every rendered Python block executed, both languages wired up."""

import re

import pytest

from keras_kb import pages
from keras_kb.site_build import notebooks
from tests.support.site import soup

# a Python block on a normal page (language-*) or a notebook code cell (hl-*, mkdocs-jupyter)
PYTHON_CLASS = re.compile(r"^(language|hl)-(py|python\d?|pycon|ipython\d?|python-repl)$")


def test_site_builds_strictly(site_build):
    """The one place a failed ``mkdocs build --strict`` is reported, with its messages."""
    site_build.fail_unless_ok()


def test_every_page_is_built_and_recorded(built_site):
    built = {page for page, _ in pages.built_pages(built_site)}
    missing = [page.rel for page in pages.all_pages() if page not in built]
    assert not missing, f"pages the build did not write: {missing}"
    assert all(html.exists() for _, html in pages.built_pages(built_site))


def _normalized(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip("\n").splitlines())


def test_every_rendered_python_block_was_executed(built_site):
    missing = []
    for source, html in pages.built_pages(built_site):
        korean = source.korean
        if korean.is_walkthrough:  # cells run in one kernel by tests/test_notebooks.py
            ran = notebooks.code_cells(korean.source)
        else:
            ran = [b.code for b in korean.code_blocks() if b.syntax == "python"]
        executed = [f"\n{_normalized(code)}\n" for code in ran]
        for div in soup(html).select("div.highlight, div.highlight-ipynb"):
            if not any(PYTHON_CLASS.match(cls) for cls in div.get("class", [])):
                continue
            shown = f"\n{_normalized((div.find('code') or div.find('pre')).get_text())}\n"
            if not any(shown in code for code in executed):
                first = shown.strip().splitlines()[0]
                missing.append(f"{source}: rendered but not executed: {first!r}")
    assert not missing, "\n".join(missing)


def test_pages_declare_their_language(built_site):
    wrong = []
    for source, html in pages.built_pages(built_site):
        expected = source.language
        if soup(html).html.get("lang") != expected:
            wrong.append(f"{html.relative_to(built_site)} should declare lang={expected}")
    assert not wrong, "\n".join(wrong)


def test_language_switcher_keeps_the_page(built_site):
    wrong = []
    for source, html in pages.built_pages(built_site):
        twin_html = source.twin.built(built_site)
        links = soup(html).select("a.md-select__link[hreflang]")
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
                f"{source}: switcher does not lead to {source.twin}"
            )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("attribute", ["src", "href"])
def test_no_request_leaves_the_site(built_site, attribute):
    external = set()
    for _, html in pages.built_pages(built_site):
        tags = soup(html).select(f"script[{attribute}], link[{attribute}], img[{attribute}]")
        for tag in tags:
            if {"canonical", "alternate"} & set(tag.get("rel", [])):
                continue  # metadata for search engines, never fetched by the browser
            if re.match(r"^(https?:)?//", tag[attribute]):
                external.add(f"{html.relative_to(built_site)}: {tag[attribute]}")
    assert not external, "\n".join(sorted(external))


def test_math_is_rendered_to_mathml(built_site):
    for _, html in pages.built_pages(built_site):
        for node in soup(html).select(".arithmatex"):
            assert node.find("math"), (
                f"{html.relative_to(built_site)}: unrendered math {node.text!r}"
            )
    dense = pages.Page(pages.DOCS / "models/dense.md")
    assert soup(dense.built(built_site)).select(".arithmatex math")


def test_scripts_wait_for_the_first_paint_and_keep_their_order(built_site):
    """overrides/main.html defers Material's scripts (the LCP in bench/run.py depends on it).
    search-ko.js wraps Worker, so it must still come before the bundle that creates the worker."""
    wrong = []
    for _, html in pages.built_pages(built_site):
        scripts = soup(html).select("script[src]")
        names = [tag["src"].rsplit("/", 1)[-1] for tag in scripts]
        blocking = [tag["src"] for tag in scripts if not tag.has_attr("defer")]
        bundle = next((i for i, n in enumerate(names) if n.startswith("bundle.")), None)
        if blocking or bundle is None or "search-ko.js" not in names[:bundle]:
            page = html.relative_to(built_site)
            wrong.append(f"{page}: scripts {names}, not deferred: {blocking}")
    assert not wrong, "\n".join(wrong)
