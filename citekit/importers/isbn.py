"""ISBNs: Open Library's books API (``jscmd=data``) -> ``@book``."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from citekit import dedupe
from citekit.errors import CitekitError
from citekit.errors import NotFoundError
from citekit.importers import fields as f
from citekit.importers import net
from citekit.library import NewEntry

PATTERN = re.compile(r"^(?:isbn(?:-1[03])?:?\s*)?([\d][\d -]{8,15}[\dXx])$", re.IGNORECASE)


def normalize(source: str) -> str:
    """The ISBN-13 (digits only) for a valid ISBN-10 or -13; ``""`` otherwise."""
    m = PATTERN.match(source.strip())
    return dedupe.normalize_isbn(m.group(1)) if m else ""


def _names(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(v.get("name", "")) for v in value if isinstance(v, Mapping) and v.get("name")]


def parse(text: str, *, url: str, isbn: str) -> NewEntry:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise CitekitError(f"{url}: not valid JSON ({e.msg})") from None
    except RecursionError:
        raise CitekitError(f"{url}: JSON nested too deeply to be an Open Library answer") from None
    if not isinstance(data, Mapping):
        raise CitekitError(f"{url}: not an Open Library answer (expected an object)")
    book = data.get(f"ISBN:{isbn}") or next(iter(data.values()), None) if data else None
    if not book:
        raise NotFoundError(f"{url}: Open Library has no book with ISBN {isbn}")
    if not isinstance(book, Mapping) or not book.get("title"):
        raise CitekitError(f"{url}: the Open Library answer has no title")
    out: dict[str, str] = {}
    authors = _names(book.get("authors"))
    if authors:
        out["author"] = f.people(f.natural(a) for a in authors)
    title = str(book["title"])
    if book.get("subtitle"):
        title = f"{title}: {book['subtitle']}"
    out["title"] = f.title(title)
    publishers = _names(book.get("publishers"))
    if publishers:
        out["publisher"] = f.text(publishers[0])
    places = _names(book.get("publish_places"))
    if places:
        out["address"] = f.text(places[0])
    published = f.date(str(book.get("publish_date", "")))
    if published:
        out["date"] = published
    if book.get("number_of_pages"):
        out["pagetotal"] = str(book["number_of_pages"])
    out["isbn"] = isbn
    return NewEntry("book", out)


def fetch(isbn: str, settings: net.Settings) -> NewEntry:
    query = urlencode({"bibkeys": f"ISBN:{isbn}", "format": "json", "jscmd": "data"})
    url = f"{settings.url('isbn')}?{query}"
    return parse(
        net.get(url, accept="application/json", settings=settings).text(), url=url, isbn=isbn
    )
