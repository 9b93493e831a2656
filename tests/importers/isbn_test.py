"""ISBN: Open Library's JSON -> an entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from citekit.errors import CitekitError
from citekit.errors import NotFoundError
from citekit.importers import isbn
from citekit.library import NewEntry

NET = Path(__file__).resolve().parents[1] / "data" / "net"


def _read(name: str) -> str:
    return (NET / name).read_text(encoding="utf-8")


def test_isbn_parse():
    entry = isbn.parse(_read("openlibrary-9780544935273.json"), url="u", isbn="9780544935273")
    assert entry == NewEntry("book", {
        "author": "Allison, Graham",
        "title": "Destined for War: Can America and China Escape Thucydides's Trap?",
        "publisher": "Houghton Mifflin Harcourt",
        "address": "Boston",
        "date": "2017",
        "pagetotal": "364",
        "isbn": "9780544935273",
    })  # fmt: skip


@pytest.mark.parametrize(("text", "error", "message"), (
    pytest.param("{}", NotFoundError, "u: Open Library has no book with ISBN 9780000000002",
                 id="not found"),
    pytest.param("[1, 2", CitekitError, "u: not valid JSON (Expecting ',' delimiter)",
                 id="garbage"),
    pytest.param("[]", CitekitError, "u: not an Open Library answer (expected an object)",
                 id="not an object"),
    pytest.param('{"ISBN:9780000000002": {"key": "x"}}', CitekitError,
                 "u: the Open Library answer has no title", id="no title"),
))  # fmt: skip
def test_isbn_parse_failures(text, error, message):
    with pytest.raises(error) as e:
        isbn.parse(text, url="u", isbn="9780000000002")
    assert str(e.value) == message


@pytest.mark.parametrize(("source", "expected"), (
    ("978-0-544-93527-3", "9780544935273"),
    ("ISBN 0-544-93527-6", "9780544935273"),
    ("isbn:0306406152", "9780306406157"),
    ("080442957X", "9780804429573"),
    ("978-0-544-93527-4", ""),
    ("0-544-93527-5", ""),
    ("12345", ""),
))  # fmt: skip
def test_isbn_normalize(source, expected):
    assert isbn.normalize(source) == expected


def test_isbn_sparse_answer():
    assert isbn.parse('{"ISBN:1": {"title": "B", "authors": "x"}}', url="u", isbn="1") == (
        NewEntry("book", {"title": "B", "isbn": "1"})
    )


def test_isbn_json_nested_too_deeply_is_a_user_error():
    with pytest.raises(CitekitError) as e:
        isbn.parse("[" * 5_000 + "]" * 5_000, url="u", isbn="1")
    assert str(e.value) == "u: JSON nested too deeply to be an Open Library answer"
