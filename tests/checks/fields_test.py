from __future__ import annotations

import pytest

from citekit.checks import Options
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
