"""Text: LaTeX specials, math, HTML, encoding damage, Unicode form and capitals."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from citekit.bibfile import BibFile
from citekit.checks import datamodel
from citekit.checks.registry import Edit
from citekit.checks.registry import Options
from citekit.checks.registry import at
from citekit.checks.registry import by_name
from citekit.checks.registry import check
from citekit.checks.registry import fixer
from citekit.checks.registry import index
from citekit.checks.registry import pieces
from citekit.model import Entry
from citekit.model import Problem
from citekit.scanner import Field

# fields that end up typeset by a style; specials there break LaTeX
_TYPESET = datamodel.TEXT_FIELDS | datamodel.NAME_FIELDS


def _parts(f: Field) -> Iterator[tuple[int, str]]:
    """(offset in the file, inner text) of each braced or quoted piece of a value."""
    offset = 0
    for part in pieces(f):
        pos = f.value.find(part, offset)
        offset = pos + len(part)
        if len(part) >= 2 and part[0] in '{"' and part[-1] in '}"':
            yield f.value_start + pos + 1, part[1:-1]


def _text_fields(
    bib: BibFile, names: frozenset[str] | None, hint: re.Pattern[str]
) -> Iterator[tuple[Entry, Field]]:
    """Non-verbatim fields (of ``names``) whose source matches ``hint``: a cheap filter
    first, because most values have nothing to report."""
    if hint is not _TWO_CAPS:  # every other hint is one of the _ODD characters
        candidates = [p for p in _odd_fields(bib) if names is None or p[1].name.lower() in names]
    else:
        assert names is not None
        index = by_name(bib)
        candidates = sorted(
            (pair for name in names for pair in index.get(name, ())),
            key=lambda pair: pair[1].start,
        )
    for entry, f in candidates:
        if hint.search(f.value):
            yield entry, f


def _odd_fields(bib: BibFile) -> list[tuple[Entry, Field]]:
    return index(bib).odd


def _outside_math(text: str) -> str:
    """The text with $...$ blanked out (same length, so offsets stay)."""
    if "$" not in text:
        return text
    return _MATH.sub(_blank, text)


_MATH = re.compile(r"(?<!\\)\$[^$]*(?<!\\)\$")
_UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")


_SPECIAL = re.compile(r"(?<!\\)[&%#]")
# \url{...} and friends take their argument verbatim: # and % belong there
_URL_ARG = re.compile(r"\\(?:url|href|path|nolinkurl)\s*\{[^{}]*\}")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _specials(bib: BibFile) -> Iterator[tuple[Entry, Field, int, str]]:
    for entry, f in _text_fields(bib, _TYPESET, _SPECIAL):
        for pos, inner in _parts(f):
            for m in _SPECIAL.finditer(_URL_ARG.sub(_blank, _outside_math(inner))):
                yield entry, f, pos + m.start(), m.group()


@check("unescaped-special")
def unescaped_special(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """``&``, ``%`` or ``#`` without a backslash in a field LaTeX typesets."""
    for entry, f, pos, ch in _specials(bib):
        yield at(
            bib,
            "unescaped-special",
            pos,
            f"{entry.key}: unescaped {ch!r} in {f.name.lower()}; write \\{ch} "
            "(LaTeX stops with an error, or % hides the rest of the line)",
        )


@fixer("unescaped-special")
def fix_unescaped_special(bib: BibFile, opts: Options) -> Iterator[Edit]:
    for _entry, _f, pos, _ch in _specials(bib):
        yield Edit(pos, pos, "\\")


_DOLLAR = re.compile(r"\$")


