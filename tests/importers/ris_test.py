from __future__ import annotations

from pathlib import Path

import pytest

from citekit.errors import CitekitError
from citekit.importers import ris
from citekit.library import NewEntry

NET = Path(__file__).resolve().parents[1] / "data" / "net"


def test_parse_records_with_wrapped_lines():
    assert ris.parse((NET / "refs.ris").read_text(), url="r.ris") == [
        NewEntry("article", {
            "author": "Jervis, Robert",
            "title": "Cooperation under the Security Dilemma",
            "journal": "World Politics",
            "volume": "30",
            "number": "2",
            "pages": "167--214",
            "date": "1978-01",
            "doi": "10.2307/2009958",
        }),
        NewEntry("book", {
            "author": "Allison, Graham",
            "title": "Destined for War: Can America and China Escape Thucydides's Trap?",
            "publisher": "Houghton Mifflin Harcourt",
            "address": "Boston",
            "date": "2017",
            "isbn": "9780544935273",
        }),
    ]  # fmt: skip


def test_types_editors_and_reports():
    text = (
        "TY  - NEWS\nAU  - Krugman, Paul\nTI  - The case for cuts was a lie\nJO  - The Guardian\n"
        "DA  - 2015/04/29/\nUR  - https://news.example/a\nER  -\n"
        "TY  - CHAP\nA1  - Keohane, Robert O.\nED  - Keohane, Robert O.\nT1  - Theory\n"
        "BT  - Neorealism and Its Critics\nSP  - 158\nEP  - 203\nY1  - 1986///\nER  -\n"
        "TY  - RPRT\nAU  - RAND Corporation\nTI  - Guide\nPB  - RAND\nIS  - MG-557\nSP  - 7\n"
        "ER  -\n"
    )
    assert ris.parse(text, url="r") == [
        NewEntry("article", {"author": "Krugman, Paul", "title": "The case for cuts was a lie",
                             "journal": "The Guardian", "entrysubtype": "newspaper",
                             "date": "2015-04-29", "url": "https://news.example/a"}),
        NewEntry("incollection", {"author": "Keohane, Robert O.", "editor": "Keohane, Robert O.",
                                  "title": "Theory", "booktitle": "Neorealism and Its Critics",
                                  "pages": "158--203", "date": "1986"}),
        NewEntry("report", {"author": "{RAND Corporation}", "title": "Guide", "number": "MG-557",
                            "pages": "7", "institution": "RAND"}),
    ]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), (
    pytest.param("", "r.ris: no RIS records found", id="empty"),
    pytest.param("hello\n", "r.ris:1: not an RIS line ('hello')", id="not RIS"),
    pytest.param("AU  - X\n", "r.ris:1: AU before TY; a record starts with TY", id="no TY"),
    pytest.param("TY  - JOUR\nTI  - T\n", "r.ris:1: the last record has no ER line", id="no ER"),
    pytest.param("TY  - JOUR\nTY  - JOUR\n", "r.ris:1: a record without ER", id="two TY"),
    pytest.param("TY  - ZZZ\nTI  - T\nER  -\n", "r.ris:1: unknown RIS type 'ZZZ'", id="type"),
    pytest.param("TY  - JOUR\nPY  - 2020\nER  -\n",
                 "r.ris:1: a record without a title or an author", id="no title"),
))  # fmt: skip
def test_parse_failures(text, message):
    with pytest.raises(CitekitError) as e:
        ris.parse(text, url="r.ris")
    assert str(e.value) == message
