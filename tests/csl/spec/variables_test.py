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
