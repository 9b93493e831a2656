from __future__ import annotations

from pathlib import Path

import pytest

from citekit.csl import convert
from citekit.errors import CitekitError
from citekit.importers import csljson
from citekit.library import NewEntry
from citekit.model import Entry

NET = Path(__file__).resolve().parents[1] / "data" / "net"


def test_zotero_export_keeps_usable_ids_as_keys():
    entries = csljson.parse((NET / "zotero-export.json").read_text(), url="z.json")
    assert entries == [
        NewEntry("article", {
            "author": "Fearon, James D.",
            "title": "Rationalist Explanations for War",
            "journal": "International Organization",
            "volume": "49",
            "number": "3",
            "pages": "379--414",
            "date": "1995",
            "doi": "10.1017/S0020818300033324",
        }, "fearon1995rationalist"),
        NewEntry("book", {
            "author": "Allison, Graham",
            "title": "Destined for War: Can America and China Escape Thucydides's Trap?",
            "address": "Boston",
            "isbn": "978-0-544-93527-3",
            "publisher": "Houghton Mifflin Harcourt",
            "date": "2017-05-30",
        }),  # a URL id is no citation key: one comes from the pattern
        NewEntry("incollection", {
            "author": "van den Berg, Jan",
            "editor": "{World Health Organization}",
            "title": r"Particles \& Names",
            "booktitle": "A Book of Names",
            "date": "2010-23",
        }, "vandenberg2010"),
    ]  # fmt: skip


@pytest.mark.parametrize(("item", "entry_type", "fields"), (
    pytest.param({"type": "article-newspaper", "title": "T", "container-title": "The Times",
                  "issued": {"date-parts": [[2021, 3, 5]]}, "URL": "https://x.example/a",
                  "accessed": {"date-parts": [[2021, 4, 1]]}},
                 "article", {"title": "T", "journal": "The Times", "entrysubtype": "newspaper",
                             "date": "2021-03-05", "urldate": "2021-04-01",
                             "url": "https://x.example/a"}, id="newspaper"),
    pytest.param({"type": "report", "title": "R", "publisher": "RAND Corporation",
                  "number": "MG-557", "genre": "Monograph"},
                 "report", {"title": "R", "type": "Monograph", "number": "MG-557",
                            "institution": "RAND Corporation"}, id="report"),
    pytest.param({"type": "thesis", "title": "Th", "publisher": "MIT",
                  "issued": {"raw": "May 2001"}},
                 "thesis", {"title": "Th", "institution": "MIT", "date": "2001-05"},
                 id="thesis, raw date"),
    pytest.param({"type": "webpage", "title": "W", "container-title": "Belfer Center",
                  "author": [{"given": "Mina Pollmann"}]},
                 "online", {"author": "Pollmann, Mina", "title": "W",
                            "organization": "Belfer Center"}, id="web page, given-only name"),
    pytest.param({"type": "book", "title": "B", "collection-title": "Adelphi",
                  "collection-number": 7, "edition": "2",
                  "issued": {"date-parts": [["2001", "2"], [2002]]}},
                 "book", {"title": "B", "edition": "2", "series": "Adelphi", "number": "7",
                          "date": "2001-02/2002"}, id="series, range"),
    pytest.param({"type": "chapter", "title": ["One"], "container-title": ["Two"],
                  "issued": {"literal": "forthcoming"}, "DOI": "https://x.example/10.1000/AB"},
                 "incollection", {"title": "One", "booktitle": "Two", "doi": "10.1000/AB"},
                 id="Crossref lists, literal date left out"),
    pytest.param({"type": "song", "title": "S", "issued": {"date-parts": [["x"]]},
                  "author": [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}]},
                 "misc", {"author": "King, Jr., Martin Luther", "title": "S"},
                 id="unknown type, suffix, bad date"),
    pytest.param({"title": "NASA and the ESA", "author": [{"literal": "NASA"}, "junk"]},
                 "misc", {"author": "{NASA}", "title": "{NASA} and the {ESA}"},
                 id="no type, acronyms protected"),
))  # fmt: skip
def test_to_fields(item, entry_type, fields):
    assert csljson.to_fields(item) == (entry_type, fields)


def test_round_trip_through_our_own_mapping():
    item = {"id": "k", "type": "article-journal", "title": "Soft Power",
            "container-title": "Foreign Policy", "issue": "80", "page": "153-171",
            "author": [{"family": "Nye", "given": "Joseph S."}],
            "issued": {"date-parts": [[1990]], "season": 3}}  # fmt: skip
    entry_type, fields = csljson.to_fields(item)
    back = convert.to_csl(Entry("k", entry_type, {k: "{" + v + "}" for k, v in fields.items()}))
    assert back["title"] == "Soft Power"
    assert back["issued"] == {"date-parts": [[1990]], "season": 3}
    assert back["author"] == [{"family": "Nye", "given": "Joseph S."}]
    assert (back["issue"], back["page"]) == ("80", "153-171")


@pytest.mark.parametrize(("text", "message"), (
    pytest.param("{", "z.json:1:2: not valid JSON (Expecting property name enclosed in double "
                 "quotes)", id="broken"),
    pytest.param("[1]", "z.json: not CSL-JSON (an item or a list of items)", id="not items"),
    pytest.param('{"items": [{"title": "a"}, {"id": "x"}]}',
                 "z.json: item 2 a CSL-JSON item without a title or an author", id="no title"),
))  # fmt: skip
def test_parse_failures(text, message):
    with pytest.raises(CitekitError) as e:
        csljson.parse(text, url="z.json")
    assert str(e.value) == message


@pytest.mark.parametrize(("value", "expected"), (
    ({"date-parts": [["x"]]}, ""),
    ({"date-parts": [[2001], ["y"]]}, "2001"),
    ({"date-parts": [[2001], []]}, "2001"),
    ({"date-parts": [[2001]], "season": "9"}, "2001"),
    ({"literal": "Spring 1990"}, "1990-21"),
    ({}, ""),
    ("2001", ""),
))  # fmt: skip
def test_csl_dates(value, expected):
    _, fields = csljson.to_fields({"title": "T", "issued": value})
    assert fields.get("date", "") == expected


def test_csl_containers_of_books_and_reports():
    assert csljson.to_fields({"type": "book", "title": "B", "container-title": "Series"})[1] == {
        "title": "B", "series": "Series"}  # fmt: skip
    assert csljson.to_fields({"type": "report", "title": "R", "container-title": "C",
                              "collection-title": "S"})[1] == {
        "title": "R", "booktitle": "C", "series": "S"}  # fmt: skip
    assert csljson.to_fields({"type": "webpage", "title": "W", "author": [{"family": ""}]})[1] == {
        "title": "W"}  # fmt: skip


def test_json_nested_too_deeply_is_a_user_error():
    with pytest.raises(CitekitError) as e:
        csljson.parse("[" * 5_000 + "]" * 5_000, url="z.json")
    assert str(e.value) == "z.json: JSON nested too deeply to be CSL-JSON"
