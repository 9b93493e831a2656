"""``page-range-format`` as CSL 1.0.2 defines it, for pages and page locators.

citeproc-py's chicago rule misses the 15th edition's four-digit case (1496–1504) and
abbreviates where the rule expands (100–104, 600–613); it has no ``chicago-16``;
``expanded`` does not expand "321-28"; and locators print as typed ("100 - 103"). A
range whose end does not rise past its start ("440-440", "450-440", "440-40" read as
440-440) is printed as written, with the range delimiter, as citeproc-js 2.4.63 does.

A page value with a part that is not a number ("23:1-23:29", an article number and its
pages; "1,3-5" with no space after the comma) is printed as written, hyphen and all, and
its label is singular ("p. 23:1-23:29"), as citeproc-js 2.4.63 reads it. When the format
shortens ranges (chicago, minimal, minimal-two), a prefix both ends share is printed once
("R39–41", "e1–9"); ``expanded`` keeps it ("R39–R41").

Fixtures: page_Chicago, page_Chicago16, page_ChicagoWeird, page_Expand,
page_ExpandWeirdComposite, page_Minimal, locator_SimpleLocators, locator_WithLeadingSpace,
label_CollapsedPageNumberPluralDetection, label_PluralWithLocalizedAmpersand.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.string import String

from citekit.csl.spec import element


def last_page(first: str, last: str, form: str | None) -> str:
    """The second number of the range ``first``-``last`` under ``form``."""
    if not (first.isdigit() and last.isdigit()) or form is None:
        return last
    written = last
    if len(last) < len(first):
        last = first[:len(first) - len(last)] + last
    if int(last) <= int(first):
        return written  # not a rising range ("440-440", "450-440"): printed as written
    if len(last) != len(first):
        return last
    common = 0
    while common < len(first) and first[common] == last[common]:
        common += 1
    number = int(first)
    if form in ("chicago", "chicago-15", "chicago-16"):
        if number < 100 or number % 100 == 0:
            form = "expanded"
        elif number % 100 < 10:
            form = "minimal"
        elif form != "chicago-16" and len(first) == 4 and len(first) - common >= 3:
            form = "expanded"
        else:
            form = "minimal-two"
    if form == "minimal":
        return last[common:]
    if form == "minimal-two":
        return last[min(common, len(last) - 2):]
    return last


_SEPARATOR = re.compile(r"\s*([,;&])\s*")
# How citeproc-js cuts a page value into numbers: "&", "and", "; ", ", " and hyphens.
_JOINERS = re.compile(r"\s*&\s*|,?\s+and\s+|;\s+|,\s+|\s*[-\u2013]+\s*")
_NUMBERISH = re.compile(r"^(?:(?:\d*[A-Za-z]+0*)?\d+[A-Za-z]*|[ivxlcdmIVXLCDM]+)$")


# Number variables whose ranges take a locale's range term, as in citeproc-js 2.4.63
# (AMA sets page-range-delimiter to "-": "138(1-3)").
_RANGE_TERM = {
    "page": "page-range-delimiter", "page-first": "page-range-delimiter",
    "locator": "page-range-delimiter", "issue": "page-range-delimiter",
    "volume": "page-range-delimiter", "edition": "page-range-delimiter",
    "number": "page-range-delimiter", "collection-number": "year-range-delimiter",
}


def range_delimiter(element: Any, variable: str) -> str:
    """What joins the two ends of a numeric range of ``variable``: the locale's term for
    it (default an en dash)."""
    term = _RANGE_TERM.get(variable)
    if term is None:
        return "\u2013"
    return str(element.get_single_term(term) or "\u2013")


def as_written(value: Any) -> bool:
    """A page value citeproc-js does not read as numbers: printed as is, label singular."""
    text = str(value).strip().replace("\\-", "")  # an escaped hyphen joins one number
    parts = [p for p in _JOINERS.split(text) if p]
    return bool(parts) and not all(_NUMBERISH.match(p) for p in parts)
_RANGE = re.compile(r"^(\S+?)\s*[-\u2013]\s*(\S+)$")
_AFFIXED = re.compile(r"^(.*?)(\d+)$")
_ROMAN = re.compile(r"^[ivxlcdm]+$", re.I)
_LETTERED = re.compile(r"^\d+[a-z]+$")


class _PageRanges:
    def _format_last_page(self, first: str, last: str) -> str:
        form = self.get_root().get("page-range-format")  # type: ignore[attr-defined]
        return last_page(first, last, form)

    def _process(self, value: Any, variable: str, *, locator: bool = False) -> Any:
        """Each range of a list ("1-5, 7 & 9-12") formatted, the rest printed as written."""
        if variable == "page" and not locator and as_written(value):
            return String(str(value).strip())
        out = []
        for n, piece in enumerate(_SEPARATOR.split(str(value).strip())):
            if n % 2:
                out.append(f"{piece} " if piece in ",;" else f" {self._ampersand()} ")
            elif piece:
                out.append(self._range(piece, variable))
        return String("".join(out))

    def _ampersand(self) -> str:
        """The locale's "and" symbol (``&`` unless the locale says otherwise)."""
        term = self.get_term("and", "symbol")  # type: ignore[attr-defined]
        return str(term.single) if term is not None else "&amp;"

    def _range(self, piece: str, variable: str) -> str:
        fmt = self.format_number  # type: ignore[attr-defined]
        if "\\-" in piece:  # an escaped hyphen is part of the number ("3\-B")
            return str(fmt(piece.replace("\\-", "-")))
        m = _RANGE.match(piece)
        if not m:
            return str(fmt(piece))
        first, last = m.groups()
        if variable == "page-first":
            return str(fmt(first))
        delimiter = range_delimiter(self, variable)
        if _ROMAN.match(first) and _ROMAN.match(last):
            return f"{fmt(first)}{delimiter}{fmt(last)}"
        if _LETTERED.match(first) and _LETTERED.match(last):
            return f"{first}{delimiter}{last}"  # "5a-5c": a range, never shortened
        a, b = _AFFIXED.match(first), _AFFIXED.match(last)
        if not (a and b):
            return piece  # "Michaelson-Morely" is a name, not a range
        if a.group(1) != b.group(1):
            return f"{first}-{last}"  # different prefixes: not a range to format
        prefix, low, high = a.group(1), a.group(2), b.group(2)
        if variable == "page":
            high = self._format_last_page(low, high)
        form = self.get_root().get("page-range-format")  # type: ignore[attr-defined]
        shortens = variable == "page" and form not in (None, "expanded")
        if len(high) >= len(low) and not (prefix and shortens):
            high = prefix + high  # a full second number keeps its prefix
        return f"{prefix}{fmt(low)}{delimiter}{fmt(high) if high.isdigit() else high}"


@element("text")
class Text(_PageRanges, model.Text):
    def _variable(self, item: Any, context: Any) -> Any:
        if self.get("variable") == "locator" and item.has_locator:
            # A page locator is a page range; any other locator is still a number range.
            label = "page" if item.locator.label == "page" else "locator"
            return self._process(str(item.locator.identifier).strip(), label, locator=True)
        return super()._variable(item, context)


@element("number")
class Number(_PageRanges, model.Number):
    pass
