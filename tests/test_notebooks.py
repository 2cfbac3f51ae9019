"""Walkthrough notebooks: each runs top to bottom in a fresh kernel, and the site serves it whole.

keras_kb/site_build/notebooks.py explains the pipeline. The page runner (keras_kb/runner/plugin.py)
skips walkthroughs, whose cells share one kernel; they run here instead, under the same sandbox
as the page examples (keras_kb/sandbox.py).
"""

import json
import re
import urllib.parse

import nbformat
import pytest
import pytest_socket

from keras_kb import pages
from keras_kb.site_build import notebooks
from tests.support.site import soup

NOTEBOOKS = pages.walkthroughs()
MAX_PAGE_BYTES = 250_000  # a notebook page without mkdocs-jupyter's ~590 KB of inline CSS


@pytest.fixture(autouse=True)
def unix_sockets_only():
    """nbclient's event loop and the kernel's ipc channels need AF_UNIX; the network stays off."""
    pytest_socket.enable_socket()  # disabling again would subclass the blocking guard
    pytest_socket.disable_socket(allow_unix_socket=True)


def test_there_are_walkthroughs():
    assert len(NOTEBOOKS) >= 5, [str(p) for p in NOTEBOOKS]


@pytest.mark.examples
@pytest.mark.parametrize("page", NOTEBOOKS, ids=str)
def test_notebook_runs_in_a_fresh_kernel(page, executed_notebooks):
    """Executed afresh (never from the cache) by the session fixture, which the build reuses."""
    notebook = executed_notebooks[page]
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    outputs = [output for cell in code for output in cell.outputs]
    announced = [raises for raises, _ in notebooks._annotations(page)]
    errors = [bool(_errors(cell)) for cell in code]
    assert errors == [bool(r) for r in announced], "errors exactly where <!--kb:raises--> says"
    assert any("image/png" in o.get("data", {}) for o in outputs), "a walkthrough shows a plot"
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, f"{page} writes to stderr:\n{''.join(stderr)[:2000]}"


def _errors(cell):
    return [o for o in cell.outputs if o.output_type == "error"]


def test_a_print_the_kernel_sent_in_pieces_is_one_output():
    pieces = ["48210", "\n", None, "done\n"]  # None: a figure between two prints
    outputs = [
        nbformat.v4.new_output("display_data", data={"image/png": ""})
        if text is None
        else nbformat.v4.new_output("stream", name="stdout", text=text)
        for text in pieces
    ]
    joined = notebooks._joined_streams(outputs)
    assert [o.get("text") for o in joined] == ["48210\n", None, "done\n"]


def test_a_failing_cell_names_the_notebook_and_the_cell(tmp_path):
    page = pages.DOCS / "walkthroughs" / "broken.md"  # only used to name the failure
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import keras\n(x, _), _ = keras.datasets.mnist.load_data()\nprint(x.shape)"
            ),
            nbformat.v4.new_code_cell("ratio = 1 / 0"),
            nbformat.v4.new_code_cell("print('never reached')"),
        ]
    )
    with pytest.raises(notebooks.NotebookError) as caught:
        notebooks.execute(notebook, page)
    message = str(caught.value)
    for needle in ("docs/walkthroughs/broken.md", "code cell 2", "ratio = 1 / 0", "ZeroDivision"):
        assert needle in message, message
    assert notebook.cells[0].outputs == []  # the caller's notebook is left untouched


@pytest.mark.examples
def test_the_kernel_is_offline():
    page = pages.DOCS / "walkthroughs" / "offline.md"
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import socket\n"
                "try:\n"
                "    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
                "except Exception as error:\n"
                "    print(type(error).__name__)"
            ),
            nbformat.v4.new_code_cell(
                "import keras\n(x, _), _ = keras.datasets.mnist.load_data()\nprint(x.shape)"
            ),
        ]
    )
    ran = notebooks.execute(notebook, page)
    assert ran.cells[0].outputs[0].text.strip() == "SocketBlockedError"
    assert ran.cells[1].outputs[0].text.strip() == "(1200, 28, 28)"  # keras_kb/standins.py


def _both_languages():
    return [p for page in NOTEBOOKS for p in (page, page.twin)]


@pytest.mark.parametrize("source", _both_languages(), ids=str)
def test_page_offers_its_notebook(built_site, source):
    html = source.built(built_site)
    links = soup(html).select("p.notebook-download a[download]")
    assert len(links) == 1, f"{source}: no download link"
    target = (html.parent / links[0]["href"]).resolve()
    assert target.suffix == ".ipynb" and target.exists(), f"{source}: {target}"
    notebook = nbformat.read(target, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.source for cell in code] == notebooks.code_cells(source.korean.source)
    assert any(cell.outputs for cell in code), "the published notebook carries its outputs"
    assert notebook.metadata.kernelspec.name == "python3"
    prose = "".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert prose.strip().startswith("# "), "the notebook keeps the page's prose"
    assert html.stat().st_size < MAX_PAGE_BYTES, f"{html}: {html.stat().st_size} bytes"


@pytest.mark.examples
def test_downloaded_notebook_runs_top_to_bottom(built_site):
    """The published file itself, in a fresh kernel (offline: with the stand-ins installed)."""
    source = pages.Page(pages.DOCS / "walkthroughs" / "xor.en.md")
    link = soup(source.built(built_site)).select_one("p.notebook-download a[download]")
    target = source.built(built_site).parent / link["href"]
    notebook = nbformat.read(target, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    ran = notebooks.execute(notebook, source.source)
    assert all(cell.outputs for cell in ran.cells if cell.cell_type == "code")


@pytest.mark.parametrize("source", _both_languages(), ids=str)
def test_headings_have_working_anchors(built_site, source):
    html = soup(source.built(built_site))
    headings = html.select(".jupyter-wrapper :is(h1, h2, h3, h4, h5, h6)")
    ids = [h.get("id", "") for h in headings]
    assert headings and all(ids), f"{source}: heading without id: {ids}"
    assert len(set(ids)) == len(ids), f"{source}: duplicate heading ids {ids}"
    if source.is_default_language:
        assert any(re.search(r"[가-힣]", i) for i in ids), f"Korean ids expected: {ids}"
    assert not any("%" in i for i in ids), f"percent-encoded ids: {ids}"
    toc = [a["href"] for a in html.select("nav.md-nav--secondary a.md-nav__link")]
    fragments = [urllib.parse.unquote(href.split("#", 1)[1]) for href in toc if "#" in href]
    assert fragments and set(fragments) <= set(ids), f"{source}: TOC {fragments}"


def test_notebook_pages_are_searchable(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {urllib.parse.unquote(doc["location"].split("#")[0]) for doc in index["docs"]}
    missing = []
    for source in _both_languages():
        url = source.built(built_site).relative_to(built_site).as_posix()
        if url not in locations and url.removesuffix("index.html") not in locations:
            missing.append(url)
    assert not missing, f"not in the search index: {missing}"


def test_mkdocs_jupyter_is_the_release_the_hook_patches():
    """hooks/notebooks.py replaces private names of mkdocs-jupyter: they must still exist."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("nb_hook", pages.ROOT / "hooks/notebooks.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    assert hook.check_mkdocs_jupyter() == []
