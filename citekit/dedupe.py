"""Is this work already in the library?

Exact identity first: normalised DOI, URL and ISBN (ISBN-10 and -13 are the same book).
Then a fuzzy match: a title at least 90% alike (rapidfuzz), with no disagreement on the
year, the first author's family name or the DOI, and at least one of those (or the
container) agreeing, so two different "Introduction"s never match on the title alone.
"""

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

# rapidfuzz, keys and names are imported where the fuzzy match needs them: `citekit check`
# uses only the normalize_* functions and should not load them

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


def normalize_isbn(value: str) -> str:
    """The ISBN-13 digits of a valid ISBN-10 or ISBN-13 (hyphens, spaces, prefix ignored)."""
    digits = re.sub(r"[^0-9Xx]", "", value.removeprefix("ISBN").removeprefix("isbn")).upper()
    if len(digits) == 10 and re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        if total % 11:
            return ""
        digits = "978" + digits[:9]
        return digits + str(-_isbn13_sum(digits) % 10)
    if len(digits) == 13 and digits.isdigit() and digits[:3] in ("978", "979"):
        return digits if _isbn13_sum(digits) % 10 == 0 else ""
    return ""


def _isbn13_sum(digits: str) -> int:
    return sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits))


def _identity(fields: Mapping[str, str], strings: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    doi = normalize_doi(latex.value(fields.get("doi", ""), strings))
    if doi:
        out["DOI"] = doi
    url = normalize_url(latex.value(fields.get("url", ""), strings))
    if url:
        out["URL"] = url
    isbn = normalize_isbn(latex.value(fields.get("isbn", ""), strings))
    if isbn:
        out["ISBN"] = isbn
    return out


@dataclass(frozen=True)
class _Work:
    title: str
    year: str
    author: str
    container: str
    doi: str


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


_WORK_FIELDS = frozenset(
    "title author editor journaltitle journal booktitle organization publisher institution doi "
    "year date".split()
)


def _work(fields: Mapping[str, str], strings: Mapping[str, str]) -> _Work:
    from citekit import keys
    from citekit import names

    plain = keys.plain_fields({k: v for k, v in fields.items() if k in _WORK_FIELDS}, strings)
    people, _ = names.parse(plain.get("author") or plain.get("editor") or "")
    first = people[0] if people else None
    author = keys.ascii_fold((first.family or first.literal) if first else "")
    container = next(
        (plain[n] for n in ("journaltitle", "journal", "booktitle", "organization",
                            "publisher", "institution") if plain.get(n)), ""
    )  # fmt: skip
    return _Work(
        _fold(plain.get("title", "")),
        keys.parts(plain)["year"],
        author,
        _fold(container),
        normalize_doi(plain.get("doi", "")),
    )


_FUZZY_TITLE = 90.0


def _similar(new: _Work, old: _Work) -> str:
    """Why ``new`` looks like ``old`` (empty when it does not); their titles are alike."""
    from rapidfuzz import fuzz

    score = fuzz.ratio(new.title, old.title)
    agree = []
    for what, a, b in (
        ("year", new.year, old.year),
        ("first author", new.author, old.author),
        ("DOI", new.doi, old.doi),
    ):
        if a and b:
            if a != b:
                return ""
            agree.append(what)
    if new.container and old.container and fuzz.ratio(new.container, old.container) >= 90:
        agree.append("container")
    if not agree:
        return ""
    return f"title {score:.0f}% alike, same {', '.join(agree)}"


def find_among(
    entries: Iterable[tuple[str, Mapping[str, str]]],
    fields: Mapping[str, str],
    strings: Mapping[str, str] | None = None,
    *,
    line_of: Mapping[str, int] | None = None,
) -> Match | None:
    from rapidfuzz import fuzz

    strings = strings or {}
    entries = list(entries)
    line_of = line_of or {}
    wanted = _identity(fields, strings)
    for key, other in entries:
        have = _identity(other, strings)
        for what, norm in wanted.items():
            if have.get(what) == norm:
                return Match(key, line_of.get(key, 0), f"same {what} {norm}")
    work = _work(fields, strings)
    if not work.title:
        return None
    for key, other in entries:
        # the cheap test first: most entries' titles are nothing alike
        title = _fold(latex.plain(other.get("title", ""), strings))
        if not title or not fuzz.ratio(work.title, title, score_cutoff=_FUZZY_TITLE):
            continue
        why = _similar(work, _work(other, strings))
        if why:
            return Match(key, line_of.get(key, 0), why)
    return None


def find(bib: BibFile, fields: Mapping[str, str]) -> Match | None:
    """The existing entry that is the same work as ``fields``, with the reason."""
    return find_among(
        ((e.key, e.fields) for e in bib.entries),
        fields,
        bib.strings,
        line_of={e.key: e.line for e in bib.entries},
    )
