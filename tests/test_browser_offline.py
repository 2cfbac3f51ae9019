"""The site opened from disk (file://), without any server: pages, styles, scripts and search."""

from __future__ import annotations

from tests.support.browser import BROWSER, search_ui, watch

pytestmark = BROWSER

TOP = 5


def test_site_works_from_disk_search_included(browser, built_site):
    """Opened as files, without any server: pages, styles, scripts and search all load."""
    context = browser.new_context()
    try:
        visit = watch(context.new_page())
        page = visit.open((built_site / "en" / "index.html").as_uri())
        assert page.evaluate("getComputedStyle(document.body).display") != "none"
        hrefs = search_ui(page, "손실함수를")
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
