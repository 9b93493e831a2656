from __future__ import annotations

import pytest

from citekit import latex


@pytest.mark.parametrize(
    ("src", "plain", "rich"),
    (
        pytest.param(r"M\"{u}ller", "Müller", "Müller", id="accent with braces"),
        pytest.param(r"M\"uller", "Müller", "Müller", id="accent without braces"),
        pytest.param(r"{\"U}ber", "Über", "Über", id="braced special char is not protection"),
        pytest.param(r"Stra{\ss}e", "Straße", "Straße", id="eszett"),
        pytest.param(
            r"\c{C}a\u{g}lar \v{S}koda \L{}\'od\'z",
            "Çağlar Škoda Łódź",
            None,
            id="cedilla breve caron stroke",
        ),
        pytest.param(r"Fran\c cois", "François", None, id="accent with a space"),
        pytest.param(r"\^{\i}le", "île", None, id="dotless i under an accent"),
        pytest.param(r"pp.~10--20 --- yes", "pp.\u00a010–20 — yes", None, id="ties and dashes"),
        pytest.param(r"50\% \& more \$5 a\_b", "50% & more $5 a_b", None, id="escaped specials"),
        pytest.param(
            r"The {NATO} Summit",
            "The NATO Summit",
            'The <span class="nocase">NATO</span> Summit',
            id="protected word",
        ),
        pytest.param(
            r"{B}leichenbacher on {D}iffie-{H}ellman in e{B}ay, {B}LEICH",
            "Bleichenbacher on Diffie-Hellman in eBay, BLEICH",
            '<span class="nocase">Bleichenbacher</span> on <span class="nocase">Diffie</span>-'
            '<span class="nocase">Hellman</span> in e<span class="nocase">Bay</span>, '
            '<span class="nocase">B</span>LEICH',
            id="a protected capital protects its lower-case word",
        ),
        pytest.param(
            r"\textit{Homo sapiens} in {\em Riga}",
            "Homo sapiens in Riga",
            "<i>Homo sapiens</i> in <i>Riga</i>",
            id="italics",
        ),
        pytest.param(r"$\alpha$-helix $x^2$", "α-helix x2", "α-helix x<sup>2</sup>", id="math"),
        pytest.param(r"``quoted''", "“quoted”", None, id="TeX quotes"),
        pytest.param("two\n  lines", "two lines", None, id="line break is a space"),
        pytest.param(r"\unknown{kept}", "kept", None, id="unknown command keeps its argument"),
        pytest.param(r"\url{https://x.org/a_b}", "https://x.org/a_b", None, id="url verbatim"),
    ),
)
def test_to_unicode(src: str, plain: str, rich: str | None) -> None:
    assert latex.to_unicode(src) == plain
    if rich is not None:
        assert latex.to_unicode(src, markup=True) == rich


@pytest.mark.parametrize(
    ("raw", "strings", "expected"),
    (
        pytest.param("{A {B} C}", {}, "A {B} C", id="braces"),
        pytest.param('"A {"} B"', {}, 'A {"} B', id="quotes"),
        pytest.param("2001", {}, "2001", id="bare number"),
        pytest.param("feb", {}, "February", id="month macro"),
        pytest.param('jnl # " 12"', {"jnl": '"J. Chem."'}, "J. Chem. 12", id="concatenation"),
        pytest.param("JNL", {"jnl": "{Nested}"}, "Nested", id="macros are case-insensitive"),
        pytest.param("undefined", {}, "undefined", id="undefined macro kept"),
    ),
)
def test_value(raw: str, strings: dict[str, str], expected: str) -> None:
    assert latex.value(raw, strings) == expected


@pytest.mark.parametrize(
    ("text", "month"),
    (("feb", 2), ("{February}", 2), ("12", 12), ("Sept.", 9), ("13", None), ("Summer", None)),
)
def test_month_number(text: str, month: int | None) -> None:
    assert latex.month_number(text) == month


@pytest.mark.parametrize(
    ("text", "expected"),
    (
        ("A & B 50% #1 a_b", r"A \& B 50\% \#1 a\_b"),
        ("Unicode stays: Müller", "Unicode stays: Müller"),
        ('<i>Nature</i> and <span class="nocase">NATO</span>', r"\textit{Nature} and {NATO}"),
        # BibTeX counts \{ as a brace, so a stray brace must not be written as \{
        ("an { unbalanced", r"an \textbraceleft{} unbalanced"),
        ("a } b {", r"a \textbraceright{} b \textbraceleft{}"),
        ("a \\ b", r"a \textbackslash{} b"),
        ("{x \\", r"\textbraceleft{}x \textbackslash{}"),
        ("{NATO} stays protected", "{NATO} stays protected"),
        # typed text: ~ is not a non-breaking space, ^ not a superscript
        ("~x^2", r"\textasciitilde{}x\textasciicircum{}2"),
    ),
)
def test_to_latex(text: str, expected: str) -> None:
    assert latex.to_latex(text) == expected


@pytest.mark.parametrize(
    "text",
    ("Hello {", "}Hello", "50% of {weird} #1 \\ back \\{x", "x}{y", "a_b & $5 \\",
     "~x^2 ~ y"),  # fmt: skip
)
def test_to_latex_reads_back_as_the_same_text_and_balances(text: str) -> None:
    source = latex.to_latex(text)
    assert latex.plain("{" + source + "}") == text
    assert latex._balanced(source)  # as BibTeX counts them: \{ is a brace too


def test_deeply_nested_braces_decode_without_crashing() -> None:
    # 500 levels of {...} hit Python's recursion limit: list, show and format crashed (exit 3)
    text = "{" * 5000 + "x" + "}" * 5000
    assert latex.to_unicode(text) == "x"
    assert latex.plain("{" + "{" * 10 + "\\\"u" + "}" * 10 + "}") == "ü"
