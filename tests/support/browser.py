"""The built site in a real browser: a static server on 127.0.0.1 and headless Chromium.

Fixtures and helpers for the browser tests (tests/test_browser_*.py; tests/conftest.py registers
the fixtures). Chromium is Debian's
(/usr/bin/chromium, or KB_CHROMIUM): Playwright cannot download its own browser here. `./dev test`
installs it when it is missing; under CI (CI=true) a missing browser fails the run, elsewhere the
browser tests are skipped with a message saying how to install it.
The pytest process keeps its sockets disabled (pytest-socket) except for loopback: browser tests
carry ``BROWSER`` marks (``allow_hosts(["127.0.0.1"])``), and the server runs in a subprocess.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from keras_kb import pages

CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER = [pytest.mark.allow_hosts(["127.0.0.1"]), pytest.mark.browser]
LOCAL_SCHEMES = {"data", "blob", "about", "file", "chrome-error"}
REPORT: list[str] = []  # measurements printed at the end of the run (tests/conftest.py)
SEARCH_INPUT = "input[data-md-component=search-query]"


def url_of(page: pages.Page, site: Path) -> str:
    """The page's path in the site, as the server serves it: 'en/models/dense.html'."""
    return page.built(site).relative_to(site).as_posix()


def page_path(href: str, site_url: str) -> str:
    """A link as a site path without query or anchor: 'en/models/dense.html'."""
    return unquote(urlsplit(href).path).removeprefix(urlsplit(site_url).path)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == "127.0.0.1"


@pytest.fixture(scope="session")
def chromium() -> str:
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    message = (
        f"the browser tests need Chromium at {CHROMIUM}: run ./dev test as root (it installs "
        "Debian's chromium), or `apt-get install -y chromium`, or set KB_CHROMIUM"
    )
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@contextlib.contextmanager
def served(site: Path):
    """The site served by a plain static server on 127.0.0.1 and a free port: its URL."""
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1"],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = server.stdout.readline()
        match = re.search(r"port (\d+)", line)
        assert match, f"static server did not start: {line!r}"
        yield f"http://127.0.0.1:{match[1]}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def site_url(built_site):
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class Visit:
    """A browser tab that records what the page logs and loads."""

    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, url: str):
        self.page.goto(url, wait_until="load")
        return self.page


def watch(page) -> Visit:
    visit = Visit(page)
    page.on(
        "console",
        lambda m: m.type == "error" and visit.errors.append(f"console: {m.text} ({m.location})"),
    )
    page.on("pageerror", lambda e: visit.errors.append(f"page error: {e}"))
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on(  # ERR_ABORTED: the test navigated away while the page was still loading
        "requestfailed",
        lambda r: (
            "ERR_ABORTED" not in (r.failure or "")
            and visit.errors.append(f"failed: {r.url} {r.failure}")
        ),
    )
    page.on(
        "response",
        lambda r: r.status >= 400 and visit.errors.append(f"HTTP {r.status}: {r.url}"),
    )
    return visit


@pytest.fixture
def context(browser):
    ctx = browser.new_context()
    yield ctx
    ctx.close()


@pytest.fixture
def tab(context, built_site) -> Visit:
    """A tab for tests that do not search: the search index it loads holds one document."""
    one_document_index(context, built_site)
    return watch(context.new_page())


def one_document_index(context, site: Path) -> None:
    """Every page boots Material's search worker, which builds the lunr index of the whole
    site (~0.3 s of CPU a page): give it the real index cut to one document. The dictionary
    (config.kb) stays, so the Korean query side still works; search itself has its own tests."""
    index = _one_document(site)
    context.route("**/search/search_index.json", lambda route: route.fulfill(json=index))


@functools.cache  # several tests and background checks ask for it; the index is ~0.7 MB
def _one_document(site: Path) -> dict:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return {**index, "docs": index["docs"][:1]}


def search_ui(page, query: str) -> list[str]:
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


def notebook_pages(site: Path) -> list[Path]:
    """The built walkthrough pages, both languages."""
    return [html for page, html in pages.built_pages(site) if page.korean.is_walkthrough]


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


def axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def axe(page, context, options) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_script())
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

