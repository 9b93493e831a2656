"""CSL-JSON variables citeproc-py does not know, kept usable instead of crashing.

citeproc-py parses only eleven name variables and six dates as such; any other CSL 1.0.2
name (``director``, ``chair``, ``compiler``, ``curator``, ...) or date (``available-date``)
became a string and raised ``AttributeError`` as soon as a style rendered or sorted it.
``source()`` builds citeproc-py's CSL-JSON source and parses those variables itself, so
conditions, ``<names>`` and sort keys see real names and dates. A name variable given as a
bare string (bad data) becomes one literal name rather than a crash.

An item without a ``citation-label`` gets citeproc-js's default trigraph (``Doe65``).

Fixtures: name_EtAlWithCombined (via the director/narrator variables it mixes), the crash
items of issue #3 (tests/csl/spec/variables_test.py), disambiguate_CitationLabelDefault,
disambiguate_Trigraph, magic_CitationLabelInCitation.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from collections.abc import Sequence
from typing import Any

from citeproc import DATES
from citeproc import NAMES
from citeproc.source.json import CiteProcJSON

from citekit.csl.spec.name import parts_of

# CSL 1.0.2 appendix IV, "Name Variables" and "Date Variables".
NAME_VARIABLES = frozenset(
    {
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "executive-producer",
        "guest",
        "host",
        "illustrator",
        "interviewer",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    }
)
DATE_VARIABLES = frozenset(
    {
        "accessed",
        "available-date",
        "event-date",
        "issued",
        "original-date",
        "submitted",
    }
)


def _as_names(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, str):
        return [{"literal": value}] if value.strip() else []
    if not isinstance(value, list):
        return []
    names = []
    for name in value:
        if isinstance(name, Mapping):
            names.append({k: v for k, v in name.items() if v is not None})
        elif isinstance(name, str) and name.strip():
            names.append({"literal": name})
    return names


def trigraph(item: Mapping[str, Any]) -> str | None:
    """citeproc-js's default ``citation-label``: ``Doe65``, ``RoNo78``, ``AsBC90``, ``ABCD01``.

    (The CSL default trigraph ``Aaaa00:AaAa00:AaAA00:AAAA00``: letters of the first
    creators' family names, then the year's last two digits.)
    """
    names: list[Any] = []
    for variable in ("author", "editor", "translator", "composer", "director"):
        names = _as_names(item.get(variable))
        if names:
            break
    families = [str(parts_of(n).get("family") or n.get("literal") or "") for n in names]
    families = [re.sub(r"\W", "", f) for f in families if f]
    if not families:
        return None
    widths = {1: [4], 2: [2, 2], 3: [2, 1, 1]}.get(len(families), [1, 1, 1, 1])
    label = "".join(
        f[:w].capitalize() if w > 1 else f[:1].upper()
        for f, w in zip(families, widths, strict=False)
    )
    issued = item.get("issued")
    parts = issued.get("date-parts") if isinstance(issued, Mapping) else None
    try:
        year = str(int(parts[0][0]))[-2:] if parts and parts[0] else ""
    except (TypeError, ValueError, IndexError):
        year = ""
    return label + year.rjust(2, "0") if year else label


def source(items: Sequence[Mapping[str, Any]]) -> Any:
    """citeproc-py's source for ``items``, with every CSL name and date variable parsed."""
    plain: list[dict[str, Any]] = []
    extra: dict[str, dict[str, Any]] = {}
    for raw in items:
        item = copy.deepcopy(dict(raw))
        if not item.get("citation-label"):
            label = trigraph(item)
            if label:
                item["citation-label"] = label
        later: dict[str, Any] = {}
        for key in list(item):
            python = key.replace("-", "_")
            if key in NAME_VARIABLES:
                names = _as_names(item.pop(key))
                if names:
                    later[python] = ("names", names)
            elif key in DATE_VARIABLES and python not in DATES:
                later[python] = ("date", item.pop(key))
        if later:
            extra[str(item.get("id")).lower()] = later
        plain.append(item)
    src = CiteProcJSON(plain)
    for key, later in extra.items():
        reference = src[key]
        for python, (kind, value) in later.items():
            if kind == "names":
                parsed = src.parse_names(value)
            elif isinstance(value, Mapping):
                parsed = src.parse_date(value)
            else:
                continue
            if parsed:
                dict.__setitem__(reference, python, parsed)
    return src


def is_name_variable(variable: str) -> bool:
    return variable in NAME_VARIABLES or variable.replace("-", "_") in NAMES
