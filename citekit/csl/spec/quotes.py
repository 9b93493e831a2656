"""Quotes nest (flip-flop), punctuation moves inside them, apostrophes are typographic.

citeproc-py prints ``quotes="true"`` as the outer quote terms whatever they enclose,
leaves a title's own ``"…"`` and ``'…'`` straight, and ignores the locale's
``punctuation-in-quote``. Here ``<text quotes="true">`` only marks where its quotes go;
after rendering, every quote (the style's and the straight ones in field values) gets the
outer or inner locale term by its nesting depth, a following ``.`` ``,`` ``!`` ``?``
moves inside a closing quote when the locale asks for it, and an apostrophe becomes
``’``.

Two citekit extension attributes on the style's root (ignored by other processors) keep
a house style's text as entered: ``citekit:typographic-apostrophes="false"`` prints the
straight quote characters of fields (``'`` and ``"``) exactly as stored, and
``citekit:merge-punctuation="false"`` moves no punctuation into quotes (see also
``spec.punctuation``).

Punctuation that a ``<text value>`` prints on its own (IEEE's ``<text value="."/>`` after a
quoted title with no journal) stays outside the quotes, as citeproc-js 2.4.63 prints it
(``“Title”.``); a value that goes on (``". Next"``), an affix or a delimiter moves in.

Fixtures: quotes_Punctuation, quotes_PunctuationNasty, quotes_PunctuationWithInnerQuote,
affix_CommaAfterQuote, affix_MovingPunctuation, affix_SpaceWithQuotes,
punctuation_FullMontyQuotesIn, magic_PunctuationInQuoteDefaultEnglishDelimiter,
magic_PunctuationInQuoteNested, flipflop_Apostrophes, flipflop_OrphanQuote,
decorations_NestedQuotes, punctuation_FrenchOrthography…
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.string import String

from citekit.csl.spec import citekit_option
from citekit.csl.spec import element
from citekit.csl.spec import finish
from citekit.csl.spec.markup import DQ
from citekit.csl.spec.markup import FIELD_END
from citekit.csl.spec.markup import FIELD_START
from citekit.csl.spec.markup import LDQ
from citekit.csl.spec.markup import LSQ
from citekit.csl.spec.markup import RDQ
from citekit.csl.spec.markup import RSQ
from citekit.csl.spec.markup import SQ
from citekit.csl.spec.punctuation import merge

OPEN, CLOSE = "\ue000", "\ue001"
# Around each closing quote printed, so punctuation can be moved in afterwards.
_CLOSING, _CLOSED = "\ue002", "\ue003"
# Before punctuation printed by a <text value> of its own: it does not move into quotes.
_STAYS = "\ue032"
_PUNCTUATION_ONLY = re.compile(r"^[.,;:!?]+$")


@element("text")
class Text(model.Text):
    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() == "true":
            return String(OPEN) + string + String(CLOSE)
        return string

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        text, language = super().process(item, context=context, **kwargs)
        if text is not None and _PUNCTUATION_ONLY.match(self.get("value", "")):
            text = String(_STAYS) + text
        return text, language


class _Terms:
    def __init__(self, root: Any) -> None:
        def term(name: str) -> str:
            return str(root.get_single_term(name))

        self.open = (term("open-quote"), term("open-inner-quote"))
        self.close = (term("close-quote"), term("close-inner-quote"))
        self.inside = (str(root.get_locale_option("punctuation-in-quote")).lower() == "true"
                       and citekit_option(root, "merge-punctuation") != "false")
        straight = citekit_option(root, "typographic-apostrophes") == "false"
        self.apostrophe = "'" if straight else "’"


def _terms(root: Any) -> _Terms:
    cached = getattr(root, "_citekit_quotes", None)
    if cached is None:
        cached = _Terms(root)
        root._citekit_quotes = cached
    return cached


_QUOTE_MARKERS = frozenset({DQ, SQ, LDQ, RDQ, LSQ, RSQ})


def _skip(c: str) -> bool:
    """Markers (tags, blocks, terms) are invisible to a quote's neighbours; quotes are not."""
    return "\ue000" <= c <= "\uf8ff" and c not in _QUOTE_MARKERS
_OPENS_AFTER = f" \u00a0([{{\u2014\u2013-/{OPEN}{DQ}{SQ}{LDQ}{LSQ}\"'“‘"


def _neighbours(text: str, i: int) -> tuple[str, str]:
    """The visible characters before and after ``text[i]`` (tags and markers skipped)."""
    j = i - 1
    while j >= 0:
        if text[j] == ">":
            j = text.rfind("<", 0, j) - 1
        elif _skip(text[j]):
            j -= 1
        else:
            break
    k = i + 1
    while k < len(text):
        if text[k] == "<":
            end = text.find(">", k)
            k = len(text) if end < 0 else end + 1
        elif _skip(text[k]):
            k += 1
        else:
            break
    return (text[j] if j >= 0 else ""), (text[k] if k < len(text) else "")


# Only closing quotes stand between here and the end of the field.
_FIELD_EDGE = re.compile(f"[{DQ}{SQ}{RDQ}{RSQ}]*{FIELD_END}")


