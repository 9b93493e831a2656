from __future__ import annotations

import pytest

from tests.csl.spec.conftest import Render


@pytest.mark.parametrize(("how", "title", "expected"), (
    pytest.param("title", "the art of war: a study in the field",
                 "The Art of War: A Study in the Field", id="stop words lower in the middle"),
    pytest.param("title", "what it is for", "What It Is For", id="last word capitalised"),
    pytest.param("title", "Pd-N-heterocyclic higher-dimensional",
                 "Pd-N-Heterocyclic Higher-Dimensional", id="hyphenated parts"),
    pytest.param("title", "07-x test", "07-x Test", id="lone letter after hyphen stays"),
    pytest.param("title", "the 3rd series", "The 3rd Series", id="word starting with a digit"),
    pytest.param("title", "remarks on 't hooft", "Remarks on ’t Hooft",
                 id="word starting with an apostrophe"),
    pytest.param("title", "AT&T and more", "AT&amp;T and More", id="escaped ampersand"),
    pytest.param("title", "core traits—self-esteem", "Core Traits—Self-Esteem", id="em dash"),
    pytest.param("title", "the iPhone and NATO", "The iPhone and NATO", id="inner capitals stay"),
    pytest.param("title", 'a <span class="nocase">de</span> test', "A de Test", id="nocase"),
    pytest.param("title", "H<sub>2o</sub> in water", "H<sub>2o</sub> in Water",
                 id="sub is implicit nocase"),
    # checked against citeproc-js 2.4.63:
    pytest.param("title", "dept. of computer science", "Dept. of Computer Science",
                 id="a stop word after a period stays lower-case"),
    pytest.param("title", "(hyper)elliptic curves", "(Hyper)Elliptic Curves",
                 id="a word after a bracket"),
    pytest.param("title", "fine-grained trade-offs for k-sum", "Fine-Grained Trade-Offs for k-Sum",
                 id="a one-letter word stays lower-case"),
    pytest.param("title", "speech-in-noise", "Speech-in-Noise", id="stop word between hyphens"),
    pytest.param("title", "∂ for data", "∂ for Data", id="a symbol is the first word"),
    pytest.param("title", "github.com/sears/bls", "Github.Com/Sears/Bls",
                 id="periods and slashes cut words"),
    pytest.param("title", "x-ray and β-carotine", "X-Ray and β-Carotine",
                 id="a lone Greek letter stays"),
    pytest.param("sentence", "This Is a Pen from NATO", "This is a pen from NATO",
                 id="sentence keeps acronyms"),
    pytest.param("sentence", "ALL CAPS TITLE", "All caps title", id="sentence of capitals"),
    pytest.param("capitalize-first", "eBay and more", "eBay and more",
                 id="capitalize-first leaves a mixed-case word"),
    pytest.param("capitalize-all", "one two", "One Two", id="capitalize-all"),
    pytest.param("uppercase", 'a <span class="nocase">b</span>', "A b",
                 id="uppercase skips nocase"),
    pytest.param("lowercase", "AB CD", "ab cd", id="lowercase"),
))
def test_text_case(render: Render, how: str, title: str, expected: str) -> None:
    assert render(f'<text variable="title" text-case="{how}"/>', {"title": title}) == expected


def test_title_case_only_for_english_items(render: Render) -> None:
    body = '<text variable="title" text-case="title"/>'
    assert render(body, {"title": "die welt", "language": "de"}) == "die welt"


@pytest.mark.parametrize("variable", ["volume-title", "part-title"])
def test_title_case_ignores_language_outside_per_language_variables(
    render: Render, variable: str
) -> None:
    # citeproc-js 2.4.63, the reference processor, reads only titles, publisher, place,
    # genre … per language; "Die Geburt Der Tragödie" in its Chicago output.
    body = f'<text variable="{variable}" text-case="title"/>'
    assert render(body, {variable: "die geburt der tragödie", "language": "de"}) == (
        "Die Geburt Der Tragödie"
    )


def test_title_case_applies_to_terms_in_labels(render: Render) -> None:
    body = '<names variable="editor"><name/><label form="short" prefix=" (" suffix=")" ' \
           'text-case="title"/></names>'
    got = render(body, {"editor": [{"family": "Doe", "given": "J."}]})
    assert got == "J. Doe (Ed.)"


def test_nodecor_text_keeps_its_case(render: Render) -> None:
    body = '<text variable="title" text-case="uppercase"/>'
    got = render(body, {"title": 'Lessard <span class="nodecor">v.</span> Schmidt'})
    assert got == "LESSARD v. SCHMIDT"
