"""CSL-JSON variables citeproc-py does not know, kept usable instead of crashing.

citeproc-py parses only eleven name variables and six dates as such; any other CSL 1.0.2
name (``director``, ``chair``, ``compiler``, ``curator``, ...) or date (``available-date``)
became a string and raised ``AttributeError`` as soon as a style rendered or sorted it.
``source()`` builds citeproc-py's CSL-JSON source and parses those variables itself, so
conditions, ``<names>`` and sort keys see real names and dates. A name variable given as a
bare string (bad data) becomes one literal name rather than a crash.

Fixtures: name_EtAlWithCombined (via the director/narrator variables it mixes) and the
crash items of issue #3 (tests/csl/spec/variables_test.py).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from collections.abc import Sequence
from typing import Any

from citeproc import DATES
from citeproc import NAMES
from citeproc.source.json import CiteProcJSON

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


def source(items: Sequence[Mapping[str, Any]]) -> Any:
    """citeproc-py's source for ``items``, with every CSL name and date variable parsed."""
    plain: list[dict[str, Any]] = []
    extra: dict[str, dict[str, Any]] = {}
    for raw in items:
        item = copy.deepcopy(dict(raw))
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
