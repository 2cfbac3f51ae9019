"""Korean text as search terms: morphemes from kiwipiepy, for the site's search index.

Material's search (lunr 2.3.9) cuts text at spaces and punctuation and gives every query term a
trailing wildcard. Korean glues particles and endings to words (`손실함수를`, `활성화함수는`) and
writes compounds with or without a space, so `함수` never finds `손실함수를` and `손실함수` never
finds `손실 함수`. At build time we analyse Korean with a real morphological analyser (Kiwi) and
give every search document two extra fields holding its content morphemes ("atoms"). The query
side (docs/assets/javascripts/search-ko.js) cuts the reader's words into the same atoms with a
dictionary made of exactly these atoms plus the particles/endings seen after them in the text.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from dataclasses import dataclass, field

HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD = re.compile(r"\S+")
CODE = re.compile(r"<pre\b.*?</pre>", re.S)
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|kbd|mark|span|strong|sub|sup)\b[^>]*>")
TAG = re.compile(r"<[^>]+>")

# Kiwi tags kept as search atoms: common/proper nouns, numerals, roots, Hanja, verb/adjective stems
NOUNS = {"NNG", "NNP", "NR", "XR", "SH"}
STEMS = {"VV", "VA"}
# particles, endings and light suffixes a query may carry; always stripped on the query side
# (the build adds every tail it actually sees in the text, see Analysis.suffixes)
BASE_SUFFIXES = (
    "이 가 을 를 은 는 의 에 에서 에게 으로 로 와 과 도 만 부터 까지 처럼 보다 이나 나 랑 "
    "이랑 하고 이다 입니다 이고 이며 하는 하기 하면 하고 한 할 해 했다 합니다 한다 된 되는 되고 "
    "된다 됩니다 적 적인 적으로 들 들을 들이 들의 는지 은지 인가 란 이란"
).split()


@dataclass
class Analysis:
    """Search atoms of a text, and the particle/ending tails seen after an atom."""

    atoms: list[str] = field(default_factory=list)
    suffixes: Counter = field(default_factory=Counter)


# Terms of this field that Kiwi's general dictionary cuts wrongly (이진 -> 이/MM + 진/XPN,
# 역전파 -> 역전 + 파, 드롭아웃 -> 드롭 + 아웃); add one here when a search test shows it.
DOMAIN_WORDS = ("이진", "역전파", "드롭아웃", "미니배치", "합성곱", "소프트맥스", "임베딩")


# Hangul readings of names the pages write in Latin letters: a Korean reader types 소프트맥스 or
# 시그모이드를 where the page says `softmax`. An entry whose text holds the name also gets its
# reading as an atom, once per occurrence, so the reading ranks the page as the name would.
READINGS = {
    "softmax": "소프트맥스",
    "sigmoid": "시그모이드",
    "relu": "렐루",
    "tanh": "하이퍼볼릭탄젠트",
    "keras": "케라스",
    "tensorflow": "텐서플로",
    "numpy": "넘파이",
    "skip-gram": "스킵그램",
    "adam": "아담",
    "dropout": "드롭아웃",
    "embedding": "임베딩",
}
LATIN_NAME = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(READINGS) + r")(?![A-Za-z0-9])", re.I)


def readings(text: str) -> list[str]:
    """The Hangul reading of every Latin name of READINGS in ``text``, once per occurrence."""
    return [READINGS[m[1].lower()] for m in LATIN_NAME.finditer(text)]


@functools.cache
def kiwi():
    from kiwipiepy import Kiwi  # heavy (model load): only when the site is built

    analyser = Kiwi()
    for word in DOMAIN_WORDS:
        analyser.add_user_word(word, "NNG")
    return analyser


def plain_text(markup: str) -> str:
    """The prose of a search entry: code blocks and tags dropped, entities unescaped."""
    # inline markup glues to its particle (`<code>fit</code>이` -> `fit이`), block markup separates
    return html.unescape(TAG.sub(" ", INLINE_TAG.sub("", CODE.sub(" ", markup))))


def analyse(text: str) -> Analysis:
    """Atoms of every Korean word in ``text`` and the tails that follow them."""
    result = Analysis()
    if not HANGUL.search(text):
        return result
    words = [(m.start(), m.end()) for m in WORD.finditer(text)]
    tokens = kiwi().tokenize(text)
    index = 0
    for start, end in words:
        # the tokens of this whitespace-delimited word (Kiwi keeps character offsets)
        inside = []
        while index < len(tokens) and tokens[index].start < end:
            if tokens[index].start >= start:
                inside.append(tokens[index])
            index += 1
        if HANGUL.search(text[start:end]):
            _word_atoms(text, start, end, inside, result)
    return result


def _word_atoms(text: str, start: int, end: int, tokens, result: Analysis) -> None:
    atoms: list[list[int]] = []  # [start, end] character spans of this word's atoms
    prefix_open = False  # the last atom is a bare prefix (XPN) waiting for its noun
    for token in tokens:
        begin, finish = token.start, token.start + token.len
        joined = bool(atoms) and atoms[-1][1] == begin
        if token.tag == "XSN" and joined:
            atoms[-1][1] = finish  # 활성 + 화 -> 활성화
        elif token.tag == "XPN":
            atoms.append([begin, finish])
            prefix_open = True
            continue
        elif token.tag in NOUNS or (token.tag in STEMS and text[begin:finish] == token.form):
            if prefix_open and joined:
                atoms[-1][1] = finish  # 비 + 선형 -> 비선형
            else:
                atoms.append([begin, finish])
        prefix_open = False
    atoms = [(s, e) for s, e in atoms if HANGUL.search(text[s:e])]
    # a multiword proper noun may span a space (합성곱 신경망): its words are atoms each
    result.atoms.extend(part.lower() for s, e in atoms for part in text[s:e].split())
    if atoms:
        tail = re.fullmatch(r"[\uac00-\ud7a3]+", text[atoms[-1][1] : end])
        if tail:
            result.suffixes[tail.group(0)] += 1
