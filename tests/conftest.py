"""Fixtures shared by the tests (their code lives in tests/support/; import from there)."""

import concurrent.futures
import os
import threading
from pathlib import Path

import pytest

from keras_kb import pages
from keras_kb.runner import plugin
from tests.support import site
from tests.support.browser import (  # noqa: F401  (fixtures registered for every test)
    BACKGROUND,
    REPORT,
    browser,
    chromium,
    context,
    site_url,
    start_in_background,
    sweep,
    tab,
)

STRICT_BUILD_TEST = "tests/test_site.py::test_site_builds_strictly"


@pytest.fixture(scope="session")
def executed_notebooks(tmp_path_factory, request) -> dict:
    """Every walkthrough executed once per run, afresh, in its own kernel.

    Executing refreshes the notebook cache, which the build then reads, so a run executes each
    notebook once rather than once here and again in the build. With these executions done,
    the build starts in the background as soon as every example has recorded its outputs.
    """
    import pytest_socket

    from keras_kb.site_build import notebooks

    # nbclient and the kernel talk over AF_UNIX; the network stays off
    pytest_socket.enable_socket()
    pytest_socket.disable_socket(allow_unix_socket=True)
    executed = {page: notebooks.executed(page, use_cache=False) for page in pages.walkthroughs()}
    if _needs("site_build", request.session) and not os.environ.get("KB_BUILT_SITE"):
        plugin.when_examples_done(lambda: _build(tmp_path_factory))
    return executed


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, request) -> site.Build:
    """``mkdocs build --strict`` once per run; KB_BUILT_SITE=path reuses a site built before."""
    if os.environ.get("KB_BUILT_SITE"):
        return site.Build(Path(os.environ["KB_BUILT_SITE"]).resolve(), 0, "")
    if any(item.get_closest_marker("examples") for item in request.session.items):
        request.getfixturevalue("executed_notebooks")  # the build reuses these executions
    site.LAST_BUILD = _build(tmp_path_factory).result()  # the examples are all done by now
    return site.LAST_BUILD


_BUILD: list[concurrent.futures.Future] = []  # the run's one build, once started
_BUILD_LOCK = threading.Lock()


def _build(tmp_path_factory) -> concurrent.futures.Future:
    """The run's build: started once, by whichever comes first, the last example to record its
    outputs (in the background, while other tests run) or the first test that needs the site."""
    with _BUILD_LOCK:
        if not _BUILD:
            target = tmp_path_factory.mktemp("site")
            pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="build")
            _BUILD.append(pool.submit(site.build_site, target))
            pool.shutdown(wait=False)
        return _BUILD[0]


def _needs(fixture: str, session) -> bool:
    return any(fixture in getattr(item, "fixturenames", ()) for item in session.items)


@pytest.fixture(scope="session")
def built_site(site_build, request) -> Path:
    """The built site; when the build failed, its messages are reported once (see below)."""
    if not site_build.ok:
        pytest.skip(f"the strict build failed: its messages are under {STRICT_BUILD_TEST}")
    for check in BACKGROUND:  # in the background, beside the other tests of the site
        if _needs(check, request.session):
            start_in_background(check, site_build.site)
    return site_build.site


def pytest_collection_modifyitems(items):
    # The examples run in the background from the start (keras_kb/runner/plugin.py): the tests
    # that need neither them nor the site go first, beside them; then the examples report; the
    # site's tests come after them, since the build shows the outputs the examples record; the
    # tests of background browser checks (the sweep, search) last.
    items.sort(key=_band)


def _band(item) -> int:
    if isinstance(item, plugin.PageBlock):
        return 1
    fixtures = getattr(item, "fixturenames", ())
    if any(check in fixtures for check in BACKGROUND):
        return 3  # last: their checks run in the background beside the site's other tests
    return 2 if "site_build" in fixtures else 0


def pytest_sessionfinish(session):
    # tests that need the site skip when it did not build: the run must still fail
    if site.LAST_BUILD is not None and not site.LAST_BUILD.ok:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    for line in REPORT:  # what the reader-facing checks measured (tests/test_browser_*.py)
        terminalreporter.write_line(line)
    build = site.LAST_BUILD
    reported = any(r.nodeid == STRICT_BUILD_TEST for r in terminalreporter.stats.get("failed", []))
    if build is not None and not build.ok and not reported:
        terminalreporter.write_sep("=", "mkdocs build --strict failed", red=True)
        terminalreporter.write_line(build.problems())
