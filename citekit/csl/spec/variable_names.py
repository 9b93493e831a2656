"""CSL-JSON's other spellings of variables: ``journalAbbreviation``, ``shortTitle``.

citeproc-js reads Zotero's ``journalAbbreviation`` as ``container-title-short`` (and
citeproc-py already reads ``shortTitle``); without it ``<text variable="container-title"
form="short">`` falls back to the long title.

Fixtures: bugreports_ContainerTitleShort, magic_StripPeriodsTrueShortForm.
"""

from __future__ import annotations

from typing import Any

from citekit.csl.spec import prepare

ALIASES = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}


@prepare(1)
def rename(item: dict[str, Any]) -> None:
    for alias, name in ALIASES.items():
        if alias in item:
            value = item.pop(alias)
            item.setdefault(name, value)
