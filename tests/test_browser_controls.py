"""The page controls a reader clicks, in Chromium: language switcher, copy button, light/dark."""

from __future__ import annotations

from keras_kb import pages
from tests.support.browser import BROWSER, one_document_index, page_path, url_of, watch

pytestmark = BROWSER


def test_language_switcher_keeps_the_page(tab, site_url, built_site):
    """Click the header's language links: each leads to the same page in the other language.
    tests/test_site.py checks every page's switcher links; this clicks them, both ways, on the
    home page, a content page and a notebook page."""
    sample = [pages.Page(pages.DOCS / "index.md"), pages.Page(pages.DOCS / "models/dense.md")]
    sample += pages.walkthroughs()[:1]
    wrong = []
    for page_ko in sample:
        for source, lang in ((page_ko, "en"), (page_ko.twin, "ko")):
            page = tab.open(site_url + url_of(source, built_site))
            page.hover(".md-header__option .md-select")  # the switcher opens on hover
            with page.expect_navigation():
                page.locator(f"a.md-select__link[hreflang={lang}]").click()
            want = url_of(source.twin, built_site)
            shown = (page_path(page.url, site_url), page.locator("html").get_attribute("lang"))
            if shown != (want, lang):
                wrong.append(f"{source} -> {page.url}, expected {want}")
    assert not tab.errors, "\n".join(tab.errors)
    assert not wrong, "\n".join(wrong)


def test_copy_button_copies_the_displayed_code(browser, site_url, built_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    one_document_index(context, built_site)
    try:
        visit = watch(context.new_page())
        dense = pages.Page(pages.DOCS / "models/dense.md")
        page = visit.open(site_url + url_of(dense, built_site))
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
