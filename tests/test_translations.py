"""Both languages are first-class: every page has a twin with the same code, tables and figures."""

import re
from collections import Counter
from pathlib import Path

import pytest

from keras_kb import pages
from tests.support.site import expanded, markdown_tables

ALL_PAGES = pages.korean_pages() + pages.english_pages()


@pytest.mark.parametrize("page", ALL_PAGES, ids=str)
def test_page_has_twin(page):
    assert page.twin.exists(), f"{page} has no twin: create {page.twin}"


def _blocks(page):
    """(page line, what must match) of each fenced block."""
    lines = expanded(page)
    return [
        (lines.page_line(b.lineno), (b.syntax, b.code, b.expected_output, b.marks, raises))
        for b in page.code_blocks()
        for raises in [_raises(lines, b)]
    ]


def _raises(lines, block) -> list:
    """The <!--kb:raises--> annotations of each fence: they are part of the example."""
    return [f.raises for f in pages.fences(lines, block)] if block.syntax == "python" else []


def _code_difference(page, twin) -> str | None:
    """Where the two pages' code first differs, with the line in each page."""
    ours, theirs = _blocks(page), _blocks(twin)
    for (line, block), (twin_line, twin_block) in zip(ours, theirs, strict=False):
        if block != twin_block:
            return (
                f"{page}:{line} and {twin}:{twin_line}: this code block differs between the "
                f"languages ({block[1].strip().splitlines()[:1]} vs "
                f"{twin_block[1].strip().splitlines()[:1]}); both must include the same snippet"
            )
    if len(ours) != len(theirs):
        return f"{page} has {len(ours)} code blocks, {twin} has {len(theirs)}"
    return None


def _structure(page):
    text = expanded(page).text
    return {
        "heading levels": re.findall(r"^(#{1,6}) ", _prose(text), flags=re.M),
        "table rows": len(re.findall(r"^\s*\|.*\|\s*$", text, flags=re.M)),
        # a figure is drawn once per language: name.ko.svg on one side, name.en.svg on the other
        "figures": [
            re.sub(r"\.(ko|en)\.svg$", ".LANG.svg", src)
            for src in re.findall(r"!\[[^\]]*\]\(([^)\s]+)", text)
        ],
        "math blocks": text.count("$$"),
    }


def _prose(text):
    return pages.FENCED_CODE.sub("", text)


@pytest.mark.parametrize("page", pages.korean_pages(), ids=str)
def test_twins_match(page):
    twin = page.twin
    if not twin.exists():
        pytest.skip("reported by test_page_has_twin")
    difference = _code_difference(page, twin)
    assert difference is None, difference
    korean, english = _structure(page), _structure(twin)
    for aspect in korean:
        assert korean[aspect] == english[aspect], f"{page} and {twin} differ in {aspect}"


# Language-neutral content: what must read the same in both languages, section by section and
# table row by table row: code spans and numbers. A code span holding Korean words is translated,
# so it must only have a counterpart; numbers written as words ("three", "세") are not compared.
CODE_SPAN = re.compile(r"`([^`\n]+)`")
NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.])[-−]?\d+(?:,\d{3})*(?:\.\d+)?(?:e-?\d+)?(?:만)?(?![A-Za-z0-9_])"
)
HANGUL = re.compile(r"[가-힣]")
# references to the original notes by number ("노트 004", "note 004"): an English page names
# them less often, because its readers cannot read the notes
NOTE_REFERENCE = r"(?:노트|(?i:\bnotes?))\s+\d{3}(?:\s*(?:,|과|와|및|and)\s*\d{3})*"
IGNORED = re.compile(
    rf"<!--.*?-->|\]\([^)]*\)|\{{[:#.][^}}]*\}}|^\s*--8<--.*$|{NOTE_REFERENCE}", re.S | re.M
)


def _number(token: str) -> str:
    """'100,000', '10만' and '1e5' all read 100000; '0.50' reads 0.5."""
    value = token.replace(",", "").replace("−", "-")
    scale = 10_000 if value.endswith("만") else 1
    number = float(value.removesuffix("만")) * scale
    return f"{number:g}" if abs(number) < 1e16 else value


