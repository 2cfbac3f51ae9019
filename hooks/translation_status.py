"""A short notice on a page whose twin changed since both were last confirmed in step.

Which page is stale is computed from page content (tools/translations.py, translations.lock),
never from dates: the Korean page changed and the English one did not, or the reverse.
"""

from pathlib import Path

from tools import pages, translations

NOTICE = {
    "ko": (
        '!!! note translation-stale "번역 확인 중"\n'
        "    이 페이지의 영어판이 마지막으로 함께 확인된 뒤에 바뀌었습니다. 이 한국어 페이지가\n"
        "    갱신될 때까지는 영어판(English)을 함께 참고하세요.\n"
    ),
    "en": (
        '!!! note translation-stale "Translation being checked"\n'
        "    The Korean original of this page changed after the two were last checked together.\n"
        "    Until this translation catches up, the Korean page (한국어) is the reference.\n"
    ),
}


def notice_for(source: Path, lock: dict) -> str | None:
    english = source.name.endswith(pages.SECONDARY_SUFFIX)
    korean = pages.twin_of(source) if english else source
    if not korean.exists() or translations.stale_page(korean, lock) != source:
        return None
    return NOTICE["en" if english else "ko"]


def with_notice(markdown: str, notice: str) -> str:
    """The notice right under the page's first-level title (or on top when there is none)."""
    lines = markdown.splitlines(keepends=True)
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "".join(lines[:at]) + "\n" + notice + "\n" + "".join(lines[at:])


def on_page_markdown(markdown, page, **kwargs):
    source = Path(page.file.abs_src_path or "")
    if source.suffix != ".md" or not source.is_relative_to(pages.DOCS):
        return markdown
    notice = notice_for(source, translations.load())
    return with_notice(markdown, notice) if notice else markdown
