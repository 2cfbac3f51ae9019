"""What the reader's browser meets: pages that load only what exists, and pass axe-core.

- mkdocs-static-i18n points Material's ``<link rel="alternate" hreflang>`` tags at the twin page,
  and Material's bundle fetches ``sitemap.xml`` next to every alternate link (it expects language
  roots), asking for files like ``en/models/sitemap.xml`` that do not exist: a 404 and a console
  error on every page, a blocked request from file://. The header language switcher does not use
  these tags, and sitemap.xml carries the hreflang alternates already, so they go.
- Material's search dialog has no accessible name (axe: aria-dialog-name): name it.
- A wide display formula, notebook code cell or Rich table (model.summary() in a notebook)
  scrolls sideways; a keyboard user must be able to focus it (axe: scrollable-region-focusable).
- Code is most of a long page's elements, and the browser restyles them all each time Material's
  bundle changes the page as it sets it up (bench/run.py, Lighthouse). Pygments wraps every name
  and every run of whitespace in its own ``<span>``, which Material colors exactly as the code
  around it (``--md-code-hl-name-color`` is the code color): unwrapped, the text and its look
  are the same, with a fifth fewer elements. Each block's ``<pre>`` gets its line count
  (``--kb-lines``), from which reader.css reserves its height while it is not drawn yet.
- Material makes a code block that scrolls sideways focusable, but only once it sets the block up,
  and with content.lazy that is when the block comes into view: so every block starts focusable
  (axe: scrollable-region-focusable) and Material takes that back from those that do not scroll.
"""

import re

ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = {"ko": "검색", "en": "Search"}
SCROLLERS = ('<div class="arithmatex">', '<div class="highlight-ipynb hl-python">')
SCROLLING_PRE = re.compile(r'<pre (style="[^"]*overflow-x:\s*auto)')
# Material's code blocks only: notebook cells (highlight-ipynb) color names with their own rule
CODE_BLOCK = re.compile(
    r'(<div class="language-[\w-]+ highlight"><pre)>(.*?)(</code></pre></div>)', re.S
)
PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def on_post_page(output, **kwargs):
    lang = re.search(r'<html[^>]*\blang="([a-z]+)', output)
    name = SEARCH_NAME.get(lang[1] if lang else "ko", "Search")
    output = ALTERNATE.sub("", output)
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{name}">')
    for scroller in SCROLLERS:
        output = output.replace(scroller, scroller[:-1] + ' tabindex="0">')
    output = CODE_BLOCK.sub(_lean_code_block, output)
    return SCROLLING_PRE.sub(r'<pre tabindex="0" \1', output)


def _lean_code_block(block: re.Match) -> str:
    lines = block[2].rstrip("\n").count("\n") + 1
    code = PLAIN_TOKEN.sub(r"\1", block[2]).replace("<code>", '<code tabindex="0">', 1)
    return f'{block[1]} style="--kb-lines: {lines}">{code}{block[3]}'
