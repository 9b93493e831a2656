from __future__ import annotations

import pytest

from citekit.csl.engine import Cite
from citekit.csl.engine import Engine

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text term="no date" form="short"/></layout></citation>
</style>"""


@pytest.mark.parametrize(("cls", "prefix", "expected"), (
    pytest.param("note", "", "N.d.", id="note starts with a term"),
    pytest.param("note", "Said so. ", "Said so. N.d.", id="after a sentence"),
    pytest.param("note", "see ", "see n.d.", id="inside a sentence"),
    pytest.param("in-text", "", "n.d.", id="in-text styles keep the term"),
))
def test_term_capitals(cls: str, prefix: str, expected: str) -> None:
    engine = Engine.from_string(STYLE.format(cls=cls))
    items = [{"id": "a", "type": "book"}]
    assert engine.citation(items, [Cite("a", prefix=prefix)]) == expected


def test_one_word_and_a_period_is_not_a_sentence() -> None:
    engine = Engine.from_string(STYLE.format(cls="note"))
    items = [{"id": "a", "type": "book"}]
    assert engine.citation(items, [Cite("a", prefix="Cf. ")]) == "Cf. n.d."


BIB_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><group prefix="(" suffix=")">
    <text term="no date" form="short"/></group>
    <text variable="title" prefix=" "/><text term="in" prefix=" "/></layout></bibliography>
</style>"""


@pytest.mark.parametrize("cls", ["in-text", "note"])
def test_a_term_starting_a_bibliography_entry_gets_a_capital(cls: str) -> None:
    # citeproc-js prints APA's "(N.d.-a)." for an item with no author and no date; a
    # term later in the entry keeps its case.
    engine = Engine.from_string(BIB_STYLE.format(cls=cls))
    (entry,) = engine.bibliography([{"id": "a", "type": "book", "title": "T. in"}]).entries
    assert entry.html == "(N.d.) T. in in."


def test_a_term_after_a_sentence_in_a_bibliography_entry_keeps_its_case() -> None:
    # Chicago notes prints "Title. n.d." for an undated item: citeproc-js capitalises a
    # term after a sentence's end in a note, not in a bibliography entry.
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><group delimiter=". "><text variable="title"/>
    <text term="no date" form="short"/></group></layout></bibliography>
</style>"""
    engine = Engine.from_string(style)
    (entry,) = engine.bibliography([{"id": "a", "type": "book", "title": "A Title"}]).entries
    assert entry.html == "A Title. n.d."
