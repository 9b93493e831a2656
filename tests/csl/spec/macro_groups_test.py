from __future__ import annotations

from citekit.csl.engine import Engine

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="in-container">
    <text term="in" suffix=" "/>
    <text variable="container-title" font-style="italic"/>
  </macro>
  <macro name="terms-only"><text term="in"/></macro>
  <bibliography><layout>
    <group delimiter=", ">
      <text variable="title"/>
      <text macro="in-container"/>
      <text macro="terms-only"/>
    </group>
  </layout></bibliography>
</style>"""


def _entry(item: dict[str, str]) -> str:
    bib = Engine.from_string(STYLE).bibliography([{"id": "a", "type": "chapter", **item}])
    return bib.entries[0].html


def test_macro_with_empty_variables_is_suppressed() -> None:
    assert _entry({"title": "T"}) == "T, in"


def test_macro_with_a_variable_renders() -> None:
    assert _entry({"title": "T", "container-title": "C"}) == "T, in <i>C</i>, in"
