from __future__ import annotations

from typing import Any

import pytest

from citekit.csl.spec.date_input import clean
from tests.csl.spec.conftest import Render


@pytest.mark.parametrize(("value", "expected"), (
    pytest.param("2020-03-04", {"date-parts": [[2020, 3, 4]]}, id="ISO string"),
    pytest.param("2019/2021", {"date-parts": [[2019], [2021]]}, id="string range"),
    pytest.param("Bogus Date", {"literal": "Bogus Date"}, id="string that is not a date"),
    pytest.param({"raw": "2021-05"}, {"date-parts": [[2021, 5]]}, id="raw"),
    pytest.param({"date-parts": [["2000", "3", ""]]}, {"date-parts": [[2000, 3]]},
                 id="string parts, empty day"),
    pytest.param({"date-parts": [[1965, 14, 2]]}, {"date-parts": [[1965, 14]]},
                 id="month 14 is summer"),
    pytest.param({"date-parts": [[1965, 22]]}, {"date-parts": [[1965, 14]]},
                 id="month 22 is summer too"),
    pytest.param({"date-parts": [[1965, 60]]}, {"date-parts": [[1965]]}, id="month 60 is none"),
    pytest.param({"date-parts": [[1987], [0]]}, {"date-parts": [[1987], [0]]}, id="open range"),
    pytest.param({"date-parts": [[""]]}, None, id="nothing"),
    pytest.param("", None, id="empty string"),
    pytest.param(42, None, id="not a date"),
))
def test_clean(value: Any, expected: dict[str, Any] | None) -> None:
    assert clean(value) == expected


def test_string_date_renders(render: Render) -> None:
    body = '<date variable="issued"><date-part name="year"/></date>'
    assert render(body, {"issued": "2020-03-04"}) == "2020"
