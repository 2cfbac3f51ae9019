"""The built site in a real browser: a static server on 127.0.0.1 and headless Chromium.

Fixtures for the browser tests (tests/conftest.py imports them). Chromium is Debian's
(/usr/bin/chromium, or KB_CHROMIUM): Playwright cannot download its own browser here. `./dev test`
installs it when it is missing; under CI (CI=true) a missing browser fails the run, elsewhere the
browser tests are skipped with a message saying how to install it.
The pytest process keeps its sockets disabled (pytest-socket) except for loopback: browser tests
carry ``BROWSER`` marks (``allow_hosts(["127.0.0.1"])``), and the server runs in a subprocess.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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
BROWSER = [pytest.mark.allow_hosts(["127.0.0.1"])]
LOCAL_SCHEMES = {"data", "blob", "about", "file", "chrome-error"}
REPORT: list[str] = []  # measurements printed at the end of the run (tests/conftest.py)


def site_pages(site: Path) -> list[Path]:
    """Every page of the built site, both languages (404.html is not a page)."""
    return [
        p
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html" and "assets" not in p.relative_to(site).parts
    ]


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


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served by a plain static server on 127.0.0.1 and a free port."""
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1"],
        cwd=built_site,
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
def tab(context) -> Visit:
    return watch(context.new_page())
