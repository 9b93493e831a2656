"""BibTeX/biblatex entry -> CSL-JSON item. Pure data mapping; no citeproc here.

citekit never hands BibTeX to citeproc-py's own BibTeX reader (it crashes on accents and
loses fields): values are resolved (``@string``, months, ``#``), decoded from LaTeX to
Unicode with CSL rich-text markup, names are split with particles and organisations,
dates come from ``date``/``year``/``month``/``day`` (EDTF ranges and seasons too), and
``crossref``/``xdata`` parents fill what a child lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any

from citekit import latex
from citekit import names
from citekit.model import Entry

# biblatex/BibTeX entry type -> CSL type
TYPES = {
    "article": "article-journal",
    "book": "book", "mvbook": "book", "booklet": "pamphlet",
    "inbook": "chapter", "bookinbook": "chapter", "incollection": "chapter",
    "suppbook": "chapter", "suppcollection": "chapter",
    "collection": "book", "mvcollection": "book", "proceedings": "book",
    "mvproceedings": "book", "reference": "book", "mvreference": "book",
    "inproceedings": "paper-conference", "conference": "paper-conference",
    "inreference": "entry-encyclopedia",
    "manual": "book", "report": "report", "techreport": "report",
    "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis",
    "online": "webpage", "www": "webpage", "electronic": "webpage",
    "misc": "article", "unpublished": "manuscript", "patent": "patent",
    "periodical": "periodical", "suppperiodical": "article-journal",
    "dataset": "dataset", "data": "dataset", "software": "software",
    "standard": "standard", "review": "review", "letter": "personal_communication",
    "artwork": "graphic", "image": "graphic", "audio": "song", "music": "song",
    "video": "motion_picture", "movie": "motion_picture", "legislation": "legislation",
    "legal": "legislation", "jurisdiction": "legal_case", "commentary": "book",
    "set": "book", "xdata": "article", "performance": "performance",
}  # fmt: skip

SUBTYPES = {"magazine": "article-magazine", "newspaper": "article-newspaper"}

# simple field -> CSL variable (in the order they are tried; the first present wins)
_TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("shorttitle", "title-short"),
    ("edition", "edition"),
    ("volume", "volume"),
    ("volumes", "number-of-volumes"),
    ("pagetotal", "number-of-pages"),
    ("series", "collection-title"),
    ("location", "publisher-place"),
    ("address", "publisher-place"),
    ("isbn", "ISBN"),
    ("issn", "ISSN"),
    ("doi", "DOI"),
    ("url", "URL"),
    ("note", "note"),
    ("addendum", "note"),
    ("abstract", "abstract"),
    ("annotation", "annote"),
    ("annote", "annote"),
    ("keywords", "keyword"),
    ("version", "version"),
    ("eventtitle", "event-title"),
    ("venue", "event-place"),
    ("chapter", "chapter-number"),
    ("pmid", "PMID"),
    ("pmcid", "PMCID"),
    ("shortjournal", "container-title-short"),
    ("journalabbrev", "container-title-short"),
    ("origtitle", "original-title"),
    ("origpublisher", "original-publisher"),
    ("origlocation", "original-publisher-place"),
    ("howpublished", "medium"),
    ("library", "call-number"),
    ("archive", "archive"),
    ("archiveprefix", "archive"),
    ("langid", "language"),
    ("language", "language"),
    ("status", "status"),
    ("pubstate", "status"),
)

_NAME_FIELDS = (
    ("author", "author"),
    ("editor", "editor"),
    ("translator", "translator"),
    ("bookauthor", "container-author"),
    ("editora", "collection-editor"),
    ("commentator", "contributor"),
    ("director", "director"),
    ("holder", "author"),
)

_DATE_FIELDS = (
    ("urldate", "accessed"),
    ("origdate", "original-date"),
    ("origyear", "original-date"),
    ("eventdate", "event-date"),
)

_THESIS = {"phdthesis": "PhD thesis", "mastersthesis": "Master’s thesis"}

# biblatex's localisation keys that may stand in `type` (and `series`) fields
_BIBLATEX_KEYS = {
    "phdthesis": "PhD thesis", "mathesis": "Master’s thesis", "candthesis": "Candidate thesis",
    "techreport": "technical report", "resreport": "research report",
    "software": "computer software", "datacd": "CD-ROM", "audiocd": "audio CD",
    "patent": "patent", "patentde": "German patent", "patenteu": "European patent",
    "patentfr": "French patent", "patentuk": "British patent", "patentus": "U.S. patent",
    "patreq": "patent request", "patreqde": "German patent request",
    "patreqeu": "European patent request", "patreqfr": "French patent request",
    "patrequk": "British patent request", "patrequs": "U.S. patent request",
    "newseries": "New series", "oldseries": "Old series",
}  # fmt: skip

# babel/polyglossia language names -> BCP 47, so styles can tell English titles
_LANGUAGES = {
    "english": "en-US", "american": "en-US", "usenglish": "en-US", "british": "en-GB",
    "ukenglish": "en-GB", "australian": "en-AU", "canadian": "en-CA", "german": "de-DE",
    "ngerman": "de-DE", "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH",
    "french": "fr-FR", "francais": "fr-FR", "italian": "it-IT", "spanish": "es-ES",
    "portuguese": "pt-PT", "brazilian": "pt-BR", "dutch": "nl-NL", "swedish": "sv-SE",
    "norwegian": "nb-NO", "danish": "da-DK", "finnish": "fi-FI", "polish": "pl-PL",
    "russian": "ru-RU", "czech": "cs-CZ", "greek": "el-GR", "latin": "la",
    "japanese": "ja-JP", "chinese": "zh-CN", "korean": "ko-KR", "turkish": "tr-TR",
    "hungarian": "hu-HU", "catalan": "ca-AD", "croatian": "hr-HR", "hebrew": "he-IL",
}  # fmt: skip

_EPRINT_URLS = {
    "arxiv": "https://arxiv.org/abs/{}", "jstor": "https://www.jstor.org/stable/{}",
    "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/{}", "hdl": "https://hdl.handle.net/{}",
    "googlebooks": "https://books.google.com?id={}",
}  # fmt: skip

# EDTF seasons (21-24) and biblatex's season month values
_SEASONS = {21: 1, 22: 2, 23: 3, 24: 4}


def csl_type(entry_type: str, fields: Mapping[str, str]) -> str:
    if entry_type == "article":
        sub = fields.get("entrysubtype", "").strip().lower()
        if sub in SUBTYPES:
            return SUBTYPES[sub]
    if entry_type == "misc" and fields.get("url") and not fields.get("publisher"):
        return "webpage"
    return TYPES.get(entry_type, "article")


def _date_part(text: str) -> tuple[list[int], int | None] | None:
    """``2023``, ``2023-02``, ``2023-02-07``, ``2015-22`` (EDTF summer) -> parts, season."""
    m = re.fullmatch(r"\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*[~?%]?\s*", text)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2):
        month = int(m.group(2))
        if month in _SEASONS:
            return [year], _SEASONS[month]
        if not 1 <= month <= 12:
            return None
        if m.group(3):
            return [year, month, int(m.group(3))], None
        return [year, month], None
    return [year], None


def parse_date(text: str) -> dict[str, Any] | None:
    """A biblatex/ISO date or range as a CSL date; ``{"literal": text}`` when not ISO."""
    text = text.strip()
    if not text:
        return None
    pieces = text.split("/")
    if len(pieces) <= 2:
        parsed = [_date_part(p) for p in pieces if p.strip() not in ("", "..")]
        if parsed and all(p is not None for p in parsed):
            out: dict[str, Any] = {"date-parts": [p[0] for p in parsed if p is not None]}
            season = next((p[1] for p in parsed if p is not None and p[1]), None)
            if season:
                out["season"] = season
            if text.endswith(("?", "~")):
                out["circa"] = True
            return out
    return {"literal": text}


def _issued(fields: Mapping[str, str]) -> dict[str, Any] | None:
    if fields.get("date"):
        return parse_date(fields["date"])
    year = fields.get("year", "").strip()
    if not year:
        return None
    m = re.fullmatch(r"(\d{1,4})", year)
    if not m:
        return {"literal": year}
    parts = [int(m.group(1))]
    season = None
    month_text = fields.get("month", "")
    month = latex.month_number(month_text) if month_text else None
    if month_text and month is None:
        season_names = ("spring", "summer", "autumn", "winter")
        lowered = month_text.strip().lower()
        if lowered in season_names:
            season = season_names.index(lowered) + 1
        elif lowered == "fall":
            season = 3
    if month:
        parts.append(month)
        day = fields.get("day", "").strip()
        if day.isdigit():
            parts.append(int(day))
    out: dict[str, Any] = {"date-parts": [parts]}
    if season:
        out["season"] = season
    return out


def _names(text: str) -> list[dict[str, str]]:
    parsed, others = names.parse(text)
    return [n.csl() for n in parsed]


def resolved_fields(
    entry: Entry,
    strings: Mapping[str, str] | None = None,
    lookup: Callable[[str], Entry | None] | None = None,
) -> dict[str, str]:
    """Field values as LaTeX text (macros, months, ``#`` resolved), crossref-inherited."""
    fields = {k: latex.value(v, strings) for k, v in entry.fields.items()}
    if lookup is not None:
        seen = {entry.key.casefold()}
        for ref_field in ("crossref", "xdata"):
            parent_key = fields.get(ref_field, "").strip()
            depth = 0
            while parent_key and parent_key.casefold() not in seen and depth < 5:
                seen.add(parent_key.casefold())
                parent = lookup(parent_key)
                if parent is None:
                    break
                pfields = {k: latex.value(v, strings) for k, v in parent.fields.items()}
                _inherit(fields, pfields, parent.type)
                parent_key = pfields.get(ref_field, "").strip()
                depth += 1
    return fields


def _inherit(child: dict[str, str], parent: Mapping[str, str], parent_type: str) -> None:
    # biblatex's default inheritance: a parent's title is the child's booktitle
    mapped = {"title": "booktitle", "subtitle": "booksubtitle", "shorttitle": ""}
    if parent_type in ("periodical",):
        mapped = {"title": "journaltitle", "subtitle": "journalsubtitle", "shorttitle": ""}
    for name, val in parent.items():
        if name in ("crossref", "xdata", "ids", "entryset"):
            continue
        target = mapped.get(name, name)
        if target and target not in child:
            child[target] = val
        if name == "author" and "bookauthor" not in child and child.get("author") != val:
            child.setdefault("bookauthor", val)


def _squash(text: str) -> str:
    # only ASCII white space: a no-break space from `~` is meant
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def _rich(text: str) -> str:
    return _squash(latex.to_unicode(text, markup=True))


def _plain(text: str) -> str:
    return _squash(latex.to_unicode(text))


def _join_title(main: str, sub: str) -> str:
    if not sub:
        return main
    if not main:
        return sub
    sep = " " if main.rstrip()[-1:] in "?!:.;" else ": "
    return main.rstrip() + sep + sub


def to_csl(
    entry: Entry,
    strings: Mapping[str, str] | None = None,
    lookup: Callable[[str], Entry | None] | None = None,
) -> dict[str, Any]:
    """The CSL-JSON item for ``entry``; ``lookup(key)`` finds crossref parents."""
    f = resolved_fields(entry, strings, lookup)
    ctype = csl_type(entry.type, f)
    item: dict[str, Any] = {"id": entry.key, "type": ctype}

    title = _join_title(f.get("title", ""), f.get("subtitle", ""))
    if f.get("titleaddon"):
        title = f"{title}. {f['titleaddon']}" if title else f["titleaddon"]
    if title:
        item["title"] = _rich(title)

    journal = _join_title(
        f.get("journaltitle") or f.get("journal") or "", f.get("journalsubtitle", "")
    )
    book = _join_title(f.get("booktitle") or f.get("maintitle", ""), f.get("booksubtitle", ""))
    if book and f.get("booktitleaddon"):
        book = f"{book}. {f['booktitleaddon']}"
    container = journal or (book if ctype not in ("book", "report", "thesis") else "")
    if container:
        item["container-title"] = _rich(container)

    for field_name, var in _TEXT_FIELDS:
        if field_name in f and var not in item and f[field_name].strip():
            item[var] = _rich(f[field_name]) if var in ("title-short", "note") else _plain(
                f[field_name]
            )
    if "title-short" not in item and f.get("subtitle") and f.get("title"):
        item["title-short"] = _rich(f["title"])
    if "language" in item:
        item["language"] = _LANGUAGES.get(item["language"].lower(), item["language"])
    if "collection-title" in item:
        item["collection-title"] = _BIBLATEX_KEYS.get(
            item["collection-title"].lower(), item["collection-title"]
        )
    eprint_type = f.get("eprinttype", f.get("archiveprefix", "")).strip().lower()
    if f.get("eprint") and "URL" not in item and eprint_type in _EPRINT_URLS:
        item["URL"] = _EPRINT_URLS[eprint_type].format(f["eprint"].strip())

    number = f.get("number", "").strip()
    issue = f.get("issue", "").strip()
    if ctype in ("article-journal", "article-magazine", "article-newspaper", "periodical"):
        if number or issue:
            item["issue"] = _plain(number or issue)
    elif number:
        if f.get("series") and ctype in ("book", "chapter", "paper-conference"):
            item["collection-number"] = _plain(number)
        else:
            item["number"] = _plain(number)

    pages = f.get("pages", "").strip()
    if pages:
        item["page"] = re.sub(r"\s*-{1,3}\s*|\s*–\s*", "-", _plain(pages)).replace("\u2013", "-")
        first = re.match(r"[^\s,-]+", item["page"])
        if first:
            item["page-first"] = first.group(0)

    publisher = f.get("publisher", "")
    if ctype in ("report", "thesis") or entry.type == "manual":
        publisher = f.get("institution") or f.get("school") or f.get("organization") or publisher
    elif not publisher:
        publisher = f.get("organization") or f.get("institution") or ""
    if publisher:
        item["publisher"] = _plain(publisher)

    genre = f.get("type", "").strip()
    if genre:
        item["genre"] = _BIBLATEX_KEYS.get(genre.lower(), _plain(genre))
    elif entry.type in _THESIS:
        item["genre"] = _THESIS[entry.type]
    elif entry.type == "techreport":
        item["genre"] = "Technical report"

    for field_name, var in _NAME_FIELDS:
        if field_name in f and var not in item:
            people = _names(f[field_name])
            if people:
                item[var] = people

    issued = _issued(f)
    if issued:
        item["issued"] = issued
    for field_name, var in _DATE_FIELDS:
        if f.get(field_name):
            d = parse_date(f[field_name])
            if d:
                item[var] = d
    if ctype == "article" and "URL" in item and "publisher" not in item:
        item["type"] = "webpage"
    return item
