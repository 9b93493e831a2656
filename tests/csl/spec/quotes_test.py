from __future__ import annotations

import pytest

from citekit.csl.spec import CITEKIT_NS
from tests.csl.spec.conftest import Render
from tests.csl.spec.helpers import engine
from tests.csl.spec.helpers import entries

TITLE = '<text variable="title" quotes="true" suffix="."/>'


@pytest.mark.parametrize(("title", "piq", "expected"), (
    pytest.param("Visit", True, "“Visit.”", id="period moves inside"),
    pytest.param("Visit", False, "“Visit”.", id="period stays outside without the option"),
    pytest.param("Why?", True, "“Why?”", id="question mark swallows the period"),
    pytest.param("This is 'The One'", True, "“This is ‘The One.’”",
                 id="inner single quotes flip and take the period"),
    pytest.param('Say "hi" now', True, "“Say ‘hi’ now.”", id="inner double quotes flip"),
    pytest.param("Chief's Visit", True, "“Chief’s Visit.”", id="apostrophe is typographic"),
))
def test_quoted_title(render: Render, title: str, piq: bool, expected: str) -> None:
    assert render(TITLE, {"title": title}, piq=piq) == expected


def test_field_quotes_at_top_level_are_outer(render: Render) -> None:
    assert render('<text variable="title"/>', {"title": "'quote' here"}) == "“quote” here"


def test_affix_quotes_are_not_field_quotes(render: Render) -> None:
    body = '<text variable="title" prefix="&quot;" suffix="&quot;"/>'
    assert render(body, {"title": "T"}) == '"T"'


def test_comma_delimiter_moves_inside(render: Render) -> None:
    body = ('<group delimiter=", "><text variable="title" quotes="true"/>'
            '<text variable="publisher"/></group>')
    assert render(body, {"title": "T", "publisher": "P"}, piq=True) == "“T,” P"


def test_straight_apostrophes_when_the_style_says_so(render: Render) -> None:
    attrs = f'xmlns:citekit="{CITEKIT_NS}" citekit:typographic-apostrophes="false"'
    got = render('<text variable="title"/>', {"title": "Chief's 'big' \"day\""}, attrs=attrs)
    assert got == "Chief's 'big' \"day\""


def test_curly_field_quotes_keep_their_glyph_at_top_and_take_a_seam_period(render: Render) -> None:
    body = '<text variable="title" font-style="italic" suffix="."/>'
    got = render(body, {"title": "Aristotle’s “De Motu”"}, piq=True)
    assert got == "<i>Aristotle’s “De Motu.”</i>"


def test_curly_field_quotes_flip_inside_style_quotes(render: Render) -> None:
    assert render(TITLE, {"title": "On “Intention” today"}, piq=True) == "“On ‘Intention’ today.”"


def test_punctuation_inside_a_field_is_not_moved(render: Render) -> None:
    got = render('<text variable="title"/>', {"title": "meaning ‘God willing’. Then"}, piq=True)
    assert got == "meaning ‘God willing’. Then"


def test_elision_before_digits_is_an_apostrophe(render: Render) -> None:
    assert render('<text variable="title"/>', {"title": "ETFA '09"}) == "ETFA ’09"


def test_a_quote_never_closed_is_printed_as_written(render: Render) -> None:
    got = render('<text variable="title"/>', {"title": 'Nation of "Positive Obligations " of'})
    assert got == 'Nation of "Positive Obligations " of'


@pytest.mark.parametrize(("suffix", "prefix", "expected"), (
    pytest.param(":", "! x", "“T!” x", id="colon then bang: the bang goes in"),
    pytest.param("!", ": x", "“T!” x", id="bang inside swallows the colon after"),
    pytest.param(":", "; x", "“T”:; x", id="colon and semicolon stay out"),
))
def test_marks_meet_before_moving_in(render: Render, suffix: str, prefix: str,
                                     expected: str) -> None:
    body = (f'<group><text variable="title" quotes="true" suffix="{suffix}"/>'
            f'<text value="x" prefix="{prefix[:-1]}"/></group>')
    assert render(body, {"title": "T"}, piq=True) == expected


def test_no_moving_into_quotes_when_merging_is_off(render: Render) -> None:
    attrs = f'xmlns:citekit="{CITEKIT_NS}" citekit:merge-punctuation="false"'
    assert render(TITLE, {"title": "Visit"}, piq=True, attrs=attrs) == "“Visit”."


def test_a_run_of_single_quotes_is_apostrophes(render: Render) -> None:
    assert render('<text variable="title"/>', {"title": "l'''"}) == "l’’’"


def test_guillemets_hold_their_text_with_narrow_spaces(render: Render) -> None:
    got = render('<text variable="title"/>', {"title": "His « Anonymous » Life"})
    assert got == "His «\u202fAnonymous\u202f» Life"


def test_a_quote_starting_a_field_opens_whatever_comes_before(render: Render) -> None:
    body = '<text value="N.d."/><text variable="title" suffix="."/>'
    got = render(body, {"title": "'\"Nested\" title'"}, piq=True)
    assert got == "N.d.“‘Nested’ title.”"


def test_period_moves_past_every_quote_closing_a_field(render: Render) -> None:
    got = render('<text variable="title" suffix="."/>', {"title": "'\"Both\"'"}, piq=True)
    assert got == "“‘Both.’”"


@pytest.mark.parametrize(
    ("entry", "expected"),
    (
        pytest.param('<text value="."/>', "“A”.", id="a lone period stays out"),
        pytest.param('<text value=","/><text value=" X"/>', "“A”, X", id="a lone comma too"),
        pytest.param('<text value=". Next"/>', "“A.” Next", id="a value that goes on moves in"),
    ),
)
def test_punctuation_printed_on_its_own_stays_outside_quotes(entry: str, expected: str) -> None:
    # IEEE's <text value="."/> after a quoted title: citeproc-js prints “Title”.
    e = engine(entry=f'<text variable="title" quotes="true"/>{entry}')
    assert entries(e, [{"id": "a", "type": "article-journal", "title": "A"}]) == [expected]
