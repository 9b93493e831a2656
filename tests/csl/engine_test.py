from __future__ import annotations

from pathlib import Path

import pytest

from citekit.csl.engine import Cite
from citekit.csl.engine import Engine

BELFER = Path(__file__).resolve().parents[2] / "styles" / "belfer.csl"

POLLMANN = {
    "id": "Pollmann2023",
    "type": "article-newspaper",
    "title": "Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit",
    "author": [{"family": "Pollmann", "given": "Mina"}],
    "container-title": "The Diplomat",
    "issued": {"date-parts": [[2023, 2, 7]]},
}

MINIMAL = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; ">
    <text variable="title"/>
    <choose><if position="subsequent"><text value=" again"/></if></choose>
  </layout></citation>
  <bibliography><layout><text variable="title" font-style="italic"/></layout></bibliography>
</style>"""


def test_belfer_seed_line_is_byte_identical() -> None:
    bib = Engine(BELFER).bibliography([POLLMANN])
    assert [e.html for e in bib.entries] == [
        "Pollmann, Mina.“Japan, China Hold Foreign Minister Call Days after NATO Chief's "
        "Visit.” The Diplomat, February 7, 2023."
    ]


def test_from_string_renders_a_bibliography() -> None:
    bib = Engine.from_string(MINIMAL).bibliography([{"id": "a", "type": "book", "title": "T"}])
    assert [(e.key, e.html) for e in bib.entries] == [("a", "<i>T</i>")]
    assert bib.failures == ()


def test_citations_see_the_earlier_ones() -> None:
    items = [{"id": "A", "type": "book", "title": "T"}]
    out = Engine.from_string(MINIMAL).citations(items, [[Cite("A")], [Cite("A")]])
    assert out == ["T", "T again"]


def test_an_entry_that_prints_nothing_is_reported() -> None:
    items = [{"id": "a", "type": "book", "title": "T"}, {"id": "b", "type": "book"}]
    bib = Engine.from_string(MINIMAL).bibliography(items)
    assert [e.key for e in bib.entries] == ["a"]
    assert [(f.key, f.reason) for f in bib.failures] == [
        ("b", "prints nothing in this style (no field it uses is set)")
    ]


@pytest.mark.parametrize(("item", "expected"), (
    pytest.param({"title": "Why Now?"}, "Smith, A.“Why Now?.” The Diplomat, February 7, 2023.",
                 id="the site's period stays after a question mark"),
    pytest.param({"title": 'The \'Quoted\' and "Double" Words'},
                 "Smith, A.“The 'Quoted' and \"Double\" Words.” The Diplomat, February 7, 2023.",
                 id="straight quotes stay as stored"),
    pytest.param({"title": "AT&T"}, "Smith, A.“AT&amp;T.” The Diplomat, February 7, 2023.",
                 id="HTML is escaped"),
))
def test_belfer_prints_titles_as_entered(item: dict[str, str], expected: str) -> None:
    base = {**POLLMANN, "author": [{"family": "Smith", "given": "A."}], **item}
    assert [e.html for e in Engine(BELFER).bibliography([base]).entries] == [expected]
