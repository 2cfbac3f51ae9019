"""Korean-aware search, build side: keras_kb/site_build/korean.py and hooks/search_ko.py.

The browser side (the query analyser, recall against Material's default) is in
tests/test_reader.py; the query set is tests/search_queries.tsv.
"""

import json
import re

import pytest

from keras_kb.site_build import korean


@pytest.mark.parametrize(
    "text, atoms, tails",
    [
        ("손실 함수를", ["손실", "함수"], {"를"}),
        ("손실함수", ["손실", "함수"], set()),
        ("활성화함수는", ["활성화", "함수"], {"는"}),
        ("과대적합을 막는 방법", ["과대적합", "막", "방법"], {"을", "는"}),
        ("비선형 활성화 함수(activation function)를", ["비선형", "활성화", "함수"], set()),
        ("Dense층을 쌓습니다", ["층", "쌓"], {"을", "습니다"}),
        ("EarlyStopping callback", [], set()),
    ],
)
def test_korean_words_become_atoms_and_tails(text, atoms, tails):
    analysis = korean.analyse(text)
    assert analysis.atoms == atoms
    assert set(analysis.suffixes) == tails


def test_markup_is_dropped_and_inline_code_keeps_its_particle():
    markup = "<p>같은 <code>keras.Input(shape=(n,))</code>을 쓰고</p>"
    markup += "<pre><code>x = 1  # 주석</code></pre>"
    text = korean.plain_text(markup)
    assert "keras.Input(shape=(n,))을" in text and "주석" not in text and "<" not in text
    assert "을" not in korean.analyse(text).atoms


def test_search_index_has_korean_fields(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    script = (built_site / "search/search_index.js").read_text(encoding="utf-8")
    assert json.loads(script.removeprefix("var __index = ")) == index, "offline copy is stale"
    assert {"ko_title", "ko_text"} <= set(index["config"]["fields"])
    kb = index["config"]["kb"]
    assert {"손실", "함수", "활성화", "과대적합"} <= set(kb["terms"])
    assert {"를", "는", "에서"} <= set(kb["suffixes"])
    assert kb["default"] == "ko" and kb["prefixes"] == {"en": "en/"}
    ko = [d for d in index["docs"] if not d["location"].startswith("en/")]
    assert sum("ko_text" in d for d in ko) > len(ko) // 2
    assert not any(re.search(r"[<>]", d.get("ko_text", "")) for d in index["docs"])
    # what the reader sees is untouched: titles and texts are Material's own
    assert not any("ko_" in d["text"] for d in index["docs"])


def test_latin_names_get_their_hangul_reading():
    assert korean.readings("`softmax`와 Sigmoid, skip-gram; softmaxes, my_relu") == [
        "소프트맥스",
        "시그모이드",
        "스킵그램",
    ]


def test_readings_index_only_korean_pages(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    activations = next(d for d in index["docs"] if d["location"] == "cheatsheets/activations.html")
    assert "소프트맥스" in activations.get("ko_text", "")
    english = [d for d in index["docs"] if d["location"].startswith("en/")]
    assert not any("소프트맥스" in d.get("ko_text", "") for d in english)
