from __future__ import annotations

import pytest
from citeproc.source import Date
from citeproc.source import DateRange

from citekit.csl.spec.sort import collate
from citekit.csl.spec.sort import date_key
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


def test_a_date_macro_key_is_its_dates_run_together() -> None:
    # Chicago's shape: the key macro holds a <date> itself (so it sorts by dates only) and
    # prints "(1959) 1997" for a reprint through nested macros. As citeproc-js keys it, the
    # reprint is both dates as one run of digits, after the plain 1997 entry's one date.
    macros = (
        '<macro name="original"><date variable="original-date" date-parts="year" '
        'form="numeric"/></macro>'
        '<macro name="issued"><date variable="issued" date-parts="year" form="numeric"/></macro>'
        '<macro name="year"><choose><if variable="issued"><group delimiter=" ">'
        '<text macro="original" prefix="(" suffix=")"/><text macro="issued"/>'
        '</group></if><else><date variable="accessed" form="numeric"/></else></choose></macro>'
    )
    e = engine(macros=macros, sort='<sort><key macro="year"/></sort>')
    original = {"original-date": {"date-parts": [[1959]]}}
    items = [
        _item("reprint", issued={"date-parts": [[1997]]}, **original),
        _item("plain", issued={"date-parts": [[1997]]}),
        _item("older", issued={"date-parts": [[1959]]}),
    ]
    assert entries(e, items) == ["older", "plain", "reprint"]


def test_a_date_macro_key_drops_its_text() -> None:
    # "n.d." is no key: the undated item goes last, after the dated ones
    macros = (
        '<macro name="date"><choose><if variable="issued">'
        '<date variable="issued" date-parts="year" form="numeric"/></if>'
        '<else><text value="n.d."/></else></choose></macro>'
    )
    e = engine(macros=macros, sort='<sort><key macro="date" sort="descending"/></sort>')
    items = [
        _item("undated"),
        _item("old", issued={"date-parts": [[1990]]}),
        _item("new", issued={"date-parts": [[2020]]}),
    ]
    assert entries(e, items) == ["new", "old", "undated"]


def test_a_date_range_sorts_after_its_start_alone() -> None:
    e = engine(sort='<sort><key variable="issued"/></sort>')
    items = [
        _item("range", issued={"date-parts": [[1990], [1995]]}),
        _item("later", issued={"date-parts": [[1991]]}),
        _item("start", issued={"date-parts": [[1990]]}),
    ]
    assert entries(e, items) == ["start", "range", "later"]


def test_digit_runs_in_macro_keys_compare_as_numbers() -> None:
    macros = '<macro name="title"><text variable="title"/></macro>'
    e = engine(macros=macros, sort='<sort><key macro="title"/></sort>')
    items = [_item("Volume 10"), _item("Volume 9"), _item("Volume 9a")]
    assert entries(e, items) == ["Volume 9", "Volume 9a", "Volume 10"]


def test_what_follows_a_date_key_joins_it() -> None:
    # A macro with no <date> of its own: the delimiter after a nested date's key goes, so
    # the original year and the reprint's read as one number (citeproc-js's key).
    macros = (
        '<macro name="original"><date variable="original-date" date-parts="year" '
        'form="numeric"/></macro>'
        '<macro name="issued"><date variable="issued" date-parts="year" form="numeric"/></macro>'
        '<macro name="year"><group delimiter=" ">'
        '<text macro="original" prefix="(" suffix=")"/><text macro="issued"/>'
        "</group></macro>"
    )
    e = engine(macros=macros, sort='<sort><key macro="year"/></sort>')
    original = {"original-date": {"date-parts": [[1959]]}}
    items = [
        _item("reprint", issued={"date-parts": [[1997]]}, **original),
        _item("plain", issued={"date-parts": [[1997]]}),
    ]
    assert entries(e, items) == ["plain", "reprint"]


@pytest.mark.parametrize(
    ("date", "parts", "expected"),
    (
        pytest.param(Date(year=1997), ("year",), "119970000100000000", id="a year"),
        pytest.param(
            Date(year=1997, month=5, day=3),
            ("month", "day"),
            "100000503100000000",
            id="parts not shown are zero, the year too",
        ),
        pytest.param(
            DateRange(begin=Date(year=1990), end=Date(year=1995)),
            ("year", "month", "day"),
            "119900000119950000",
            id="a range: start then end",
        ),
        pytest.param(Date(year=-50), ("year",), "099490000100000000", id="a year BC"),
    ),
)
def test_date_keys_are_citeproc_js_keys(
    date: object, parts: tuple[str, ...], expected: str
) -> None:
    assert date_key(date, parts) == expected
