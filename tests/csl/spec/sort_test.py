from __future__ import annotations

import pytest

from citekit.csl.spec.sort import collate
from tests.csl.spec.helpers import engine
from tests.csl.spec.helpers import entries


@pytest.mark.parametrize(
    ("text", "expected"),
    (
        pytest.param("Aksın", "aksin", id="dotless i folds"),
        pytest.param("Émile", "emile", id="accents fold"),
        pytest.param("“Quoted” <i>Title</i>", "quoted title", id="quotes and markup go"),
        pytest.param("Title, here A", "title here a", id="punctuation does not order"),
        pytest.param("d’Wander", "d wander", id="an apostrophe parts words"),
    ),
)
def test_collate(text: str, expected: str) -> None:
    assert collate(text) == expected


def _item(key: str, **fields: object) -> dict[str, object]:
    return {"id": key, "type": "book", "title": key, **fields}


def test_macro_key_sees_names_through_nested_macros() -> None:
    macros = (
        '<macro name="author"><names variable="author"><name/></names></macro>'
        '<macro name="sorter"><text macro="author"/></macro>'
    )
    e = engine(
        entry='<text macro="author"/>', macros=macros, sort='<sort><key macro="sorter"/></sort>'
    )
    items = [
        _item("1", author=[{"family": "Zed", "given": "Ann"}]),
        _item("2", author=[{"family": "Aksın", "given": "Özge"}]),
        _item("3", author=[{"family": "Young", "given": "Bob"}]),
    ]
    assert entries(e, items) == ["Özge Aksın", "Bob Young", "Ann Zed"]


def test_missing_keys_sort_last_in_both_directions() -> None:
    for direction in ("ascending", "descending"):
        e = engine(sort=f'<sort><key variable="issued" sort="{direction}"/></sort>')
        items = [
            _item("none"),
            _item("old", issued={"date-parts": [[1990]]}),
            _item("new", issued={"date-parts": [[2020, 5]]}),
        ]
        got = entries(e, items)
        assert got[-1] == "none"
        assert got[:2] == (["old", "new"] if direction == "ascending" else ["new", "old"])


def test_numbers_sort_as_numbers_and_unknown_names_sort() -> None:
    e = engine(sort='<sort><key variable="volume"/><key variable="director"/></sort>')
    items = [
        _item("ten", volume="10"),
        _item("nine", volume="9"),
        _item("b", volume="11", director=[{"family": "Bee"}]),
        _item("a", volume="11", director=[{"family": "Ant"}]),
    ]
    assert entries(e, items) == ["nine", "ten", "a", "b"]
