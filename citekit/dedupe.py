"""Is this work already in the library? Normalised DOI and URL comparison."""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl
from urllib.parse import urlencode
from urllib.parse import urlsplit

from citekit import latex
from citekit.bibfile import BibFile

_DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)
# query parameters that only track where a click came from
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|src|share)$")


@dataclass(frozen=True)
class Match:
    key: str
    line: int
    reason: str


def normalize_doi(value: str) -> str:
    """``https://doi.org/10.1000/ABC`` and ``doi:10.1000/abc`` -> ``10.1000/abc``."""
    m = _DOI.search(value.strip())
    return m.group(0).rstrip(".,;").lower() if m else ""


def normalize_url(value: str) -> str:
    """Scheme, ``www.``, trailing slash, fragment and tracking parameters do not count."""
    value = value.strip()
    if not value:
        return ""
    parts = urlsplit(value if "//" in value else "//" + value)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = [(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())]
    q = "?" + urlencode(sorted(query)) if query else ""
    return f"{host}{path}{q}"


def _identity(fields: Mapping[str, str], strings: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    doi = normalize_doi(latex.value(fields.get("doi", ""), strings))
    if doi:
        out["DOI"] = doi
    url = normalize_url(latex.value(fields.get("url", ""), strings))
    if url:
        out["URL"] = url
    return out


def find_among(
    entries: Iterable[tuple[str, Mapping[str, str]]],
    fields: Mapping[str, str],
    strings: Mapping[str, str] | None = None,
    *,
    line_of: Mapping[str, int] | None = None,
) -> Match | None:
    strings = strings or {}
    wanted = _identity(fields, strings)
    if not wanted:
        return None
    for key, other in entries:
        have = _identity(other, strings)
        for what, norm in wanted.items():
            if have.get(what) == norm:
                return Match(key, (line_of or {}).get(key, 0), f"same {what} {norm}")
    return None


def find(bib: BibFile, fields: Mapping[str, str]) -> Match | None:
    """The existing entry that is the same work as ``fields``, with the reason."""
    return find_among(
        ((e.key, e.fields) for e in bib.entries),
        fields,
        bib.strings,
        line_of={e.key: e.line for e in bib.entries},
    )
