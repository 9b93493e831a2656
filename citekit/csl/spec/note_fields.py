"""Variables written in ``note`` as ``name: value`` lines (Zotero's "cheater syntax").

Zotero stores CSL variables it has no field for in the item's note, one per line
(``event-date: 2004-10-01/2004-10-14``, ``translator: Hall || W.C.``); citeproc-js
reads them as variables when the item does not set them, and drops those lines from
the note. Dates go through ``spec.date_input``; names are ``family || given``.

Fixtures: variables_ContainerTitleShort2 (number_LimitOrdinalsToDayOne also needs
gendered ordinals).
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import DATES
from citeproc import NAMES
from citeproc import VARIABLES

from citekit.csl.spec import prepare

_DATES = frozenset(v.replace("_", "-") for v in DATES)
_NAMES = frozenset(v.replace("_", "-") for v in NAMES)
# Only variables citeproc-py can hold: a name list it does not know would crash it.
_KNOWN = frozenset(v.replace("_", "-") for v in VARIABLES) | {
    "reviewed-title", "collection-title-short", "container-title-short"}
_LINE = re.compile(r"^\s*([a-z][a-z-]*)\s*:\s*(.*?)\s*$")


def _name(value: str) -> dict[str, str]:
    family, _, given = (p.strip() for p in value.partition("||"))
    return {"family": family, "given": given} if given else {"literal": family}


@prepare(5)
def read_note(item: dict[str, Any]) -> None:
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return
    kept = []
    given = set(item)  # the item's own variables win over its note
    for line in note.splitlines():
        m = _LINE.match(line)
        if not m or m.group(1) not in _KNOWN:
            kept.append(line)
            continue
        name, value = m.groups()
        if name in given:
            continue
        if name in _NAMES:
            item.setdefault(name, []).append(_name(value))
        elif name in _DATES:
            item.setdefault(name, {"raw": value})
        else:
            item.setdefault(name, value)
    if kept:
        item["note"] = "\n".join(kept)
    else:
        del item["note"]
