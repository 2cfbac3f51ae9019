"""Record, for every page the build writes, which source it came from and in which language.

mkdocs-static-i18n knows each file's locale and where it lands (``page.file.locale``,
``page.file.dest_path``); the tests and tools read this record (``keras_kb.pages.site_map``)
instead of working out the built path again. Written as ``pages.json`` at the site's root.
"""

from __future__ import annotations

import json
from pathlib import Path

from keras_kb import pages

_BUILT: dict[str, dict] = {}  # this process's builds; i18n builds each language in turn


def on_post_page(output, page, config, **kwargs):
    # a walkthrough's abs_src_path is its executed .ipynb (hooks/notebooks.py keeps the .md)
    source = Path(getattr(page, "notebook_source", None) or page.file.abs_src_path)
    if source.is_relative_to(pages.DOCS):
        language = getattr(page.file, "locale", None) or pages.languages()[0]
        _BUILT[pages.rel(source)] = {"built": page.file.dest_path, "language": language}
    return output


def on_post_build(config, **kwargs):
    target = Path(config["site_dir"]) / pages.SITE_MAP
    target.write_text(json.dumps(dict(sorted(_BUILT.items())), indent=1), encoding="utf-8")
