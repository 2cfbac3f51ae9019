"""Under every Python block of a page, what it really printed, raised or drew.

The outputs come from the test run's execution of the very code the page shows
(``keras_kb.outputs`` records them, keyed by code). Before the build, examples whose record is
missing (a fresh clone, an edited page) are run once through the same runner
(``pytest -m examples`` on their pages); a failing example fails the build, named. Walkthroughs
show their outputs through mkdocs-jupyter instead (hooks/notebooks.py).
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError

from keras_kb import outputs, pages
from keras_kb.site_build import downloads

log = logging.getLogger("mkdocs.hooks.outputs")  # a warning fails a --strict build
PYTHON_BLOCK = re.compile(r'<div class="language-python highlight">.*?</code></pre></div>', re.S)
FOLD_AFTER = 25  # lines; a longer output (a summary, a training log) starts folded
ASSETS = "assets/outputs"
WORDS = {
    "ko": {
        "output": "출력",
        "error": "출력 (예외)",
        "lines": "출력 ({n}줄)",
        "figure": "이 블록이 그린 그림 {n}",
        "download": "이 페이지의 코드 내려받기:",
        "provenance": (
            "이 페이지의 출력은 아래 코드를 {versions}, {device}에서 실제로 실행한 결과입니다."
        ),
    },
    "en": {
        "output": "Output",
        "error": "Output (exception)",
        "lines": "Output ({n} lines)",
        "figure": "Figure {n} drawn by this block",
        "download": "Download this page's code:",
        "provenance": (
            "The outputs on this page come from running its code with {versions} on {device}."
        ),
    },
}


def _examples_or_none(page: pages.Page):
    try:
        return outputs.page_records(page)
    except pages.PageError:
        return None  # a page that cannot be expanded: the build reports it where it renders


def on_pre_build(config):
    candidates = [p for p in pages.korean_pages() if not p.is_walkthrough]
    records = {page: _examples_or_none(page) for page in candidates}
    missing = [
        page for page, found in records.items() if found and any(r is None for _, r in found)
    ]
    if missing:
        _run_examples(missing)


def _run_examples(missing: list[pages.Page]) -> None:
    """Run the pages' examples; a failure is a warning (so --strict fails, and the build's
    other messages still show) and those pages go without outputs."""
    print(f"INFO    -  outputs: running the examples of {len(missing)} page(s)", file=sys.stderr)
    # its own --basetemp: pytest prunes old temporary folders, which may be a caller's
    with tempfile.TemporaryDirectory(prefix="kb-outputs-") as basetemp:
        command = [sys.executable, "-m", "pytest", "-q", "-m", "examples", "-p", "no:randomly"]
        result = subprocess.run(
            [*command, f"--basetemp={basetemp}", *(page.rel for page in missing)],
            cwd=pages.ROOT,
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:  # a warning: --strict fails, and the build's other messages show
        summary = [
            line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))
        ]
        log.warning(
            "examples failed, so their pages show no outputs (./dev test <page>):\n  - "
            + "\n  - ".join(summary or result.stdout.splitlines()[-20:])
        )


def on_page_content(content, page, config, files):
    source = page.file.abs_src_path
    if not source or not source.endswith(".md"):
        return content
    shown = pages.Page(source)
    if shown.korean.is_walkthrough:
        return content
    fences = [fence for example in outputs.examples(shown.korean) for fence in example]
    if not fences:
        return content
    recorded = _recorded(shown.korean)
    if recorded is None:
        return content  # its examples failed: reported once, by on_pre_build
    blocks = list(PYTHON_BLOCK.finditer(content))
    if len(blocks) != len(fences):
        raise PluginError(f"{shown}: {len(blocks)} Python blocks rendered, {len(fences)} in source")
    words = WORDS[shown.language]
    pieces, end = [], 0
    if len(recorded) != len(fences):
        raise PluginError(f"{shown}: {len(fences)} Python blocks, {len(recorded)} recorded")
    for match, produced in zip(blocks, recorded, strict=True):
        shown_output = _output_html(produced, words, page, config)
        pieces += [content[end : match.end()], shown_output]
        end = match.end()
    pieces.append(content[end:])
    content = _with_provenance("".join(pieces), recorded, words)
    return _with_downloads(content, shown, page, config, words)


def _recorded(page: pages.Page) -> list[tuple[outputs.FenceOutput, outputs.Record]] | None:
    """What each fence produced, in page order. Records are keyed by code, not by line: an
    edit to the prose above a block moves it without running it again."""
    result = []
    for _, record in outputs.page_records(page):
        if record is None:
            return None
        result += [(fence, record) for fence in record.fences]
    return result


def _output_html(recorded, words: dict, page, config) -> str:
    fence, _ = recorded
    parts = []
    text = fence.text + (fence.error + "\n" if fence.error else "")
    if text.strip():
        escaped = html.escape(text.rstrip())
        parts.append(f'<pre class="kb-output__text" tabindex="0">{escaped}</pre>')
    for number, name in enumerate(fence.figures, start=1):
        src = _publish_figure(name, page, config)
        alt = html.escape(words["figure"].format(n=number))
        parts.append(f'<img class="kb-output__figure" src="{src}" alt="{alt}" loading="lazy">')
    if not parts:
        return ""
    kind = " kb-output--error" if fence.error else ""
    label = words["error"] if fence.error else words["output"]
    lines = text.count("\n")
    body = "".join(parts)
    if lines > FOLD_AFTER:
        summary = html.escape(words["lines"].format(n=lines))
        return f'\n<details class="kb-output{kind}"><summary>{summary}</summary>{body}</details>\n'
    return (
        f'\n<div class="kb-output{kind}"><p class="kb-output__label">{html.escape(label)}</p>'
        f"{body}</div>\n"
    )


def _publish_figure(name: str, page, config) -> str:
    target = Path(config["site_dir"]) / ASSETS / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(outputs.CACHE / name, target)
    return posixpath.relpath(f"{ASSETS}/{name}", posixpath.dirname(page.file.dest_uri))


def _with_downloads(content: str, shown: pages.Page, page, config, words: dict) -> str:
    """Write the page's notebook and .py next to its HTML, and link them under the title."""
    url = (config["site_url"] or "") + page.file.url
    notebook = downloads.notebook(shown, url or page.file.src_uri)
    folder = Path(config["site_dir"]) / posixpath.dirname(page.file.dest_uri)
    folder.mkdir(parents=True, exist_ok=True)
    name = shown.stem.name
    nbformat.write(notebook, folder / f"{name}.ipynb")
    (folder / f"{name}.py").write_text(downloads.python_file(notebook), encoding="utf-8")
    links = (
        f'<p class="kb-downloads">{html.escape(words["download"])} '
        f'<a href="{name}.ipynb" download>{name}.ipynb</a> · '
        f'<a href="{name}.py" download>{name}.py</a></p>'
    )
    return _after_introduction(content, links)


def _with_provenance(content: str, recorded: list, words: dict) -> str:
    record = recorded[0][1]
    versions = ", ".join(
        f"{name.capitalize() if name != 'tensorflow' else 'TensorFlow'} {record.versions[name]}"
        for name in ("tensorflow", "keras")
    )
    note = html.escape(words["provenance"].format(versions=versions, device=record.device))
    paragraph = f'<p class="kb-provenance" data-search-exclude>{note}</p>'  # not a search hit
    return _after_introduction(content, paragraph)


def _after_introduction(content: str, addition: str) -> str:
    """``addition`` after the page's opening paragraph: the reader first learns what it teaches."""
    title = content.find("</h1>")
    opening = content.find("</p>", title) if title >= 0 else -1
    if opening < 0:
        return addition + content
    end = opening + len("</p>")
    return f"{content[:end]}\n{addition}{content[end:]}"
