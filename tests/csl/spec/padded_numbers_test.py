from __future__ import annotations

import pytest

from tests.csl.spec.helpers import engine
from tests.csl.spec.helpers import entries

ENTRY = (
    '<group delimiter=" / "><number variable="issue"/><number variable="issue" form="ordinal"/>'
    '<number variable="issue" form="roman"/><number variable="volume"/></group>'
)


@pytest.mark.parametrize(
    ("issue", "volume", "expected"),
    (
        pytest.param("01", "007", "01 / 01 / 01 / 007", id="a leading zero prints as written"),
        pytest.param("0", "01-03", "0 / 0 / 0 / 01–03", id="zero too, and in a range"),
        pytest.param("3", "12", "3 / 3rd / iii / 12", id="other numbers are formatted"),
    ),
)
def test_numbers_with_a_leading_zero_print_as_written(
    issue: str, volume: str, expected: str
) -> None:
    # as citeproc-js 2.4.63 prints them
    item = {"id": "a", "type": "article-journal", "issue": issue, "volume": volume}
    assert entries(engine(entry=ENTRY), [item]) == [expected]
