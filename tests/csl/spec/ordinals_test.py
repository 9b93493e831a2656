from __future__ import annotations

import pytest

from citekit.csl.engine import Engine
from tests.csl.spec.conftest import Render

EDITION = '<number variable="edition" form="ordinal"/>'


@pytest.mark.parametrize(("edition", "expected"), (
    ("1", "1st"), ("2", "2nd"), ("3", "3rd"), ("4", "4th"), ("11", "11th"), ("12", "12th"),
    ("13", "13th"), ("21", "21st"), ("22", "22nd"), ("101", "101st"), ("111", "111th"),
))
def test_english_ordinals(render: Render, edition: str, expected: str) -> None:
    assert render(EDITION, {"edition": edition}) == expected


def test_style_ordinals_replace_the_locale_files_and_follow_gender() -> None:
    xml = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
      <locale><terms>
        <term name="ordinal">.ª</term>
        <term name="ordinal-02" gender-form="masculine">.º</term>
        <term name="issue" gender="masculine">issue</term>
        <term name="edition" gender="feminine">edition</term>
      </terms></locale>
      <citation><layout><text value="x"/></layout></citation>
      <bibliography><layout delimiter=" "><group delimiter=" ">
        <number variable="edition" form="ordinal"/><number variable="issue" form="ordinal"/>
      </group></layout></bibliography></style>"""
    bib = Engine.from_string(xml).bibliography(
        [{"id": "a", "type": "book", "edition": "2", "issue": "2"}])
    assert [e.html for e in bib.entries] == ["2.<sup>a</sup> 2.<sup>o</sup>"]


def test_french_day_ordinal_agrees_with_the_month() -> None:
    xml = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
      default-locale="fr-FR"><info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated>
      </info><citation><layout><text value="x"/></layout></citation>
      <bibliography><layout><date variable="issued" delimiter=" ">
        <date-part name="day" form="ordinal"/><date-part name="month"/>
      </date></layout></bibliography></style>"""
    bib = Engine.from_string(xml).bibliography(
        [{"id": "a", "type": "book", "issued": {"date-parts": [[2004, 10, 1]]}}])
    assert [e.html for e in bib.entries] == ["1<sup>e</sup><sup>r</sup> octobre"]
