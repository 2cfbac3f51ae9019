"""Every Python block proves something: it shows an output, raises what it announces, or has
checks (a hidden `-check` section, or a visible assert where the assertion is the lesson).

A block made only of imports is exempt: it sets up, and the blocks after it prove.
"""

import ast

import pytest

from keras_kb import outputs, pages


def _pages_with_code():
    return [p for p in pages.korean_pages() if not p.is_walkthrough and outputs.examples(p)]


def _only_imports(code: str) -> bool:
    body = ast.parse(code).body
    return bool(body) and all(isinstance(n, ast.Import | ast.ImportFrom) for n in body)


def _proves(fence, checks, shown) -> bool:
    produced = shown is not None and (shown.text.strip() or shown.error or shown.figures)
    visible_assert = any(isinstance(n, ast.Assert) for n in ast.walk(ast.parse(fence.code)))
    return bool(produced or fence.raises or checks or visible_assert or _only_imports(fence.code))


@pytest.mark.parametrize("page", _pages_with_code(), ids=str)
def test_every_block_shows_or_checks_something(built_site, page):  # the build records outputs
    expanded, silent = page.expanded(), []
    blocks = [b for b in page.code_blocks() if b.syntax == "python"]
    for block, (fences, record) in zip(blocks, outputs.page_records(page), strict=True):
        assert record is not None, f"{page}:{fences[0].line}: no recorded output"
        checks = pages.fence_checks(pages.block_origins(expanded, block.lineno, block.code), fences)
        for fence, check, shown in zip(fences, checks, record.fences, strict=True):
            if not _proves(fence, check, shown):
                silent.append(f"{page}:{fence.line}: {fence.code.strip().splitlines()[0][:70]}")
    assert not silent, (
        "these blocks print nothing, raise nothing and check nothing: print what the reader "
        "should see, or add a `<section>-check` section with asserts:\n  " + "\n  ".join(silent)
    )
