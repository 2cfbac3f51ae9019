"""A page's code to take home: a notebook with its headings, code and real outputs, and a .py.

Built from the page itself (its headings and fences, in order) and the outputs the test run
recorded for exactly that code (:mod:`keras_kb.outputs`). Walkthroughs publish their own
notebook (hooks/notebooks.py).
"""

from __future__ import annotations

import base64
import re

import jupytext
import nbformat

from keras_kb import outputs, pages

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*(\{[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*```")
NOTE = {
    "ko": "이 파일은 {url} 페이지의 코드와 그 출력입니다. 사이트의 테스트에서는 "
    "`keras.datasets`의 `load_data()`가 작은 오프라인 대체 데이터로 바뀌지만, 여기서는 진짜 "
    "데이터를 내려받으므로 숫자가 조금 다를 수 있습니다.",
    "en": "The code of the page {url} and its outputs. The site's tests replace "
    "`keras.datasets` loaders with small offline stand-ins; run here, they download the real "
    "data sets, so numbers may differ a little.",
}


def _headings(page: pages.Page) -> list[tuple[int, str]]:
    """(line, Markdown heading) of each heading outside code fences."""
    found, in_fence = [], False
    for number, line in enumerate(page.read_text().splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (match := HEADING.match(line)):
            found.append((number, f"{match[1]} {match[2]}"))
    return found


def _cell_outputs(shown: outputs.FenceOutput) -> list:
    cell_outputs = []
    if shown.text:
        cell_outputs.append(nbformat.v4.new_output("stream", name="stdout", text=shown.text))
    if shown.error:
        name, _, message = shown.error.partition(": ")
        cell_outputs.append(
            nbformat.v4.new_output("error", ename=name, evalue=message, traceback=[shown.error])
        )
    for figure in shown.figures:
        data = base64.b64encode((outputs.CACHE / figure).read_bytes()).decode()
        cell_outputs.append(nbformat.v4.new_output("display_data", data={"image/png": data}))
    return cell_outputs


def notebook(page: pages.Page, url: str) -> nbformat.NotebookNode:
    """The page's headings and code cells, in page order, with the recorded outputs."""
    cells = []
    for fences, record in outputs.page_records(page):
        if record is None:
            raise pages.PageError(f"{page}:{fences[0].line}: no recorded output")
        cells += [
            (fence.line, fence, shown) for fence, shown in zip(fences, record.fences, strict=True)
        ]
    items = [(line, "md", text) for line, text in _headings(page)]
    items += [(line, "code", (fence, shown)) for line, fence, shown in cells]
    note = NOTE[page.language].format(url=url)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(note)])
    count = 0
    for _, kind, content in sorted(items, key=lambda item: item[0]):
        if kind == "md":
            notebook.cells.append(nbformat.v4.new_markdown_cell(content))
            continue
        fence, shown = content
        count += 1
        cell = nbformat.v4.new_code_cell(fence.code.rstrip("\n"), execution_count=count)
        cell.outputs = _cell_outputs(shown)
        if fence.raises:  # the note's mistake, on purpose: "Run all" tools go on past it
            cell.metadata["tags"] = ["raises-exception"]
        notebook.cells.append(cell)
    for number, cell in enumerate(notebook.cells, start=1):
        cell.id = f"cell-{number}"  # stable ids: the same page gives the same file
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    nbformat.validate(notebook)
    return notebook


def python_file(notebook: nbformat.NotebookNode) -> str:
    """The same cells as a plain Python script (jupytext's percent format: ``# %%`` cells)."""
    bare = nbformat.from_dict(notebook)
    for cell in bare.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs, cell.execution_count = [], None
        if "raises-exception" in cell.metadata.get("tags", []):
            # commented out, so the script runs to its end; the error is the lesson
            lines = cell.source.splitlines()
            cell.source = "\n".join(
                [
                    "# raises on purpose (the page shows the error):",
                    *(f"# {line}" for line in lines),
                ]
            )
            cell.metadata.pop("tags")
    return jupytext.writes(bare, fmt="py:percent")
