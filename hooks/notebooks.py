"""MkDocs glue for walkthrough notebooks; the why is in keras_kb/site_build/notebooks.py.

1. Before mkdocs-jupyter renders a notebook page, point it at the executed ``.ipynb`` that
   keras_kb.site_build.notebooks.build writes for the page's language (code from snippets/, outputs
   from one real execution). mkdocs-jupyter's ``include_source`` then copies that file next to
   the page.
2. Give notebook headings the site's slugs (pymdownx, Unicode) in the page and in its TOC:
   mkdocs-jupyter's own slugify gives Korean headings ``id=""``.
3. Replace the ~590 KB of CSS mkdocs-jupyter inlines into every notebook page by a stylesheet
   of the rules the page uses (about 20 KB, keras_kb/site_build/notebook_css.py), and add the
   download link.

Steps 1 and 2 replace private parts of mkdocs-jupyter (``plugin._get_markdown_toc``,
``convert.slugify``, and the page's ``abs_src_path`` that its ``on_pre_page`` reads): it offers no
public way to do either under mkdocs-static-i18n. So pyproject.toml pins mkdocs-jupyter exactly,
and the build fails, naming what is missing, when the installed release is another one or no
longer has one of these names (``check_mkdocs_jupyter``; tests/test_notebooks.py runs it too).
The HTML rewrites of step 3 are checked by what they produce (tests/test_notebooks.py: page
size, heading ids and TOC, download link).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import urllib.parse
from importlib.metadata import version
from pathlib import Path

import markdown
import mkdocs_jupyter.convert
import mkdocs_jupyter.plugin
from markdown.extensions.toc import TocExtension
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from keras_kb import pages
from keras_kb.site_build import notebook_css, notebooks

PINNED = "0.26.3"  # the mkdocs-jupyter release these patches were written for (pyproject.toml)
PATCHED = {  # module -> private names replaced or relied on below
    mkdocs_jupyter.convert: ["slugify"],
    mkdocs_jupyter.plugin: ["_get_markdown_toc", "Plugin.on_pre_page"],
}

OUT = notebooks.CACHE / "site"  # the .ipynb files mkdocs-jupyter renders and publishes
STYLE = re.compile(r"<style[^>]*>.*?</style>", re.S)
CSS_DIR = "assets/notebooks"
MATHJAX = re.compile(
    r'<script src="">\s*</script>|<script type="text/x-mathjax-config">.*?</script>', re.S
)
ANCHOR = re.compile(r'((?:\bid="|\bhref="#))([^"]*%[^"]*)"')  # nbconvert percent-encodes ids
PAGE_LINK = re.compile(r'href="(?P<path>[^":#?]+\.md)(?P<anchor>#[^"]*)?"')
DOWNLOAD = {"ko": "노트북 내려받기", "en": "Download this notebook"}


def check_mkdocs_jupyter() -> list[str]:
    """What is wrong with the installed mkdocs-jupyter for these patches (empty: nothing)."""
    problems = []
    installed = version("mkdocs-jupyter")
    if installed != PINNED:
        problems.append(f"mkdocs-jupyter {installed} is installed; hooks/notebooks.py is written "
                        f"for {PINNED} (pinned in pyproject.toml)")
    for module, names in PATCHED.items():
        for name in names:
            target = module
            for part in name.split("."):
                target = getattr(target, part, None)
            if not callable(target):
                problems.append(f"{module.__name__}.{name} is gone: hooks/notebooks.py patches it")
    return problems


def on_config(config):
    problems = check_mkdocs_jupyter()
    if problems:
        raise PluginError("walkthrough notebooks cannot be built: " + "; ".join(problems))
    slugify = config["mdx_configs"]["toc"]["slugify"]

    def nb_slugify(text: str) -> str:
        return slugify(text, "-")

    def markdown_toc(source: str, toc_depth: int):
        md = markdown.Markdown(extensions=[TocExtension(toc_depth=toc_depth, slugify=slugify)])
        md.convert(source)
        return md.toc_tokens

    mkdocs_jupyter.convert.slugify = nb_slugify  # heading ids in the rendered cells
    mkdocs_jupyter.plugin._get_markdown_toc = markdown_toc  # the page's TOC
    return config


def _is_notebook_page(page) -> bool:
    source = page.file.abs_src_path
    return bool(source) and source.endswith(".md") and pages.Page(source).is_walkthrough


@event_priority(100)  # before mkdocs-jupyter's on_pre_page reads the source path
def on_pre_page(page, config, files):
    if _is_notebook_page(page):
        page.notebook_source = Path(page.file.abs_src_path)
        try:
            page.file.abs_src_path = str(notebooks.build(page.notebook_source, OUT))
        except notebooks.NotebookError as error:  # a failing cell fails the build, named
            raise PluginError(str(error)) from None
    return page


@event_priority(-50)  # after mkdocs-jupyter has rendered the notebook
def on_page_content(html, page, config, files):
    if not hasattr(page, "notebook_source"):
        return html
    css = "\n".join(re.sub(r"</?style[^>]*>", "", block) for block in STYLE.findall(html))
    css = notebook_css.used_css(css, STYLE.sub("", html))  # ~20 of ~590 KB: only what it uses
    name = hashlib.sha256(css.encode()).hexdigest()[:12] + ".css"
    target = Path(config["site_dir"]) / CSS_DIR / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")
    href = posixpath.relpath(f"{CSS_DIR}/{name}", posixpath.dirname(page.file.dest_uri))
    english = not pages.Page(page.notebook_source).is_default_language
    ipynb = Path(page.file.abs_src_path).name
    link = (
        f'<p class="notebook-download"><a href="{ipynb}" download>'
        f"{DOWNLOAD['en' if english else 'ko']} ({ipynb})</a></p>"
    )
    html = MATHJAX.sub("", STYLE.sub("", html))  # no math in notebooks; no empty script src
    html = ANCHOR.sub(lambda m: m[1] + urllib.parse.unquote(m[2]) + '"', html)
    # Material's style for heading permalinks, and its search leaves the "¶" out of titles
    html = html.replace('class="anchor-link"', 'class="headerlink"')
    html = PAGE_LINK.sub(lambda m: _page_link(m, page, files, english), html)
    html = html.replace("</h1>", f"</h1>\n{link}", 1) if "</h1>" in html else f"{link}\n{html}"
    return f'<link rel="stylesheet" href="{href}">\n{html}'


def _page_link(match, page, files, english: bool) -> str:
    """A Markdown cell's link to ``other.md``: the other page's URL, in the page's language."""
    folder = posixpath.dirname(page.notebook_source.relative_to(pages.DOCS).as_posix())
    target = posixpath.normpath(posixpath.join(folder, match["path"]))
    language = pages.Page(page.notebook_source).language
    candidates = [target.removesuffix(".md") + f".{language}.md"] if english else []
    for src_uri in [*candidates, target]:
        linked = files.get_file_from_path(src_uri)
        if linked is not None:
            return f'href="{linked.url_relative_to(page.file)}{match["anchor"] or ""}"'
    raise PluginError(f"{pages.rel(page.notebook_source)}: link to missing page {match['path']}")
