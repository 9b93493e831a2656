"""Field values are text with CSL-JSON's few rich-text tags, escaped in HTML output.

citeproc-py copies field values into its HTML verbatim: ``AT&T`` or ``a < b`` make broken
HTML, and ``<i>E. coli</i>`` comes out as literal tags only by luck. Before citeproc-py
reads an item, the tags CSL-JSON allows (``<i> <b> <sup> <sub>``, the small-caps span; the
``nocase`` span stays for citeproc-py's reader) and the characters ``& < >`` become
private-use characters, which no case change or punctuation rule touches; after rendering
they become HTML again. Italics inside italics flip to normal, as citeproc-js does.

Fixtures: flipflop_ItalicsSimple, flipflop_ItalicsFlipped, flipflop_BoldfaceNodeLevelMarkup,
flipflop_SmallCaps, flipflop_ItalicsWithOk, decorations_SimpleFlipFlop,
affix_PrefixWithDecorations, sort_StripMarkup.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.string import String

from citekit.csl.spec import element
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
# Before a quote that starts a field: it opens, whatever the style printed before it.
FIELD_START = "\ue02b"
# Between two punctuation marks a field writes side by side ("Style?: A Functional …"):
# they are the field's text, and only marks from different sources merge.
SIDE_BY_SIDE = "\ue02c"
MARKERS = frozenset(_OPEN.values()) | frozenset(_CLOSE.values()) | {
    AMP, LT, GT, "\ue023", "\ue024", "\ue025", "\ue026", "\ue027", "\ue028", "\ue029",
    "\ue02a", "\ue02b", SIDE_BY_SIDE}
_MARK_PAIR = re.compile(r"([.,;:!?])(?=[.,;:!?])")

NODECOR_OPEN, NODECOR_CLOSE = "\ue024", "\ue025"
# A style's explicit font-style/font-weight/font-variant="normal" (spec.decorations).
NORMAL_OPEN = {"i": "\ue026", "b": "\ue027", "sc": "\ue028", "sup": "\ue02a"}
NORMAL_CLOSE = "\ue029"
_NOCASE_OPEN = '<span class="nocase">'
_TAG = re.compile(
    r"<(/?)(i|b|sup|sub|sc)>"
    r"|<span\s+(?:class=\"(?:nocase|nodecor)\"|style=\"font-variant:\s*small-caps;?\")>|</span>",
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
            else:
                out.append({"nocase": "</span>", "nodecor": NODECOR_CLOSE}.get(
                    spans.pop(), _CLOSE["sc"]))
        elif "nocase" in tag:
            spans.append("nocase")
            out.append(_NOCASE_OPEN)
        elif "nodecor" in tag:
            spans.append("nodecor")
            out.append(NODECOR_OPEN)
        else:
            spans.append("sc")
            out.append(_OPEN["sc"])
    out.append(_escape(text[pos:]))
    return _end("".join(out))


_EDGE_QUOTES = re.compile(
    f"^((?:{re.escape(_NOCASE_OPEN)})?)([{DQ}{SQ}{LDQ}{LSQ}])"
    f"|([{DQ}{SQ}{RDQ}{RSQ}])((?:</span>)?)$")


def _end(encoded: str) -> str:
    """Mark a quote at either end of a field (past a nocase span) as the field's edge."""
    def mark(m: re.Match[str]) -> str:
        if m.group(2):
            return m.group(1) + FIELD_START + m.group(2)
        return m.group(3) + FIELD_END + m.group(4)

    return _EDGE_QUOTES.sub(mark, encoded)


def _escape(text: str) -> str:
    return text.replace("&", AMP).replace("<", LT).replace(">", GT).translate(_QUOTES)


def _side_by_side(text: str) -> str:
    if any(c in text for c in "!?:;"):  # the marks that merge with a mark after them
        return _MARK_PAIR.sub(r"\1" + SIDE_BY_SIDE, text)
    return text


def _encode_value(value: Any) -> Any:
    if isinstance(value, str):
        return encode(value)
    if isinstance(value, list):
        return [_encode_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode_value(v) if k != "date-parts" else v for k, v in value.items()}
    return value


@element("text")
class Text(model.Text):
    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        text, language = super().process(item, context, **kwargs)
        if "value" in self.attrib and "variable" not in self.attrib and text:
            # A literal value is rich text like a field's (affixes are not).
            text = String(encode(self.get("value")))
        return text, language


