"""Web pages: what a page says about itself -> an entry.

Read in this order of trust: Highwire/Google Scholar ``citation_*`` meta tags, JSON-LD
(schema.org Article and friends, ``@graph`` too), Dublin Core, OpenGraph. Each field
comes from the most trusted source that has it. The URL and the access date are kept.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

from citekit.errors import CitekitError
from citekit.importers import fields as f
from citekit.importers import net
from citekit.importers import text as reference
from citekit.library import NewEntry

ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
_ARTICLE_TYPES = {
    "article", "newsarticle", "opinionnewsarticle", "analysisnewsarticle",
    "reportagenewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
    "scholarlyarticle", "report", "book", "chapter", "techarticle", "socialmediaposting",
}  # fmt: skip
_NEWS_TYPES = {
    "newsarticle",
    "opinionnewsarticle",
    "analysisnewsarticle",
    "reportagenewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
}


_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 section article header footer "
    "blockquote tr td th dd dt aside main nav".split()
)
_HIDDEN = frozenset(("script", "style", "noscript", "template"))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []  # (lower-case name or property, content)
        self.jsonld: list[str] = []
        self.canonical = ""
        self.text: list[str] = []  # the visible text, a line break at each block
        self._hidden = 0
        self._jsonld: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            name = a.get("name") or a.get("property") or a.get("itemprop") or ""
            if name and "content" in a:
                self.meta.append((name.strip().lower(), " ".join(a["content"].split())))
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
        elif tag in _HIDDEN:
            self._hidden += 1
            if tag == "script" and a.get("type", "").lower() == "application/ld+json":
                self._jsonld = []
        elif tag in _BLOCKS:
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if self._jsonld is not None:
            self._jsonld.append(data)
        elif not self._hidden:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
            if self._jsonld is not None and tag == "script":
                self.jsonld.append("".join(self._jsonld))
                self._jsonld = None
        elif tag in _BLOCKS:
            self.text.append("\n")


def _types(node: Mapping[str, Any]) -> set[str]:
    t = node.get("@type", [])
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def _nodes(data: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, Mapping):
        yield data
        if "@graph" in data:
            yield from _nodes(data["@graph"])


def _name(value: Any, graph: Mapping[str, Mapping[str, Any]]) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, Mapping):
        if "@id" in value and "name" not in value:
            value = graph.get(str(value["@id"]), value)
        return " ".join(str(value.get("name", "")).split())
    return " ".join(str(value or "").split())


def _jsonld(blocks: list[str]) -> tuple[dict[str, Any], set[str]]:
    """The page's main creative work from its JSON-LD: fields and its schema.org types."""
    nodes: list[Mapping[str, Any]] = []
    for block in blocks:
        try:
            nodes.extend(_nodes(json.loads(block)))
        except (json.JSONDecodeError, RecursionError):
            continue  # a broken (or hostile) block says nothing; the other sources still count
    graph = {str(n["@id"]): n for n in nodes if "@id" in n}
    work = next((n for n in nodes if _types(n) & _ARTICLE_TYPES), None)
    if work is None:
        return {}, set()
    out: dict[str, Any] = {}
    title = _name(work.get("headline") or work.get("name"), graph)
    if title:
        out["title"] = title
    authors = work.get("author") or work.get("creator") or []
    authors = authors if isinstance(authors, list) else [authors]
    people: list[tuple[str, bool]] = []
    for a in authors:
        if isinstance(a, Mapping) and "@id" in a and "name" not in a:
            a = graph.get(str(a["@id"]), a)
        name = _name(a, graph)
        if name:
            org = isinstance(a, Mapping) and "organization" in _types(a)
            people.append((name, org))
    if people:
        out["authors"] = people
    if work.get("datePublished") or work.get("dateCreated"):
        out["date"] = str(work.get("datePublished") or work.get("dateCreated"))
    part_of = work.get("isPartOf")
    container = _name(part_of, graph) if part_of else ""
    publisher = _name(work.get("publisher"), graph) if work.get("publisher") else ""
    if container:
        out["container"] = container
    if publisher:
        out["publisher"] = publisher
    if work.get("url"):
        out["url"] = _name(work["url"], graph)
    for key in ("volumeNumber", "issueNumber", "pagination", "isbn", "reportNumber"):
        if work.get(key):
            out[key] = _name(work[key], graph)
    return out, _types(work)


def _first(meta: list[tuple[str, str]], *names: str) -> str:
    for wanted in names:
        for name, content in meta:
            if name == wanted and content:
                return content
    return ""


def _all(meta: list[tuple[str, str]], *names: str) -> list[str]:
    for wanted in names:
        found = [c for n, c in meta if n == wanted and c]
        if found:
            return found
    return []


def _person(name: str) -> str:
    # "article:author" is often a profile URL, which names nobody
    if re.match(r"https?://", name):
        return ""
    return f.natural(name)


