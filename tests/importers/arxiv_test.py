"""arXiv: the API's Atom feed -> an entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from citekit.errors import CitekitError
from citekit.errors import NotFoundError
from citekit.importers import arxiv
from citekit.library import NewEntry

NET = Path(__file__).resolve().parents[1] / "data" / "net"


def _read(name: str) -> str:
    return (NET / name).read_text(encoding="utf-8")


def test_arxiv_parse():
    entry = arxiv.parse(_read("arxiv-1706.03762.xml"), url="u")
    assert entry == NewEntry("misc", {
        "author": "Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and "
                  "Jones, Llion and Gomez, Aidan N. and Kaiser, Lukasz and Polosukhin, Illia",
        "title": "Attention Is All You Need",
        "date": "2017-06-12",
        "eprint": "1706.03762",
        "eprinttype": "arxiv",
        "eprintclass": "cs.CL",
        "url": arxiv.ABS_URL + "1706.03762",
    })  # fmt: skip


def test_arxiv_keeps_doi_and_journal_ref():
    ns = arxiv.ARXIV.strip("{}")
    text = _read("arxiv-1706.03762.xml").replace(
        "<arxiv:comment",
        f'<arxiv:doi xmlns:arxiv="{ns}">10.1/x</arxiv:doi>'
        f'<arxiv:journal_ref xmlns:arxiv="{ns}">NIPS 2017'
        "</arxiv:journal_ref><arxiv:comment",
    )
    fields = arxiv.parse(text, url="u").fields
    assert (fields["doi"], fields["note"]) == ("10.1/x", "NIPS 2017")


@pytest.mark.parametrize(("text", "error", "message"), (
    pytest.param(_read("arxiv-error.xml"), NotFoundError,
                 "u: arXiv says: incorrect id format for 9999.99999; check the id", id="error"),
    pytest.param(_read("arxiv-empty.xml"), NotFoundError,
                 "u: arXiv has no such paper; check the id", id="no entry"),
    pytest.param("<feed", CitekitError, "u: not an Atom feed (unclosed token: line 1, column 0)",
                 id="garbage"),
    pytest.param("<rss/>", CitekitError, "u: not an Atom feed (root is 'rss')", id="not atom"),
    pytest.param('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id></entry></feed>',
                 CitekitError, "u: the arXiv answer has no id or title", id="no title"),
))  # fmt: skip
def test_arxiv_parse_failures(text, error, message):
    with pytest.raises(error) as e:
        arxiv.parse(text, url="u")
    assert str(e.value) == message


@pytest.mark.parametrize(("source", "expected"), (
    ("1706.03762", "1706.03762"),
    ("arXiv:1706.03762v7", "1706.03762v7"),
    (arxiv.ABS_URL + "2101.00001", "2101.00001"),
    ("hep-th/9901001", "hep-th/9901001"),
    ("1706.037", ""),
))  # fmt: skip
def test_arxiv_normalize(source, expected):
    assert arxiv.normalize(source) == expected


def test_arxiv_sparse_entry():
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://x.example/abs/2101.00001v2'
        "</id><title>T</title></entry></feed>"
    )
    assert arxiv.parse(feed, url="u") == NewEntry("misc", {
        "title": "T", "eprint": "2101.00001", "eprinttype": "arxiv",
        "url": arxiv.ABS_URL + "2101.00001",
    })  # fmt: skip
