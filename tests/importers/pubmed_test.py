"""PubMed: E-utilities XML -> an entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from citekit.errors import CitekitError
from citekit.errors import NotFoundError
from citekit.importers import pubmed
from citekit.library import NewEntry

NET = Path(__file__).resolve().parents[1] / "data" / "net"


def _read(name: str) -> str:
    return (NET / name).read_text(encoding="utf-8")


def test_pubmed_parse():
    assert pubmed.parse(_read("pubmed-32015507.xml"), url="u") == NewEntry("article", {
        "author": "Zhou, Peng and Yang, Xing-Lou and Wang, Xian-Guang and Shi, Zheng-Li",
        "title": "A pneumonia outbreak associated with a new coronavirus of probable bat origin",
        "journal": "Nature",
        "volume": "579",
        "number": "7798",
        "date": "2020-03",
        "pages": "270--273",
        "pmcid": "PMC7095418",
        "doi": "10.1038/s41586-020-2012-7",
        "pmid": "32015507",
    })  # fmt: skip


def test_pubmed_collective_names_and_medline_dates():
    text = (
        _read("pubmed-32015507.xml")
        .replace(
            '<Author ValidYN="Y"><LastName>Zhou</LastName><ForeName>Peng</ForeName>'
            "<Initials>P</Initials></Author>",
            "<Author><CollectiveName>WHO Working Group</CollectiveName></Author>",
        )
        .replace(
            "<PubDate><Year>2020</Year><Month>Mar</Month></PubDate>",
            "<PubDate><MedlineDate>2020 Mar-Apr</MedlineDate></PubDate>",
        )
    )
    fields = pubmed.parse(text, url="u").fields
    assert fields["author"].startswith("{WHO Working Group} and Yang, Xing-Lou")
    assert fields["date"] == "2020"


@pytest.mark.parametrize(("text", "error", "message"), (
    pytest.param(_read("pubmed-empty.xml"), NotFoundError,
                 "u: PubMed has no such article; check the id", id="not found"),
    pytest.param("<PubmedArticleSet><PubmedArticle>", CitekitError,
                 "u: not PubMed XML (no element found: line 1, column 33)", id="garbage"),
    pytest.param("<PubmedArticleSet><PubmedArticle><MedlineCitation/></PubmedArticle>"
                 "</PubmedArticleSet>", CitekitError,
                 "u: the PubMed answer has no article title", id="no title"),
))  # fmt: skip
def test_pubmed_parse_failures(text, error, message):
    with pytest.raises(error) as e:
        pubmed.parse(text, url="u")
    assert str(e.value) == message


@pytest.mark.parametrize(("source", "bare", "expected"), (
    ("32015507", True, "32015507"),
    ("32015507", False, ""),
    ("PMID: 32015507", False, "32015507"),
    ("pmid:123", True, "123"),
    ("123456789", True, ""),
))  # fmt: skip
def test_pubmed_normalize(source, bare, expected):
    assert pubmed.normalize(source, bare=bare) == expected


def test_pubmed_sparse_answer():
    xml = (
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>T."
        "</ArticleTitle><Journal><JournalIssue><PubDate><Season>Spring</Season></PubDate>"
        "</JournalIssue></Journal><AuthorList><Author><ForeName>X</ForeName></Author>"
        "</AuthorList></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    assert pubmed.parse(xml, url="u") == NewEntry("article", {"title": "T"})
    xml = xml.replace("<Season>Spring</Season>", "<Year>2020</Year><Day>5</Day>").replace(
        "<JournalIssue>", "<Title>J</Title><JournalIssue>"
    )
    assert pubmed.parse(xml, url="u").fields == {"title": "T", "journal": "J", "date": "2020"}
