"""The site as a reader meets it, in headless Chromium against the built site on 127.0.0.1.

Search (Korean-aware, measured against Material's own), the language switcher, the copy button,
the light/dark toggle, notebook outputs, console errors, requests that would leave the machine,
accessibility (axe-core) on every page, and the whole site from file:// without a server.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser import BROWSER, REPORT, is_local, site_pages, watch
from tests.conftest import html_of
from tools import pages

pytestmark = BROWSER

QUERIES = Path(__file__).with_name("search_queries.tsv")
TOP = 5
SEARCH_INPUT = "input[data-md-component=search-query]"


def query_set() -> list[tuple[str, str, str]]:
    rows = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            reader, query, expected = line.split("\t")
            rows.append((reader, query, expected))
    return rows


def _page_path(href: str, site_url: str) -> str:
    """A result link as a site path without query or anchor: 'en/models/dense.html'."""
    return unquote(urlsplit(href).path).removeprefix(urlsplit(site_url).path)


def _search_ui(page, query: str) -> list[str]:
    """Type the query into Material's search box; the result pages in the order shown."""
    box = page.locator(SEARCH_INPUT)
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        "q => window.kbSearch.last && window.kbSearch.last.query.raw === q", arg=query
    )
    hrefs = page.eval_on_selector_all(
        "li.md-search-result__item > a:first-child", "els => els.map(e => e.href)"
    )
    return hrefs


# Material's own search, as shipped: its worker fed the index without our Korean fields and
# dictionary, queried with the raw text; results in the worker's order, which the UI keeps.
BASELINE = """async ([query]) => {
  if (!window.__baseline) {
    const config = JSON.parse(document.getElementById("__config").textContent)
    const base = new URL(config.base + "/", location.href)
    const index = await (await fetch(new URL("search/search_index.json", base))).json()
    delete index.config.kb
    for (const name of ["ko_title", "ko_text"]) {
      delete index.config.fields[name]
      index.docs.forEach(doc => delete doc[name])
    }
    const worker = new window.kbSearch.BaseWorker(new URL(config.search, location.href))
    await new Promise(ready => {
      worker.onmessage = ev => ev.data.type === 1 && ready()
      worker.postMessage({type: 0, data: {config: index.config, docs: index.docs,
                                          options: {suggest: false}}})
    })
    window.__baseline = {worker, base}
  }
  const {worker, base} = window.__baseline
  return await new Promise(done => {
    worker.onmessage = ev => ev.data.type === 3 &&
      done(ev.data.data.items.map(group => new URL(group[0].location, base).href))
    worker.postMessage({type: 2, data: query})
  })
}"""


def test_search_finds_the_expected_page(context, site_url, built_site):
    rows = query_set()
    results = {
        "default": [],
        "default, either language": [],
        "korean-aware": [],
        "korean-aware, either language": [],
    }
    misses = []
    tabs = {}
    started = time.perf_counter()
    for reader, query, expected in rows:
        if reader not in tabs:
            tabs[reader] = watch(context.new_page())
            tabs[reader].open(site_url + ("" if reader == "ko" else f"{reader}/") + "index.html")
        page = tabs[reader].page
        source = pages.DOCS / expected
        want = str(html_of(source, built_site).relative_to(built_site))
        twin = str(html_of(pages.twin_of(source), built_site).relative_to(built_site))
        ours = [_page_path(h, site_url) for h in _search_ui(page, query)][:TOP]
        theirs = [_page_path(h, site_url) for h in page.evaluate(BASELINE, [query])][:TOP]
        results["korean-aware"].append(want in ours)
        results["korean-aware, either language"].append(want in ours or twin in ours)
        results["default"].append(want in theirs)
        results["default, either language"].append(want in theirs or twin in theirs)
        if want not in ours:
            misses.append(f"[{reader}] {query!r}: expected {want}, got {ours}")
        elif twin in ours and ours.index(twin) < ours.index(want):
            misses.append(
                f"[{reader}] {query!r}: {twin} shown before {want}, in the reader's language"
            )
    errors = [e for visit in tabs.values() for e in visit.errors]
    n = len(rows)
    recall = {name: sum(hits) / n for name, hits in results.items()}
    REPORT.append(
        f"search recall@{TOP} over {n} queries: Material default {recall['default']:.2f} "
        f"(page or its twin: {recall['default, either language']:.2f}), "
        f"Korean-aware {recall['korean-aware']:.2f} (page or its twin: "
        f"{recall['korean-aware, either language']:.2f}; {time.perf_counter() - started:.1f} s)"
    )
    assert not errors, "\n".join(errors)
    assert len(rows) >= 40 and {r[0] for r in rows} == {"ko", "en"}
    assert recall["korean-aware"] >= 0.95 and not [m for m in misses if "before" in m], "\n".join(
        misses
    )
    assert recall["korean-aware"] > recall["default"]