@check("unbalanced-math", severity="warning")
def unbalanced_math(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """An odd number of ``$`` in a field: math mode that never ends."""
    for entry, f in _text_fields(bib, None, _DOLLAR):
        for pos, inner in _parts(f):
            dollars = [m.start() for m in _UNESCAPED_DOLLAR.finditer(inner)]
            if len(dollars) % 2:
                yield at(
                    bib,
                    "unbalanced-math",
                    pos + dollars[-1],
                    f"{entry.key}: {f.name.lower()} has an odd number of '$'; "
                    "write \\$ for a dollar sign",
                )


_HTML = re.compile(
    r"&(?:amp|lt|gt|quot|apos|nbsp|ndash|mdash|[a-z]{2,8}|#\d{2,5}|#x[0-9a-f]{2,4});"
    r"|</?(?:i|b|em|strong|sub|sup|span|p|br|div|a|scp|u|tt|mml:\w+)\b[^<>]*>",
    re.IGNORECASE,
)


@check("html", severity="warning")
def html(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """HTML entities (``&amp;``) or tags (``<i>``) in a value."""
    for entry, f in _text_fields(bib, None, _HTML):
        m = _HTML.search(f.value)
        if m:
            yield at(
                bib,
                "html",
                f.value_start + m.start(),
                f"{entry.key}: HTML {m.group()!r} in {f.name.lower()}; "
                "use LaTeX (\\&, \\textit{...}) or plain text",
            )


# UTF-8 bytes decoded as Windows-1252 or Latin-1: a lead byte Ã..ô, then continuation bytes
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile(rf"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]+")


def _repair(run: str) -> str:
    for encoding in ("cp1252", "latin-1"):
        try:
            return run.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
    return ""


@check("mojibake", severity="warning")
def mojibake(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """UTF-8 text that was once decoded as Latin-1 (``Ã©`` for ``é``)."""
    for entry, f in _text_fields(bib, None, _MOJIBAKE):
        for m in _MOJIBAKE.finditer(f.value):
            fixed = _repair(m.group())
            if fixed:
                yield at(
                    bib,
                    "mojibake",
                    f.value_start + m.start(),
                    f"{entry.key}: {m.group()!r} in {f.name.lower()} looks like "
                    f"{fixed!r} garbled by a wrong encoding",
                )
                break


def _not_nfc(bib: BibFile) -> Iterator[tuple[Entry, Field]]:
    for entry, f in index(bib).nonascii:
        if not unicodedata.is_normalized("NFC", f.value):
            yield entry, f


@check("not-nfc", severity="warning")
def not_nfc(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """Unicode not in NFC form (``e`` + combining accent instead of ``é``)."""
    for entry, f in _not_nfc(bib):
        yield at(
            bib,
            "not-nfc",
            f.value_start,
            f"{entry.key}: {f.name.lower()} has decomposed Unicode (not NFC); "
            "it sorts and searches differently from the same text typed directly",
        )


@fixer("not-nfc")
def fix_not_nfc(bib: BibFile, opts: Options) -> Iterator[Edit]:
    for _entry, f in _not_nfc(bib):
        yield Edit(f.value_start, f.value_end, unicodedata.normalize("NFC", f.value))


_TITLES = frozenset({"title", "subtitle"})
_TWO_CAPS = re.compile(r"[A-Z][A-Z0-9]*[A-Z]")
_INNERMOST = re.compile(r"\{[^{}]*\}")
_CAPS_WORD = re.compile(r"(?<![\\\w])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?!\w)")


def _unprotected(inner: str) -> list[str]:
    """All-caps words at brace depth 0 (outside math and commands)."""
    text = _outside_math(inner)
    while "{" in text:  # blank the innermost groups until none is left
        blanked = _INNERMOST.sub(lambda m: " " * len(m.group()), text)
        if blanked == text:
            break
        text = blanked
    return _CAPS_WORD.findall(text.replace("{", " ").replace("}", " "))


@check("unprotected-caps", severity="warning")
def unprotected_caps(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """All-caps words in a title without braces; sentence-case styles lower-case them."""
    for entry, f in _text_fields(bib, _TITLES, _TWO_CAPS):
        for pos, inner in _parts(f):
            words = _unprotected(inner)
            if words:
                shown = ", ".join(dict.fromkeys(words[:5]))
                yield at(
                    bib,
                    "unprotected-caps",
                    pos,
                    f"{entry.key}: {f.name.lower()} has capitals without braces ({shown}); "
                    "write {" + words[0] + "} to keep them",
                )
