from __future__ import annotations

import pytest

from citekit.csl.spec.numbers import is_numeric
from tests.csl.spec.conftest import Render


@pytest.mark.parametrize(("value", "expected"), (
    ("12", True), (3, True), ("2nd", True), ("D2", True), ("2-4", True), ("2, 3", True),
    ("2 & 4", True), ("99-02", True), ("second", False), ("2nd edition", False), ("", False),
))
def test_is_numeric(value: object, expected: bool) -> None:
    assert is_numeric(value) is expected


def test_hyphenated_number_variable_renders(render: Render) -> None:
    body = ('<group delimiter=" "><number variable="number-of-volumes"/>'
            '<text term="volume" form="short" plural="true"/></group>')
    assert render(body, {"number-of-volumes": "3"}) == "3 vols."


def test_numeric_range_gets_a_label_and_an_en_dash(render: Render) -> None:
    body = ('<choose><if is-numeric="number"><label variable="number" form="short" '
            'suffix=" "/></if></choose><text variable="number"/>')
    assert render(body, {"number": "99-02"}) == "nos. 99–02"


def test_non_numeric_number_is_printed_as_is(render: Render) -> None:
    body = '<choose><if is-numeric="number"><text value="N "/></if></choose>' \
           '<text variable="number"/>'
    assert render(body, {"number": "RC-6947"}) == "RC-6947"


def test_a_number_range_takes_the_locale_range_term(render: Render) -> None:
    # AMA sets page-range-delimiter to "-" and prints "138(1-3)", as citeproc-js does.
    locale = '<locale><terms><term name="page-range-delimiter">-</term></terms></locale>'
    body = '<text variable="issue"/>'
    assert render(body, {"issue": "1-3"}, locale_xml=locale) == "1-3"
    assert render(body, {"issue": "1-3"}) == "1–3"