def _nest(html: str, t: _Terms) -> str:
    out: list[str] = []
    stack: list[str] = []
    opened: list[tuple[int, str]] = []  # per open quote: its place in `out`, text if orphaned
    typographic = t.apostrophe == "’"

    def open_(kind: str, glyph: str = "", orphan: str = "") -> None:
        # A field's curly quote outside any other keeps its glyph (citeproc-js does).
        opened.append((len(out), orphan or glyph))
        out.append(glyph if glyph and not stack else t.open[len(stack) % 2])
        stack.append(kind)

    def close(kind: str, at: int, glyph: str = "") -> None:
        while stack and stack.pop() != kind:
            opened.pop()
        if opened:
            opened.pop()
        mark = glyph if glyph and not stack else t.close[len(stack) % 2]
        # Only a seam moves punctuation: the style's quotes, or a quote ending a field.
        if kind == OPEN or _FIELD_EDGE.match(html, at + 1):
            mark = _CLOSING + mark + _CLOSED
        out.append(mark)

    i = 0
    while i < len(html):
        c = html[i]
        if c == "<":
            end = html.find(">", i)
            end = len(html) - 1 if end < 0 else end
            out.append(html[i:end + 1])
            i = end + 1
            continue
        starts = i > 0 and html[i - 1] == FIELD_START
        if c in (FIELD_END, FIELD_START):
            pass
        elif c == OPEN:
            open_(OPEN)
        elif c == CLOSE:
            close(OPEN, i)
        elif c == DQ and not typographic:
            out.append('"')
        elif c == DQ:
            before, after = _neighbours(html, i)
            if stack and stack[-1] == DQ and before.strip():
                close(DQ, i)
            elif (starts or not before or before in _OPENS_AFTER) and after.strip():
                open_(DQ, orphan='"')
            elif DQ in stack and before.strip():
                close(DQ, i)
            else:
                out.append('"')
        elif c == LDQ:
            open_(DQ, "“")
        elif c == RDQ and DQ in stack:
            close(DQ, i, "”")
        elif c == RDQ:
            out.append("”")
        elif c == LSQ and typographic:
            open_(SQ, "‘")
        elif c in (SQ, LSQ, RSQ) and not typographic:
            out.append({SQ: "'", LSQ: "‘", RSQ: "’"}[c])
        elif c in (SQ, RSQ):
            before, after = _neighbours(html, i)
            if (before.isalnum() and after.isalpha()) or after.isdigit():
                # Inside a word (Chief's) or an elision of digits ('09).
                out.append(t.apostrophe)
            elif stack and stack[-1] == SQ and not after.isalnum():
                close(SQ, i, "’" if c == RSQ else "")
            elif (c == SQ and (starts or not before or before in _OPENS_AFTER) and after.strip()
                  and after not in (SQ, RSQ)):  # a run of single quotes is apostrophes
                open_(SQ, orphan=t.apostrophe)
            elif SQ in stack:
                close(SQ, i, "’" if c == RSQ else "")
            else:
                out.append(t.apostrophe)
        else:
            out.append(c)
        i += 1
    # A quote never closed was not a quote: print it as the field wrote it.
    for at, text in opened:
        if text:
            out[at] = text
    return "".join(out)


# Closing quotes, any closing tags after them, then the marks that follow.
_MOVE_IN = re.compile(
    f"((?:{_CLOSING}[^{_CLOSED}]*{_CLOSED})+)((?:</[a-z]+>|[\ue004-\ue031\ue033-\uf8ff])*)"
    "([.,;:!?]+)"
)
_BEFORE = re.compile(r"[.,;:!?]$")


def _move_in(html: str) -> str:
    def move(m: re.Match[str]) -> str:
        run = m.group(3)[0]
        for mark in m.group(3)[1:]:  # the marks meet each other first (":" + "!" -> "!")
            run = run[:-1] + merge(run[-1], mark)
        cut = next((n for n, c in enumerate(run) if c in ";:"), len(run))
        marks, outside = run[:cut], run[cut:]
        last = _BEFORE.search(m.string[:m.start()])
        if last and marks:
            # Merged with the mark already inside, which stays where it is.
            joined = last.group(0)
            for mark in marks:
                joined = joined[:-1] + merge(joined[-1], mark)
            marks = joined[1:]
        return marks + m.group(1) + m.group(2) + outside

    return _AFTER_INSIDE.sub(_merge_after, _MOVE_IN.sub(move, html))


# A colon or semicolon after closing quotes meets the mark now inside them.
_AFTER_INSIDE = re.compile(
    f"([.,;:!?])((?:{_CLOSING}[^{_CLOSED}]*{_CLOSED})+(?:</[a-z]+>)*)([;:])")


def _merge_after(m: re.Match[str]) -> str:
    if merge(m.group(1), m.group(3)) == m.group(1):
        return m.group(1) + m.group(2)
    return m.group(0)


# Guillemets hold their text with narrow no-break spaces ("« Anonymous »"), as
# citeproc-js prints them, so a line never breaks inside.
_GUILLEMET_SPACES = re.compile(r"(?<=«) | (?=»)")


@finish(10)
def quotes(html: str, root: Any) -> str:
    t = _terms(root)
    if t.apostrophe == "’" and ("«" in html or "»" in html):
        html = _GUILLEMET_SPACES.sub("\u202f", html)
    if not any(q in html for q in (OPEN, DQ, SQ, LDQ, RDQ, LSQ, RSQ)):
        return html.replace(_STAYS, "")
    html = _nest(html, t)
    if t.inside:
        html = _move_in(html)
    return html.replace(_CLOSING, "").replace(_CLOSED, "").replace(_STAYS, "")
