"""Plain text -> BibTeX values: dates and names."""

from __future__ import annotations

import pytest

from citekit.importers import fields


@pytest.mark.parametrize(("value", "expected"), (
    ("2023-13-01", ""),
    ("February 30, 2023", ""),
    ("February 29, 2024", "2024-02-29"),
    ("Feb 2023", "2023-02"),
    ("2023, Fall", "2023-23"),
    ("sometime", ""),
))  # fmt: skip
def test_dates(value, expected):
    assert fields.date(value) == expected


def test_names():
    assert fields.natural("  ,") == ""
    assert fields.natural("Ministry of Defence") == "{Ministry of Defence}"
    assert fields.natural("Ludwig van Beethoven") == "van Beethoven, Ludwig"
    assert fields.person("Smith", "") == "{Smith}"
