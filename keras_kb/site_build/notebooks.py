"""Walkthrough notebooks: one code source, prose in two languages, one real execution.

Why this shape. mkdocs-jupyter renders a notebook page itself, from the file it is
given: it never runs pymdownx.snippets, and under mkdocs-static-i18n it copies ``.ipynb`` and
``.py`` pages raw. So a walkthrough is written like every other page of the site:

* ``docs/<area>/<name>.md`` and ``<name>.en.md`` are jupytext-Markdown notebooks (a ``jupyter:``
  kernelspec front matter) holding the prose, with each code cell a ```` ```python ```` fence that
  includes a section of ``snippets/<area>/<name>.py``. The code exists once; the twin tests
  (tests/test_translations.py) already prove both languages include the same code.
* At build time ``hooks/notebooks.py`` asks :func:`build` for each language's notebook: the page
  with its includes expanded exactly as the site expands them (:mod:`keras_kb.pages`), turned into
  an ``.ipynb`` by jupytext, carrying the outputs of ONE execution of the Korean notebook in a fresh
  kernel. mkdocs-jupyter renders that file, and ``include_source`` publishes it for download.
* Outputs are never typed: they come from :func:`execute` (nbclient, a fresh ``python3`` kernel,
  ``allow_errors=False``; a failing cell raises :class:`NotebookError` naming the page and cell).
  An execution is cached under ``.cache/notebooks/`` keyed by a hash of the code cells, the
  stand-ins, the kernel preamble and the library versions, so a prose edit rebuilds in seconds;
  ``KB_NOTEBOOK_CACHE=0`` re-executes every notebook. tests/test_notebooks.py always executes
  afresh.

The kernel runs under the same conditions as the page examples (:mod:`keras_kb.sandbox`: its
environment, and a preamble run before the first cell, outside the notebook: no network, the
offline dataset stand-ins, the seed). A downloaded notebook has none of it and loads the real
data sets.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import tempfile
from importlib.metadata import version
from pathlib import Path

import jupytext
import nbformat

from keras_kb import pages, sandbox, standins

CACHE = pages.ROOT / ".cache" / "notebooks"
CELL_TIMEOUT = 300  # seconds; a walkthrough cell takes a few
FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n", re.S)

KERNEL_ARGS = [
    f"--IPKernelApp.exec_lines={json.dumps(sandbox.KERNEL_PREAMBLE)}",
    "--IPKernelApp.capture_fd_output=False",  # TensorFlow's C++ log lines stay out of outputs
]


_RAN: dict[str, nbformat.NotebookNode] = {}  # executions of this process, by cache key


class NotebookError(Exception):
    """A notebook that cannot be built or executed; the message names the page and the cell."""


def to_notebook(page: Path) -> nbformat.NotebookNode:
    """The page as the site shows it (includes expanded), as a notebook without outputs."""
    page = Path(page)
    try:
        notebook = jupytext.reads(pages.expand(page).text, fmt="md")
    except pages.PageError as error:
        raise NotebookError(str(error)) from None
    notebook.metadata.pop("jupytext", None)
    for number, cell in enumerate(notebook.cells, start=1):
        cell.metadata, cell.id = {}, f"cell-{number}"  # stable ids: reproducible files
    return notebook


def _annotations(page: Path) -> list[tuple[tuple[str, str] | None, tuple[str, str] | None]]:
    """Per code cell: (its <!--kb:raises--> annotation, its hidden checks (code, where))."""
    page = pages.Page(page)
    expanded = page.expanded()
    result = []
    for block in page.code_blocks():
        if block.syntax != "python":
            continue
        origins = pages.block_origins(expanded, block.lineno, block.code)
        fences = pages.fences(expanded, block)
        try:
            checks = pages.fence_checks(origins, fences)
        except pages.PageError as error:
            raise NotebookError(f"{page}: {error}") from None
        result += [(fence.raises, check) for fence, check in zip(fences, checks, strict=True)]
    return result


def with_checks(notebook: nbformat.NotebookNode, page: Path) -> nbformat.NotebookNode:
    """The notebook to execute: each code cell tagged as its annotations say, and followed by
    its hidden checks as a cell of their own (removed from the result, see :func:`executed`)."""
    notebook = copy.deepcopy(notebook)
    annotations = iter(_annotations(page))
    cells = []
    for cell in notebook.cells:
        cells.append(cell)
        if cell.cell_type != "code":
            continue
        raises, check = next(annotations)
        if raises:
            cell.metadata["tags"] = ["raises-exception"]  # nbclient lets this cell fail
            cell.metadata["kb_raises"] = list(raises)
        if check:
            hidden = nbformat.v4.new_code_cell(check[0], metadata={"kb_check": check[1]})
            hidden.id = f"{cell.id}-check"
            cells.append(hidden)
    notebook.cells = cells
    return notebook


def _without_checks(notebook: nbformat.NotebookNode, page: Path) -> nbformat.NotebookNode:
    """The executed notebook as published: announced errors verified, hidden checks gone."""
    for number, cell in enumerate(c for c in notebook.cells if c.cell_type == "code"):
        expected = cell.metadata.pop("kb_raises", None)
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if expected and not (
            errors
            and errors[0].ename == expected[0].rsplit(".", 1)[-1]
            and expected[1] in errors[0].evalue
        ):
            raise NotebookError(
                f"{pages.rel(page)}: code cell {number + 1} should raise {expected[0]}"
                f" ({expected[1]!r}) but shows {[(o.ename, o.evalue) for o in errors]}"
            )
        cell.metadata.pop("tags", None)
    notebook.cells = [cell for cell in notebook.cells if "kb_check" not in cell.metadata]
    shown = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for count, cell in enumerate(shown, start=1):  # as if the hidden checks never ran
        cell.execution_count = count
        for output in cell.outputs:
            if "execution_count" in output:
                output.execution_count = count
    return notebook


def code_cells(page: Path) -> list[str]:
    return [cell.source for cell in to_notebook(page).cells if cell.cell_type == "code"]


def execute(notebook: nbformat.NotebookNode, page: Path) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel with the harness preamble; raise on the first error."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = copy.deepcopy(notebook)
    with tempfile.TemporaryDirectory(prefix="notebook-") as workdir:
        # ipc transport: no TCP port is opened (pytest-socket blocks sockets in the test process)
        manager = KernelManager(kernel_name="python3", transport="ipc")
        manager.connection_file = str(Path(workdir) / "kernel.json")
        manager.ip = str(Path(workdir) / "kernel-ipc")
        client = NotebookClient(
            notebook,
            km=manager,
            timeout=CELL_TIMEOUT,
            allow_errors=False,
            record_timing=False,
            extra_arguments=KERNEL_ARGS,
            resources={"metadata": {"path": workdir}},  # files a cell writes land here
        )
        try:
            client.execute(cwd=workdir, env=sandbox.environment(pages.ROOT))
        except CellExecutionError as error:
            code = [
                c for c in notebook.cells if c.cell_type == "code" and "kb_check" not in c.metadata
            ]
            failed = next((i for i, cell in enumerate(notebook.cells) if _has_error(cell)), None)
            cell = notebook.cells[failed] if failed is not None else None
            if cell is not None and "kb_check" in cell.metadata:
                where = f"the hidden check {cell.metadata['kb_check']}"
            elif cell is not None:
                where = f"code cell {code.index(cell) + 1}"
            else:
                where = "a cell"
            first = "" if cell is None else cell.source.splitlines()[0]
            report = re.sub(r"\x1b\[[0-9;]*m", "", str(error))  # no terminal colours
            raise NotebookError(
                f"{pages.rel(page)}: {where} failed ({first!r}):\n{report}"
            ) from None
        except Exception as error:  # kernel died, timeout, ...
            raise NotebookError(f"{pages.rel(page)}: {type(error).__name__}: {error}") from None
        finally:
            if manager.has_kernel:  # nbclient leaves a kernel it did not start running
                manager.shutdown_kernel(now=True)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = _joined_streams(cell.outputs)
    return notebook


def _joined_streams(outputs: list) -> list:
    """Consecutive stream outputs of one name as one output, as JupyterLab shows them: how the
    kernel cuts a print into messages depends on when it flushes (``48210`` then a lone newline,
    on a busy machine). nbclient's coalesce_streams would also move text across a figure."""
    joined = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (
            output.output_type == "stream"
            and previous is not None
            and previous.output_type == "stream"
            and previous.name == output.name
        ):
            previous.text += output.text
        else:
            joined.append(output)
    return joined


