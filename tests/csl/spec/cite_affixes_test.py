from __future__ import annotations

from citekit.csl.engine import Cite
from citekit.csl.engine import Engine

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; "><text variable="title"/></layout></citation>
</style>"""
ITEMS = [{"id": "a", "type": "book", "title": "Book A"}, {"id": "b", "type": "book",
                                                          "title": "Book B"}]


def test_punctuation_prefix_replaces_the_delimiter() -> None:
    got = Engine.from_string(STYLE).citation(ITEMS, [Cite("a"), Cite("b", prefix=", cited in ")])
    assert got == "Book A, cited in Book B"


def test_plain_prefix_keeps_the_delimiter() -> None:
    got = Engine.from_string(STYLE).citation(ITEMS, [Cite("a"), Cite("b", prefix="see ")])
    assert got == "Book A; see Book B"
