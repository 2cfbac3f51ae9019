"""Render arithmatex's TeX to MathML at build time: math without JavaScript or a CDN.

pymdownx.arithmatex (generic mode) marks formulas as ``\\(...\\)`` / ``\\[...\\]`` spans and divs;
latex2mathml turns each into MathML, which browsers render natively.
"""

import html
import re

from latex2mathml.converter import convert

INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)


def tex_to_mathml(tex: str, display: str) -> str:
    return convert(html.unescape(tex).strip(), display=display)


def on_page_content(content, **kwargs):
    content = BLOCK.sub(
        lambda m: f'<div class="arithmatex">{tex_to_mathml(m[1], "block")}</div>', content
    )
    return INLINE.sub(
        lambda m: f'<span class="arithmatex">{tex_to_mathml(m[1], "inline")}</span>', content
    )
