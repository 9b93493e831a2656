"""PubMed ids: E-utilities ``efetch`` XML -> ``@article``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

from citekit import latex
from citekit.errors import CitekitError
from citekit.errors import NotFoundError
from citekit.importers import fields as f
from citekit.importers import net
from citekit.library import NewEntry

PATTERN = re.compile(
    r"^(?:pmid:?\s*|https?://pubmed\.ncbi\.nlm\.nih\.gov/)?(\d{1,8})/?$", re.IGNORECASE
)


def normalize(source: str, *, bare: bool = True) -> str:
    """The PubMed id in ``pmid:123`` (or a bare number when ``bare``)."""
    source = source.strip()
    if not bare and source.isdigit():
        return ""
    m = PATTERN.match(source)
    return m.group(1) if m else ""


def _text(node: ET.Element | None) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def parse(text: str, *, url: str) -> NewEntry:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise CitekitError(f"{url}: not PubMed XML ({e})") from None
    article = root.find("PubmedArticle")
    if article is None:
        raise NotFoundError(f"{url}: PubMed has no such article; check the id")
    citation = article.find("MedlineCitation")
    art = citation.find("Article") if citation is not None else None
    if citation is None or art is None or not _text(art.find("ArticleTitle")):
        raise CitekitError(f"{url}: the PubMed answer has no article title")
    out: dict[str, str] = {}
    people = []
    for a in art.findall("AuthorList/Author"):
        if a.find("CollectiveName") is not None:
            people.append("{" + f.text(_text(a.find("CollectiveName"))) + "}")
        elif a.find("LastName") is not None:
            given = _text(a.find("ForeName")) or _text(a.find("Initials"))
            people.append(f.person(_text(a.find("LastName")), given))
    if people:
        out["author"] = f.people(people)
    out["title"] = f.title(_text(art.find("ArticleTitle")).rstrip("."))
    journal = art.find("Journal")
    if journal is not None:
        if _text(journal.find("Title")):
            out["journal"] = f.text(_text(journal.find("Title")))
        issue = journal.find("JournalIssue")
        if issue is not None:
            if _text(issue.find("Volume")):
                out["volume"] = _text(issue.find("Volume"))
            if _text(issue.find("Issue")):
                out["number"] = f.text(_text(issue.find("Issue")))
            out.update(_pubdate(issue.find("PubDate")))
    pages = _text(art.find("Pagination/MedlinePgn"))
    if pages:
        out["pages"] = f.pages(pages)
    pmid = _text(citation.find("PMID"))
    for node in article.findall("PubmedData/ArticleIdList/ArticleId"):
        if node.get("IdType") == "doi" and _text(node):
            out["doi"] = _text(node)
        if node.get("IdType") == "pmc" and _text(node):
            out["pmcid"] = _text(node)
    if pmid:
        out["pmid"] = pmid
    return NewEntry("article", out)


def _pubdate(node: ET.Element | None) -> dict[str, str]:
    if node is None:
        return {}
    year = _text(node.find("Year"))
    if year.isdigit():
        month = latex.month_number(_text(node.find("Month"))) or 0
        day = _text(node.find("Day"))
        return {"date": f.iso(int(year), month, int(day) if day.isdigit() and month else 0)}
    m = re.match(r"(\d{4})", _text(node.find("MedlineDate")))
    return {"date": m.group(1)} if m else {}


def fetch(pmid: str, settings: net.Settings) -> NewEntry:
    url = f"{settings.url('pubmed')}?{urlencode({'db': 'pubmed', 'id': pmid, 'retmode': 'xml'})}"
    return parse(net.get(url, accept="application/xml", settings=settings).text(), url=url)
