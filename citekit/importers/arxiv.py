"""arXiv ids: the arXiv API's Atom feed -> an ``@misc`` with ``eprint`` (or ``@article``
when arXiv knows the published DOI and journal)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

from citekit.errors import CitekitError
from citekit.errors import NotFoundError
from citekit.importers import fields as f
from citekit.importers import net
from citekit.library import NewEntry

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
ABS_URL = "https://arxiv.org/abs/"  # the paper's page, kept as its url
PATTERN = re.compile(
    r"^(?:arxiv:\s*|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)?"
    r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)(?:\.pdf)?$",
    re.IGNORECASE,
)


def normalize(source: str) -> str:
    m = PATTERN.match(source.strip())
    return m.group(1) if m else ""


def _text(node: ET.Element | None) -> str:
    return " ".join((node.text or "").split()) if node is not None else ""


def parse(text: str, *, url: str) -> NewEntry:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise CitekitError(f"{url}: not an Atom feed ({e})") from None
    if root.tag != f"{ATOM}feed":
        raise CitekitError(f"{url}: not an Atom feed (root is {root.tag!r})")
    entry = root.find(f"{ATOM}entry")
    if entry is None:
        raise NotFoundError(f"{url}: arXiv has no such paper; check the id")
    entry_id = _text(entry.find(f"{ATOM}id"))
    title = _text(entry.find(f"{ATOM}title"))
    if "/api/errors" in entry_id or title == "Error":
        summary = _text(entry.find(f"{ATOM}summary"))
        raise NotFoundError(f"{url}: arXiv says: {summary or 'error'}; check the id")
    m = re.search(r"/abs/(.+?)(v\d+)?$", entry_id)
    if not m or not title:
        raise CitekitError(f"{url}: the arXiv answer has no id or title")
    eprint = m.group(1)
    out: dict[str, str] = {}
    authors = [_text(a.find(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")]
    if authors:
        out["author"] = f.people(f.natural(a) for a in authors)
    out["title"] = f.title(title)
    journal_ref = _text(entry.find(f"{ARXIV}journal_ref"))
    doi = _text(entry.find(f"{ARXIV}doi"))
    published = f.date(_text(entry.find(f"{ATOM}published"))[:10])
    if published:
        out["date"] = published
    out["eprint"] = eprint
    out["eprinttype"] = "arxiv"
    category = entry.find(f"{ARXIV}primary_category")
    if category is not None and category.get("term"):
        out["eprintclass"] = category.get("term", "")
    if doi:
        out["doi"] = doi
    if journal_ref:
        out["note"] = f.text(journal_ref)
    out["url"] = ABS_URL + eprint
    return NewEntry("misc", out)


def fetch(arxiv_id: str, settings: net.Settings) -> NewEntry:
    url = f"{settings.url('arxiv')}?{urlencode({'id_list': arxiv_id, 'max_results': 1})}"
    answer = net.get(url, accept="application/atom+xml", settings=settings)
    return parse(answer.text(), url=url)
