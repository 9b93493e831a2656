from __future__ import annotations

from citekit.csl.engine import Cite
from tests.csl.spec.helpers import engine

CITE = """<choose>
  <if position="ibid-with-locator"><text value="ibid-with-locator"/></if>
  <else-if position="ibid"><text value="ibid"/></else-if>
  <else-if position="near-note"><text variable="title"/><text value=" near"/>
    <text variable="first-reference-note-number" prefix=" n"/></else-if>
  <else-if position="subsequent"><text variable="title"/><text value=" far"/>
    <text variable="first-reference-note-number" prefix=" n"/></else-if>
  <else><text variable="title"/></else>
</choose>"""
ITEMS = [{"id": k, "type": "book", "title": k.upper()} for k in ("a", "b")]


def _run(clusters: list[list[Cite]], notes: list[int]) -> list[str]:
    return engine(cite=CITE, citation='near-note-distance="2"').citations(
        ITEMS, clusters, notes=notes
    )


def test_positions_in_notes() -> None:
    got = _run(
        [
            [Cite("a")],
            [Cite("a")],
            [Cite("a", locator="5")],
            [Cite("b")],
            [Cite("a")],
            [Cite("b")],
            [Cite("a")],
        ],
        [1, 2, 3, 4, 5, 9, 10],
    )
    assert got == ["A", "ibid", "ibid-with-locator", "B", "A near n1", "B far n4", "A far n1"]


def test_no_ibid_after_a_note_of_several_cites() -> None:
    got = _run([[Cite("a"), Cite("b")], [Cite("b")]], [1, 2])
    assert got == ["A; B", "B near n1"]
