"""Translations stay in step: keras_kb/site_build/translations.py, translations.lock, notices.

When one page of a twin pair changes after both were last confirmed and the other does not, the
unchanged page lags: it is listed here, and the site shows a notice on it. After checking a
pair, confirm it: `./dev confirm docs/<page>.md`.
"""

from keras_kb import pages
from keras_kb.site_build import translations


def test_every_twin_pair_is_confirmed_in_step():
    problems = translations.report()
    assert not problems, (
        "translation pairs not confirmed in step (check both pages, then run "
        "`./dev confirm docs/<page>.md`):\n"
        + "\n".join(f"  docs/{name}: {why}" for name, why in problems.items())
    )


def test_built_site_shows_notices_exactly_on_stale_pages(built_site):
    lock = translations.load()
    wrong = []
    for korean in pages.korean_pages():
        if not korean.twin.exists():
            continue
        stale = translations.stale_page(korean, lock)
        for source in (korean, korean.twin):
            html = source.built(built_site).read_text(encoding="utf-8")
            shown = 'class="admonition note translation-stale"' in html
            if shown != (source.source == stale):
                wrong.append(f"{source}: notice {'shown' if shown else 'missing'}")
    assert not wrong, "\n".join(wrong)
