"""How staleness is decided and shown: keras_kb/site_build/translations.py and the notice hook,
on the real pair models/dense.md with made-up lock entries."""

import json
from types import SimpleNamespace

from keras_kb import pages
from keras_kb.site_build import translations

HOOK = pages.ROOT / "hooks" / "translation_status.py"


def _hook():
    import importlib.util

    spec = importlib.util.spec_from_file_location("translation_status", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pair():
    korean = pages.Page(pages.DOCS / "models" / "dense.md")
    return korean.source, korean.twin.source


def test_a_changed_korean_page_marks_its_english_twin_stale():
    korean, english = _pair()
    lock = {"models/dense.md": {"ko": "0" * 16, "en": translations.digest(english)}}
    assert translations.status(korean, lock) == translations.KOREAN_CHANGED
    assert translations.stale_page(korean, lock) == english
    hook = _hook()
    assert hook.NOTICE["en"][0] in hook.notice_for(english, lock)
    assert hook.notice_for(korean, lock) is None


def test_a_changed_english_page_marks_its_korean_twin_stale():
    korean, english = _pair()
    lock = {"models/dense.md": {"ko": translations.digest(korean), "en": "0" * 16}}
    assert translations.status(korean, lock) == translations.ENGLISH_CHANGED
    hook = _hook()
    assert hook.NOTICE["ko"][0] in hook.notice_for(korean, lock)
    assert hook.notice_for(english, lock) is None


def test_both_changed_or_in_step_shows_no_notice():
    korean, english = _pair()
    hook = _hook()
    both = {"models/dense.md": {"ko": "0" * 16, "en": "1" * 16}}
    digests = {"ko": translations.digest(korean), "en": translations.digest(english)}
    same = {"models/dense.md": digests}
    assert translations.status(korean, both) == translations.BOTH_CHANGED
    assert translations.status(korean, same) == translations.IN_STEP
    for lock in (both, same, {}):
        assert hook.notice_for(korean, lock) is None and hook.notice_for(english, lock) is None


def test_the_hook_puts_the_notice_under_the_title(monkeypatch, tmp_path):
    korean, english = _pair()
    lock = tmp_path / "translations.lock"
    entry = {"ko": "x", "en": translations.digest(english)}
    lock.write_text(json.dumps({"models/dense.md": entry}))
    monkeypatch.setattr(translations, "LOCK", lock)
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(english)))
    html = '<article class="md-content__inner md-typeset"><h1>Dense</h1><p>Text.</p></article>'
    out = _hook().on_post_page(html, page=page)
    assert out.startswith('<article class="md-content__inner md-typeset"><h1>Dense</h1>')
    assert '<div class="admonition note translation-stale">' in out
    assert out.index("translation-stale") < out.index("<p>Text.</p>")
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(korean)))
    assert _hook().on_post_page(html, page=page) == html


def test_digest_ignores_trailing_whitespace_only(tmp_path):
    a, b, c = tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"
    a.write_text("# T\n\nword\n")
    b.write_text("# T  \r\n\r\nword\n\n")
    c.write_text("# T\n\nWord\n")
    assert translations.digest(a) == translations.digest(b) != translations.digest(c)
