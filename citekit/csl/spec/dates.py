"""``<date>`` rendering per CSL 1.0.2: localized forms, ranges, seasons.

citeproc-py joins a localized date's parts without the locale's ``delimiter``
("2January1999"), writes the style's date-part overrides into the shared locale element
(one ``form="short"`` leaks into every later date), drops a same-year range when the
year is the only part shown (APA's "(2020)" for March-May 2020 prints nothing), ignores
``range-delimiter``, never prints seasons, and applies no formatting on ``<date>``. Here a
date is rendered from its parts directly:

- parts come from the locale's ``<date form>`` (the style's ``<date-part>`` children
  override their attributes, not their affixes) or from the ``<date>`` itself;
- a range prints the parts that differ on both sides of the ``range-delimiter`` of the
  largest differing part, and the shared parts once ("January 2–4, 1999");
- months 13-16 (``spec.date_input``) print as seasons.

Fixtures: date_RangeDelimiter, date_SeasonRange1, date_SeasonRange2, date_SeasonRange3,
date_TextFormYeardateYearRangeOpen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from citeproc import model
from citeproc.source import DateRange
from citeproc.source import LiteralDate
from citeproc.source import VariableError
from citeproc.string import String

from citekit.csl.spec import element
from citekit.csl.spec import ordinals
from citekit.csl.spec import strip_periods
from citekit.csl.spec.textcase import case

_ORDER = ("year", "month", "day")
_NO_OVERRIDE = frozenset({"prefix", "suffix"})


@dataclass(frozen=True)
class _Part:
    name: str
    attrs: dict[str, str]


def _month(date: Any) -> int:
    return int(date.get("month") or 0)


def _season(date: Any) -> int:
    month = _month(date)
    if 13 <= month <= 16:
        return month - 12
    season = date.get("season")
    return int(season) if isinstance(season, int) or str(season).isdigit() else 0


def _value(date: Any, name: str) -> int:
    if name == "year":
        return int(date.get("year") or 0)
    if name == "month":
        month = _month(date)
        return month if 1 <= month <= 12 else (12 + _season(date) if _season(date) else 0)
    return int(date.get("day") or 0) if 1 <= _month(date) <= 12 else 0


@element("date")
class Date(model.Date):
    def process(self, item: Any, variable: str | None = None, show_parts: Any = None,
                context: Any = None, **kwargs: Any) -> Any:
        if self.is_locale_date():
            return super().process(item, variable, show_parts, context, **kwargs)
        variable = variable or self.get("variable")
        value = item.reference[variable.replace("-", "_")]
        if not value:
            raise VariableError(variable)
        if isinstance(value, LiteralDate):
            text = str(value.text)
        else:
            parts, delimiter = self._parts()
            if isinstance(value, DateRange):
                text = self._range(value.begin, value.get("end"), parts, delimiter)
            else:
                text = self._single(value, parts, delimiter, set(_ORDER))
        if not text:
            return None
        if self.get("text-case"):
            text = str(case(text, self.get("text-case")))
        return self.wrap(self.format(String(text)))

    def markup(self, text: Any) -> Any:
        return text

    def _parts(self) -> tuple[list[_Part], str]:
        form = self.get("form")
        if form is None:
            return [_Part(p.get("name"), dict(p.attrib)) for p in self._children()], \
                self.get("delimiter", "")
        localized = self.get_date(form)
        overrides = {p.get("name"): p.attrib for p in self._children()}
        shown = self.get("date-parts", "year-month-day").split("-")
        parts = []
        for p in localized.iterchildren():
            name = p.get("name")
            if name not in shown:
                continue
            attrs = dict(p.attrib)
            attrs.update((k, v) for k, v in overrides.get(name, {}).items()
                         if k not in _NO_OVERRIDE)
            parts.append(_Part(name, attrs))
        return parts, localized.get("delimiter", "")

    def _children(self) -> list[Any]:
        return [p for p in self.iterchildren() if isinstance(p, model.Date_Part)]

    def _range(self, begin: Any, end: Any, parts: Sequence[_Part], delimiter: str) -> str:
        names = [p.name for p in parts]
        if end is None or end.is_nil():
            text = self._single(begin, parts, delimiter, set(names), last_suffix=False)
            return text + self._range_delimiter(parts, "year") if text else ""
        largest = next((n for n in _ORDER if n in names
                        and _value(begin, n) != _value(end, n)), None)
        if largest is None:
            return self._single(begin, parts, delimiter, set(names))
        differ = set(_ORDER[_ORDER.index(largest):]) & set(names)
        at = [i for i, n in enumerate(names) if n in differ]
        before = set(names[:at[0]]) - differ
        after = set(names[at[-1] + 1:]) - differ
        pieces = [
            self._single(begin, parts, delimiter, before),
            self._single(begin, parts, delimiter, differ, last_suffix=False)
            + self._range_delimiter(parts, largest)
            + self._single(end, parts, delimiter, differ, first_prefix=False),
            self._single(end, parts, delimiter, after),
        ]
        return delimiter.join(p for p in pieces if p)

    @staticmethod
    def _range_delimiter(parts: Sequence[_Part], name: str) -> str:
        for p in parts:
            if p.name == name:
                return p.attrs.get("range-delimiter", "\u2013")
        return "\u2013"

    def _single(self, date: Any, parts: Sequence[_Part], delimiter: str, names: set[str], *,
                last_suffix: bool = True, first_prefix: bool = True) -> str:
        rendered = [(p, t) for p in parts if p.name in names
                    for t in [self._part(p, date)] if t]
        out = []
        for i, (p, text) in enumerate(rendered):
            prefix = p.attrs.get("prefix", "") if first_prefix or i else ""
            suffix = p.attrs.get("suffix", "") if last_suffix or i < len(rendered) - 1 else ""
            out.append(prefix + text + suffix)
        return delimiter.join(out)

    def _part(self, p: _Part, date: Any) -> str:
        value = _value(date, p.name)
        if not value:
            return ""
        form = p.attrs.get("form")
        if p.name == "year":
            text = self._year(value, form or "long")
        elif p.name == "month" and value > 12:
            text = str(self.get_single_term(f"season-{value - 12:02}"))
        elif p.name == "month":
            text = self._month(value, form or "long")
        else:
            text = self._day(value, form or "numeric", _month(date))
        if p.attrs.get("strip-periods", "false") == "true":
            text = strip_periods.strip(text)
        if p.attrs.get("text-case"):
            text = str(case(String(text), p.attrs["text-case"]))
        return self._formatted(text, p.attrs)

    def _year(self, year: int, form: str) -> str:
        if form == "short":
            return f"{abs(year) % 100:02}"
        if year < 0:
            return f"{-year}{self.get_single_term('bc')}"
        if year < 1000:
            return f"{year}{self.get_single_term('ad')}"
        return str(year)

    def _month(self, month: int, form: str) -> str:
        if form == "numeric":
            return str(month)
        if form == "numeric-leading-zeros":
            return f"{month:02}"
        short = "short" if form == "short" else None
        return str(self.get_single_term(f"month-{month:02}", short))

    def _day(self, day: int, form: str, month: int) -> str:
        if form == "numeric-leading-zeros":
            return f"{day:02}"
        if form == "ordinal":
            limit = str(self.get_locale_option("limit-day-ordinals-to-day-1")).lower()
            if limit != "true" or day == 1:
                # The ordinal agrees with the month's gender (French "1er octobre").
                term = f"month-{month:02}" if 1 <= month <= 12 else None
                return ordinals.ordinal(self.get_root(), day, term)
        return str(day)

    def _formatted(self, text: str, attrs: dict[str, str]) -> str:
        fmt = self.get_formatter()
        wrapped: Any = text
        if attrs.get("font-style") in ("italic", "oblique"):
            wrapped = fmt.Italic(wrapped)
        if attrs.get("font-variant") == "small-caps":
            wrapped = fmt.SmallCaps(wrapped)
        if attrs.get("font-weight") == "bold":
            wrapped = fmt.Bold(wrapped)
        if attrs.get("text-decoration") == "underline":
            wrapped = fmt.Underline(wrapped)
        if attrs.get("vertical-align") == "sup":
            wrapped = fmt.Superscript(wrapped)
        elif attrs.get("vertical-align") == "sub":
            wrapped = fmt.Subscript(wrapped)
        return str(wrapped)
