from __future__ import annotations

import pytest

from tests.checks.helpers import codes
from tests.checks.helpers import fixed
from tests.checks.helpers import found

CASES = (
    pytest.param(
        "unescaped-special", "@misc{a, title = {Salt & Pepper}}\n", True, id="ampersand in title"
    ),
    pytest.param(
        "unescaped-special", "@misc{a, publisher = {100% Press}}\n", True, id="percent in publisher"
    ),
    pytest.param(
        "unescaped-special",
        "@misc{a, title = {Salt \\& Pepper $a \\# b$}, url = {http://x.org/a%20b#c}}\n",
        False,
        id="escaped; math; url is verbatim",
    ),
    pytest.param(
        "unescaped-special",
        "@misc{a, howpublished = {\\url{https://x.org/a#b%20c}}}\n",
        False,
        id="inside \\url",
    ),
    pytest.param(
        "unbalanced-math", "@misc{a, title = {Costs $5 and more}}\n", True, id="a lone dollar"
    ),
    pytest.param(
        "unbalanced-math",
        "@misc{a, title = {The $\\lambda$-calculus for \\$5}}\n",
        False,
        id="math closed; escaped dollar",
    ),
    pytest.param("html", "@misc{a, title = {Tom &amp; Jerry}}\n", True, id="entity"),
    pytest.param("html", "@misc{a, title = {The <i>E. coli</i> genome}}\n", True, id="tag"),
    pytest.param("html", "@misc{a, title = {a < b and c > d}}\n", False, id="comparison signs"),
    pytest.param(
        "mojibake", "@misc{a, author = {Andr\u00c3\u00a9 Weil}}\n", True, id="UTF-8 read as Latin-1"
    ),
    pytest.param(
        "mojibake",
        "@misc{a, author = {Andr\u00e9 Weil and \u00c3ngstr\u00f6m}}\n",
        False,
        id="real accents",
    ),
    pytest.param("not-nfc", "@misc{a, author = {Andre\u0301 Weil}}\n", True, id="combining accent"),
    pytest.param("not-nfc", "@misc{a, author = {Andr\u00e9 Weil}}\n", False, id="precomposed"),
    pytest.param(
        "unprotected-caps",
        "@misc{a, title = {A Survey of NATO Members}}\n",
        True,
        id="acronym unprotected",
    ),
    pytest.param(
        "unprotected-caps",
        "@misc{a, title = {A Survey of {NATO} Members in $\\mathcal{NP}$ and \\LaTeX}}\n",
        False,
        id="braced, math, commands",
    ),
)


@pytest.mark.parametrize(("code", "src", "triggers"), CASES)
def test_text_checks(code: str, src: str, triggers: bool) -> None:
    assert (code in codes(src, code)) is triggers


def test_mojibake_names_the_repair() -> None:
    (p,) = found("@misc{a, author = {Andr\u00c3\u00a9 Weil}}\n", "mojibake")
    assert "looks like '\u00e9'" in p.message


@pytest.mark.parametrize(
    ("code", "src", "expected"),
    (
        pytest.param(
            "unescaped-special",
            "@misc{a, title = {Salt & Pepper, 5%}}\n",
            "@misc{a, title = {Salt \\& Pepper, 5\\%}}\n",
            id="backslashes added",
        ),
        pytest.param(
            "unescaped-special",
            "@misc{a, title = {$a & b$}}\n",
            "@misc{a, title = {$a & b$}}\n",
            id="math left alone",
        ),
        pytest.param(
            "not-nfc",
            "@misc{a, author = {Andre\u0301}}\n",
            "@misc{a, author = {Andr\u00e9}}\n",
            id="normalised to NFC",
        ),
    ),
)
def test_text_fixes(code: str, src: str, expected: str) -> None:
    assert fixed(src, code) == expected
