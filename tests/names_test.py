from __future__ import annotations

import pytest

from citekit import names
from citekit.names import Name


@pytest.mark.parametrize(
    ("raw", "expected"),
    (
        pytest.param("Pollmann, Mina", Name("Pollmann", "Mina"), id="inverted"),
        pytest.param("Mina Pollmann", Name("Pollmann", "Mina"), id="natural order"),
        pytest.param("Ludwig van Beethoven", Name("Beethoven", "Ludwig", "van"), id="von natural"),
        pytest.param("van der Berg, Jan", Name("Berg", "Jan", "van der"), id="von inverted"),
        pytest.param(
            "King, Jr, Martin Luther", Name("King", "Martin Luther", "", "Jr"), id="suffix"
        ),
        pytest.param(
            "{World Health Organization}",
            Name(literal="World Health Organization"),
            id="organisation",
        ),
        pytest.param(r"M{\"u}ller, J{\"o}rg", Name("Müller", "Jörg"), id="accents"),
        pytest.param("Plato", Name("Plato"), id="single name"),
        pytest.param(r"{\'E}mile Zola", Name("Zola", "Émile"), id="accented first name"),
    ),
)
def test_parse_one(raw: str, expected: Name) -> None:
    assert names.parse_one(raw) == expected


def test_parse_list_with_others_and_braced_and() -> None:
    people, others = names.parse("Doe, Jane and {Barnes and Noble} and others")
    assert people == [Name("Doe", "Jane"), Name(literal="Barnes and Noble")]
    assert others is True


def test_csl_shapes() -> None:
    assert Name("Berg", "Jan", "van der").csl() == {
        "family": "Berg",
        "given": "Jan",
        "dropping-particle": "van der",
    }
    assert Name(literal="WHO").csl() == {"literal": "WHO"}


@pytest.mark.parametrize(
    ("family", "given", "expected"),
    (
        ("Doe", "Jane", "Doe, Jane"),
        ("World Health Organization", "", "{World Health Organization}"),
        ("Plato", "", "Plato"),
    ),
)
def test_format_name(family: str, given: str, expected: str) -> None:
    assert names.format_name(family, given) == expected
