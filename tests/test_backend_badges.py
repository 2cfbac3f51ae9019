"""The backend line on every page with code: the record covers each page, every failure says
why, and the built pages show what the record holds (keras_kb/backends.py,
keras_kb/site_build/backend_badge.py)."""

import pytest
from bs4 import BeautifulSoup

from keras_kb import backends, pages
from keras_kb.commands import backends as command
from keras_kb.site_build import backend_badge
from tests.support.site import soup


def _parse(line: str) -> BeautifulSoup:
    return BeautifulSoup(line, "html.parser")

RECORD = backends.load()
REASONS = backends.reasons()
WITH_CODE = backends.pages_with_code()


def _failing_now(record: dict) -> dict[str, list[str]]:
    """{page: the backends it fails on}, where its code is the code measured (the badge shows
    these failures)."""
    found: dict[str, list[str]] = {}
    for page in WITH_CODE:
        for outcome in backends.outcomes(page, record):
            if outcome.result not in (None, backends.PASSED):
                found.setdefault(backends.name(page), []).append(outcome.backend)
    return found


def _failed_when_last_measured(record: dict) -> set[str]:
    """Pages that failed somewhere, whether or not their code changed since."""
    return {
        page
        for run in record.values()
        for page, entry in run["pages"].items()
        if entry["result"] != backends.PASSED
    }


@pytest.mark.parametrize("backend", command.PACKAGES)
def test_the_record_has_every_page_with_code_and_no_other(backend):
    assert backend in RECORD, f"{pages.rel(backends.RECORD)} has no {backend} run: ./dev backends"
    recorded = set(RECORD[backend]["pages"])
    expected = {backends.name(page) for page in WITH_CODE}
    assert not expected - recorded, f"not measured on {backend}: run ./dev backends {backend}"
    assert not recorded - expected, f"{backend}: record of pages without code (removed?)"


def test_every_failure_says_why_in_both_languages_and_only_failures_do():
    failing = _failing_now(RECORD)
    unexplained = sorted(set(failing) - set(REASONS))
    assert not unexplained, (
        f"these pages fail on another backend and {pages.rel(backends.REASONS)} says not why "
        f"(make them run there, or give the reason): {[(p, failing[p]) for p in unexplained]}"
    )
    stale = sorted(set(REASONS) - _failed_when_last_measured(RECORD))
    assert not stale, f"{pages.rel(backends.REASONS)}: reasons for pages that fail nowhere: {stale}"
    _, languages = pages.languages()
    for page, said in REASONS.items():
        missing = [lang for lang in ("ko", *languages) if not (said or {}).get(lang, "").strip()]
        assert not missing, f"{pages.rel(backends.REASONS)}: {page} has no reason in {missing}"


PAGE = pages.Page(pages.DOCS / "models/cnn.en.md")
RUN = {"keras": "3.99.0", "date": "2026-01-02"}


def _record(result: str, code: str | None = None) -> dict:
    entry = {"result": result, "code": code or backends.code_digest(PAGE)}
    return {"jax": {**RUN, "jax": "9.9.9", "pages": {backends.name(PAGE): entry}}}


def test_a_page_that_ran_shows_the_backend_version_and_date():
    line = _parse(backend_badge.badge(PAGE, _record("passed"), {}))
    ran = line.select_one(".kb-backend--ran:-soup-contains('JAX 9.9.9')")
    assert ran and "✓" in ran.get_text(), line
    assert "Keras 3.99.0" in line.get_text() and "2026-01-02" in line.get_text()
    assert line.select_one(".kb-backend--ran:-soup-contains('TensorFlow')")


def test_a_page_that_fails_shows_where_and_the_reason_in_its_language():
    reasons = {backends.name(PAGE): {"ko": "이유", "en": "It must use tf.GradientTape."}}
    failure = _record("docs/models/cnn.md:79: AttributeError")
    line = _parse(backend_badge.badge(PAGE, failure, reasons))
    failed = line.select_one(".kb-backend--failed")
    assert failed and "✗" in failed.get_text() and "AttributeError" in failed["title"]
    assert "Why not on JAX: It must use tf.GradientTape." in line.get_text()
    korean = _parse(backend_badge.badge(PAGE.korean, _record("failed"), reasons)).get_text()
    assert "JAX에서 실행되지 않는 이유: 이유" in korean


def test_a_page_edited_since_it_was_measured_says_so_instead_of_an_old_result():
    line = _parse(backend_badge.badge(PAGE, _record("passed", code="0" * 16), {}))
    stale = line.select_one(".kb-backend--stale")
    assert stale and "not measured since the code changed" in stale.get_text()
    assert not line.select(".kb-backend--ran:-soup-contains('JAX')")


def test_editing_a_snippet_changes_the_pages_code_digest(tmp_path, monkeypatch):
    before = backends.code_digest(PAGE)
    snippet = PAGE.korean.snippets[0]
    copy = tmp_path / snippet.name
    copy.write_text(snippet.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(pages.Page, "snippets", property(lambda self: [copy]))
    assert backends.code_digest(PAGE) != before


def test_pages_without_code_have_no_backend_line():
    assert backend_badge.badge(pages.Page(pages.DOCS / "appendix/glossary.md")) is None


@pytest.mark.parametrize("page", [p for k in WITH_CODE for p in (k, k.twin)], ids=str)
def test_built_page_shows_the_record(built_site, page):
    line = soup(page.built(built_site)).select_one("p.kb-backends")
    assert line, f"{page}: no line on which backends its code ran on"
    assert line.has_attr("data-search-exclude"), f"{page}: the backend line would be a search hit"
    expected = _parse(backend_badge.badge(page)).select_one("p.kb-backends")
    assert line.get_text() == expected.get_text(), f"{page}: the built line is not the record's"
    for outcome in backends.outcomes(page):
        assert outcome.label in line.get_text(), f"{page}: {outcome.label} not shown"
