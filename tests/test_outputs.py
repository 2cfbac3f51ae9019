"""Every Python block on the site shows what it really produced, from the run that executed it.

The runner records each fence's output (keras_kb/outputs.py); hooks/outputs.py puts it under
the block on both language pages. Checked here on the built site, against the records.
"""

import pytest

from keras_kb import outputs, pages
from tests.support.site import soup


def _pages_with_code():
    return [
        p for p in pages.all_pages() if not p.korean.is_walkthrough and outputs.examples(p.korean)
    ]


def _recorded(page):
    """Per fence of the page, in order: what it printed, raised, drew."""
    shown = []
    for fences, record in outputs.page_records(page.korean):
        assert record is not None, f"{page}:{fences[0].line}: no recorded output"
        shown += record.fences
    return shown


@pytest.mark.parametrize("page", _pages_with_code(), ids=str)
def test_each_block_shows_what_it_produced(built_site, page):
    html = soup(page.built(built_site))
    blocks = html.select("div.language-python.highlight")
    recorded = _recorded(page)
    assert len(blocks) == len(recorded), f"{page}: {len(blocks)} blocks, {len(recorded)} records"
    for block, fence in zip(blocks, recorded, strict=True):
        following = block.find_next_sibling()
        shown = following if following and "kb-output" in following.get("class", []) else None
        produced = bool(fence.text.strip() or fence.error or fence.figures)
        where = f"{page.korean}:{fence.line}"
        assert bool(shown) == produced, f"{where}: output {'missing' if produced else 'extra'}"
        if not shown:
            continue
        text = shown.select_one("pre.kb-output__text")
        if fence.text.strip():
            assert text and fence.text.strip().splitlines()[0] in text.get_text(), where
        if fence.error:
            assert "kb-output--error" in shown["class"], where
            assert fence.error[:60].strip() in text.get_text(), where
        images = shown.select("img.kb-output__figure")
        assert len(images) == len(fence.figures), where
        for image in images:
            assert (page.built(built_site).parent / image["src"]).resolve().is_file(), where


@pytest.mark.parametrize("page", _pages_with_code(), ids=str)
def test_page_says_what_produced_its_outputs(built_site, page):
    note = soup(page.built(built_site)).select_one("p.kb-provenance")
    record = outputs.page_records(page.korean)[0][1]
    assert note, f"{page}: no note on which versions produced the outputs"
    for fact in (record.versions["tensorflow"], record.versions["keras"], record.device):
        assert fact in note.get_text(), f"{page}: {fact} not in {note.get_text()!r}"


def test_outputs_are_shown_outside_walkthroughs(built_site):
    shown = sum(
        len(soup(page.built(built_site)).select(".kb-output")) for page in _pages_with_code()
    )
    assert shown > 300, f"only {shown} outputs shown on {len(_pages_with_code())} pages"


@pytest.mark.parametrize("page", _pages_with_code(), ids=str)
def test_page_offers_its_code_as_notebook_and_script(built_site, page):
    import nbformat

    html = page.built(built_site)
    links = {a["href"] for a in soup(html).select("p.kb-downloads a[download]")}
    name = page.stem.name
    assert links == {f"{name}.ipynb", f"{name}.py"}, f"{page}: download links {links}"
    notebook = nbformat.read(html.parent / f"{name}.ipynb", as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    fences = [fence for example in outputs.examples(page) for fence in example]
    assert [cell.source for cell in code] == [fence.code.rstrip("\n") for fence in fences]
    recorded = _recorded(page)
    assert [bool(cell.outputs) for cell in code] == [
        bool(f.text or f.error or f.figures) for f in recorded
    ], f"{page}: the notebook carries the recorded outputs"
    script = (html.parent / f"{name}.py").read_text(encoding="utf-8")
    compile(script, f"{name}.py", "exec")  # a script a reader can run
    for fence in fences:
        shown = fence.code.strip()
        if fence.raises:  # commented out in the script, so that it runs to its end
            shown = "\n".join(f"# {line}" for line in fence.code.strip().splitlines())
        assert shown in script, f"{page}:{fence.line}: not in {name}.py"
