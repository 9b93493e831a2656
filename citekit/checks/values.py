"""Values: dates, identifiers, page ranges and name lists in the form tools expect."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from collections.abc import Iterator
from urllib.parse import urlsplit

from citekit import latex
from citekit.bibfile import BibFile
from citekit.checks import datamodel
from citekit.checks.registry import Edit
from citekit.checks.registry import Options
from citekit.checks.registry import at
from citekit.checks.registry import by_name
from citekit.checks.registry import check
from citekit.checks.registry import fixer
from citekit.checks.registry import pieces
from citekit.checks.registry import resolved
from citekit.checks.registry import syntax
from citekit.model import Entry
from citekit.model import Problem
from citekit.scanner import Field


def _fields(bib: BibFile, *names: str, braces: bool = False) -> list[tuple[Entry, Field, str]]:
    """(entry, field, resolved value) for the named fields that are present; the value
    without protective braces unless ``braces`` (in names they group words). Computed
    once per file: the name checks read the same author lists."""
    cache = syntax(bib).cache
    key = f"values-{braces}-{','.join(names)}"
    found = cache.get(key)
    if found is None:
        index = by_name(bib)
        pairs = [pair for name in names for pair in index.get(name, ())]
        if len(names) > 1:
            pairs.sort(key=lambda pair: pair[1].start)
        found = []
        for entry, f in pairs:
            v = f.value
            # resolved() and _bare(), their commonest case inline: one {..} or ".."
            if f.single and v[:1] in ("{", '"'):
                v = v[1:-1]
            else:
                v = resolved(bib, f)
            found.append((entry, f, v.strip() if braces or "{" not in v else _bare(v)))
        cache[key] = found
    return found


_NOOPSORT = re.compile(r"\\noopsort\s*\{[^{}]*\}")
_YEAR = re.compile(r"\d{4}")
_GROUP = re.compile(r"\{[^{}]*\}")


def _bare(value: str) -> str:
    """A value without protective braces and ``\noopsort{...}`` sorting hints."""
    if "{" not in value:
        return value.strip()
    value = _NOOPSORT.sub("", value)
    return value.replace("{", "").replace("}", "").strip()


def _simple(f: Field) -> bool:
    """A value that is one braced or quoted string (safe to edit inside)."""
    return len(pieces(f)) == 1 and f.value[:1] in ("{", '"') and f.value[-1:] in ("}", '"')


def _rejected(
    bib: BibFile, valid: Callable[[str], bool], *names: str
) -> Iterator[tuple[Entry, Field, str]]:
    """The named fields whose value ``valid`` rejects; each distinct value is tested once
    (a file repeats its years and months thousands of times)."""
    good: dict[str, bool] = {}
    for entry, f, value in _fields(bib, *names):
        ok = good.get(value)
        if ok is None:
            ok = good[value] = valid(value)
        if not ok:
            yield entry, f, value


@check("bad-year", severity="warning")
def bad_year(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A ``year`` that is not a four-digit number."""
    for entry, f, value in _rejected(bib, lambda v: _YEAR.fullmatch(v) is not None, "year"):
        yield at(
            bib,
            "bad-year",
            f.value_start,
            f"{entry.key}: year {value!r} is not a four-digit year "
            "(biblatex wants a number; use date for ranges, pubstate for 'in press')",
        )


_DATE_PART = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[?~%]?"
_DATE = re.compile(rf"(?:{_DATE_PART}|\.\.)?(?:/(?:{_DATE_PART}|\.\.)?)?")


def _real(y: str | None, m: str | None, d: str | None) -> bool:
    if y is None or m is None:
        return True
    if not 1 <= int(m) <= 12 and not 21 <= int(m) <= 24:  # 21-24: EDTF seasons
        return False
    if d is None:
        return True
    import datetime

    try:
        datetime.date(int(y), int(m), int(d))
    except ValueError:
        return False
    return True


def _iso_date(value: str) -> bool:
    m = _DATE.fullmatch(value)
    g = m.groups() if m else ()
    return bool(value and m and _real(*g[:3]) and _real(*g[3:]))


