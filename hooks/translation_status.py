"""A short notice on a page whose twin changed since both were last confirmed in step.

Which page is stale is computed from page content (keras_kb/site_build/translations.py and
translations.lock),
never from dates: the Korean page changed and the English one did not, or the reverse.
The notice goes into the finished HTML, so notebook pages (rendered by mkdocs-jupyter from the
.ipynb, past the Markdown stage) get it too.
"""

import html
import re
from pathlib import Path

from keras_kb import pages
from keras_kb.site_build import translations

NOTICE = {
    "ko": (
        "번역 확인 중",
        "이 페이지의 영어판이 마지막으로 함께 확인된 뒤에 바뀌었습니다. 이 한국어 페이지가 "
        "갱신될 때까지는 영어판(English)을 함께 참고하세요.",
    ),
    "en": (
        "Translation being checked",
        "The Korean original of this page changed after the two were last checked together. "
        "Until this translation catches up, the Korean page (한국어) is the reference.",
    ),
}
FIRST_TITLE = re.compile(r"</h1>")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')


def notice_for(source: Path, lock: dict) -> str | None:
    """The notice's HTML when ``source`` lags behind its twin, else None."""
    page = pages.Page(source)
    if not page.korean.exists() or translations.stale_page(page.korean, lock) != page.source:
        return None
    title, text = NOTICE[page.language]
    return (
        '<div class="admonition note translation-stale">'
        f'<p class="admonition-title">{html.escape(title)}</p><p>{html.escape(text)}</p></div>'
    )


def with_notice(output: str, notice: str) -> str:
    """The notice right under the page's title (or at the top of the article)."""
    for place in (FIRST_TITLE, ARTICLE):
        match = place.search(output)
        if match:
            return output[: match.end()] + notice + output[match.end() :]
    return output


def on_post_page(output, page, **kwargs):
    # a notebook page's abs_src_path is its executed .ipynb (hooks/notebooks.py keeps the .md)
    source = Path(getattr(page, "notebook_source", None) or page.file.abs_src_path or "")
    if not source.is_relative_to(pages.DOCS) or not source.name.endswith(".md"):
        return output
    notice = notice_for(source, translations.load())
    return with_notice(output, notice) if notice else output
