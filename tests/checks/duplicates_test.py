from __future__ import annotations

import pytest

from citekit.model import Problem
from tests.checks.helpers import codes
from tests.checks.helpers import fixed
from tests.checks.helpers import found

A = "@article{a,\n  author = {Doe, Jane},\n  title = {A Study of Things},\n  year = 2020,\n"

CASES = (
    pytest.param(
        "duplicate-key", "@misc{a, title={x}}\n@misc{a, title={y}}\n", True, id="same key twice"
    ),
    pytest.param(
        "duplicate-key",
        "@misc{Smith20, title={x}}\n@misc{smith20, title={y}}\n",
        True,
        id="keys differing only in case",
    ),
    pytest.param(
        "duplicate-key", "@misc{a, title={x}}\n@misc{b, title={y}}\n", False, id="distinct keys"
    ),
    pytest.param(
        "duplicate-field", "@misc{a, title={x}, title={y}}\n", True, id="field given twice"
    ),
    pytest.param(
        "duplicate-field",
        "@misc{a, title={x}, Title={x}}\n",
        True,
        id="field names compare ignoring case",
    ),
    pytest.param(
        "duplicate-field", "@misc{a, title={x}, note={x}}\n", False, id="different fields"
    ),
    pytest.param(
        "duplicate-doi",
        "@misc{a, doi={10.1000/X}}\n@misc{b, doi={https://doi.org/10.1000/x}}\n",
        True,
        id="same DOI modulo case and resolver prefix",
    ),
    pytest.param(
        "duplicate-doi",
        "@misc{a, doi={10.1000/x}}\n@misc{b, doi={10.1000/y}}\n",
        False,
        id="different DOIs",
    ),
    pytest.param(
        "duplicate-url",
        "@misc{a, url={https://www.ex.org/p/1}}\n@misc{b, url={http://ex.org/p/1/?utm_source=x}}\n",
        True,
        id="same URL modulo scheme, www, tracking",
    ),
    pytest.param(
        "duplicate-url",
        "@misc{a, url={https://ex.org/p/1}}\n@misc{b, url={https://ex.org/p/2}}\n",
        False,
        id="different URLs",
    ),
    pytest.param(
        "duplicate-url",
        "@misc{a, title={Query Optimization}, url={https://ex.org/bulletin.pdf}}\n"
        "@misc{b, title={Transaction Logging}, url={https://ex.org/bulletin.pdf}}\n",
        False,
        id="one PDF holding two papers",
    ),
    pytest.param(
        "duplicate-isbn",
        "@book{a, isbn={0-262-16209-1}}\n@book{b, isbn={978-0-262-16209-8}}\n",
        True,
        id="ISBN-10 and ISBN-13 of one book",
    ),
    pytest.param(
        "duplicate-isbn",
        "@incollection{a, isbn={978-0-262-16209-8}}\n@incollection{b, isbn={978-0-262-16209-8}}\n",
        False,
        id="chapters share their book's ISBN",
    ),
    pytest.param(
        "duplicate-title",
        A + "}\n" + A.replace("{a", "{b").replace("Things", "Things.") + "}\n",
        True,
        id="same title, year, first author",
    ),
    pytest.param(
        "duplicate-title",
        A + "}\n" + A.replace("{a", "{b").replace("2020", "2021") + "}\n",
        False,
        id="another year",
    ),
    pytest.param(
        "duplicate-title",
        A + "  doi = {10.1000/a},\n}\n" + A.replace("{a", "{b") + "  doi = {10.1000/b},\n}\n",
        False,
        id="two DOIs: conference and journal version",
    ),
)


@pytest.mark.parametrize(("code", "src", "triggers"), CASES)
def test_duplicate_checks(code: str, src: str, triggers: bool) -> None:
    assert (code in codes(src, code)) is triggers


def test_duplicate_key_message_says_which_wins() -> None:
    src = "@misc{Smith20, title={x}}\n\n@misc{smith20, title={y}}\n"
    assert found(src, "duplicate-key") == [
        Problem(
            "duplicate-key",
            3,
            1,
            "smith20: key already used at line 1 (as 'Smith20'; BibTeX ignores case); "
            "BibTeX and biber keep only the first entry",
        )
    ]


def test_duplicate_field_message_says_bibtex_keeps_the_first() -> None:
    (p,) = found("@misc{a,\n  title = {x},\n  title = {y},\n}\n", "duplicate-field")
    assert (p.line, p.col, p.severity) == (3, 3, "warning")
    assert p.message.endswith(
        "repeats line 2 with a different value; BibTeX uses the first one and ignores this one"
    )


@pytest.mark.parametrize(
    ("src", "expected"),
    (
        pytest.param(
            "@misc{a,\n  title = {x},\n  title = {x},\n}\n",
            "@misc{a,\n  title = {x},\n}\n",
            id="identical repeat removed",
        ),
        pytest.param(
            "@misc{a,\n  title = {x},\n  title = {y},\n}\n",
            "@misc{a,\n  title = {x},\n  title = {y},\n}\n",
            id="different values left for the user",
        ),
    ),
)
def test_fix_duplicate_field(src: str, expected: str) -> None:
    assert fixed(src, "duplicate-field") == expected
