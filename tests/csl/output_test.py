from __future__ import annotations

import json

import pytest

from citekit.csl import output
from citekit.csl.output import Piece

HTML = (
    "Doe, J. (2020). <i>A_B *c*</i> &amp; <b>more</b> "
    '<span style="font-variant:small-caps;">Sc</span> x<sup>2</sup> H<sub>2</sub>O'
)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    (
        pytest.param("text", "Doe, J. (2020). A_B *c* & more Sc x2 H2O\n", id="text"),
        pytest.param(
            "markdown",
            "Doe, J. (2020). *A\\_B \\*c\\** & **more** Sc x<sup>2</sup> H<sub>2</sub>O\n",
            id="markdown escapes its specials",
        ),
        pytest.param(
            "latex",
            "Doe, J. (2020). \\emph{A\\_B *c*} \\& \\textbf{more} \\textsc{Sc}"
            " x\\textsuperscript{2} H\\textsubscript{2}O\n",
            id="latex escapes its specials",
        ),
    ),
)
def test_writers(fmt: str, expected: str) -> None:
    assert output.render([Piece("k", HTML)], fmt) == expected


def test_rtf_escapes_braces_and_non_ascii() -> None:
    out = output.render([Piece("k", "<i>Café</i> {x} 𝔸")], "rtf")
    assert out.startswith("{\\rtf1\\ansi")
    assert "{\\pard {\\i Caf\\u233?} \\{x\\} \\u-10187?\\u-8904?\\par}" in out


def test_html_bibliography_and_citation() -> None:
    pieces = [Piece("a", "A &amp; B"), Piece("b", "<i>C</i>")]
    assert output.render(pieces, "html") == (
        '<div class="csl-bib-body">\n'
        '  <div class="csl-entry">A &amp; B</div>\n'
        '  <div class="csl-entry"><i>C</i></div>\n'
        "</div>\n"
    )
    assert output.render(pieces[:1], "html", bibliography=False) == "A &amp; B\n"


def test_json_has_key_text_and_html_in_order() -> None:
    pieces = [Piece("b", "B &lt;1&gt;"), Piece("a", "<i>A</i>")]
    assert json.loads(output.render(pieces, "json")) == [
        {"key": "b", "text": "B <1>", "html": "B &lt;1&gt;"},
        {"key": "a", "text": "A", "html": "<i>A</i>"},
    ]


def test_markdown_and_latex_separate_entries_by_a_blank_line() -> None:
    pieces = [Piece("a", "A"), Piece("b", "B")]
    assert output.render(pieces, "markdown") == "A\n\nB\n"
    assert output.render(pieces, "text") == "A\nB\n"


def test_emphasis_keeps_spaces_outside_markdown_markers() -> None:
    assert output.to_markdown("<i>Title </i>x") == "*Title* x"
