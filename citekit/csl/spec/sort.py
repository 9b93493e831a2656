"""``<sort>`` and ``<key>``: sort keys as CSL 1.0.2 "Sorting" defines them.

citeproc-py passes the ``names-min``/``names-use-first`` and ``name-as-sort-order="all"``
overrides only to a ``<names>`` directly inside the key's macro (not through nested macros,
as in APA's ``author-sort``), compares rendered markup and quotes, orders by accented
letters' code points (``Aksın`` after ``Aristotle``), renders dates inside macros as text
(``October 2004`` before ``May 2004``), and sorts a name variable it does not know
(``director``) by the string of a Python list. Here keys are collation strings (accents
folded, markup and leading punctuation dropped), dates give their ``YYYYMMDD`` key, numbers
compare as numbers, and an item with an empty key goes last in either direction.

Fixtures: sort_NameVariable, sort_NamesUseLast, sort_DateVariableRange,
sort_StatusFieldAscending, sort_VariousNameMacros1, sort_LeadingApostropheOnNameParticle,
name_ParseNames, name_HyphenatedNonDroppingParticle1.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from citeproc import model
from citeproc.source import Date
from citeproc.source import DateRange
from citeproc.source import LiteralDate
from citeproc.source import VariableError
from citeproc.string import String

from citekit.csl.spec import element
from citekit.csl.spec import markup
from citekit.csl.spec.disambiguate import SORTED
from citekit.csl.spec.name import SORTING
from citekit.csl.spec.name import parts_of
from citekit.csl.spec.names import CURRENT_LAYOUT
from citekit.csl.spec.variables import is_name_variable

_TAG = re.compile(r"<[^>]+>")
_LEAD = re.compile(r"^[\W_]+", re.UNICODE)
# Quotes are decoration, not content: a quoted article title sorts with its plain twin.
# Private-use characters are the placeholders of markup.py and quotes.py.
_QUOTES = re.compile('["“”«»‹›„\ue000-\uf8ff]')
_APOSTROPHES = "'‘’‚" + markup.SQ + markup.RSQ + markup.LSQ
_NUMBER = re.compile(r"^\s*(-?\d+)")


def collate(text: str) -> str:
    """A key that orders text as a reader expects: no markup, accents folded, caseless."""
    import html

    text = html.unescape(_TAG.sub("", text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ı", "i").replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    text = _QUOTES.sub("", "".join(" " if c in _APOSTROPHES else c for c in text))
    # Punctuation does not order (as in citeproc-js's collator): "Title, A" before
    # "Title B"; an apostrophe parts words ("d’Wander" sorts as "d wander").
    text = "".join(
        c if c.isalnum() or c.isspace() or c in "\x01\x02" else (" " if c in _APOSTROPHES else "")
        for c in text
    )
    return " ".join(text.casefold().split())


def sort_options(element: Any) -> dict[str, Any] | None:
    """The name overrides of the sort key now being computed, if any."""
    root = element.get_root()
    value = getattr(root, SORTING, None)
    return value if isinstance(value, dict) else None


def date_key(date: Any, parts: Sequence[str] = ("year", "month", "day")) -> str | None:
    if isinstance(date, DateRange):
        begin = date_key(dict.get(date, "begin"), parts)
        end = dict.get(date, "end")
        end_key = date_key(end, parts) if end is not None and not end.is_nil() else None
        return begin if end_key is None else f"{begin}-{end_key}"
    if isinstance(date, LiteralDate):
        return collate(str(date.text))
    if isinstance(date, Date):
        year = int(dict.get(date, "year", 0) or 0)
        month = dict.get(date, "month", 0) if "month" in parts else 0
        day = dict.get(date, "day", 0) if "day" in parts else 0
        month = month if isinstance(month, int) else 0
        day = day if isinstance(day, int) else 0
        return f"{year + 10000:05}{month:02}{day:02}"
    return None


def name_key(names: Sequence[Any], demote: str) -> str:
    """Family first, then given and particles, name after name."""
    out = []
    for name in names:
        p = parts_of(name)
        if "literal" in p or "family" not in p:
            out.append(collate(p.get("literal") or p.get("given", "")))
            continue
        ndp = p.get("non-dropping-particle", "")
        family = p["family"] if demote != "never" else f"{ndp} {p['family']}"
        given = " ".join(
            filter(
                None, (p.get("given"), p.get("dropping-particle"), ndp if demote != "never" else "")
            )
        )
        out.append("\x01".join(collate(x) for x in (family, given, p.get("suffix", ""))))
    return "\x02".join(out)


@element("key")
class Key(model.Key):
    def key_for(self, item: Any, context: Any) -> Any:
        variable = self.get("variable")
        if variable is not None:
            return self._variable_key(item, variable)
        options: dict[str, Any] = {"name-as-sort-order": "all"}
        for option in ("names-min", "names-use-first", "names-use-last"):
            if option in self.attrib:
                options[option.replace("names", "et-al")] = self.get(option)
        layout = context.get_layout()
        layout.repressed = {}
        root = self.get_root()
        outer = getattr(root, CURRENT_LAYOUT, None)
        setattr(root, SORTING, options)
        setattr(root, CURRENT_LAYOUT, layout)
        try:
            text = self.get_macro(self.get("macro")).render(
                item, context=context, sort_options=options
            )
        except VariableError:
            text = None
        finally:
            setattr(root, SORTING, None)
            setattr(root, CURRENT_LAYOUT, outer)
        key = collate(str(text)) if text is not None else ""
        return key or None

    def _variable_key(self, item: Any, variable: str) -> Any:
        python = variable.replace("-", "_")
        if variable == "citation-number":
            return item.number
        value = item.reference.get(python)
        if value is None or (isinstance(value, str) and not value):
            return None
        if is_name_variable(variable):
            if not isinstance(value, list):
                return None
            demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
            return name_key(value, demote) or None
        if isinstance(value, Date | DateRange | LiteralDate):
            return date_key(value)
        text = str(value)
        number = _NUMBER.match(text)
        if number and python in {
            "volume",
            "issue",
            "number",
            "edition",
            "page",
            "chapter_number",
            "collection_number",
            "number_of_pages",
            "number_of_volumes",
            "citation_number",
            "locator",
        }:
            return int(number.group(1))
        return collate(text) or None


def _compare(a: Any, b: Any) -> int:
    if isinstance(a, int) and isinstance(b, int):
        return (a > b) - (a < b)
    left, right = str(a), str(b)
    return (left > right) - (left < right)


def _note_order(items: Sequence[Any], context: Any) -> None:
    """Remember a whole bibliography's order, so disambiguation need not sort again."""
    if not items or not context.xpath_search("./ancestor-or-self::cs:bibliography"):
        return
    try:
        bib = items[0].bibliography
    except (VariableError, AttributeError, KeyError):
        return
    if len(items) == len(bib.items):
        setattr(bib, SORTED, [item.key for item in items])


