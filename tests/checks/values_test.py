from __future__ import annotations

import pytest

from tests.checks.helpers import codes
from tests.checks.helpers import fixed

CASES = (
    pytest.param("bad-year", "@misc{a, year = {2019/ed}}\n", True, id="year with junk"),
    pytest.param("bad-year", "@misc{a, year = {in press}}\n", True, id="words instead of a year"),
    pytest.param(
        "bad-year",
        "@misc{a, year = 2019}\n@misc{b, year = {{\\noopsort{a}}1973}}\n",
        False,
        id="number, or sorting trick",
    ),
    pytest.param("bad-date", "@misc{a, date = {9 October, 2006}}\n", True, id="prose date"),
    pytest.param("bad-date", "@misc{a, date = {2021-02-30}}\n", True, id="impossible day"),
    pytest.param(
        "bad-date",
        "@misc{a, date = {2020-05-17}, urldate = {2019/2020}, origdate = {1850~}}\n",
        False,
        id="ISO dates, ranges, qualifiers",
    ),
    pytest.param("bad-month", "@misc{a, month = {Spring}}\n", True, id="season"),
    pytest.param(
        "bad-month",
        "@misc{a, month = aug}\n@misc{b, month = {12}}\n@misc{c, month = {March}}\n",
        False,
        id="macro, number, name",
    ),
    pytest.param(
        "bad-doi", "@misc{a, doi = {https://doi.org/10.1000/x}}\n", True, id="resolver prefix"
    ),
    pytest.param("bad-doi", "@misc{a, doi = {null}}\n", True, id="not a DOI"),
    pytest.param("bad-doi", "@misc{a, doi = {10.1000/x_(y)}}\n", False, id="bare DOI"),
    pytest.param(
        "bad-isbn", "@book{a, isbn = {978-0-262-16209-9}}\n", True, id="wrong check digit"
    ),
    pytest.param(
        "bad-isbn",
        "@book{a, isbn = {0-262-16209-1 978-0-262-16209-8}}\n@book{b, isbn = {080442957X}}\n",
        False,
        id="two valid ISBNs; X check digit",
    ),
    pytest.param("bad-issn", "@article{a, issn = {0006-8951}}\n", True, id="wrong check digit"),
    pytest.param(
        "bad-issn",
        "@article{a, issn = {0006-8950, 1460-2156 (Electronic)}}\n"
        "@article{b, issn={1526-{632X}}}\n",
        False,
        id="valid, with notes and protected X",
    ),
    pytest.param("bad-url", "@misc{a, url = {www.example.org/page}}\n", True, id="no scheme"),
    pytest.param("bad-url", "@misc{a, url = {http://ex.org/a b.pdf}}\n", True, id="space inside"),
    pytest.param(
        "bad-url", "@misc{a, url = {https://ex.org/a%20b.pdf}}\n", False, id="absolute URL"
    ),
    pytest.param("page-range", "@misc{a, pages = {10-20}}\n", True, id="single hyphen"),
    pytest.param("page-range", "@misc{a, pages = {S1 - S10}}\n", True, id="letters and spaces"),
    pytest.param(
        "page-range",
        "@misc{a, pages = {10--20}}\n@misc{b, pages = {e1234}}\n@misc{c, pages = {978-3-16}}\n",
        False,
        id="en dash, single page, not a range",
    ),
    pytest.param(
        "empty-name", "@misc{a, author = {Doe, J. and and Roe, R.}}\n", True, id="and and"
    ),
    pytest.param("empty-name", "@misc{a, author = {Doe, J. and}}\n", True, id="trailing and"),
    pytest.param(
        "empty-name",
        "@misc{a, author = {{Barnes and Noble} and Doe, J.}}\n",
        False,
        id="and inside braces",
    ),
    pytest.param(
        "name-split",
        "@misc{a, author = {Doe, Jane\n    Roe, Richard and Poe, E.}}\n",
        True,
        id="lost and at a line break",
    ),
    pytest.param(
        "name-split",
        "@misc{a, author = {Doe, Jane and\n    Roe, Richard}}\n",
        False,
        id="line break after and",
    ),
    pytest.param(
        "name-split",
        "@misc{a, author = {{Smith, Jones, and Partners, LLP} and Doe, J.}}\n",
        False,
        id="commas inside a braced organisation",
    ),
    pytest.param("et-al", "@misc{a, author = {Doe, J. et al.}}\n", True, id="et al. typed"),
    pytest.param("et-al", "@misc{a, author = {Doe, J. and others}}\n", False, id="and others"),
)


@pytest.mark.parametrize(("code", "src", "triggers"), CASES)
def test_value_checks(code: str, src: str, triggers: bool) -> None:
    assert (code in codes(src, code)) is triggers


@pytest.mark.parametrize(
    ("code", "src", "expected"),
    (
        pytest.param(
            "page-range",
            "@misc{a, pages = {10-20, 30 - 40}}\n",
            "@misc{a, pages = {10--20, 30--40}}\n",
            id="ranges get an en dash",
        ),
        pytest.param(
            "page-range",
            "@misc{a, pages = pp # {10-20}}\n",
            "@misc{a, pages = pp # {10-20}}\n",
            id="concatenation left alone",
        ),
        pytest.param(
            "bad-doi",
            "@misc{a, doi = {https://doi.org/10.1000/x}}\n",
            "@misc{a, doi = {10.1000/x}}\n",
            id="prefix removed",
        ),
        pytest.param(
            "bad-doi",
            "@misc{a, doi = {null}}\n",
            "@misc{a, doi = {null}}\n",
            id="not a DOI: nothing to strip",
        ),
        pytest.param(
            "et-al",
            "@misc{a, author = {Doe, J. et al.}}\n",
            "@misc{a, author = {Doe, J. and others}}\n",
            id="and others",
        ),
        pytest.param(
            "et-al",
            "@misc{a, author = {Doe, J. and others}}\n",
            "@misc{a, author = {Doe, J. and others}}\n",
            id="noop",
        ),
    ),
)
def test_value_fixes(code: str, src: str, expected: str) -> None:
    assert fixed(src, code) == expected


def test_page_range_is_off_for_biblatex() -> None:
    from citekit.checks import Options

    src = "@misc{a, pages = {10-20}}\n"
    assert codes(src, "page-range", options=Options(datamodel="biblatex")) == []
