"""Field values are text with CSL-JSON's few rich-text tags, escaped in HTML output.

citeproc-py copies field values into its HTML verbatim: ``AT&T`` or ``a < b`` make broken
HTML, and ``<i>E. coli</i>`` comes out as literal tags only by luck. Before citeproc-py
reads an item, the tags CSL-JSON allows (``<i> <b> <sup> <sub>``, the small-caps span; the
``nocase`` span stays for citeproc-py's reader) and the characters ``& < >`` become
private-use characters, which no case change or punctuation rule touches; after rendering
they become HTML again. Italics inside italics flip to normal, as citeproc-js does.

Fixtures: flipflop_ItalicsSimple, flipflop_BoldfaceNodeLevelMarkup, flipflop_SmallCaps,
affix_PrefixWithDecorations, bugreports_… (see tests/csl/spec/markup_test.py).
"""

from __future__ import annotations

import re
from typing import Any

from citekit.csl.spec import finish
from citekit.csl.spec import prepare

# One private-use character per tag; none of them has a case or counts as punctuation.
_OPEN = {
    "i": "\ue010", "b": "\ue012", "sup": "\ue014", "sub": "\ue016", "sc": "\ue018",
}
_CLOSE = {
    "i": "\ue011", "b": "\ue013", "sup": "\ue015", "sub": "\ue017", "sc": "\ue019",
}
AMP, LT, GT = "\ue01a", "\ue01b", "\ue01c"
# A field's own straight quotes: only these (not a style's affixes) are quotes to nest.
DQ, SQ = "\ue01d", "\ue01e"
# A field's curly quotes, which open or close by their shape.
LDQ, RDQ, LSQ, RSQ = "\ue01f", "\ue020", "\ue021", "\ue022"
_QUOTES = str.maketrans({'"': DQ, "'": SQ, "“": LDQ, "”": RDQ, "‘": LSQ, "’": RSQ})
# After a quote that ends a field: punctuation the style adds there may move inside it.
FIELD_END = "\ue023"
MARKERS = frozenset(_OPEN.values()) | frozenset(_CLOSE.values()) | {AMP, LT, GT, "\ue023"}

_NOCASE_OPEN = '<span class="nocase">'
_TAG = re.compile(
    r"<(/?)(i|b|sup|sub|sc)>|<span\s+(?:class=\"nocase\"|style=\"font-variant:\s*small-caps;?\")>"
    r"|</span>",
    re.I,
)
# Fields citeproc-py reads as data, not text.
_NOT_TEXT = frozenset({"id", "type", "language"})
# Number fields, where citeproc-py reads "&" as a list separator (and escapes it itself).
_AMP_LISTS = frozenset({
    "page", "page-first", "locator", "volume", "issue", "number", "edition", "chapter-number",
    "collection-number", "number-of-pages", "number-of-volumes",
})


def encode(text: str) -> str:
    """A field value with its rich-text tags and HTML specials as private-use characters."""
    out: list[str] = []
    spans: list[str] = []  # which kind each open <span> is, to close it right
    pos = 0
    for m in _TAG.finditer(text):
        out.append(_escape(text[pos:m.start()]))
        pos = m.end()
        tag = m.group(0).lower()
        if m.group(2):
            name = m.group(2).lower()
            out.append((_CLOSE if m.group(1) else _OPEN)[name])
        elif tag.startswith("</span"):
            if not spans:
                out.append(_escape(m.group(0)))
            elif spans.pop() == "nocase":
                out.append("</span>")
            else:
                out.append(_CLOSE["sc"])
        elif "nocase" in tag:
            spans.append("nocase")
            out.append(_NOCASE_OPEN)
        else:
            spans.append("sc")
            out.append(_OPEN["sc"])
    out.append(_escape(text[pos:]))
    return _end("".join(out))


def mark_quotes(text: str) -> str:
    """Quotes in literal text from a style (``<text value>``) nest like a field's."""
    return _end(text.translate(_QUOTES))


def _end(encoded: str) -> str:
    return encoded + FIELD_END if encoded[-1:] in (DQ, SQ, RDQ, RSQ) else encoded


def _escape(text: str) -> str:
    return text.replace("&", AMP).replace("<", LT).replace(">", GT).translate(_QUOTES)


def _encode_value(value: Any) -> Any:
    if isinstance(value, str):
        return encode(value)
    if isinstance(value, list):
        return [_encode_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode_value(v) if k != "date-parts" else v for k, v in value.items()}
    return value


@prepare(50)
def encode_fields(item: dict[str, Any]) -> None:
    for key, value in item.items():
        if key in _AMP_LISTS and isinstance(value, str):
            item[key] = encode(value).replace(AMP, "&")
        elif key not in _NOT_TEXT:
            item[key] = _encode_value(value)


_DECODE = re.compile("[\ue010-\ue023]|<(/?)i>")
_ITALIC_OFF = '<span style="font-style:normal;">'
_TAGS = {
    "\ue012": "<b>", "\ue013": "</b>", "\ue014": "<sup>", "\ue015": "</sup>",
    "\ue016": "<sub>", "\ue017": "</sub>", "\ue018": '<span style="font-variant:small-caps;">',
    "\ue019": "</span>", AMP: "&amp;", LT: "&lt;", GT: "&gt;", DQ: '"', SQ: "'",
    LDQ: "“", RDQ: "”", LSQ: "‘", RSQ: "’", FIELD_END: "",
}


@finish(90)
def decode(html: str, root: Any) -> str:
    """Markers back to HTML; italics in an italic context turn upright."""
    if not any(c in html for c in _TAGS) and "\ue010" not in html and "\ue011" not in html:
        return html
    italic = 0  # depth of style-made <i> around here
    stack: list[str] = []  # what each open field <i> printed
    out: list[str] = []
    pos = 0
    for m in _DECODE.finditer(html):
        out.append(html[pos:m.start()])
        pos = m.end()
        token = m.group(0)
        if m.group(1) is not None:  # the style's own <i>…</i>
            italic += -1 if m.group(1) else 1
            out.append(token)
        elif token == _OPEN["i"]:
            tag = _ITALIC_OFF if (italic + len(stack)) % 2 else "<i>"
            stack.append(tag)
            out.append(tag)
        elif token == _CLOSE["i"]:
            out.append("</span>" if stack and stack.pop() == _ITALIC_OFF else "</i>")
        else:
            out.append(_TAGS[token])
    out.append(html[pos:])
    return "".join(out)
