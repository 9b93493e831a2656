from __future__ import annotations

import pytest

from tests.csl.spec.helpers import cite
from tests.csl.spec.helpers import engine
from tests.csl.spec.helpers import entries

DOE = {"family": "Doe", "given": "John"}
DOE2 = {"family": "Doe", "given": "Jane"}
ROE = {"family": "Roe", "given": "Jim"}
POE = {"family": "Poe", "given": "Ed"}
AUTHOR_YEAR = (
    '<group delimiter=" "><names variable="author"><name form="short"/></names>'
    '<date variable="issued"><date-part name="year"/></date></group>'
)
SORT = '<sort><key variable="title"/></sort>'


def _item(key: str, title: str, author: list[dict[str, str]], year: int = 2004) -> dict:
    return {
        "id": key,
        "type": "book",
        "title": title,
        "author": author,
        "issued": {"date-parts": [[year]]},
    }


def test_year_suffix_in_bibliography_order_and_in_citations() -> None:
    e = engine(
        cite=AUTHOR_YEAR,
        entry=AUTHOR_YEAR + '<text variable="title" prefix=". "/>',
        citation='disambiguate-add-year-suffix="true"',
        sort=SORT,
    )
    items = [_item("b", "Beta", [DOE]), _item("a", "Alpha", [DOE]), _item("c", "Gamma", [ROE])]
    assert entries(e, items) == ["Doe 2004a. Alpha", "Doe 2004b. Beta", "Roe 2004. Gamma"]
    assert cite(e, items, "b", "a", "c") == "Doe 2004b; Doe 2004a; Roe 2004"


def test_a_lone_cite_needs_no_suffix() -> None:
    e = engine(cite=AUTHOR_YEAR, citation='disambiguate-add-year-suffix="true"', sort=SORT)
    items = [_item("b", "Beta", [DOE]), _item("a", "Alpha", [DOE])]
    assert cite(e, items, "b") == "Doe 2004"


def test_explicit_year_suffix_variable() -> None:
    e = engine(
        cite=AUTHOR_YEAR + '<text variable="year-suffix" prefix="-"/>',
        citation='disambiguate-add-year-suffix="true"',
        sort=SORT,
    )
    items = [_item("b", "Beta", [DOE]), _item("a", "Alpha", [DOE])]
    assert cite(e, items, "a", "b") == "Doe 2004-a; Doe 2004-b"


def test_add_names_then_givenname() -> None:
    e = engine(
        cite=AUTHOR_YEAR,
        citation='et-al-min="2" et-al-use-first="1" '
        'disambiguate-add-names="true" disambiguate-add-givenname="true"',
    )
    items = [
        _item("a", "A", [DOE, ROE]),
        _item("b", "B", [DOE, POE]),
        _item("c", "C", [DOE2]),
        _item("d", "D", [DOE]),
    ]
    assert cite(e, items, "a", "b") == "Doe, Roe 2004; Doe, Poe 2004"
    assert cite(e, items, "c", "d") == "Jane Doe 2004; John Doe 2004"


def test_global_givenname_rule_expands_in_every_cite() -> None:
    e = engine(
        cite='<names variable="author"><name form="short" initialize-with=". "/></names>',
        citation='disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names"',
    )
    items = [_item("a", "A", [DOE]), _item("b", "B", [{"family": "Doe", "given": "Kim"}])]
    assert cite(e, items, "a", "b") == "J. Doe; K. Doe"


def test_disambiguate_condition() -> None:
    e = engine(
        cite=AUTHOR_YEAR + '<choose><if disambiguate="true"><text variable="title" '
        'prefix=", "/></if></choose>'
    )
    items = [_item("a", "A", [DOE]), _item("b", "B", [DOE]), _item("c", "C", [ROE])]
    assert cite(e, items, "a", "b", "c") == "Doe 2004, A; Doe 2004, B; Roe 2004"


def test_disambiguate_conditions_turn_true_one_at_a_time() -> None:
    cond = '<choose><if disambiguate="true"><text variable="{0}" prefix=", "/></if></choose>'
    e = engine(cite='<text variable="title"/>' + cond.format("volume") + cond.format("edition"))
    items = [
        {"id": k, "type": "book", "title": "T", "volume": v, "edition": ed}
        for k, v, ed in (("a", "1", "1"), ("b", "2", "1"), ("c", "2", "2"))
    ]
    assert cite(e, items, "a", "b", "c") == "T, 1; T, 2, 1; T, 2, 2"


@pytest.mark.parametrize(
    ("given", "expected"),
    (
        pytest.param(
            'disambiguate-add-givenname="true"',
            [
                "R. Roe, D. Doe, et al.",
                "R. Roe, M. Moe, et al.",
                "L. Lee, K. Kay, F. Fox",
                "L. Lee, K. Kay, Z. Zed",
                "A. Ash et al.",
            ],
            id="with add-givenname the bibliography shows the added names",
        ),
        pytest.param(
            "",
            ["R. Roe et al.", "R. Roe et al.", "L. Lee et al.", "L. Lee et al.", "A. Ash et al."],
            id="with add-names alone it keeps its et al.",
        ),
    ),
)
def test_added_names_in_the_bibliography(given: str, expected: list[str]) -> None:
    # As citeproc-js 2.4.63 prints them (MLA has both options).
    e = engine(
        citation=f'disambiguate-add-names="true" {given} et-al-min="3" et-al-use-first="1"',
        cite='<names variable="author"><name form="short"/></names>',
        bibliography='et-al-min="3" et-al-use-first="1"',
        entry='<names variable="author"><name initialize-with=". "/></names>',
    )

    def item(key: str, *families: str) -> dict[str, object]:
        names = [{"family": f, "given": f"{f[0]}x"} for f in families]
        return {"id": key, "type": "book", "author": names}

    items = [
        item("a", "Roe", "Doe", "Poe"),
        item("b", "Roe", "Moe", "Poe"),
        item("c", "Lee", "Kay", "Fox"),
        item("d", "Lee", "Kay", "Zed"),
        item("e", "Ash", "Bay", "Cox"),
    ]
    assert entries(e, items) == expected


def test_added_names_reach_only_the_first_name_list_of_an_entry() -> None:
    # MLA: "edited by Luca Oneto et al." stays short beside a disambiguated author list.
    e = engine(
        citation='disambiguate-add-names="true" disambiguate-add-givenname="true" '
        'et-al-min="3" et-al-use-first="1"',
        cite='<names variable="author"><name form="short"/></names>',
        bibliography='et-al-min="3" et-al-use-first="1"',
        entry='<names variable="author"><name initialize-with=". "/></names>'
        '<names variable="editor" prefix=", ed. "><name initialize-with=". "/></names>',
    )
    eds = [{"family": f, "given": "X"} for f in ("One", "Two", "Three")]

    def item(key: str, *families: str) -> dict[str, object]:
        names = [{"family": f, "given": f"{f[0]}x"} for f in families]
        return {"id": key, "type": "book", "author": names, "editor": eds}

    items = [item("a", "Roe", "Doe", "Poe"), item("b", "Roe", "Moe", "Poe")]
    assert entries(e, items) == [
        "R. Roe, D. Doe, et al., ed. X. One et al.",
        "R. Roe, M. Moe, et al., ed. X. One et al.",
    ]