def _has_error(cell) -> bool:
    return any(output.get("output_type") == "error" for output in cell.get("outputs", []))


def _cache_key(cells: list[str]) -> str:
    digest = hashlib.sha256()
    for part in [
        *cells,
        *(Path(file).read_text(encoding="utf-8") for file in (standins.__file__, sandbox.__file__)),
        Path(__file__).read_text(encoding="utf-8"),  # how executions are made and kept
        *KERNEL_ARGS,
        *(f"{name}=={version(name)}" for name in ("keras", "tensorflow", "numpy", "ipykernel")),
        sandbox.ENVIRONMENT["KERAS_BACKEND"],  # another backend's executions never show
    ]:
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:20]


def executed(page: Path, use_cache: bool | None = None) -> nbformat.NotebookNode:
    """The Korean page's notebook with outputs, from the cache or from a fresh execution.

    ``use_cache=False`` always executes; by default a result from this process or from the
    cache directory is reused (``KB_NOTEBOOK_CACHE=0`` leaves out the directory, so a build
    executes each notebook once, for both languages).
    """
    page = Path(page)
    notebook = with_checks(to_notebook(page), page)
    cells = [
        f"{cell.source}\0{cell.metadata}" for cell in notebook.cells if cell.cell_type == "code"
    ]
    stem = "-".join(page.relative_to(pages.DOCS).with_suffix("").parts)
    key = f"{stem}-{_cache_key(cells)}"
    cached = CACHE / "executed" / f"{key}.ipynb"
    if use_cache is not False:
        if key in _RAN:
            return copy.deepcopy(_RAN[key])
        if os.environ.get("KB_NOTEBOOK_CACHE", "1") != "0" and cached.exists():
            return nbformat.read(cached, as_version=4)
    notebook = _without_checks(execute(notebook, page), page)
    _RAN[key] = copy.deepcopy(notebook)
    cached.parent.mkdir(parents=True, exist_ok=True)
    for stale in cached.parent.glob(f"{stem}-{'?' * len(key.removeprefix(stem + '-'))}.ipynb"):
        stale.unlink()
    partial = cached.with_suffix(".partial")
    nbformat.write(notebook, partial)
    partial.replace(cached)
    return notebook


def build(page: Path, out_dir: Path) -> Path:
    """Write ``page``'s notebook (either language) with the outputs of the Korean execution.

    Returns the path of the ``.ipynb`` (named after the page without its language suffix).
    """
    page = pages.Page(page)
    korean = page.korean
    reference = [cell for cell in executed(korean.source).cells if cell.cell_type == "code"]
    notebook = to_notebook(page.source)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    if [cell.source for cell in code] != [cell.source for cell in reference]:
        raise NotebookError(f"{page}: code cells differ from {korean}")
    for cell, ran in zip(code, reference, strict=True):
        cell.outputs, cell.execution_count = ran.outputs, ran.execution_count
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    target = out_dir / page.language / page.stem.parent / f"{page.stem.name}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.validate(notebook)
    nbformat.write(notebook, target)
    return target