def test_query_set_names_existing_pages():
    missing = [expected for _, _, expected in query_set() if not (pages.DOCS / expected).exists()]
    assert not missing, f"tests/search_queries.tsv names pages that do not exist: {missing}"


QUERY_CUTS = {  # what the reader types -> what lunr is asked (search-ko.js)
    "손실함수를": "손실 함수",
    "손실 함수를": "손실 함수",
    "활성화함수는": "활성화 함수",
    "과대적합을 막는 방법": "과대적합 막 방법",
    "EarlyStopping을": "EarlyStopping",
    "return_sequences": "return_sequences",
    "+손실함수": "+손실 +함수",
    "없는낱말을": "없는낱말",
}


def test_query_side_cuts_korean_words_into_index_atoms(tab, site_url):
    page = tab.open(site_url + "index.html")
    page.wait_for_function("() => window.kbSearch.ready")
    cuts = page.evaluate("qs => qs.map(q => window.kbSearch.analyse(q))", list(QUERY_CUTS))
    assert dict(zip(QUERY_CUTS, cuts, strict=True)) == QUERY_CUTS


def test_language_switcher_keeps_the_page(tab, site_url, built_site):
    """Click the header's language links: each leads to the same page in the other language.
    tests/test_site.py checks every page's switcher links; this clicks them, both ways, on the
    home page, a content page and a notebook page."""
    korean = [p for p in pages.korean_pages() if pages.twin_of(p).exists()]
    walkthroughs = [p for p in korean if p.parent.name == "walkthroughs"][:1]
    wanted = [pages.DOCS / "index.md", pages.DOCS / "models" / "dense.md", *walkthroughs]
    sample = [p for p in wanted if p in korean]
    wrong = []
    for page_ko in sample:
        for source, lang in ((page_ko, "en"), (pages.twin_of(page_ko), "ko")):
            page = tab.open(site_url + str(html_of(source, built_site).relative_to(built_site)))
            page.hover(".md-header__option .md-select")  # the switcher opens on hover
            with page.expect_navigation():
                page.locator(f"a.md-select__link[hreflang={lang}]").click()
            want = str(html_of(pages.twin_of(source), built_site).relative_to(built_site))
            shown = (_page_path(page.url, site_url), page.locator("html").get_attribute("lang"))
            if shown != (want, lang):
                wrong.append(f"{pages.rel(source)} -> {page.url}, expected {want}")
    assert not tab.errors, "\n".join(tab.errors)
    assert not wrong, "\n".join(wrong)