def parse(text: str, *, url: str, accessed: datetime.date | None = None) -> NewEntry:
    """The entry a page describes; ``url`` is where it was read from."""
    c = _Collector()
    c.feed(text)
    c.close()
    meta = c.meta
    ld, ld_types = _jsonld(c.jsonld)
    block = reference.find_block("".join(c.text))
    if block and not _first(meta, "citation_title"):
        # A think tank's page about an op-ed it republishes describes itself in its
        # metadata; its "For Academic Citation" block names the op-ed and where it ran.
        parsed = reference.parse(block, url=url)
        if not parsed.unsure:
            return _with_url(parsed.entry, c, url, accessed)

    def pick(*candidates: str) -> str:
        return next((x for x in candidates if x), "")

    title = pick(
        _first(meta, "citation_title"),
        ld.get("title", ""),
        _first(meta, "dc.title", "dcterms.title"),
        _first(meta, "og:title", "twitter:title"),
    )
    if not title:
        raise CitekitError(
            f"{url}: the page names no title (no citation_*, JSON-LD, Dublin Core or "
            "OpenGraph metadata); add it with --title and the other field options"
        )
    authors = [_person(a) for a in _all(meta, "citation_author")]
    if not authors and ld.get("authors"):
        authors = ["{" + f.text(n) + "}" if org else _person(n) for n, org in ld["authors"]]
    if not authors:
        authors = [_person(a) for a in _all(meta, "dc.creator", "dcterms.creator")]
    if not authors:
        authors = [_person(a) for a in _all(meta, "article:author", "author")]
    date = f.date(pick(
        _first(meta, "citation_publication_date", "citation_date", "citation_online_date"),
        ld.get("date", ""),
        _first(meta, "dc.date", "dcterms.date", "dcterms.issued", "dc.date.issued"),
        _first(meta, "article:published_time", "og:published_time"),
    ))  # fmt: skip
    journal = _first(meta, "citation_journal_title")
    conference = _first(meta, "citation_conference_title")
    book_title = _first(meta, "citation_book_title", "citation_inbook_title")
    site = pick(_first(meta, "og:site_name"), ld.get("container", ""), ld.get("publisher", ""))
    publisher = pick(
        _first(meta, "citation_publisher"),
        ld.get("publisher", ""),
        _first(meta, "dc.publisher", "dcterms.publisher"),
    )
    institution = pick(
        _first(meta, "citation_technical_report_institution"),
        _first(meta, "citation_dissertation_institution"),
    )
    page_url = pick(
        _first(meta, "citation_public_url", "citation_abstract_html_url"),
        c.canonical,
        ld.get("url", ""),
        _first(meta, "og:url"),
        url if re.match(r"https?://", url) else "",
    )
    doi = f.doi(
        pick(
            _first(meta, "citation_doi"),
            _first(meta, "dc.identifier", "dcterms.identifier", "prism.doi"),
        )
    )
    isbn = pick(_first(meta, "citation_isbn"), ld.get("isbn", ""))

    out: dict[str, str] = {}
    people = [a for a in authors if a]
    if people:
        out["author"] = f.people(people)
    out["title"] = f.title(title)
    if journal:
        entry_type = "article"
        out["journal"] = f.title(journal)
    elif conference:
        entry_type = "inproceedings"
        out["booktitle"] = f.title(conference)
    elif _first(meta, "citation_dissertation_institution"):
        entry_type = "thesis"
    elif _first(meta, "citation_technical_report_institution") or "report" in ld_types:
        entry_type = "report"
    elif "scholarlyarticle" in ld_types and ld.get("container"):
        entry_type = "article"
        out["journal"] = f.title(ld["container"])
    elif book_title:
        entry_type = "incollection"
        out["booktitle"] = f.title(book_title)
    elif "book" in ld_types or (isbn and not site):
        entry_type = "book"
    elif site and (
        ld_types & (_NEWS_TYPES | {"article", "blogposting"})
        or _first(meta, "og:type").lower() == "article"
        or _first(meta, "article:published_time")
    ):
        # a news site's article or op-ed: a periodical article, not a web page
        entry_type = "article"
        out["journal"] = f.title(site)
        out["entrysubtype"] = f.periodical_subtype(site)
    else:
        entry_type = "online"
        if site:
            out["organization"] = f.text(site)
    if entry_type in ("report", "thesis") and (institution or publisher):
        out["institution"] = f.text(institution or publisher)
    elif entry_type in ("book", "incollection", "inproceedings") and publisher:
        out["publisher"] = f.text(publisher)
    for meta_name, ld_name, field in (
        ("citation_volume", "volumeNumber", "volume"),
        ("citation_issue", "issueNumber", "number"),
        ("citation_technical_report_number", "reportNumber", "number"),
    ):
        value = pick(_first(meta, meta_name), ld.get(ld_name, "") if ld_name else "")
        if value and field not in out:
            out[field] = f.text(value)
    first, last = _first(meta, "citation_firstpage"), _first(meta, "citation_lastpage")
    if first:
        out["pages"] = f"{first}--{last}" if last and last != first else first
    elif ld.get("pagination"):
        out["pages"] = f.pages(ld["pagination"])
    if date:
        out["date"] = date
    if doi:
        out["doi"] = doi
    if isbn:
        out["isbn"] = isbn
    if page_url:
        out["url"] = page_url
        out["urldate"] = (accessed or datetime.date.today()).isoformat()
    return NewEntry(entry_type, out)


def _with_url(entry: NewEntry, c: _Collector, url: str, accessed: datetime.date | None) -> NewEntry:
    page_url = (
        c.canonical or _first(c.meta, "og:url") or (url if re.match(r"https?://", url) else "")
    )
    if not page_url:
        return entry
    fields = {**entry.fields, "url": page_url}
    fields["urldate"] = (accessed or datetime.date.today()).isoformat()
    return NewEntry(entry.type, fields)


def fetch(url: str, settings: net.Settings) -> NewEntry:
    answer = net.get(url, accept=ACCEPT, settings=settings)
    if answer.content_type and "html" not in answer.content_type:
        raise CitekitError(
            f"{url}: the page is {answer.content_type}, not HTML; "
            "for a PDF give its DOI, or --text with its formatted citation"
        )
    return parse(answer.text(), url=answer.url or url)
