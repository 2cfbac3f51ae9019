"""Every page of both languages opened in Chromium (one sweep): no console error, no request
leaving the machine, no serious accessibility violation (axe-core), walkthrough outputs shown,
code drawn in the height reserved for it before it is drawn;
and all of axe-core's rules, colour contrast included, on pages of each kind in both schemes.
"""

from __future__ import annotations

import pytest

from keras_kb import pages
from keras_kb.site_build import notebooks
from tests.support.browser import BROWSER, SCHEMES, notebook_pages, representative_pages

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


def test_code_blocks_keep_their_reserved_height(sweep):
    """Off-screen code is drawn only as the reader nears it (reader.css): if the height reserved
    from its line count were wrong, the page would jump as the reader scrolls or lands on a link."""
    assert sweep["pages"] > 0
    assert not sweep["heights"], "\n".join(sweep["heights"])


def test_no_serious_accessibility_violations(sweep):
    assert not sweep["violations"], "\n".join(sweep["violations"])


@pytest.mark.parametrize("scheme", SCHEMES)
def test_representative_pages_fully_accessible(sweep, built_site, scheme):
    """All axe-core rules, colour contrast included, on the whole page: the home page, a page
    with code, math and tables (in English, the other language), and a notebook page."""
    checked = sweep["full"][scheme]
    expected = [str(html.relative_to(built_site)) for html in representative_pages(built_site)]
    assert list(checked["schemes"]) == expected
    assert set(checked["schemes"].values()) == {SCHEMES[scheme]}, checked["schemes"]
    assert not checked["violations"], "\n".join(checked["violations"])
