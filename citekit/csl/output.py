"""Rendered HTML -> the formats users paste: text, html, markdown, rtf, latex, json.

The engine renders once, as HTML (``<i>``, ``<b>``, small caps, ``<sup>``/``<sub>``,
escaped ``&<>``); each writer walks that small tree. No citeproc here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

FORMATS = ("text", "html", "markdown", "rtf", "latex", "json")


@dataclass(frozen=True)
class Piece:
    """One rendered bibliography entry or citation."""

    key: str
    html: str


# --------------------------------------------------------------------------- a tiny tree


@dataclass
class _Node:
    style: str  # "", "i", "b", "sc", "sup", "sub", "u", "nodecor"
    children: list[_Node | str]


def _style_of(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    if tag in ("i", "em"):
        return "i"
    if tag in ("b", "strong"):
        return "b"
    if tag in ("sup", "sub", "u"):
        return tag
    if tag == "span":
        style = dict(attrs).get("style") or ""
        if "small-caps" in style:
            return "sc"
        if "font-style:normal" in style.replace(" ", ""):
            return "normal"
    return ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("", [])
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.stack[-1].children.append("\n")
            return
        node = _Node(_style_of(tag, attrs), [])
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if len(self.stack) > 1 and tag != "br":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _tree(html: str) -> _Node:
    p = _Parser()
    p.feed(html)
    p.close()
    return p.root


def _walk(node: _Node, text: Callable[[str], str], wrap: Callable[[str, str], str]) -> str:
    out = []
    for child in node.children:
        if isinstance(child, str):
            out.append(text(child))
        else:
            inner = _walk(child, text, wrap)
            out.append(wrap(child.style, inner) if child.style and inner else inner)
    return "".join(out)


# --------------------------------------------------------------------------- writers


def to_text(html: str) -> str:
    return _walk(_tree(html), lambda s: s, lambda style, inner: inner)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def to_markdown(html: str) -> str:
    marks = {"i": "*", "b": "**"}

    def wrap(style: str, inner: str) -> str:
        if style in marks:
            # Markdown emphasis may not start or end with a space
            lead = inner[: len(inner) - len(inner.lstrip())]
            trail = inner[len(inner.rstrip()) :]
            core = inner.strip()
            return f"{lead}{marks[style]}{core}{marks[style]}{trail}" if core else inner
        if style in ("sup", "sub"):
            return f"<{style}>{inner}</{style}>"
        return inner

    return _walk(_tree(html), lambda s: _MD_SPECIAL.sub(r"\\\1", s), wrap)


_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "\u00a0": "~",
}  # fmt: skip


def latex_escape(s: str) -> str:
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in s)


def to_latex(html: str) -> str:
    commands = {
        "i": "emph", "b": "textbf", "sc": "textsc", "sup": "textsuperscript",
        "sub": "textsubscript", "u": "underline", "normal": "textup",
    }  # fmt: skip

    def wrap(style: str, inner: str) -> str:
        return f"\\{commands[style]}{{{inner}}}" if style in commands else inner

    return _walk(_tree(html), latex_escape, wrap)


def rtf_escape(s: str) -> str:
    out = []
    for ch in s:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\line ")
        elif code < 128:
            out.append(ch)
        else:
            # RTF \uN takes a signed 16-bit number; astral characters as surrogate pairs
            for unit in ch.encode("utf-16-le").hex(" ", 2).split():
                n = int.from_bytes(bytes.fromhex(unit), "little")
                out.append(f"\\u{n - 65536 if n > 32767 else n}?")
    return "".join(out)


def to_rtf_fragment(html: str) -> str:
    controls = {"i": "\\i", "b": "\\b", "sc": "\\scaps", "sup": "\\super", "sub": "\\sub",
                "u": "\\ul", "normal": "\\i0"}

    def wrap(style: str, inner: str) -> str:
        return f"{{{controls[style]} {inner}}}" if style in controls else inner

    return _walk(_tree(html), rtf_escape, wrap)


def rtf_document(fragments: Sequence[str]) -> str:
    body = "".join(f"{{\\pard {frag}\\par}}\n" for frag in fragments)
    return "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n" + body + "}\n"


def render(pieces: Sequence[Piece], fmt: str, *, bibliography: bool = True) -> str:
    """All pieces in one format, ready to print (ends with a newline)."""
    if fmt == "json":
        data = [{"key": p.key, "text": to_text(p.html), "html": p.html} for p in pieces]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "rtf":
        return rtf_document([to_rtf_fragment(p.html) for p in pieces])
    if fmt == "html":
        if not bibliography:
            return "".join(f"{p.html}\n" for p in pieces)
        entries = "".join(f'  <div class="csl-entry">{p.html}</div>\n' for p in pieces)
        return f'<div class="csl-bib-body">\n{entries}</div>\n'
    writer = {"text": to_text, "markdown": to_markdown, "latex": to_latex}[fmt]
    sep = "\n\n" if fmt in ("markdown", "latex") and len(pieces) > 1 and bibliography else "\n"
    return sep.join(writer(p.html) for p in pieces) + "\n"
