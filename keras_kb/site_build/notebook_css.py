"""The part of mkdocs-jupyter's notebook stylesheet that a walkthrough page uses.

mkdocs-jupyter inlines JupyterLab's whole theme into every notebook page: about 590 KB, 3,200
rules for widgets, terminals and cell kinds a static page never shows, and 1,200 ``--jp-*``
custom properties. It blocks rendering, so it is most of a walkthrough's load time. We keep:

* rules whose selector matches an element of the page (pseudo-classes and pseudo-elements are
  dropped for the test: ``.jp-Cell:hover`` is kept when the page has a ``.jp-Cell``);
* rules for the document itself (``:root``, ``html``, ``body``, ``*``), rules under Material's
  color scheme (``[data-md-color-scheme=slate] .jupyter-wrapper``: the attribute is on
  ``<body>``, outside the content) and selectors soupsieve cannot evaluate: pruning errs on the
  side of keeping;
* inside ``@media``, the same; other at-rules (``@keyframes``, ``@charset``) whole;
* custom properties only where a kept declaration uses them through ``var()``, transitively.
"""

from __future__ import annotations

import functools
import re

import soupsieve
import tinycss2
from bs4 import BeautifulSoup

PSEUDO = re.compile(r"::?[a-zA-Z-]+(?:\([^()]*\))?")
DOCUMENT = re.compile(r"(^|[\s>+~,])(:root|html|body|\*)(?![\w-])")
THEME_ATTRIBUTE = re.compile(r"^\[data-md-[\w-]+(?:[~|^$*]?=[^\]]*)?\]\s*")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
VARIABLE_USE = re.compile(r"var\(\s*(--[\w-]+)")


def used_css(css: str, html: str) -> str:
    """The rules of ``css`` that can apply to ``html`` (a page's content), serialized."""
    soup = BeautifulSoup(html, "html.parser")
    kept = _kept_rules(_plan(css), _Matcher(soup))
    declarations = {id(rule): _declarations(rule) for rule in _flat(kept)}
    needed = _needed_variables(declarations.values())
    serialized = (_serialize(rule, declarations, needed) for rule in kept)
    return "\n".join(text for text in serialized if text)


@functools.lru_cache(maxsize=4)  # every walkthrough page ships the same theme: prepared once
def _plan(css: str) -> tuple:
    return _planned(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _planned(rules) -> tuple:
    """Each rule with what deciding it needs: a style rule its selectors (:func:`_prepared`),
    an @media rule the plan of the rules inside it, any other at-rule nothing."""
    plan = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split_selectors(tinycss2.serialize(rule.prelude))
            plan.append((rule, tuple(_prepared(selector) for selector in selectors)))
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            plan.append((rule, _planned(inner)))
        elif rule.type == "at-rule":
            plan.append((rule, None))
    return tuple(plan)


def _prepared(selector: str) -> tuple[str, frozenset[str]] | None:
    """What to ask the page: the selector without pseudo-classes, and the classes it needs;
    None for a selector kept on any page (the document, or a pseudo-element of anything)."""
    if DOCUMENT.search(selector):
        return None
    # Material's color scheme sits on <body>, outside the page content: [data-md-color-
    # scheme=slate] .jupyter-wrapper is the dark theme of an element the page has
    bare = THEME_ATTRIBUTE.sub("", PSEUDO.sub("", selector)).strip()
    if not bare or bare[-1] in ">+~":
        return None
    return bare, frozenset(CLASS.findall(bare))


class _Matcher:
    def __init__(self, soup: BeautifulSoup):
        self.soup, self.cache = soup, {}
        # most of JupyterLab's rules name a class no static page has: rejected without a query
        self.classes = {c for tag in soup.find_all(class_=True) for c in tag["class"]}

    def applies(self, selectors: tuple) -> bool:
        return any(self._one(selector) for selector in selectors)

    def _one(self, selector: tuple[str, frozenset[str]] | None) -> bool:
        if selector is None:
            return True
        bare, classes = selector
        if not classes <= self.classes:
            return False
        if bare not in self.cache:
            try:
                self.cache[bare] = self.soup.select_one(bare) is not None
            except (soupsieve.SelectorSyntaxError, NotImplementedError, ValueError):
                self.cache[bare] = True  # pruning errs on the side of keeping
        return self.cache[bare]


def _split_selectors(prelude: str) -> list[str]:
    """``a, b:is(c, d)`` -> ``["a", "b:is(c, d)"]``: commas outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


class _Media:
    """An @media rule with the rules kept inside it (tinycss2 nodes take no new attributes)."""

    def __init__(self, rule, kept: list):
        self.rule, self.kept, self.type = rule, kept, "media"


def _kept_rules(plan: tuple, matcher: _Matcher) -> list:
    kept = []
    for rule, detail in plan:
        if rule.type == "qualified-rule":
            if matcher.applies(detail):
                kept.append(rule)
        elif detail is not None:  # @media: the rules kept inside it
            inside = _kept_rules(detail, matcher)
            if inside:
                kept.append(_Media(rule, inside))
        else:
            kept.append(rule)
    return kept


@functools.cache  # the plan's rules are the same objects on every page
def _declarations(rule):
    parsed = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
    return [d for d in parsed if d.type == "declaration"]


def _needed_variables(rules_declarations) -> set[str]:
    """Custom properties used by a kept declaration, directly or through other properties."""
    definitions: dict[str, list[str]] = {}
    used: set[str] = set()
    for declarations in rules_declarations:
        for declaration in declarations:
            value = tinycss2.serialize(declaration.value)
            if declaration.name.startswith("--"):
                definitions.setdefault(declaration.name, []).append(value)
            else:
                used.update(VARIABLE_USE.findall(value))
    pending = list(used)
    while pending:
        for value in definitions.get(pending.pop(), []):
            for name in VARIABLE_USE.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)
    return used


def _flat(rules):
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif isinstance(rule, _Media):
            yield from _flat(rule.kept)


def _serialize(rule, declarations: dict, needed: set[str]) -> str:
    if isinstance(rule, _Media):
        inner = "\n".join(t for t in (_serialize(r, declarations, needed) for r in rule.kept) if t)
        return f"@media {tinycss2.serialize(rule.rule.prelude).strip()}{{{inner}}}" if inner else ""
    if rule.type == "at-rule":
        return tinycss2.serialize([rule])
    written = [
        f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
        for d in declarations[id(rule)]
        if not d.name.startswith("--") or d.name in needed
    ]
    if not written:
        return ""
    return f"{tinycss2.serialize(rule.prelude).strip()}{{{';'.join(written)}}}"
