from __future__ import annotations

import pytest

from tests.csl.spec.helpers import engine
from tests.csl.spec.helpers import entries

A = {"family": "Doe", "given": "John"}
B = {"family": "Roe", "given": "Jane"}
ENTRY = (
    '<names variable="author" suffix="."><name and="text"/></names>'
    '<text variable="title" prefix=" "/>'
)


def _items(*authors: list[dict[str, str]]) -> list[dict[str, object]]:
    return [
        {"id": str(n), "type": "book", "title": f"T{n}", "author": a} for n, a in enumerate(authors)
    ]


@pytest.mark.parametrize(
    ("rule", "expected"),
    (
        pytest.param(
            "complete-all",
            ["John Doe and Jane Roe. T0", "———. T1", "John Doe. T2"],
            id="complete-all",
        ),
        pytest.param(
            "complete-each",
            ["John Doe and Jane Roe. T0", "——— and ———. T1", "John Doe. T2"],
            id="complete-each",
        ),
        pytest.param(
            "partial-each",
            ["John Doe and Jane Roe. T0", "——— and ———. T1", "———. T2"],
            id="partial-each",
        ),
        pytest.param(
            "partial-first",
            ["John Doe and Jane Roe. T0", "——— and Jane Roe. T1", "———. T2"],
            id="partial-first",
        ),
    ),
)
def test_rules(rule: str, expected: list[str]) -> None:
    e = engine(
        entry=ENTRY,
        bibliography=f'subsequent-author-substitute="———" '
        f'subsequent-author-substitute-rule="{rule}"',
    )
    assert entries(e, _items([A, B], [A, B], [A])) == expected


def test_no_substitute_without_the_option() -> None:
    e = engine(entry=ENTRY)
    assert entries(e, _items([A], [A])) == ["John Doe. T0", "John Doe. T1"]


def test_a_substituted_title_counts_as_the_author() -> None:
    e = engine(
        entry='<names variable="author"><name/><substitute><text variable="title"/>'
        "</substitute></names>",
        bibliography='subsequent-author-substitute="---"',
    )
    items = [
        {"id": "1", "type": "book", "title": "Same"},
        {"id": "2", "type": "book", "title": "Same"},
    ]
    assert entries(e, items) == ["Same", "---"]
