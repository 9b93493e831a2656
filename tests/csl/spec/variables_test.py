from __future__ import annotations

import pytest

from citekit.csl.spec.variables import NAME_VARIABLES
from tests.csl.spec.helpers import cite
from tests.csl.spec.helpers import engine
from tests.csl.spec.helpers import entries

KUBRICK = [{"family": "Kubrick", "given": "Stanley"}]


@pytest.mark.parametrize("variable", sorted(NAME_VARIABLES))
def test_every_name_variable_renders_sorts_and_cites(variable: str) -> None:
    body = f'<names variable="{variable}"><name/></names>'
    e = engine(cite=body, entry=body, sort=f'<sort><key variable="{variable}"/></sort>')
    items = [{"id": "a", "type": "motion_picture", variable: KUBRICK}]
    assert entries(e, items) == ["Stanley Kubrick"]
    assert cite(e, items, "a") == "Stanley Kubrick"


def test_conditions_see_unknown_names_and_dates() -> None:
    body = (
        '<choose><if variable="director"><date variable="available-date">'
        '<date-part name="year"/></date></if></choose>'
    )
    e = engine(entry=body)
    items = [
        {
            "id": "a",
            "type": "motion_picture",
            "director": KUBRICK,
            "available-date": {"date-parts": [[1968]]},
        }
    ]
    assert entries(e, items) == ["1968"]


def test_a_name_given_as_a_string_is_a_literal() -> None:
    e = engine(entry='<names variable="author"><name/></names>')
    assert entries(e, [{"id": "a", "type": "book", "author": "Monty Python"}]) == ["Monty Python"]


@pytest.mark.parametrize(
    ("authors", "expected"),
    (
        pytest.param(["Doe"], "Doe65", id="one"),
        pytest.param(["Roe", "Noakes"], "RoNo65", id="two"),
        pytest.param(["Asthma", "Bronchitis", "Cold"], "AsBC65", id="three"),
        pytest.param(["von Dipheria", "Eczema", "Flu", "Goiter", "Hiccup"], "DEFG65", id="many"),
    ),
)
def test_default_citation_label(authors: list[str], expected: str) -> None:
    from citekit.csl.spec.variables import trigraph

    item = {"author": [{"family": a} for a in authors], "issued": {"date-parts": [[1965]]}}
    assert trigraph(item) == expected


def test_citation_label_takes_the_year_suffix() -> None:
    e = engine(
        cite='<text variable="citation-label"/>', citation='disambiguate-add-year-suffix="true"'
    )
    items = [
        {"id": k, "type": "book", "author": [{"family": "Doe"}], "issued": {"date-parts": [[1965]]}}
        for k in "ab"
    ]
    assert cite(e, items, "a", "b") == "Doe65a; Doe65b"
