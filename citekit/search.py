"""Filtering a library for `citekit list`."""

from __future__ import annotations

import re
from dataclasses import asdict
from dataclasses import dataclass

from citekit.errors import CitekitError
from citekit.library import Library


@dataclass(frozen=True)
class Row:
    key: str
    type: str
    year: str
    authors: str
    title: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def parse_years(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})?\s*(?:(-|–|\.\.)\s*(\d{4})?)?\s*", text)
    if not m or not (m.group(1) or m.group(3)):
        raise CitekitError(f"--year {text!r}: give a year (2015) or a range (2010-2015)")
    first = int(m.group(1)) if m.group(1) else 0
    last = int(m.group(3)) if m.group(3) else (9999 if m.group(2) else first)
    if first > last:
        raise CitekitError(f"--year {text!r}: the range ends before it starts")
    return first, last


def _year_of(fields: dict[str, str]) -> str:
    for name in ("date", "year"):
        m = re.search(r"\d{4}", fields.get(name, ""))
        if m:
            return m.group(0)
    return ""


def select(
    lib: Library,
    *,
    query: str = "",
    author: str | None = None,
    years: tuple[int, int] | None = None,
    entry_type: str | None = None,
) -> list[Row]:
    words = query.casefold().split()
    rows = []
    for entry in lib.entries:
        if entry_type and entry.type != entry_type.lower():
            continue
        fields = lib.plain(entry)
        authors = fields.get("author") or fields.get("editor") or ""
        year = _year_of(fields)
        if author and author.casefold() not in authors.casefold():
            continue
        if years and not (year and years[0] <= int(year) <= years[1]):
            continue
        if words:
            hay = " ".join([entry.key, *fields.values()]).casefold()
            if not all(w in hay for w in words):
                continue
        rows.append(Row(entry.key, entry.type, year, authors, fields.get("title", "")))
    return rows