def neutral(text: str) -> tuple[Counter, int]:
    """(code spans and numbers, count of translated code spans) of a piece of Markdown."""
    text = IGNORED.sub(" ", text)
    spans = CODE_SPAN.findall(text)
    translated = sum(1 for span in spans if HANGUL.search(span))
    tokens = Counter(f"`{span}`" for span in spans if not HANGUL.search(span))
    tokens.update(_number(n) for n in NUMBER.findall(CODE_SPAN.sub(" ", text)))
    return tokens, translated


ENGLISH_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()
KOREAN_NUMBERS = {
    "한": 1,
    "하나": 1,
    "두": 2,
    "둘": 2,
    "세": 3,
    "셋": 3,
    "네": 4,
    "넷": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "스무": 20,
}
ENGLISH_WORD = re.compile(r"\b(" + "|".join(ENGLISH_NUMBERS) + r"|twice|half)\b", re.I)
KOREAN_WORD = re.compile(r"(?<![가-힣])(" + "|".join(KOREAN_NUMBERS) + r")(?=\s|[가-힣])")


def _number_words(text: str, english: bool) -> Counter:
    """Numbers written as words: they may stand for a digit the other language writes."""
    if english:
        words = [w.lower() for w in ENGLISH_WORD.findall(text)]
        values = {"twice": 2, "half": 0.5} | {w: n for n, w in enumerate(ENGLISH_NUMBERS)}
        return Counter(f"{values[w]:g}" for w in words)
    return Counter(f"{KOREAN_NUMBERS[w]:g}" for w in KOREAN_WORD.findall(text))


def _differences(where: str, korean: str, english: str) -> list[str]:
    (ko, translated), (en, _) = neutral(korean), neutral(english)
    missing = ko - en - _number_words(english, english=True)
    extra = en - ko - _number_words(korean, english=False)
    if (
        not missing
        and sum(1 for t in extra.elements() if t.startswith("`")) <= translated
        and not [t for t in extra if not t.startswith("`")]
    ):
        return []
    return [f"{where}: only in Korean {sorted(missing)}, only in English {sorted(extra)}"]


def _sections(page) -> list[tuple[int, str]]:
    """(page line of the heading, text) of each section, code blocks dropped."""
    parts, line, current = [], 1, []
    for number, text in enumerate(_prose_lines(page), start=1):
        if re.match(r"#{1,6} ", text):
            parts.append((line, "\n".join(current)))
            line, current = number, []
        current.append(text)
    return parts + [(line, "\n".join(current))]


def _prose_lines(page) -> list[str]:
    """The page's lines with fenced code blanked (line numbers kept)."""
    lines, fence = Path(page).read_text(encoding="utf-8").splitlines(), None
    for index, text in enumerate(lines):
        opener = re.match(r"\s*(`{3,}|~{3,})", text)
        if fence is None and opener:
            fence, lines[index] = opener.group(1), ""
        elif fence is not None:
            fence = None if text.strip().startswith(fence) else fence
            lines[index] = ""
    return lines


@pytest.mark.parametrize("page", pages.korean_pages(), ids=str)
def test_twins_state_the_same_facts(page):
    twin = page.twin
    if not twin.exists():
        pytest.skip("reported by test_page_has_twin")
    problems = []
    sections = zip(_sections(page), _sections(twin), strict=False)  # counts: test_twins_match
    for (line, korean), (twin_line, english) in sections:
        problems += _differences(f"{page}:{line} / {twin}:{twin_line}", korean, english)
    tables = zip(markdown_tables(page), markdown_tables(twin), strict=False)
    for table, (rows, twin_rows) in enumerate(tables):
        for row, (korean, english) in enumerate(zip(rows, twin_rows, strict=False), start=1):
            where = f"{page} table {table + 1} row {row}"
            problems += _differences(where, " | ".join(korean), " | ".join(english))
    assert not problems, "the languages state different facts:\n" + "\n".join(problems)
