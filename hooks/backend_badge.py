"""Under each page's introduction, the Keras backends its code ran on
(keras_kb/site_build/backend_badge.py)."""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

from keras_kb import pages
from keras_kb.site_build import backend_badge

# the badge follows the line that says where the outputs come from, or a walkthrough's download
# link; both sit right under the introduction
AFTER = re.compile(r'<p class="(?:kb-provenance|notebook-download)"[^>]*>.*?</p>', re.S)


@event_priority(-60)  # after hooks/outputs.py and hooks/notebooks.py (-50) have added those lines
def on_page_content(html, page, config, files):
    # a walkthrough's source is the executed .ipynb by now; hooks/notebooks.py keeps its page
    source = str(getattr(page, "notebook_source", None) or page.file.abs_src_path or "")
    if not source.endswith(".md"):
        return html
    line = backend_badge.badge(pages.Page(source))
    found = AFTER.search(html)
    if line is None or found is None:
        return html
    return f"{html[: found.end()]}\n{line}{html[found.end() :]}"
