from __future__ import annotations

from pathlib import Path

import pytest

from citekit.csl.engine import Engine
from citekit.csl.spec.name import initialize
from citekit.csl.spec.name import parts_of
from tests.csl.spec.conftest import Render

DOE = {"family": "Doe", "given": "John"}
ROE = {"family": "Roe", "given": "Jane"}
POE = {"family": "Poe", "given": "Edgar"}


@pytest.mark.parametrize(
    ("given", "mark", "full", "expected"),
    (
        pytest.param("Mina", ". ", False, "Mina", id="initialize false keeps names"),
        pytest.param("Mina", ". ", True, "M.", id="initialize true"),
        pytest.param("John M.E.", ". ", False, "John M. E.", id="false normalizes initials"),
        pytest.param("Ph. M.E.", "", True, "PhME", id="empty mark"),
        pytest.param("ME", ". ", False, "ME", id="all caps word kept"),
        pytest.param("ME", ". ", True, "M.", id="all caps word initialized"),
        pytest.param("Jean-Paul", ". ", True, "J.-P.", id="hyphenated"),
        pytest.param("Guo-ping", "", True, "G", id="lower-case hyphen part dropped"),
        pytest.param("A. Alan", ". ", False, "A. Alan", id="first initial then full"),
        pytest.param("Ts.", ". ", True, "Ts.", id="abbreviation kept"),
        pytest.param("TSerendorjiin", ".", True, "Ts.", id="digraph initial"),
    ),
)
def test_initialize(given: str, mark: str, full: bool, expected: str) -> None:
    assert initialize(given, mark, full=full) == expected


def test_initialize_without_hyphen() -> None:
    assert initialize("Jean-Paul", ".", hyphen=False) == "J.P."


def test_parts_read_suffixes_and_quoted_families() -> None:
    assert parts_of({"family": "Doe", "given": "John, III"})["suffix"] == "III"
    assert parts_of({"family": "Doe", "given": "John,! Jr."})["comma-suffix"] == "true"
    assert parts_of({"family": '"van Happel"', "given": "Eduard"})["family"] == "van Happel"


def test_parts_split_particles() -> None:
    assert parts_of({"family": "van Gogh", "given": "Vincent"}) == {
        "family": "Gogh",
        "given": "Vincent",
        "non-dropping-particle": "van",
    }
    assert parts_of({"family": "Humboldt", "given": "Alexander von"}) == {
        "family": "Humboldt",
        "given": "Alexander",
        "dropping-particle": "von",
    }
    assert parts_of({"family": "al-One", "given": "Alan"})["non-dropping-particle"] == "al-"
    assert parts_of({"family": "in 't Horvath"})["non-dropping-particle"] == "in 't"


@pytest.mark.parametrize(
    ("name", "authors", "expected"),
    (
        pytest.param(
            '<name name-as-sort-order="first" initialize-with=". " initialize="false"/>',
            [{"family": "Pollmann", "given": "Mina"}],
            "Pollmann, Mina",
            id="initialize false (Chicago, MLA)",
        ),
        pytest.param(
            '<name initialize-with=". "/>',
            [{"family": "Aalto", "given": "Alvar"}],
            "A. Aalto",
            id="initialize with",
        ),
        pytest.param(
            '<name and="symbol" delimiter=", "/>',
            [{"literal": "Association"}, {"literal": "National"}],
            "Association &amp; National",
            id="two names take no delimiter",
        ),
        pytest.param(
            '<name and="text" delimiter=", "/>',
            [DOE, ROE, POE],
            "John Doe, Jane Roe, and Edgar Poe",
            id="three names take it",
        ),
        pytest.param(
            '<name and="symbol" name-as-sort-order="all" '
            'delimiter-precedes-last="after-inverted-name"/>',
            [DOE, ROE],
            "Doe, John, &amp; Roe, Jane",
            id="after inverted name",
        ),
        pytest.param(
            '<name et-al-min="3" et-al-use-first="1"/>',
            [DOE, ROE, POE],
            "John Doe et al.",
            id="et al",
        ),
        pytest.param(
            '<name et-al-min="3" et-al-use-first="2" delimiter-precedes-et-al="always"/>',
            [DOE, ROE, POE, DOE],
            "John Doe, Jane Roe, et al.",
            id="delimiter before et al",
        ),
        pytest.param(
            '<name et-al-min="3" et-al-use-first="1" et-al-use-last="true"/>',
            [DOE, ROE, POE],
            "John Doe, \u2026 Edgar Poe",
            id="et al use last",
        ),
        pytest.param(
            '<name form="short"/>',
            [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}],
            "van Gogh",
            id="short form keeps non-dropping particle",
        ),
        pytest.param(
            '<name name-as-sort-order="all"/>',
            [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}],
            "Gogh, Vincent van",
            id="particle demoted by default",
        ),
        pytest.param(
            "<name/>", [{"family": "我妻", "given": "栄"}], "我妻栄", id="no space in CJK names"
        ),
        pytest.param(
            '<name initialize-with=". "/>',
            [{"given": "Banksy"}],
            "Banksy",
            id="a lone given name is not initialized",
        ),
        pytest.param(
            "<name/>",
            [{"family": "Doe", "given": "Jeffrey", "suffix": "Jr.", "comma-suffix": True}],
            "Jeffrey Doe, Jr.",
            id="comma suffix",
        ),
        pytest.param(
            '<name><name-part name="family" text-case="uppercase"/></name>',
            [
                {
                    "family": "Meer",
                    "given": "Gerard",
                    "dropping-particle": "van",
                    "non-dropping-particle": "der",
                }
            ],
            "Gerard van DER MEER",
            id="family part formats the non-dropping particle only",
        ),
        pytest.param('<name form="count"/>', [DOE, ROE], "2", id="count"),
        pytest.param(
            '<name and="symbol" name-as-sort-order="all" '
            'delimiter-precedes-last="after-inverted-name"/>',
            [{"literal": "Agency"}, {"literal": "Office"}],
            "Agency &amp; Office",
            id="a literal name is not inverted",
        ),
        pytest.param(
            '<name><name-part name="given" suffix="\u00a0"/></name>',
            [DOE],
            "John\u00a0Doe",
            id="a part's own space is the separator",
        ),
    ),
)
def test_name(render: Render, name: str, authors: list[dict[str, str]], expected: str) -> None:
    assert render(f'<names variable="author">{name}</names>', {"author": authors}) == expected


def test_belfer_and_when_two_is_kept() -> None:
    engine = Engine(Path(__file__).parents[3] / "styles" / "belfer.csl")
    items = [
        {"id": "two", "type": "report", "title": "T", "author": [DOE, ROE]},
        {"id": "three", "type": "report", "title": "U", "author": [DOE, ROE, POE]},
    ]
    got = [e.html for e in engine.bibliography(items).entries]
    # the word between exactly two names is "and"; three or more take "&"
    assert got[0].startswith("Doe, John and Jane Roe.“T.")
    assert got[1].startswith("Doe, John, Jane Roe, &amp; Edgar Poe.“U.")
