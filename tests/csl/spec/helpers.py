"""Build a small style around a citation and a bibliography layout."""

from __future__ import annotations

from typing import Any

from citekit.csl.engine import Cite
from citekit.csl.engine import Engine

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  {macros}
  <citation {citation}>{citation_sort}<layout delimiter="; ">{cite}</layout></citation>
  <bibliography {bibliography}>{sort}<layout>{entry}</layout></bibliography>
</style>"""


def engine(
    *,
    cite: str = '<text variable="title"/>',
    entry: str = '<text variable="title"/>',
    citation: str = "",
    bibliography: str = "",
    sort: str = "",
    citation_sort: str = "",
    macros: str = "",
) -> Engine:
    return Engine.from_string(
        STYLE.format(
            cite=cite,
            entry=entry,
            citation=citation,
            bibliography=bibliography,
            sort=sort,
            citation_sort=citation_sort,
            macros=macros,
        )
    )


def entries(e: Engine, items: list[dict[str, Any]]) -> list[str]:
    bib = e.bibliography(items)
    assert bib.failures == ()
    return [r.html for r in bib.entries]


def cite(e: Engine, items: list[dict[str, Any]], *keys: str) -> str:
    return e.citation(items, [Cite(k) for k in keys])
