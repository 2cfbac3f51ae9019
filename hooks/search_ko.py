"""Korean-aware search index: every search entry also carries its Korean morphemes.

After the build, this hook rewrites search/search_index.json (and the offline plugin's
search_index.js copy of it) so that lunr also indexes the content morphemes ("atoms") Kiwi finds
in each entry's title and text, as two extra fields that the results never display:
``ko_title`` (boosted like the title) and ``ko_text``. It also ships, as ``config.kb``, what the
query side needs to cut a reader's query the same way (docs/assets/javascripts/search-ko.js):
the atom dictionary, the particle/ending tails seen after atoms, and the languages' URL prefixes.
Titles and texts are left as Material wrote them, less code blocks (`<pre>`): readers search
prose and its code spans, and the listings were 40% of the index. See keras_kb/site_build/korean.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from keras_kb.site_build import korean

FIELDS = {"ko_title": {"boost": 1000.0}, "ko_text": {"boost": 1.0}}
MAX_SUFFIX = 5  # longer tails are more likely missed nouns than particles or endings


def languages(config) -> dict:
    """The default locale and the URL prefix of every other one, from the i18n plugin."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return {"default": config.theme.get("language", "ko"), "prefixes": {}}
    default, prefixes = None, {}
    for language in plugin.config.languages:
        if language.default:
            default = language.locale
        else:
            prefixes[language.locale] = f"{language.locale}/"
    return {"default": default, "prefixes": prefixes}


def augment(index: dict, langs: dict) -> dict:
    """Add the Korean fields to every entry and the query-side dictionary to the config."""
    terms: set[str] = set()
    suffixes = set(korean.BASE_SUFFIXES)
    other_languages = tuple(langs["prefixes"].values())
    for doc in index["docs"]:
        # code blocks are 40% of the index: readers search prose and code spans, not listings
        doc["text"] = korean.CODE.sub(" ", doc["text"])
        korean_page = not doc["location"].startswith(other_languages)
        for name, source in (("ko_title", doc.get("title", "")), ("ko_text", doc.get("text", ""))):
            text = korean.plain_text(source)
            analysis = korean.analyse(text)
            atoms = analysis.atoms + (korean.readings(text) if korean_page else [])
            if atoms:
                doc[name] = " ".join(atoms)
                terms.update(atoms)
            suffixes.update(s for s in analysis.suffixes if len(s) <= MAX_SUFFIX)
    index["config"]["fields"].update(FIELDS)
    index["config"]["kb"] = {
        "terms": sorted(terms),
        "suffixes": sorted(suffixes, key=lambda s: (-len(s), s)),
        **langs,
    }
    return index


# i18n (-100) writes the combined index of all languages at the end of the outer build, and the
# offline plugin (-100, listed after it) copies it into search_index.js: run after both.
@event_priority(-110)
def on_post_build(config, **kwargs):
    folder = Path(config.site_dir) / "search"
    path = folder / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    if "kb" in index["config"]:
        return
    data = json.dumps(augment(index, languages(config)), ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    script = folder / "search_index.js"
    if script.exists():  # the offline plugin's copy, read from file:// where fetch() is blocked
        script.write_text(f"var __index = {data}", encoding="utf-8")
