"""What the reader's browser meets: pages that load only what exists, and pass axe-core.

- mkdocs-static-i18n points Material's ``<link rel="alternate" hreflang>`` tags at the twin page,
  and Material's bundle fetches ``sitemap.xml`` next to every alternate link (it expects language
  roots), asking for files like ``en/models/sitemap.xml`` that do not exist: a 404 and a console
  error on every page, a blocked request from file://. The header language switcher does not use
  these tags, and sitemap.xml carries the hreflang alternates already, so they go.
- Material's search dialog has no accessible name (axe: aria-dialog-name): name it.
- A wide display formula, notebook code cell or Rich table (model.summary() in a notebook)
  scrolls sideways; a keyboard user must be able to focus it (axe: scrollable-region-focusable).
"""

import re

ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = {"ko": "검색", "en": "Search"}
SCROLLERS = ('<div class="arithmatex">', '<div class="highlight-ipynb hl-python">')
SCROLLING_PRE = re.compile(r'<pre (style="[^"]*overflow-x:\s*auto)')


def on_post_page(output, **kwargs):
    lang = re.search(r'<html[^>]*\blang="([a-z]+)', output)
    name = SEARCH_NAME.get(lang[1] if lang else "ko", "Search")
    output = ALTERNATE.sub("", output)
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{name}">')
    for scroller in SCROLLERS:
        output = output.replace(scroller, scroller[:-1] + ' tabindex="0">')
    return SCROLLING_PRE.sub(r'<pre tabindex="0" \1', output)
