"""Walkthroughs load only the notebook styling they use (keras_kb/site_build/notebook_css.py)."""

from keras_kb.site_build.notebook_css import used_css

CSS = """
:root { --jp-used: 1px; --jp-chain: var(--jp-used); --jp-unused: 2px; }
.jp-Cell { margin: var(--jp-chain); }
.jp-Cell:hover { color: red; }
.jp-Terminal { color: blue; }
.jp-Cell, .jp-Terminal { padding: 0; }
@media print { .jp-Cell { color: black; } .jp-Dialog { color: green; } }
@media print { .jp-Dialog { color: green; } }
@keyframes spin { to { transform: rotate(1turn); } }
div:nth-last-of-type(2n of .x) { color: pink; }
[data-md-color-scheme=slate] .jp-Cell { color: white; }
[data-md-color-scheme=slate] .jp-Terminal { color: gray; }
"""
HTML = '<div class="jupyter-wrapper"><div class="jp-Cell">x</div></div>'


def test_rules_for_elements_on_the_page_are_kept():
    kept = used_css(CSS, HTML)
    assert ".jp-Cell{margin:var(--jp-chain)}" in kept
    assert ".jp-Cell:hover{color:red}" in kept  # pseudo-classes do not count against a rule
    assert ".jp-Cell, .jp-Terminal{padding:0}" in kept  # one selector of the list matches
    assert "@media print{.jp-Cell{color:black}}" in kept
    assert "@keyframes spin" in kept
    assert "[data-md-color-scheme=slate] .jp-Cell{color:white}" in kept  # dark scheme: on <body>


def test_rules_for_absent_elements_and_unused_variables_go():
    kept = used_css(CSS, HTML)
    assert "color:blue" not in kept and ".jp-Dialog" not in kept and "gray" not in kept
    assert "--jp-used:1px" in kept and "--jp-chain:var(--jp-used)" in kept  # used transitively
    assert "--jp-unused" not in kept


def test_a_selector_it_cannot_evaluate_is_kept():
    assert "color:pink" in used_css(CSS, HTML)


def test_built_walkthroughs_load_a_small_stylesheet(built_site):
    sheets = sorted((built_site / "assets/notebooks").glob("*.css"))
    assert sheets, "no notebook stylesheet was written"
    sizes = {sheet.name: sheet.stat().st_size for sheet in sheets}
    assert max(sizes.values()) < 60_000, f"notebook stylesheets larger than 60 KB: {sizes}"
