from __future__ import annotations

import pytest

from citekit.checks import Options
from citekit.checks import fields
from citekit.model import Problem
from tests.checks.helpers import codes
from tests.checks.helpers import found

CASES = (
    pytest.param("undefined-string", "@misc{a, journal = jfp}\n", True, id="macro never defined"),
    pytest.param(
        "undefined-string",
        "@string{jfp = {J. Funct. Prog.}}\n@misc{a, journal = JFP # { 1}}\n",
        False,
        id="defined macro, any case",
    ),
    pytest.param(
        "undefined-string",
        "@misc{a, month = aug, year = 2000}\n",
        False,
        id="month macros and numbers",
    ),
    pytest.param(
        "missing-crossref",
        "@inproceedings{a, crossref = {conf}}\n",
        True,
        id="crossref to a missing key",
    ),
    pytest.param(
        "missing-crossref",
        "@misc{a, xdata = {x1, x2}}\n@xdata{x1, note={n}}\n",
        True,
        id="one xdata key missing",
    ),
    pytest.param(
        "missing-crossref",
        "@inproceedings{a, crossref = {Conf}}\n@proceedings{conf, title={C}}\n",
        False,
        id="target present (case-insensitive)",
    ),
    pytest.param("string-cycle", "@string{a = b}\n@string{b = a}\n", True, id="two macros"),
    pytest.param("string-cycle", "@string{c = {x} # C}\n", True, id="macro through itself"),
    pytest.param(
        "string-cycle",
        "@string{a = b # c}\n@string{b = c}\n@string{c = {x} # a}\n",
        True,
        id="three macros",
    ),
    pytest.param(
        "string-cycle",
        "@string{j = {J}}\n@string{j = j # { Lett.}}\n@string{k = j # j # nope}\n",
        False,
        id="redefinition appends to the earlier macro; chains and undefined names",
    ),
    pytest.param(
        "crossref-cycle",
        "@misc{a, crossref = {B}}\n@misc{b, crossref = {a}}\n",
        True,
        id="two entries crossref each other",
    ),
    pytest.param("crossref-cycle", "@misc{a, crossref = {a}}\n", True, id="crossref to itself"),
    pytest.param(
        "crossref-cycle",
        "@misc{a, xdata = {x, b}}\n@xdata{x, note = {n}}\n@misc{b, crossref = {a}}\n",
        True,
        id="through xdata",
    ),
    pytest.param(
        "crossref-cycle",
        "@misc{a, crossref = {b}, xdata = {b}, xref = {a}}\n@misc{b, crossref = {c}}\n"
        "@misc{c, title = {T}}\n@misc{d, crossref = {gone}}\n",
        False,
        id="chain, xref to itself and a missing target",
    ),
    pytest.param("unknown-type", "@artcle{a, title={T}}\n", True, id="misspelled type"),
    pytest.param(
        "unknown-type",
        "@Online{a, title={T}}\n@PhDThesis{b, title={T}}\n",
        False,
        id="biblatex and BibTeX types, any case",
    ),
    pytest.param("unknown-field", "@misc{a, jounal = {J}}\n", True, id="typo of journal"),
    pytest.param(
        "unknown-field",
        "@misc{a, journaltitle = {J}, urldate = {2020-01-01}, bdsk-url-1 = {x}, nourl = {y}}\n",
        False,
        id="biblatex, tool and switched-off fields",
    ),
    pytest.param(
        "missing-field",
        "@article{a, author={A}, title={T}, year=2000}\n",
        True,
        id="article without journal",
    ),
    pytest.param(
        "missing-field",
        "@article{a, author={A}, title={T}, journaltitle={J}, date={2000}}\n",
        False,
        id="biblatex names count",
    ),
    pytest.param(
        "missing-field",
        "@inproceedings{a, author={A}, title={T}, crossref={c}}\n"
        "@proceedings{c, title={Conf}, year=2000}\n",
        False,
        id="inherited through crossref (title becomes booktitle)",
    ),
    pytest.param("missing-field", "@misc{a}\n", False, id="misc needs nothing in BibTeX"),
)


@pytest.mark.parametrize(("code", "src", "triggers"), CASES)
def test_field_checks(code: str, src: str, triggers: bool) -> None:
    assert (code in codes(src, code)) is triggers


def test_unknown_field_suggests_the_right_name() -> None:
    (p,) = found("@misc{a,\n  jounal = {J},\n}\n", "unknown-field")
    assert p.message == "a: unknown field 'jounal'; did you mean 'journal'? (styles ignore it)"
    assert (p.line, p.col) == (2, 3)


def test_undefined_string_points_at_the_word() -> None:
    (p,) = found("@misc{a,\n  journal = {X} # jfp,\n}\n", "undefined-string")
    assert (p.line, p.col) == (2, 19)


def test_macros_from_other_files_count() -> None:
    assert (
        codes(
            "@misc{a, journal = jfp}\n",
            "undefined-string",
            options=Options(macros=frozenset({"jfp"})),
        )
        == []
    )


def test_missing_field_names_the_alternatives() -> None:
    (p,) = found("@article{a, author={A}, title={T}, journal={J}}\n", "missing-field")
    assert p.message == "a: @article needs year (or date)"


def test_datamodel_biblatex_asks_misc_for_more() -> None:
    src = "@misc{a, note={n}}\n"
    assert (
        codes(src, "missing-field", options=Options(datamodel="biblatex")) == ["missing-field"] * 3
    )


def test_cycles_are_spelled_out_from_their_first_line() -> None:
    src = (
        "@string{x = {X}}\n@string{a = b # x}\n@string{B = a}\n"
        "@misc{p, crossref = {q}}\n@misc{q, xdata = {r}}\n@misc{r, crossref = {P}}\n"
        "@misc{s, crossref = {s}}\n"
    )
    assert found(src, "string-cycle") == [
        Problem(
            "string-cycle",
            2,
            1,
            "@string a is defined through itself (a -> B -> a); BibTeX cannot expand it, "
            "so fields using it come out empty",
        )
    ]
    assert found(src, "crossref-cycle") == [
        Problem(
            "crossref-cycle",
            4,
            1,
            "p: crossref loop p -crossref-> q -xdata-> r -crossref-> p; BibTeX and biber "
            "cannot inherit fields around a loop, so remove one of the links",
        ),
        Problem(
            "crossref-cycle",
            7,
            1,
            "s: crossref loop s -crossref-> s; BibTeX and biber cannot inherit fields around "
            "a loop, so remove one of the links",
        ),
    ]


@pytest.mark.parametrize(
    ("graph", "loops"),
    (
        pytest.param({"a": ["b"], "b": ["c"], "c": []}, [], id="a chain"),
        pytest.param({"a": ["a"]}, [["a", "a"]], id="a self-loop"),
        pytest.param(
            {"a": ["b", "c"], "b": ["c", "a"], "c": ["a"]},
            [["a", "b", "a"]],
            id="the shortest way round a group",
        ),
        pytest.param(
            {"z": ["a"], "a": ["b"], "b": ["a", "x"], "x": ["y"], "y": ["x", "b"]},
            [["a", "b", "a"]],
            id="one loop per group, from its first node",
        ),
        pytest.param(
            {"a": ["b"], "b": ["a"], "c": ["a", "d"], "d": ["c"]},
            [["a", "b", "a"], ["c", "d", "c"]],
            id="two groups, an edge between them",
        ),
    ),
)
def test_cycles(graph: dict[str, list[str]], loops: list[list[str]]) -> None:
    assert fields._cycles(graph) == loops
