"""RIS files (``TY  - JOUR`` … ``ER  -``): every record -> an entry (keys from the pattern)."""

from __future__ import annotations

import re

from citekit.errors import CitekitError
from citekit.importers import fields as f
from citekit.library import NewEntry

# RIS type -> (BibTeX type, entrysubtype)
TYPES = {
    "JOUR": ("article", ""), "JFULL": ("article", ""), "EJOUR": ("article", ""),
    "MGZN": ("article", "magazine"), "NEWS": ("article", "newspaper"),
    "BOOK": ("book", ""), "EBOOK": ("book", ""), "EDBOOK": ("book", ""),
    "CHAP": ("incollection", ""), "ECHAP": ("incollection", ""),
    "CONF": ("inproceedings", ""), "CPAPER": ("inproceedings", ""),
    "RPRT": ("report", ""), "THES": ("thesis", ""), "ELEC": ("online", ""),
    "WEB": ("online", ""), "BLOG": ("online", ""), "DATA": ("dataset", ""),
    "COMP": ("software", ""), "UNPB": ("unpublished", ""), "PAT": ("patent", ""),
    "GEN": ("misc", ""),
}  # fmt: skip
_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_CONTAINER = {
    "article": "journal",
    "incollection": "booktitle",
    "inproceedings": "booktitle",
    "online": "organization",
}


def _record(tags: list[tuple[str, str]], where: str) -> NewEntry:
    def first(*names: str) -> str:
        return next((v for n in names for t, v in tags if t == n and v), "")

    def every(*names: str) -> list[str]:
        return [v for t, v in tags if t in names and v]

    ris_type = first("TY")
    if ris_type not in TYPES:
        raise CitekitError(f"{where}: unknown RIS type {ris_type!r}")
    entry_type, subtype = TYPES[ris_type]
    out: dict[str, str] = {}
    authors = every("AU", "A1")
    if authors:
        out["author"] = f.people(f.natural(a) for a in authors)
    editors = every("ED", "A2") if entry_type != "article" else every("ED")
    if editors:
        out["editor"] = f.people(f.natural(e) for e in editors)
    title = first("TI", "T1", "CT")
    if not title and not authors:
        raise CitekitError(f"{where}: a record without a title or an author")
    if title:
        out["title"] = f.title(title)
    container = first("T2", "JF", "JO", "BT", "JA", "J2")
    if container:
        out[_CONTAINER.get(entry_type, "series")] = f.title(container)
    if subtype:
        out["entrysubtype"] = subtype
    for tag, name in (("VL", "volume"), ("IS", "number"), ("ET", "edition")):
        if first(tag):
            out[name] = f.text(first(tag))
    start, end = first("SP"), first("EP")
    if start:
        out["pages"] = f"{start}--{end}" if end and end != start else f.pages(start)
    publisher = first("PB")
    if publisher:
        out["institution" if entry_type in ("report", "thesis") else "publisher"] = f.text(
            publisher
        )
    if first("CY"):
        out["address"] = f.text(first("CY"))
    date = f.date(first("DA", "PY", "Y1").rstrip("/").replace("/", "-")) or f.date(
        first("PY", "Y1")[:4]
    )
    if date:
        out["date"] = date
    if first("DO"):
        out["doi"] = f.doi(first("DO")) or first("DO")
    if first("UR", "L2"):
        out["url"] = first("UR", "L2")
    serial = first("SN")
    if serial:
        out["isbn" if entry_type in ("book", "incollection") else "issn"] = serial
    return NewEntry(entry_type, out)


def parse(text: str, *, url: str) -> list[NewEntry]:
    """Every record of RIS ``text``; ``url`` names the file for messages."""
    out: list[NewEntry] = []
    tags: list[tuple[str, str]] = []
    start = 0
    for n, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        line = raw.rstrip()
        if not line:
            continue
        m = _LINE.match(line)
        if not m:
            if tags:  # a wrapped value continues the previous tag
                tag, value = tags[-1]
                tags[-1] = (tag, f"{value} {line.strip()}")
                continue
            raise CitekitError(f"{url}:{n}: not an RIS line ({line[:40]!r})")
        tag, value = m.group(1), (m.group(2) or "").strip()
        if tag == "TY":
            if tags:
                raise CitekitError(f"{url}:{start}: a record without ER")
            start = n
        elif not tags:
            raise CitekitError(f"{url}:{n}: {tag} before TY; a record starts with TY")
        if tag == "ER":
            out.append(_record(tags, f"{url}:{start}"))
            tags = []
            continue
        tags.append((tag, value))
    if tags:
        raise CitekitError(f"{url}:{start}: the last record has no ER line")
    if not out:
        raise CitekitError(f"{url}: no RIS records found")
    return out
