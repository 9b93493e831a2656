"""An item without ``type`` renders instead of crashing citeproc-py's JSON reader.

CSL-JSON requires ``type``, but real data (and the CSL test suite) omit it; citeproc-js
then matches no ``<if type>`` test. An empty type does the same here.

Fixtures: the 39 date_LocalizedDateFormats-* (e.g. date_LocalizedDateFormats-en-US), whose
items have no type.
"""

from __future__ import annotations

from typing import Any

from citekit.csl.spec import prepare


@prepare(0)
def default_type(item: dict[str, Any]) -> None:
    if not isinstance(item.get("type"), str):
        item["type"] = ""
