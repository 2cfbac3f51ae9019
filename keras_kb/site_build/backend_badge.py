"""The line under a page's introduction that says on which Keras backends its code ran.

TensorFlow is the site's backend: a page is built only when its code passed there (and its
outputs are TensorFlow's). The other backends come from the record of ``./dev backends``
(keras_kb/backends.py), with their versions and the date; a page edited since it was measured
says so instead of showing an old result. Where a page does not run on some backend, the line
gives the reason that ``snippets/appendix/backends-why.yml`` states for it.
"""

from __future__ import annotations

import html
import re
from importlib.metadata import version

from keras_kb import backends, pages

WORDS = {
    "ko": {
        "label": "이 페이지의 코드를 실행해 본 백엔드:",
        "ran": "성공",
        "failed": "실패",
        "stale": "코드가 바뀐 뒤 아직 측정 전",
        "measured": "Keras {keras}, {dates} 측정",
        "why": "{failed}에서 실행되지 않는 이유: {reason}",
        "and": ", ",
    },
    "en": {
        "label": "Keras backends this page's code was run on:",
        "ran": "passes",
        "failed": "fails",
        "stale": "not measured since the code changed",
        "measured": "Keras {keras}, measured {dates}",
        "why": "Why not on {failed}: {reason}",
        "and": " and ",
    },
}
MARKS = {"ran": "✓", "failed": "✗", "stale": "?"}
CODE = re.compile(r"`([^`]+)`")  # a reason names code as Markdown does


def badge(page: pages.Page, record: dict | None = None, reasons: dict | None = None) -> str | None:
    """The badge paragraph for a page with code, in the page's language; None for other pages.
    ``record`` and ``reasons`` default to the repository's (tests pass their own)."""
    korean = page.korean
    if not backends.has_code(korean):
        return None
    words = WORDS[page.language]
    found = backends.outcomes(korean, record)
    tensorflow = _item("ran", f"TensorFlow {version('tensorflow')}", words, title=None)
    items = [tensorflow, *(_item(_state(o), o.label, words, title=o.result) for o in found)]
    text = f"{html.escape(words['label'])} {' '.join(items)}"
    if found:
        dates = ", ".join(sorted({o.date for o in found}))
        keras = found[0].keras
        measured = html.escape(words["measured"].format(keras=keras, dates=dates))
        text += f' <span class="kb-backends__measured">({measured})</span>'
    said = (backends.reasons() if reasons is None else reasons).get(backends.name(korean), {})
    reason = _reason(found, said.get(page.language), words)
    if reason:
        reason = CODE.sub(r"<code>\1</code>", html.escape(reason))
        text += f' <span class="kb-backends__why">{reason}</span>'
    return f'<p class="kb-backends" data-search-exclude>{text}</p>'  # not search results


def _state(outcome: backends.Outcome) -> str:
    if outcome.result is None:
        return "stale"
    return "ran" if outcome.result == backends.PASSED else "failed"


def _item(state: str, label: str, words: dict, title: str | None) -> str:
    tip = f' title="{html.escape(title)}"' if title and title != backends.PASSED else ""
    return (
        f'<span class="kb-backend kb-backend--{state}"{tip}>'
        f'<span aria-hidden="true">{MARKS[state]}</span> {html.escape(label)} '
        f'<span class="kb-backend__state">({html.escape(words[state])})</span></span>'
    )


def _reason(found: list[backends.Outcome], said: str | None, words: dict) -> str:
    failed = [backends.NAMES[o.backend] for o in found if _state(o) == "failed"]
    if not failed or not said:
        return ""
    return words["why"].format(failed=words["and"].join(failed), reason=said)
