from __future__ import annotations

import pytest

from citekit import tidy
from citekit.errors import CitekitError

CASES = (
    pytest.param(
        '@ARTICLE{Key,\n   Title = "The Title",\n   AUTHOR={Doe, J.}, year = 2020}\n',
        "@article{Key,\n  title  = {The Title},\n  author = {Doe, J.},\n  year   = 2020,\n}\n",
        id="lower-case names, braces, alignment, trailing comma",
    ),
    pytest.param(
        "% intro\n@misc{a, note = {x}}\n@misc{b, note = {y}}\n\n\n\n@misc{c, note = {z}}",
        "% intro\n@misc{a,\n  note = {x},\n}\n\n"
        "@misc{b,\n  note = {y},\n}\n\n@misc{c,\n  note = {z},\n}\n",
        id="one blank line between entries; comment stays attached",
    ),
    pytest.param(
        '@string{ jfp = "J. Funct. Prog." }\n@misc{a, journal = jfp # { 9}, month = {February}}\n',
        "@string{jfp = {J. Funct. Prog.}}\n\n"
        "@misc{a,\n  journal = jfp # { 9},\n  month   = feb,\n}\n",
        id="macros kept, not inlined; month as a macro",
    ),
    pytest.param(
        "@misc{a, month = {Spring}}\n",
        "@misc{a,\n  month = {Spring},\n}\n",
        id="a month that is not one is left alone",
    ),
    pytest.param(
        "@misc{a,\n  abstract = {one\n        two},\n  url = {http://x.org/a\n     b},\n}\n",
        "@misc{a,\n  abstract = {one\n    two},\n  url      = {http://x.org/a\n     b},\n}\n",
        id="continuation lines re-indented except in verbatim fields",
    ),
    pytest.param(
        "@misc{a,\n  title = {T}\n  year = 2000\n}\n\n@misc{ b , title={U}}\n",
        "@misc{a,\n  title = {T}\n  year = 2000\n}\n\n@misc{b,\n  title = {U},\n}\n",
        id="a broken entry is kept exactly as written",
    ),
    pytest.param(
        "@misc{a,\r\n  title = {T}}\r\n",
        "@misc{a,\r\n  title = {T},\r\n}\r\n",
        id="CRLF stays CRLF",
    ),
    pytest.param("", "", id="empty file"),
)


@pytest.mark.parametrize(("src", "expected"), CASES)
def test_format(src: str, expected: str) -> None:
    assert tidy.format(src) == expected
    assert tidy.format(expected) == expected


def test_options() -> None:
    opts = tidy.options(
        {
            "indent": 4,
            "align": False,
            "field-order": ["Year", "title"],
            "month": "number",
            "trailing-comma": False,
        }
    )
    src = "@misc{a, title = {T}, month = aug, year = 2000}\n"
    assert (
        tidy.format(src, opts) == "@misc{a,\n    year = 2000,\n    title = {T},\n    month = 8\n}\n"
    )


def test_sort_keeps_strings_first_and_crossref_targets_last() -> None:
    src = (
        "@string{s = {S}}\n\n"
        "@proceedings{conf, title = {C}}\n\n"
        "% about b\n@misc{b, note = s}\n\n"
        "@inproceedings{a, crossref = {conf}}\n"
    )
    out = tidy.format(src, tidy.Options(sort=True))
    assert [line for line in out.splitlines() if line.startswith(("@", "%"))] == [
        "@string{s = {S}}",
        "@inproceedings{a,",
        "% about b",
        "@misc{b,",
        "@proceedings{conf,",
    ]
    assert tidy.format(out, tidy.Options(sort=True)) == out


@pytest.mark.parametrize(
    ("table", "message"),
    (
        pytest.param({"indnt": 2}, "did you mean 'indent'", id="typo"),
        pytest.param({"month": "roman"}, "month: one of macro, number, keep", id="bad month style"),
        pytest.param({"align": "yes"}, "align: wrong type str", id="wrong type"),
        pytest.param({"indent": "xx"}, "indent: a number of spaces from 0 to 16, or a tab",
                     id="bad indent"),
        pytest.param({"indent": 1000000}, r"indent: a number of spaces from 0 to 16, or a tab "
                     r"\(\"\\t\"\), not 1000000", id="absurd indent"),
        pytest.param({"indent": -1}, "not -1", id="negative indent"),
        pytest.param({"indent": " " * 17}, "from 0 to 16", id="too long an indent string"),
        pytest.param({"field-order": [1]}, "field-order: a list of field names", id="bad order"),
    ),
)
def test_options_are_validated(table: dict[str, object], message: str) -> None:
    with pytest.raises(CitekitError, match=message):
        tidy.options(table)


@pytest.mark.parametrize(
    ("indent", "expected"),
    (
        pytest.param(0, "", id="no indent"),
        pytest.param(16, " " * 16, id="16 spaces"),
        pytest.param("\t", "\t", id="a tab"),
        pytest.param("", "", id="empty string"),
    ),
)
def test_indent_range(indent: object, expected: str) -> None:
    assert tidy.options({"indent": indent}).indent == expected


def test_options_errors_start_with_where() -> None:
    with pytest.raises(CitekitError) as e:
        tidy.options({"indnt": 2}, where="t/citekit.toml: [fmt]")
    assert str(e.value) == "t/citekit.toml: [fmt]: unknown setting 'indnt'; did you mean 'indent'?"