def test_copy_button_copies_the_displayed_code(browser, site_url, built_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        visit = watch(context.new_page())
        dense = html_of(pages.DOCS / "models/dense.md", built_site)
        page = visit.open(site_url + str(dense.relative_to(built_site)))
        button = "button.md-code__button[data-md-type=copy]"
        blocks = page.locator(f"div.highlight:has({button})")
        assert blocks.count() > 0, "no code block with a copy button"
        for i in range(min(blocks.count(), 3)):
            block = blocks.nth(i)
            shown = block.locator("code").inner_text()
            block.hover()
            block.locator(button).click()
            page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied.rstrip("\n") == shown.rstrip("\n"), f"block {i}: copied text differs"
            page.evaluate("navigator.clipboard.writeText('')")
        assert not visit.errors, "\n".join(visit.errors)
    finally:
        context.close()


def test_light_dark_toggle(tab, site_url):
    page = tab.open(site_url + "index.html")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    first = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    second = page.evaluate(scheme)
    assert {first, second} == {"default", "slate"}, (first, second)
    page.reload()
    assert page.evaluate(scheme) == second, "the chosen scheme does not survive a reload"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate(scheme) == first
    assert not tab.errors, "\n".join(tab.errors)


def _notebook_pages(site: Path) -> list[Path]:
    return [p for p in site_pages(site) if "jp-Notebook" in p.read_text(encoding="utf-8")]


def test_notebook_pages_render_outputs(sweep, built_site):
    if not _notebook_pages(built_site):
        pytest.skip("no notebook pages on the site yet")
    assert sweep["notebooks"], "the sweep met no notebook page"
    empty = [
        f"{name}: {outputs} output(s), {shown} shown, {errors} error output(s)"
        for name, (outputs, shown, errors) in sweep["notebooks"].items()
        if not outputs or shown < outputs or errors
    ]
    assert not empty, "\n".join(empty)


# The page frame (header, navigation, search dialog, footer) and the colours come from the theme
# and its CSS, the same on every page: a full axe-core run with every rule, the colour rules
# (color-contrast, link-in-text-block: a third of axe's time) included, covers pages of each kind
# in both colour schemes (test_representative_pages_fully_accessible). On every page of both
# languages axe-core then checks the content with all its other rules. Code tokens are left out
# there: structural rules have nothing to say about syntax-highlighting spans.
CONTENT = {
    "include": [[".md-content"]],
    "exclude": [["div.highlight code"], [".jp-InputArea-editor"]],
}
CONTENT_RULES = {
    "resultTypes": ["violations"],
    "rules": {"color-contrast": {"enabled": False}, "link-in-text-block": {"enabled": False}},
}
ALL_RULES = {"resultTypes": ["violations"]}


def _axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def _axe(page, context, options) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_script())
    result = page.evaluate("([c, o]) => axe.run(c || document, o)", [context, options])
    return [
        f"{v['id']} ({v['impact']}) {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


NOTEBOOK_OUTPUTS = """() => {
  const outputs = [...document.querySelectorAll(".jp-OutputArea-output")]
  const drawn = o => [...o.querySelectorAll("img, svg")]
    .some(i => i.getBoundingClientRect().height > 0)
  const shown = outputs.filter(o => o.checkVisibility() && (o.innerText.trim() || drawn(o)))
  const errors = outputs.filter(o => o.innerText.includes("Traceback (most recent call")).length
  return [outputs.length, shown.length, errors]
}"""


@pytest.fixture(scope="module")
def sweep(browser, site_url, built_site):
    """Every page of both languages opened once: errors, requests and axe-core violations."""
    context = browser.new_context()
    context.add_init_script(_axe_script())
    # Every page boots Material's search worker, which builds the lunr index of the whole site:
    # here it gets the real index cut to one document (search itself: the search tests above)
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    index["docs"] = index["docs"][:1]
    context.route(
        "**/search/search_index.json",
        lambda route: route.fulfill(json=index),
    )
    visit = watch(context.new_page())
    notebooks = set(_notebook_pages(built_site))
    report = {"errors": [], "external": set(), "violations": [], "pages": 0, "notebooks": {}}
    started = time.perf_counter()
    try:
        for html in site_pages(built_site):
            name = str(html.relative_to(built_site))
            visit.errors.clear()
            visit.requests.clear()
            visit.open(site_url + name)
            if html in notebooks:  # outputs rendered and visible, none of them an error
                report["notebooks"][name] = visit.page.evaluate(NOTEBOOK_OUTPUTS)
            found = _axe(visit.page, CONTENT, CONTENT_RULES)
            report["violations"] += [f"{name}: {v}" for v in found]
            report["errors"] += [f"{name}: {e}" for e in visit.errors]
            report["external"] |= {f"{name}: {u}" for u in visit.requests if not is_local(u)}
            report["pages"] += 1
    finally:
        context.close()
    REPORT.append(
        f"browser sweep: {report['pages']} pages (both languages) opened, axe-core on each "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return report


def test_pages_log_no_errors(sweep):
    assert sweep["pages"] > 0
    assert not sweep["errors"], "\n".join(sweep["errors"])


def test_no_request_leaves_the_machine(sweep):
    assert not sweep["external"], "\n".join(sorted(sweep["external"]))


def test_no_serious_accessibility_violations(sweep):
    assert not sweep["violations"], "\n".join(sweep["violations"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_representative_pages_fully_accessible(browser, site_url, built_site, scheme):
    """All axe-core rules, colour contrast included, on the whole page: the home page, a page
    with code, math and tables (in English, the other language), and a notebook page."""
    kinds = [pages.DOCS / "index.md", pages.DOCS / "models/dense.md"]
    kinds = [html_of(kinds[0], built_site), html_of(pages.twin_of(kinds[1]), built_site)]
    kinds += _notebook_pages(built_site)[:1]
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        found = []
        for html in kinds:
            page.goto(site_url + str(html.relative_to(built_site)))
            want = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == want
            found += [f"{html.relative_to(built_site)}: {v}" for v in _axe(page, None, ALL_RULES)]
    finally:
        context.close()
    assert not found, "\n".join(found)


def test_site_works_from_disk_search_included(browser, built_site):
    """Opened as files, without any server: pages, styles, scripts and search all load."""
    context = browser.new_context()
    try:
        visit = watch(context.new_page())
        page = visit.open((built_site / "en" / "index.html").as_uri())
        assert page.evaluate("getComputedStyle(document.body).display") != "none"
        hrefs = _search_ui(page, "손실함수를")
        assert hrefs, "no search results from file://"
        assert any("last-layer-loss" in h for h in hrefs[:TOP]), hrefs[:TOP]
        page.keyboard.press("Escape")
        page.hover(".md-header__option .md-select")
        with page.expect_navigation():
            page.locator("a.md-select__link[hreflang=ko]").click()
        assert page.url == (built_site / "index.html").as_uri(), page.url
        external = [u for u in visit.requests if not u.startswith("file://")]
        assert not external, external
        assert not visit.errors, "\n".join(visit.errors)
    finally:
        context.close()
