"""CSL-JSON item -> BibTeX entry type and fields (the reverse of ``csl.convert``).

DOI content negotiation answers in CSL-JSON, and Zotero exports it, so both come through
here. ``parse(text, *, url)`` reads a file or an answer (one item or a list).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from citekit.errors import CitekitError
from citekit.importers import fields as f
from citekit.library import NewEntry

# CSL type -> (BibTeX type, entrysubtype)
TYPES: dict[str, tuple[str, str]] = {
    "article-journal": ("article", ""),
    "article-magazine": ("article", "magazine"),
    "article-newspaper": ("article", "newspaper"),
    "book": ("book", ""),
    "chapter": ("incollection", ""),
    "paper-conference": ("inproceedings", ""),
    "report": ("report", ""),
    "thesis": ("thesis", ""),
    "webpage": ("online", ""),
    "post": ("online", ""),
    "post-weblog": ("online", ""),
    "dataset": ("dataset", ""),
    "software": ("software", ""),
    "manuscript": ("unpublished", ""),
    "patent": ("patent", ""),
    "entry-encyclopedia": ("incollection", ""),
    "entry-dictionary": ("incollection", ""),
    "pamphlet": ("booklet", ""),
    "periodical": ("periodical", ""),
    "standard": ("standard", ""),
    "article": ("misc", ""),
    "posted-content": ("misc", ""),  # Crossref's preprints
    "journal-article": ("article", ""),
    "proceedings-article": ("inproceedings", ""),
    "book-chapter": ("incollection", ""),
}

_CONTAINER = {
    "article": "journal",
    "incollection": "booktitle",
    "inproceedings": "booktitle",
    "online": "organization",
    "misc": "howpublished",
    "periodical": "title",
}

# CSL variable -> BibTeX field, copied as text
_SIMPLE = (
    ("title-short", "shorttitle"),
    ("container-title-short", "shortjournal"),
    ("edition", "edition"),
    ("volume", "volume"),
    ("collection-title", "series"),
    ("publisher-place", "address"),
    ("event-title", "eventtitle"),
    ("event-place", "venue"),
    ("ISSN", "issn"),
    ("ISBN", "isbn"),
    ("PMID", "pmid"),
    ("PMCID", "pmcid"),
    ("language", "langid"),
    ("note", "note"),
    ("version", "version"),
    ("genre", "type"),
    ("number-of-pages", "pagetotal"),
)
_VERBATIM = (("DOI", "doi"), ("URL", "url"))
_KEY = re.compile(r"^[A-Za-z][\w:.+-]*$")


def _str(value: Any) -> str:
    if isinstance(value, list):  # Crossref sends some variables as one-item lists
        value = value[0] if value else ""
    return " ".join(str(value).split()) if value is not None else ""


def _person(p: Any) -> str:
    if not isinstance(p, Mapping):
        return ""
    if p.get("literal"):
        return "{" + f.text(_str(p["literal"])) + "}"
    family = _str(p.get("family", ""))
    given = _str(p.get("given", ""))
    if not family:
        return f.natural(given) if given else ""
    particle = " ".join(
        _str(p.get(k, "")) for k in ("dropping-particle", "non-dropping-particle") if p.get(k)
    )
    return f.person(family, given, particle=particle, suffix=_str(p.get("suffix", "")))


def _date(value: Any) -> str:
    if not isinstance(value, Mapping):
        return ""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            nums = [int(str(x)) for x in parts[0][:3]]
        except ValueError:
            return ""
        season = value.get("season")
        if season and len(nums) == 1 and str(season).isdigit() and 1 <= int(season) <= 4:
            return f"{nums[0]:04d}-{20 + int(season)}"
        start = f.iso(*nums)
        if len(parts) > 1 and isinstance(parts[1], list) and parts[1]:
            try:
                return start + "/" + f.iso(*[int(str(x)) for x in parts[1][:3]])
            except ValueError:
                return start
        return start
    if value.get("raw"):
        return f.date(_str(value["raw"]))
    if value.get("literal"):
        return f.date(_str(value["literal"]))
    return ""


def to_fields(item: Mapping[str, Any]) -> tuple[str, dict[str, str]]:
    """The BibTeX type and field values for one CSL-JSON item."""
    csl_type = _str(item.get("type", "")) or "article"
    entry_type, subtype = TYPES.get(csl_type, ("misc", ""))
    out: dict[str, str] = {}
    for role in ("author", "editor", "translator"):
        people = item.get(role)
        if isinstance(people, list):
            value = f.people(_person(p) for p in people)
            if value:
                out[role] = value
    if item.get("title"):
        out["title"] = f.title(_str(item["title"]))
    container = _str(item.get("container-title", ""))
    if container:
        target = _CONTAINER.get(entry_type, "booktitle")
        if entry_type in ("book", "report", "thesis"):
            target = "series" if "collection-title" not in item else "booktitle"
        out[target] = f.title(container) if target != "organization" else f.text(container)
    if subtype:
        out["entrysubtype"] = subtype
    for var, name in _SIMPLE:
        if item.get(var) and name not in out:
            out[name] = f.text(_str(item[var]))
    number = _str(item.get("issue", "")) or _str(item.get("number", ""))
    if item.get("collection-number") and entry_type in ("book", "incollection"):
        number = _str(item["collection-number"])
    if number:
        out["number"] = f.text(number)
    if item.get("page"):
        out["pages"] = f.pages(_str(item["page"]))
    publisher = _str(item.get("publisher", ""))
    if publisher:
        name = {"report": "institution", "thesis": "institution"}.get(entry_type, "publisher")
        out[name] = f.text(publisher)
    issued = _date(item.get("issued"))
    if issued:
        out["date"] = issued
    accessed = _date(item.get("accessed"))
    if accessed:
        out["urldate"] = accessed
    for var, name in _VERBATIM:
        if item.get(var):
            out[name] = _str(item[var])
    if "doi" in out:
        out["doi"] = f.doi(out["doi"]) or out["doi"]
    return entry_type, out


def to_entry(item: Mapping[str, Any], *, keep_id: bool = True) -> NewEntry:
    entry_type, fields = to_fields(item)
    if not fields.get("title") and not fields.get("author"):
        raise CitekitError("a CSL-JSON item without a title or an author")
    key = _str(item.get("id", "")) if keep_id else ""
    return NewEntry(entry_type, fields, key if _KEY.match(key) else "")


def parse(text: str, *, url: str) -> list[NewEntry]:
    """Entries from CSL-JSON text (one item, a list, or ``{"items": [...]}``);
    ``url`` names where it came from, for messages."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise CitekitError(f"{url}:{e.lineno}:{e.colno}: not valid JSON ({e.msg})") from None
    except RecursionError:
        raise CitekitError(f"{url}: JSON nested too deeply to be CSL-JSON") from None
    if isinstance(data, Mapping) and isinstance(data.get("items"), list):
        data = data["items"]
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(i, Mapping) for i in items):
        raise CitekitError(f"{url}: not CSL-JSON (an item or a list of items)")
    out = []
    for n, item in enumerate(items, 1):
        try:
            out.append(to_entry(item))
        except CitekitError as e:
            where = f" item {n}" if len(items) > 1 else ""
            raise CitekitError(f"{url}:{where} {e}") from None
    return out