@element("sort")
class Sort(model.Sort):
    def sort(self, items: Sequence[Any], context: Any) -> list[Any]:
        keys = self.findall("cs:key", self.nsmap)
        table = [[key.key_for(item, context) for key in keys] for item in items]
        descending = [key.get("sort", "ascending") == "descending" for key in keys]
        order = list(range(len(items)))

        def cmp(i: int, j: int) -> int:
            for k, desc in enumerate(descending):
                a, b = table[i][k], table[j][k]
                if a is None and b is None:
                    continue
                if a is None or b is None:
                    return 1 if a is None else -1  # empty keys last, either direction
                result = _compare(a, b)
                if result:
                    return -result if desc else result
            return 0

        order.sort(key=functools.cmp_to_key(cmp))
        result = [items[i] for i in order]
        _note_order(result, context)
        return result


@element("date")
class SortDate(model.Date):
    """Inside a sort key a date gives its ``YYYYMMDD`` key for the parts it shows."""

    def process(
        self,
        item: Any,
        variable: Any = None,
        show_parts: Any = None,
        context: Any = None,
        **kwargs: Any,
    ) -> Any:
        if sort_options(self) is None or self.is_locale_date():
            return super().process(
                item, variable=variable, show_parts=show_parts, context=context, **kwargs
            )
        value = item.reference.get((variable or self.get("variable", "")).replace("-", "_"))
        if value is None:
            return None
        if self.get("form") is not None:
            parts = (self.get("date-parts") or "year-month-day").split("-")
        else:
            parts = [p.get("name") for p in self.findall("cs:date-part", self.nsmap)]
        key = date_key(value, parts)
        return String(key) if key else None
