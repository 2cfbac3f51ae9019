"""Every page of both languages opened in Chromium (one sweep): no console error, no request
leaving the machine, no serious accessibility violation (axe-core), walkthrough outputs shown;
and all of axe-core's rules, colour contrast included, on pages of each kind in both schemes.
"""

from __future__ import annotations

import pytest

from keras_kb import pages
from keras_kb.site_build import notebooks
from tests.support.browser import ALL_RULES, BROWSER, axe, notebook_pages

pytestmark = BROWSER


def test_notebook_pages_render_outputs(sweep, built_site):
    if not notebook_pages(built_site):
        pytest.skip("no notebook pages on the site yet")
    assert sweep["notebooks"], "the sweep met no notebook page"
    announced = {  # errors a walkthrough shows on purpose: <!--kb:raises--> above the cell
        page.built(built_site).relative_to(built_site).as_posix(): sum(
            bool(raises) for raises, _ in notebooks._annotations(page.korean.source)
        )
        for page, _ in pages.built_pages(built_site)
        if page.korean.is_walkthrough
    }
    empty = [
        f"{name}: {outputs} output(s), {shown} shown, {errors} error output(s), "
        f"{announced.get(name, 0)} announced"
        for name, (outputs, shown, errors) in sweep["notebooks"].items()
        if not outputs or shown < outputs or errors != announced.get(name, 0)
    ]
    assert not empty, "\n".join(empty)


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
    home, dense = pages.Page(pages.DOCS / "index.md"), pages.Page(pages.DOCS / "models/dense.md")
    kinds = [home.built(built_site), dense.twin.built(built_site)]
    kinds += notebook_pages(built_site)[:1]
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        found = []
        for html in kinds:
            page.goto(site_url + str(html.relative_to(built_site)))
            want = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == want
            found += [f"{html.relative_to(built_site)}: {v}" for v in axe(page, None, ALL_RULES)]
    finally:
        context.close()
    assert not found, "\n".join(found)