# Code off screen is drawn only near the reader (content-visibility, assets/stylesheets/reader.css)
# in the height its line count reserves: each block's reserved height against its drawn one.
RESERVED_HEIGHTS = """() => {
  const blocks = [...document.querySelectorAll("div.highlight > pre[style*='--kb-lines']")]
  const heights = () => blocks.map(b => b.getBoundingClientRect().height)
  const reserved = heights()
  const drawn = document.createElement("style")
  drawn.textContent = "div.highlight > pre { content-visibility: visible !important }"
  document.head.append(drawn)
  const real = heights()
  drawn.remove()
  return blocks.map((b, i) => [i + 1, b.style.getPropertyValue("--kb-lines").trim(),
    Math.round(reserved[i]), Math.round(real[i])]).filter(([, , r, d]) => Math.abs(r - d) > 3)
}"""


# Slow browser checks of the built site, each in a browser of its own, started in the
# background the moment the site is built (tests/conftest.py): they run beside the site's
# other tests instead of after them; their tests then assert on what they found.
BACKGROUND: dict[str, object] = {}  # fixture name -> the function that runs it on a site
_STARTED: dict[str, concurrent.futures.Future] = {}
_POOL = concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="browser-checks")


def start_in_background(name: str, site: Path) -> None:
    if name not in _STARTED and os.path.exists(CHROMIUM):
        _STARTED[name] = _POOL.submit(_in_own_browser, BACKGROUND[name], site)


def background_result(name: str, site: Path):
    start_in_background(name, site)  # normally started as soon as the site was built
    return _STARTED[name].result()


def _in_own_browser(check, site: Path):
    from playwright.sync_api import sync_playwright  # one per thread: its API is not shared

    with served(site) as site_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return check(browser, site_url, site)
        finally:
            browser.close()


@pytest.fixture(scope="session")
def sweep(chromium, built_site):
    """Every page of both languages opened once: errors, requests and axe-core violations; and
    all of axe-core's rules on representative pages in both color schemes."""
    return background_result("sweep", built_site)


def _swept(browser, site_url: str, site: Path) -> dict:
    report = _sweep_pages(browser, site_url, site)
    report["full"] = {s: _fully_checked(browser, site_url, site, s) for s in SCHEMES}
    return report


BACKGROUND["sweep"] = _swept


SCHEMES = {"light": "default", "dark": "slate"}  # the reader's preference -> Material's scheme


def representative_pages(site: Path) -> list[Path]:
    """The home page, a page with code, math and tables (in English), and a notebook page."""
    home, dense = pages.Page(pages.DOCS / "index.md"), pages.Page(pages.DOCS / "models/dense.md")
    return [home.built(site), dense.twin.built(site), *notebook_pages(site)[:1]]


def _fully_checked(browser, site_url: str, site: Path, scheme: str) -> dict:
    """All of axe-core's rules on whole representative pages, under one color preference."""
    context = browser.new_context(color_scheme=scheme)
    one_document_index(context, site)
    shown, violations = {}, []
    try:
        page = context.new_page()
        for html in representative_pages(site):
            name = str(html.relative_to(site))
            page.goto(site_url + name)
            shown[name] = page.evaluate("document.body.dataset.mdColorScheme")
            violations += [f"{name}: {v}" for v in axe(page, None, ALL_RULES)]
    finally:
        context.close()
    return {"schemes": shown, "violations": violations}


def _sweep_pages(browser, site_url: str, built_site: Path) -> dict:
    context = browser.new_context()
    context.add_init_script(axe_script())
    one_document_index(context, built_site)
    visit = watch(context.new_page())
    notebooks = set(notebook_pages(built_site))
    report = {
        "errors": [],
        "external": set(),
        "violations": [],
        "heights": [],
        "pages": 0,
        "notebooks": {},
    }
    started = time.perf_counter()
    try:
        for _, html in pages.built_pages(built_site):
            name = str(html.relative_to(built_site))
            visit.errors.clear()
            visit.requests.clear()
            visit.open(site_url + name)
            if html in notebooks:  # outputs rendered and visible, none of them an error
                report["notebooks"][name] = visit.page.evaluate(NOTEBOOK_OUTPUTS)
            report["heights"] += [
                f"{name}: code block {n} ({lines} lines): {reserved} px reserved, {real} px drawn"
                for n, lines, reserved, real in visit.page.evaluate(RESERVED_HEIGHTS)
            ]
            found = axe(visit.page, CONTENT, CONTENT_RULES)
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
