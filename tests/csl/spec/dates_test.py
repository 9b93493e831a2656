from __future__ import annotations

from typing import Any

import pytest

from tests.csl.spec.conftest import Render

TEXT_FORM = '<date variable="issued" form="text"/>'
YEAR_ONLY = '<date variable="issued"><date-part name="year"/></date>'
DAY_FIRST = ('<date variable="issued" delimiter=" "><date-part name="day"/>'
             '<date-part name="month" range-delimiter="/"/><date-part name="year"/></date>')


def _issued(*parts: list[int]) -> dict[str, Any]:
    return {"issued": {"date-parts": list(parts)}}


@pytest.mark.parametrize(("body", "item", "expected"), (
    pytest.param(TEXT_FORM, _issued([2023, 2, 7]), "February 7, 2023", id="localized text form"),
    pytest.param(TEXT_FORM, _issued([1999, 1, 2], [1999, 1, 4]), "January 2–4, 1999",
                 id="range within a month"),
    pytest.param(TEXT_FORM, _issued([1999, 1, 2], [1999, 3, 4]), "January 2–March 4, 1999",
                 id="range within a year"),
    pytest.param(TEXT_FORM, _issued([1999, 12, 30], [2000, 1, 2]),
                 "December 30, 1999–January 2, 2000", id="range across years"),
    pytest.param(YEAR_ONLY, _issued([2020, 3], [2020, 5]), "2020",
                 id="same-year range shows the year once"),
    pytest.param(YEAR_ONLY, _issued([1987], [0]), "1987–", id="open range"),
    pytest.param(DAY_FIRST, _issued([1999, 1, 2], [1999, 3, 4]), "2 January/4 March 1999",
                 id="range-delimiter of the largest differing part"),
    pytest.param(TEXT_FORM, _issued([1999, 13], [1999, 14]), "Spring–Summer 1999",
                 id="seasons"),
    pytest.param(TEXT_FORM, {"issued": {"literal": "circa 1900"}}, "circa 1900", id="literal"),
))
def test_date(render: Render, body: str, item: dict[str, Any], expected: str) -> None:
    assert render(body, item) == expected


def test_style_override_does_not_leak_into_the_locale(render: Render) -> None:
    body = ('<date variable="issued" form="text"><date-part name="month" form="short"/></date>'
            '<text value=" / "/>' + TEXT_FORM)
    assert render(body, _issued([2023, 2, 7])) == "Feb. 7, 2023 / February 7, 2023"


def test_formatting_on_date(render: Render) -> None:
    body = '<date variable="issued" font-style="italic" prefix="(" suffix=")">' \
           '<date-part name="year"/></date>'
    assert render(body, _issued([2001])) == "(<i>2001</i>)"
