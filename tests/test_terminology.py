"""One vocabulary, written correctly: the drift patterns the pages must not show.

A start on the terminology sheet issue 12 asks for. It checks two patterns so far: American
spelling in English prose and code comments, and the Korean particle after "Keras 3". Korean
reads the 3 as 삼, which ends in a consonant, so the particle is 은/을/이/과/으로, never
는/를/가/와/로.
"""

import re

import pytest

from keras_kb import pages, terminology
from tests.support.site import markdown_tables

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


# The terminology sheet (terminology.tsv, read by keras_kb/terminology.py): one term per concept.
@pytest.mark.parametrize("page", pages.all_pages(), ids=str)
def test_pages_use_the_canonical_terms(page):
    found = [
        f"{page}:{line}: {word!r} -> {term.canonical(page.language)!r} ({term.concept})"
        for line, word, term in terminology.drift(page.read_text(encoding="utf-8"), page.language)
    ]
    assert not found, "write the terminology sheet's term (terminology.tsv):\n  " + "\n  ".join(
        found
    )


def test_the_sheet_does_not_avoid_its_own_terms():
    clashes = [
        f"{term.concept}: {language} avoids {other.concept}'s term {other.canonical(language)!r}"
        for term in terminology.terms()
        for language in ("ko", "en")
        for other in terminology.terms()
        if term.avoid(language) and term.avoid(language).search(other.canonical(language))
    ]
    assert not clashes, "\n".join(clashes)


def test_one_canonical_term_per_concept():
    for language in ("ko", "en"):
        seen: dict[str, str] = {}
        for term in terminology.terms():
            previous = seen.setdefault(term.canonical(language), term.concept)
            shared = {previous, term.concept} <= {"backward pass", "backpropagation"}
            assert previous == term.concept or shared, (
                f"{term.canonical(language)!r} names both {previous!r} and {term.concept!r}"
            )


GLOSSARY = pages.Page(pages.DOCS / "appendix/glossary.md")


@pytest.mark.parametrize("page", [GLOSSARY, GLOSSARY.twin], ids=str)
def test_glossary_uses_the_sheet(page):
    """Each glossary row names concepts of the sheet, by their canonical Korean and English."""
    pairs = {(term.ko, term.en) for term in terminology.terms()}
    unknown = []
    for row in [row for table in markdown_tables(page) for row in table]:
        korean, english = (cell.split(", ") for cell in row[:2])
        if len(korean) != len(english):
            unknown.append(f"{row[0]!r} / {row[1]!r}: not one Korean term per English term")
        pairs_here = zip(korean, english, strict=False)  # a length mismatch is reported above
        unknown += [f"{k!r} / {e!r}" for k, e in pairs_here if (k, e) not in pairs]
    assert not unknown, f"{page}: glossary rows not in terminology.tsv:\n  " + "\n  ".join(unknown)


def test_drift_is_found_outside_code_and_quotes():
    text = '기울기와 그래디언트\n`그래디언트` "그래디언트" [x](그래디언트.md)\n그래디언트 부스팅'
    assert [(line, word) for line, word, _ in terminology.drift(text, "ko")] == [(1, "그래디언트")]
    assert terminology.drift("a feed-forward net", "en")[0][2].concept.startswith("feedforward")
    between_fences = "x\n\n```python\n1\n```\n그래디언트\n\n```python\n2\n```\n"
    assert [line for line, _, _ in terminology.drift(between_fences, "ko")] == [6]
