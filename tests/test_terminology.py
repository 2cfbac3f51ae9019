"""One vocabulary, written correctly: the drift patterns the pages must not show.

A start on the terminology sheet issue 12 asks for. It checks two patterns so far: American
spelling in English prose and code comments, and the Korean particle after "Keras 3". Korean
reads the 3 as 삼, which ends in a consonant, so the particle is 은/을/이/과/으로, never
는/를/가/와/로.
"""

import re

import pytest

from keras_kb import pages

BRITISH = re.compile(
    r"\b(\w*(?:organis|recognis|normalis|regularis|initialis|summaris|minimis|maximis|optimis"
    r"|visualis|generalis|factoris|penalis|standardis|vectoris|tokenis|characteris|realis"
    r"|utilis|memoris|randomis|serialis|parallelis)(?:e|ed|es|ing|ation|ations|er|ers)\b"
    r"|\w*(?:centre|colour|behaviour|neighbour|favour|flavour|labour)\w*"
    r"|\w*(?:modell|labell|travell|cancell)(?:ed|ing|er|ers)\b"
    r"|analys(?:e|ed|es|ing)\b|emphasis(?:e|ed|es|ing)\b|licence\b|grey\b)",
    re.I,
)
KERAS_3_PARTICLE = re.compile(r"Keras 3(는|를|가|와|로)(?![가-힣])")
RIGHT_PARTICLE = {"는": "은", "를": "을", "가": "이", "와": "과", "로": "으로"}


def _english_texts():
    for page in pages.english_pages():
        yield page.rel, page.read_text(encoding="utf-8")
    for snippet in sorted(pages.SNIPPETS.rglob("*.py")):  # comments are English too
        yield pages.rel(snippet), snippet.read_text(encoding="utf-8")


def test_english_is_american():
    found = [
        f"{where}:{number}: {match.group(0)!r}"
        for where, text in _english_texts()
        for number, line in enumerate(text.splitlines(), start=1)
        for match in BRITISH.finditer(line)
    ]
    assert not found, "British spellings (write American English):\n  " + "\n  ".join(found)


@pytest.mark.parametrize("page", pages.korean_pages(), ids=str)
def test_keras_3_takes_the_particle_for_sam(page):
    found = [
        f"{page}:{number}: 'Keras 3{m[1]}' -> 'Keras 3{RIGHT_PARTICLE[m[1]]}'"
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1)
        for m in KERAS_3_PARTICLE.finditer(line)
    ]
    assert not found, "\n".join(found)


def test_the_patterns_can_fail():
    assert BRITISH.search("it normalises the colour") and not BRITISH.search("it normalizes")
    assert KERAS_3_PARTICLE.search("Keras 3는 독립") and not KERAS_3_PARTICLE.search("Keras 3은")
