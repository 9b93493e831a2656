"""DOI content negotiation: the resolver's CSL-JSON answer -> an entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from citekit.errors import CitekitError
from citekit.importers import doi
from citekit.importers import net
from citekit.library import NewEntry

NET = Path(__file__).resolve().parents[1] / "data" / "net"


def _read(name: str) -> str:
    return (NET / name).read_text(encoding="utf-8")


def test_doi_parse():
    assert doi.parse(_read("doi-fearon1995.json"), url="u") == NewEntry("article", {
        "author": "Fearon, James D.",
        "title": "Rationalist explanations for war",
        "journal": "International Organization",
        "shortjournal": "Int Org",
        "volume": "49",
        "issn": "0020-8183",
        "langid": "en",
        "number": "3",
        "pages": "379--414",
        "publisher": "Cambridge University Press (CUP)",
        "date": "1995",
        "doi": "10.1017/S0020818300033324",
        "url": "https://resolver.example/10.1017/S0020818300033324",
    })  # fmt: skip


@pytest.mark.parametrize(("text", "message"), (
    pytest.param("<html>", "u:1:1: not valid JSON (Expecting value)", id="not json"),
    pytest.param("[]", "u: not CSL-JSON (an item or a list of items)", id="empty list"),
    pytest.param('[{"title": "a"}, {"title": "b"}]', "u: expected one CSL-JSON item, got 2",
                 id="two items"),
    pytest.param('{"type": "book"}', "u: a CSL-JSON item without a title or an author",
                 id="no title"),
))  # fmt: skip
def test_doi_parse_failures(text, message):
    with pytest.raises(CitekitError) as e:
        doi.parse(text, url="u")
    assert str(e.value) == message


@pytest.mark.parametrize(("source", "expected"), (
    ("10.1017/S0020818300033324", "10.1017/S0020818300033324"),
    ("doi:10.1017/S0020818300033324.", "10.1017/S0020818300033324"),
    ("DOI: 10.1162/isec.2006.31.1.81", "10.1162/isec.2006.31.1.81"),
    (net.DEFAULT_URLS["doi"] + "/10.1038/s41586-020-2012-7", "10.1038/s41586-020-2012-7"),
    ("10.1017", ""),
    ("https://example.org/10.1017/x", ""),
))  # fmt: skip
def test_doi_normalize(source, expected):
    assert doi.normalize(source) == expected
