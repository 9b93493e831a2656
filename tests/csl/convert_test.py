from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citekit import bibfile
from citekit.csl import convert


def item(src: str, key: str | None = None) -> dict[str, Any]:
    bib = bibfile.parse(Path("t.bib"), src)
    entry = bib.find(key) if key else bib.entries[-1]
    assert entry is not None
    return convert.to_csl(entry, bib.strings, bib.find)


def test_op_ed_is_an_article_magazine_with_full_date() -> None:
    out = item(
        "@article{p, author = {Pollmann, Mina}, title = {Days after {NATO} Chief's Visit},"
        " journaltitle = {The Diplomat}, entrysubtype = {magazine}, date = {2023-02-07}}"
    )
    assert out == {
        "id": "p",
        "type": "article-magazine",
        "title": 'Days after <span class="nocase">NATO</span> Chief\'s Visit',
        "container-title": "The Diplomat",
        "author": [{"family": "Pollmann", "given": "Mina"}],
        "issued": {"date-parts": [[2023, 2, 7]]},
    }


@pytest.mark.parametrize(
    ("fields", "issued"),
    (
        pytest.param("year = 2015, month = jun", {"date-parts": [[2015, 6]]}, id="month macro"),
        pytest.param(
            "year = {2015}, month = {Summer}",
            {"date-parts": [[2015]], "season": 2},
            id="season in month",
        ),
        pytest.param("date = {2015-22}", {"date-parts": [[2015]], "season": 2}, id="EDTF season"),
        pytest.param("date = {1998/2004}", {"date-parts": [[1998], [2004]]}, id="range"),
        pytest.param(
            "date = {2004-03-01/2004-03-05}",
            {"date-parts": [[2004, 3, 1], [2004, 3, 5]]},
            id="same-year range",
        ),
        pytest.param("year = {forthcoming}", {"literal": "forthcoming"}, id="literal"),
        pytest.param("year = 2001, month = 13", {"date-parts": [[2001]]}, id="bad month dropped"),
    ),
)
def test_dates(fields: str, issued: dict[str, Any]) -> None:
    assert item(f"@book{{b, title={{T}}, {fields}}}")["issued"] == issued


def test_types_and_containers() -> None:
    assert item("@inproceedings{a, title={T}, booktitle={Proc. X}}")["container-title"] == "Proc. X"
    assert item("@incollection{a, title={T}, booktitle={B}}")["type"] == "chapter"
    thesis = item("@phdthesis{a, title={T}, school={MIT}}")
    assert (thesis["type"], thesis["publisher"], thesis["genre"]) == ("thesis", "MIT", "PhD thesis")
    report = item("@techreport{a, title={T}, institution={RAND}, number={12}}")
    assert (report["type"], report["publisher"], report["number"]) == ("report", "RAND", "12")
    assert item("@online{a, title={T}, url={https://x.org}}")["type"] == "webpage"
    assert item("@article{a, title={T}, entrysubtype={newspaper}}")["type"] == "article-newspaper"
    assert item("@whatever{a, title={T}}")["type"] == "article"


def test_numbers_pages_and_ids() -> None:
    out = item(
        "@article{a, title={T}, journal={J}, volume={12}, number={3}, pages={10--20},"
        " doi={10.1/x}, url={https://x.org}, urldate={2024-01-05}, langid={english}}"
    )
    assert out["volume"] == "12" and out["issue"] == "3" and out["page"] == "10-20"
    assert out["DOI"] == "10.1/x" and out["URL"] == "https://x.org"
    assert out["accessed"] == {"date-parts": [[2024, 1, 5]]}
    assert out["language"] == "en-US"


def test_strings_and_crossref_are_resolved() -> None:
    src = (
        '@string{pub = "Oxford UP"}\n'
        "@book{parent, title = {The Book}, publisher = pub, year = 1999, editor = {Ed, Ann}}\n"
        "@incollection{child, title = {A Chapter}, crossref = {parent}, author = {Au, Bo}}\n"
    )
    out = item(src, "child")
    assert out["container-title"] == "The Book"
    assert out["publisher"] == "Oxford UP"
    assert out["issued"] == {"date-parts": [[1999]]}
    assert out["editor"] == [{"family": "Ed", "given": "Ann"}]


def test_title_with_subtitle_gets_a_short_title() -> None:
    out = item("@book{a, title = {Main}, subtitle = {The Sub}}")
    assert out["title"] == "Main: The Sub"
    assert out["title-short"] == "Main"


def test_no_break_space_from_tie_is_kept() -> None:
    assert item("@article{a, title={T}, journal={J.~Chem.}}")["container-title"] == "J.\u00a0Chem."