@check("bad-date", severity="warning")
def bad_date(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A biblatex date that is not ISO 8601 (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ranges)."""
    for entry, f, value in _rejected(bib, _iso_date, "date", "urldate", "eventdate", "origdate"):
        yield at(
            bib,
            "bad-date",
            f.value_start,
            f"{entry.key}: {f.name.lower()} {value!r} is not an ISO 8601 date "
            "like 2020-05-17 (biber drops it)",
        )


@check("bad-month", severity="warning")
def bad_month(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A ``month`` that is not a month."""
    for entry, f, value in _rejected(bib, lambda v: latex.month_number(v) is not None, "month"):
        yield at(
            bib,
            "bad-month",
            f.value_start,
            f"{entry.key}: month {value!r} is not a month; write jan ... dec or 1-12",
        )


_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/\S+")


@check("bad-doi", severity="warning")
def bad_doi(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A DOI that is not ``10.NNNN/suffix``, or has a URL or ``doi:`` prefix."""
    for entry, f, value in _fields(bib, "doi"):
        if _DOI_PREFIX.match(value) and _DOI.fullmatch(_DOI_PREFIX.sub("", value)):
            yield at(
                bib,
                "bad-doi",
                f.value_start,
                f"{entry.key}: doi has a prefix; write the bare DOI "
                f"{_DOI_PREFIX.sub('', value)!r} (styles add the link)",
            )
        elif not _DOI.fullmatch(value):
            yield at(
                bib,
                "bad-doi",
                f.value_start,
                f"{entry.key}: doi {value!r} is not a DOI (10.NNNN/suffix)",
            )


@fixer("bad-doi")
def fix_bad_doi(bib: BibFile, opts: Options) -> Iterator[Edit]:
    for _entry, f, value in _fields(bib, "doi"):
        m = _DOI_PREFIX.match(f.value[1:])
        if _simple(f) and m and _DOI.fullmatch(_DOI_PREFIX.sub("", value)):
            yield Edit(f.value_start + 1, f.value_start + 1 + m.end(), "")


_NOT_ISBN_DIGITS = re.compile(r"[^0-9Xx]+")
_ISBN_SEPARATORS = re.compile(r"[,;/\s]+")


def isbns(value: str) -> list[str]:
    """The ISBNs in a field: one (possibly written with spaces) or several."""
    whole = _NOT_ISBN_DIGITS.sub("", value)
    if len(whole) in (10, 13) or not value.strip():
        return [value.strip()]
    return [p for p in _ISBN_SEPARATORS.split(value) if p]


def _isbn_ok(digits: str) -> bool:
    if len(digits) == 10:
        if not digits[:9].isdigit():
            return False
        total: int = sum(map(operator.mul, range(10, 1, -1), map(int, digits[:9])))
        total += 10 if digits[9] == "X" else int(digits[9]) if digits[9].isdigit() else 99
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return (sum(map(int, digits[::2])) + 3 * sum(map(int, digits[1::2]))) % 10 == 0
    return False


@check("bad-isbn", severity="warning")
def bad_isbn(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """An ISBN with the wrong length or check digit."""
    for entry, f, value in _fields(bib, "isbn"):
        for isbn in isbns(value):
            digits = _NOT_ISBN_DIGITS.sub("", isbn).upper()
            if not _isbn_ok(digits):
                yield at(
                    bib,
                    "bad-isbn",
                    f.value_start,
                    f"{entry.key}: ISBN {isbn.strip()!r} has a wrong length or check digit",
                )


_ISSN = re.compile(r"(?<![\d-])\d{4}-?\d{3}[\dXx](?![\d-])")


def _issn_ok(issn: str) -> bool:
    digits = issn.replace("-", "").upper()
    total: int = sum(map(operator.mul, range(8, 1, -1), map(int, digits[:7])))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


@check("bad-issn", severity="warning")
def bad_issn(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """An ISSN that is not ``NNNN-NNNC`` with a correct check digit."""
    for entry, f, value in _fields(bib, "issn"):
        # "0033-2909 (Print)": notes around the numbers are common and harmless
        found = _ISSN.findall(value)
        for issn in found or [value]:
            if not found or not _issn_ok(issn):
                yield at(
                    bib,
                    "bad-issn",
                    f.value_start,
                    f"{entry.key}: ISSN {issn!r} is not NNNN-NNNN with a correct check digit",
                )


_URL_COMMAND = re.compile(r"^\\url\{(.*)\}$")
_SPACE = re.compile(r"\s")


@check("bad-url", severity="warning")
def bad_url(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A ``url`` that is not one absolute http(s)/ftp URL."""
    for entry, f, value in _fields(bib, "url"):
        if value.startswith("\\url{"):
            value = _URL_COMMAND.sub(r"\1", value)
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https", "ftp") or not parts.netloc or _SPACE.search(value):
            yield at(
                bib,
                "bad-url",
                f.value_start,
                f"{entry.key}: url {value[:80]!r} is not one absolute http(s) URL",
            )


_HYPHEN_RANGE = re.compile(r"(?<![-\w])([A-Za-z]?\d+)[ \t]*-[ \t]*([A-Za-z]?\d+)(?![-\w])")


@check("page-range", severity="warning")
def page_range(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A page range written with one hyphen (``10-20``) instead of an en dash (``10--20``)."""
    if opts.datamodel == "biblatex":
        return  # biber turns the hyphen into \bibrangedash itself
    for entry, f, value in _fields(bib, "pages"):
        # a match has a hyphen of its own, not one of a '--': not all runs of hyphens even
        m = _HYPHEN_RANGE.search(value) if value.count("-") != 2 * value.count("--") else None
        if m:
            yield at(
                bib,
                "page-range",
                f.value_start,
                f"{entry.key}: pages {value!r}: write ranges as {m.group(1)}--{m.group(2)}",
            )


@fixer("page-range")
def fix_page_range(bib: BibFile, opts: Options) -> Iterator[Edit]:
    for _entry, f, _value in _fields(bib, "pages"):
        if not _simple(f):
            continue
        for m in _HYPHEN_RANGE.finditer(f.value):
            start = f.value_start + m.end(1)
            yield Edit(start, f.value_start + m.start(2), "--")


_AND_WORD = re.compile(r"(?:^|(?<=\s))and(?=\s|$)", re.IGNORECASE)
_AND_SPLIT = re.compile(r"(?:^|\s)and(?=\s|$)", re.IGNORECASE)


def _top_level_parts(value: str) -> list[str]:
    """The names of an ``and`` list, split at brace depth 0, empty ones kept."""
    if "{" not in value:
        return _AND_WORD.split(value)
    parts, depth, start = [], 0, 0
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0:
            m = _AND_SPLIT.match(value, i)
            if m and (i == 0 or value[i].isspace()):
                parts.append(value[start:i])
                start = i = m.end()
                continue
        i += 1
    parts.append(value[start:])
    return parts


# cheap tests that rule out most name lists before they are split
_MAYBE_EMPTY = re.compile(r"^\s*and\s|\sand\s*$|\sand\s+and\s", re.IGNORECASE)
_NO_AND = r"(?:(?!\sand\s)[^,])*"
_MAYBE_SPLIT = re.compile(
    rf",{_NO_AND},{_NO_AND},|,(?:(?!\sand\s)[^,\n])*\n{_NO_AND},", re.IGNORECASE
)
# cheaper still, and what those need, in lower case: 'and' at an end or 'and' twice
_AND_AND = re.compile(r"and\s+and")


def _maybe_empty(value: str) -> bool:
    """What _MAYBE_EMPTY needs, tested with str methods first (10,000 author lists)."""
    low = value.lower()
    return (
        "and" in low
        and (
            low.lstrip().startswith("and")
            or low.rstrip().endswith("and")
            or _AND_AND.search(low) is not None
        )
        and _MAYBE_EMPTY.search(value) is not None
    )


def _maybe_split(value: str) -> bool:
    """What _MAYBE_SPLIT needs: three commas, or two with a line break, between two
    'and's (most author lists have as many commas as names, one in each)."""
    commas = value.count(",")
    if commas < 2 or (commas == 2 and "\n" not in value):
        return False
    for names in _AND_SEPARATOR.split(value.lower()):
        commas = names.count(",")
        if commas > 2 or (commas == 2 and "\n" in names):
            return _MAYBE_SPLIT.search(value) is not None
    return False


# not at a line break: _MAYBE_SPLIT takes a line break between two commas as it is
_AND_SEPARATOR = re.compile(r"[^\S\n]and\s")


@check("empty-name", severity="warning")
def empty_name(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """An ``and`` list with an empty name (``A and and B``, a trailing ``and``)."""
    for entry, f, value in _fields(bib, *datamodel.NAME_FIELDS, braces=True):
        if value and _maybe_empty(value) and any(not p.strip() for p in _top_level_parts(value)):
            yield at(
                bib,
                "empty-name",
                f.value_start,
                f"{entry.key}: {f.name.lower()} has an empty name between 'and's",
            )


@check("name-split", severity="warning")
def name_split(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """One name that runs over a line break with too many commas: a lost ``and``."""
    for entry, f, value in _fields(bib, *datamodel.NAME_FIELDS, braces=True):
        if not _maybe_split(value):
            continue
        for name in _top_level_parts(value):
            top = _GROUP.sub("", name) if "{" in name else name
            if top.count(",") > 2 or ("\n" in name and top.count(",") == 2):
                shown = " ".join(name.split())
                yield at(
                    bib,
                    "name-split",
                    f.value_start,
                    f"{entry.key}: {f.name.lower()} {shown!r} reads as one name with "
                    f"{top.count(',')} commas; an 'and' is probably missing",
                )


_ET_AL = re.compile(r"(?:,?[\s~]+|^)et[\s~]*al\.?(?=\s*$)", re.IGNORECASE)


@check("et-al", severity="warning")
def et_al(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """``et al.`` typed into a name list instead of ``and others``."""
    for entry, f, value in _fields(bib, *datamodel.NAME_FIELDS, braces=True):
        # a match ends the value (but for white space) in 'al' or 'al.'
        if "al" in value.rstrip()[-3:].lower() and _ET_AL.search(value):
            yield at(
                bib,
                "et-al",
                f.value_start,
                f"{entry.key}: {f.name.lower()} ends in 'et al.'; write 'and others' "
                "(styles print et al. themselves)",
            )


@fixer("et-al")
def fix_et_al(bib: BibFile, opts: Options) -> Iterator[Edit]:
    for _entry, f, _value in _fields(bib, *datamodel.NAME_FIELDS, braces=True):
        if not _simple(f):
            continue
        inner = f.value[1:-1]
        m = _ET_AL.search(inner)
        if m and m.start() > 0:
            yield Edit(f.value_start + 1 + m.start(), f.value_start + 1 + m.end(), " and others")