@prepare(50)
def encode_fields(item: dict[str, Any]) -> None:
    for key, value in item.items():
        if key in _AMP_LISTS and isinstance(value, str):
            item[key] = encode(value).replace(AMP, "&")
        elif isinstance(value, str) and key not in _NOT_TEXT:
            item[key] = _side_by_side(encode(value))
        elif key not in _NOT_TEXT:
            item[key] = _encode_value(value)


_DECODE = re.compile("[\ue010-\ue02c]|</?(?:i|b|sup|sub)>|<span[^>]*>|</span>")
_ON = {"i": "<i>", "b": "<b>", "sc": '<span style="font-variant:small-caps;">'}
_OFF = {
    "i": '<span style="font-style:normal;">', "b": '<span style="font-weight:normal;">',
    "sc": '<span style="font-variant:normal;">',
    "sup": '<span style="baseline">',  # sic: what citeproc-js prints for baseline
}
_CLOSES = {"<i>": "</i>", "<b>": "</b>"}
_STYLE_TAGS = {"<i>": "i", "<b>": "b", '<span style="font-variant:small-caps;">': "sc",
               "<sup>": "sup", "<sub>": "sup"}
_FIELD_OPEN = {_OPEN["i"]: "i", _OPEN["b"]: "b", _OPEN["sc"]: "sc"}
_FIELD_CLOSE = frozenset({_CLOSE["i"], _CLOSE["b"], _CLOSE["sc"], NODECOR_CLOSE, NORMAL_CLOSE})
_NORMAL = {c: kind for kind, c in NORMAL_OPEN.items()}
_TAGS = {
    "\ue014": "<sup>", "\ue015": "</sup>", "\ue016": "<sub>", "\ue017": "</sub>",
    AMP: "&amp;", LT: "&lt;", GT: "&gt;", DQ: '"', SQ: "'",
    LDQ: "“", RDQ: "”", LSQ: "‘", RSQ: "’", FIELD_END: "", FIELD_START: "", SIDE_BY_SIDE: "",
}


@finish(90)
def decode(html: str, root: Any) -> str:
    """Markers back to HTML. Field italics, bold or small caps inside the same decoration
    flip to normal, and a ``nodecor`` span undoes every decoration around it."""
    if not any("\ue010" <= c <= "\ue02c" for c in html):
        return html
    active = {"i": False, "b": False, "sc": False, "sup": False}
    style: list[tuple[str, bool] | None] = []  # per open style tag: (kind, state before)
    field: list[tuple[str, list[tuple[str, bool]]]] = []  # closing HTML, states to restore
    out: list[str] = []
    pos = 0
    for m in _DECODE.finditer(html):
        out.append(html[pos:m.start()])
        pos = m.end()
        token = m.group(0)
        if token.startswith("<"):
            out.append(token)
            if token.startswith("</"):
                entry = style.pop() if style else None
                if entry:
                    active[entry[0]] = entry[1]
            else:
                kind = _STYLE_TAGS.get(token)
                style.append((kind, active[kind]) if kind else None)
                if kind:
                    active[kind] = True
        elif token in _FIELD_OPEN:
            kind = _FIELD_OPEN[token]
            tag = _OFF[kind] if active[kind] else _ON[kind]
            field.append((_CLOSES.get(tag, "</span>"), [(kind, active[kind])]))
            active[kind] = not active[kind]
            out.append(tag)
        elif token in _NORMAL:  # normal inside that decoration turns it off, else nothing
            kind = _NORMAL[token]
            was = active[kind]
            out.append(_OFF[kind] if was else "")
            field.append(("</span>" if was else "", [(kind, was)]))
            active[kind] = False
        elif token == NODECOR_OPEN:
            kinds = [k for k, on in active.items() if on]
            out.extend(_OFF[k] for k in kinds)
            field.append(("</span>" * len(kinds), [(k, True) for k in kinds]))
            for k in kinds:
                active[k] = False
        elif token in _FIELD_CLOSE and field:
            closing, restore = field.pop()
            out.append(closing)
            for k, state in restore:
                active[k] = state
        elif token in _FIELD_CLOSE:  # a field's stray closing tag is text, as it was written
            out.append({_CLOSE["i"]: "</i>", _CLOSE["b"]: "</b>"}.get(token, "</span>"))
        else:
            out.append(_TAGS[token])
    out.append(html[pos:])
    return "".join(out)
