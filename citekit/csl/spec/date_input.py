"""Dates in the shapes real CSL-JSON has: strings, ``raw``, string parts, empty parts.

citeproc-py crashes on ``"issued": "2020-03-04"`` (a string, not an object), ignores
``{"raw": "2021-05"}``, and crashes on ``[[""]]`` or ``[["2000", "", ""]]``. Before it reads
an item, each date becomes ``date-parts`` (or ``literal`` when it is not a date); months
13-24 are seasons, as citeproc-js reads them (kept as 13-16 for ``spec.dates``); a date
with nothing left is dropped.

Fixtures: date_String, date_EmptyStrings, date_VariousInvalidDates,
date_TextFormYeardateYearRangeOpen (with spec.dates).
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import DATES

from citekit.csl.spec import prepare

_DATE_VARIABLES = frozenset(d.replace("_", "-") for d in DATES)
_ISO = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:T[\d:.Z+-]*)?\s*$")


def _parse(text: str) -> dict[str, Any]:
    """``{"date-parts": ...}`` for an ISO date or range, else ``{"literal": text}``."""
    ends = [p for p in re.split(r"\s*/\s*", text.strip(), maxsplit=1) if p]
    parts = []
    for end in ends:
        m = _ISO.match(end)
        if not m:
            return {"literal": text.strip()}
        parts.append([int(g) for g in m.groups() if g is not None])
    return {"date-parts": parts} if parts else {}


def _int(value: Any) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return None


def clean(value: Any) -> dict[str, Any] | None:
    """A date value citeproc-py can read, or None when it holds no date."""
    if isinstance(value, str):
        value = _parse(value) if value.strip() else {}
    if not isinstance(value, dict):
        return None
    date = dict(value)
    if not date.get("date-parts") and isinstance(date.get("raw"), str):
        date.update(_parse(date.pop("raw")))
    date.pop("raw", None)
    parts: list[list[int]] = []
    for n_raw, raw in enumerate(date.get("date-parts") or []):
        numbers = [_int(p) for p in (raw or [])]
        # Stop at the first missing part: a day without a month means nothing.
        kept: list[int] = []
        for n in numbers:
            if n is None or (kept and n == 0):
                break
            kept.append(n)
        if kept and kept[0] != 0:
            parts.append(kept)
        elif n_raw == 1 and parts:
            parts.append([0])  # an open range ("1987–"), which citeproc-py reads as year 0
    for kept in parts:
        if len(kept) >= 2 and 13 <= kept[1] <= 24:
            # Kept as months 13-16 (spring-winter), so each end of a range has its own.
            kept[1] = 13 + (kept[1] - 13) % 4
            del kept[2:]
        elif len(kept) >= 2 and not 1 <= kept[1] <= 12:
            del kept[1:]
    if parts:
        date["date-parts"] = parts[:2]
    else:
        date.pop("date-parts", None)
    if isinstance(date.get("season"), str) and _int(date["season"]) is not None:
        date["season"] = _int(date["season"])
    if "date-parts" not in date and not date.get("literal"):
        return None
    return date


@prepare(10)
def clean_dates(item: dict[str, Any]) -> None:
    for key in _DATE_VARIABLES & item.keys():
        date = clean(item[key])
        if date is None:
            del item[key]
        else:
            item[key] = date
