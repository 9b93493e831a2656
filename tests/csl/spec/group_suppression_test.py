from __future__ import annotations

import pytest

from tests.csl.spec.conftest import Render

EDITION = ('<group delimiter=" "><choose><if type="book"><text variable="edition"/>'
           '<label variable="edition"/></if></choose></group>')


@pytest.mark.parametrize(("body", "item", "expected"), (
    pytest.param(EDITION + '<text variable="title" prefix=" "/>', {"title": "T"}, " T",
                 id="label beside an empty variable in a choose is suppressed"),
    pytest.param(EDITION, {"edition": "Revised"}, "Revised edition", id="kept when printed"),
    pytest.param('<group prefix="(" suffix=")"><choose><if variable="issued"><date '
                 'variable="issued"><date-part name="year"/></date></if><else><text '
                 'term="no date" form="short"/><text variable="year-suffix"/></else></choose>'
                 "</group>", {}, "(N.d.)", id="a branch with only a term keeps its group"),
    pytest.param('<group delimiter=". "><group><text variable="URL"/></group>'
                 '<group prefix="[" suffix="]"><text term="online"/></group></group>', {},
                 "[Online]", id="a printed nested group keeps its parent"),
))
def test_group_suppression(render: Render, body: str, item: dict[str, str],
                           expected: str) -> None:
    assert render(body, item) == expected
