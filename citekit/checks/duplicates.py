"""Duplicates: keys, fields inside one entry, and the same work under two keys."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Mapping

from citekit import dedupe
from citekit.bibfile import BibFile
from citekit.checks.registry import Edit
from citekit.checks.registry import Options
from citekit.checks.registry import at
from citekit.checks.registry import check
from citekit.checks.registry import entry_items
from citekit.checks.registry import fixer
from citekit.checks.registry import syntax
from citekit.checks.registry import value_of
from citekit.model import Entry
from citekit.model import Problem
from citekit.scanner import Item


@check("duplicate-key")
def duplicate_key(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A key used twice; BibTeX compares keys ignoring case."""
    if not bib.duplicates:
        return
    first = {e.key.casefold(): e for e in bib.entries}
    for dup in bib.duplicates:
        other = first[dup.key.casefold()]
        case = f" (as {other.key!r}; BibTeX ignores case)" if other.key != dup.key else ""
        yield Problem(
            "duplicate-key",
            dup.line,
            1,
            f"{dup.key}: key already used at line {other.line}{case}; "
            "BibTeX and biber keep only the first entry",
        )


def _duplicate_fields(bib: BibFile) -> Iterator[tuple[Entry, int, int, str, bool]]:
    """(entry, index of the repeat, index of the first, name, same value) per repeat."""
    for entry, item in entry_items(bib):
        if len(entry.fields) == len(item.fields):
            continue  # the entry kept every field: no name repeats
        first: dict[str, int] = {}
        for i, f in enumerate(item.fields):
            name = f.name.lower()
            if name in first:
                j = first[name]
                same = " ".join(f.value.split()) == " ".join(item.fields[j].value.split())
                yield entry, i, j, name, same
            else:
                first[name] = i


@check("duplicate-field", severity="warning")
def duplicate_field(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A field given twice in one entry."""
    items: dict[tuple[int, int] | None, Item] = {}
    for entry, i, j, name, same in _duplicate_fields(bib):
        if not items:  # only for files that have a repeat
            items = {e.span: item for e, item in entry_items(bib)}
        item = items[entry.span]
        first_line = at(bib, "", item.fields[j].start, "").line
        what = (
            "with the same value"
            if same
            else "with a different value; BibTeX uses the first one and ignores this one"
        )
        yield at(
            bib,
            "duplicate-field",
            item.fields[i].start,
            f"{entry.key}: field {name!r} repeats line {first_line} {what}",
        )


@fixer("duplicate-field")
def fix_duplicate_field(bib: BibFile, opts: Options) -> Iterator[Edit]:
    """Drop a repeated field when it has the same value and sits on lines of its own."""
    items: dict[tuple[int, int] | None, Item] = {}
    text = bib.text
    for entry, i, _j, _name, same in _duplicate_fields(bib):
        if not same:
            continue
        if not items:
            items = {e.span: item for e, item in entry_items(bib)}
        f = items[entry.span].fields[i]
        line_start = text.rfind("\n", 0, f.start) + 1
        m = re.compile(r"[ \t]*,?[ \t]*\r?\n").match(text, f.value_end)
        if text[line_start : f.start].strip() or m is None:
            continue
        yield Edit(line_start, m.end(), "")


# --------------------------------------------------------------------------- same work


# LaTeX commands and punctuation do not make two titles different
_NOT_WORDS = re.compile(r"\\[A-Za-z]+|[^\w]+")
_WORD_RUNS = re.compile(r"\w+")


def _value(bib: BibFile, entry: Entry, name: str) -> str:
    return value_of(bib, entry.fields.get(name, ""))


def _title(bib: BibFile, entry: Entry) -> str:
    """The title as compared: words only, case folded (once per distinct title in a file:
    the same work twice, what these checks look for, usually has the same title)."""
    raw = entry.fields.get("title", "")
    memo: dict[str, str] = syntax(bib).cache.setdefault("compared titles", {})
    title = memo.get(raw)
    if title is None:
        title = value_of(bib, raw)
        if "\\" not in title:  # no commands: the words are the runs of word characters
            title = " ".join(_WORD_RUNS.findall(title)).casefold()
        else:
            title = " ".join(_NOT_WORDS.sub(" ", title).split()).casefold()
        memo[raw] = title
    return title


def _same(
    bib: BibFile,
    code: str,
    what: str,
    norm: Mapping[str, str],
    types: frozenset[str] = frozenset(),
    *,
    titles_agree: bool = False,
) -> Iterator[Problem]:
    first: dict[str, Entry] = {}
    for entry in bib.entries:
        if types and entry.type not in types:
            continue
        value = norm.get(entry.key)
        if not value:
            continue
        if value in first:
            other = first[value]
            if titles_agree and not _similar_titles(bib, entry, other):
                continue
            yield Problem(
                code,
                entry.line,
                1,
                f"{entry.key}: same {what} {value} as {other.key!r} (line {other.line})",
            )
        else:
            first[value] = entry


@check("duplicate-doi")
def duplicate_doi(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """Two entries with the same DOI (ignoring case and a doi.org prefix)."""
    norm = {
        e.key: dedupe.normalize_doi(_value(bib, e, "doi")) for e in bib.entries if "doi" in e.fields
    }
    return _same(bib, "duplicate-doi", "DOI", norm)


@check("duplicate-url", severity="warning")
def duplicate_url(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """Two entries with the same URL (ignoring scheme, www., tracking parameters)."""
    norm: dict[str, str] = {}
    for e in bib.entries:
        if "url" not in e.fields:
            continue
        url = dedupe.normalize_url(_value(bib, e, "url"))
        # a bare site (no path) names a publisher, not a work
        if "/" in url and not dedupe.normalize_doi(_value(bib, e, "doi")):
            norm[e.key] = url
    # a URL can name a whole issue or a listing (one PDF of a bulletin, a DBLP volume
    # page): entries with clearly different titles there are different works
    return _same(bib, "duplicate-url", "URL", norm, titles_agree=True)


def _similar_titles(bib: BibFile, a: Entry, b: Entry) -> bool:
    from rapidfuzz import fuzz

    ta, tb = _title(bib, a), _title(bib, b)
    return not ta or not tb or fuzz.ratio(ta, tb) >= 60


def normalize_isbn(value: str) -> str:
    """The ISBN-13 digits of an ISBN-10 or ISBN-13 (hyphens and spaces ignored)."""
    digits = _NOT_ISBN_DIGITS.sub("", value).upper()
    if len(digits) == 10:
        body = "978" + digits[:9]
        check = (10 - (sum(map(int, body[::2])) + 3 * sum(map(int, body[1::2]))) % 10) % 10
        return body + str(check)
    return digits if len(digits) == 13 else ""


_NOT_ISBN_DIGITS = re.compile(r"[^0-9Xx]+")
# an ISBN names a whole book: chapters and papers in one volume share it by right
_BOOKISH = frozenset("book mvbook collection mvcollection proceedings mvproceedings manual".split())


@check("duplicate-isbn", severity="warning")
def duplicate_isbn(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """Two books with the same ISBN (ISBN-10 and -13 compared)."""
    from citekit.checks.values import isbns

    norm: dict[str, str] = {}
    for e in bib.entries:
        if e.type in _BOOKISH and "isbn" in e.fields:
            raw = _value(bib, e, "isbn")
            # several ISBNs (print, e-book) in one field: compare by the first
            norm[e.key] = normalize_isbn(isbns(raw.replace("{", "").replace("}", ""))[0])
    return _same(bib, "duplicate-isbn", "ISBN", norm, _BOOKISH)


_NOT_LETTERS = re.compile(r"[\W\d_]+")
_FOUR_DIGITS = re.compile(r"\d{4}")
_FIRST_AND = re.compile(r"\s+and\s+", re.IGNORECASE)


def _first_author(people: str) -> str:
    """The first author's family name in a name list, roughly: enough to group candidates
    (a full name parse of every entry would cost more than the whole rest of the check)."""
    people = people.strip()
    m = _FIRST_AND.search(people)
    first = people[: m.start()] if m else people
    family = first.split(",")[0] if "," in first else (first.split() or [""])[-1]
    return _NOT_LETTERS.sub("", family).casefold()


@check("duplicate-title", severity="warning")
def duplicate_title(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """Near-identical titles with the same year and first author."""
    # entries are compared only within one (year, first author) bucket, so the titles,
    # the costly part, are normalised only in buckets of two or more
    buckets: dict[tuple[str, str], list[tuple[int, Entry]]] = {}
    # the same year and the same name lists come back entry after entry: each distinct
    # one is read once
    years: dict[str, str] = {}  # a year or date as written -> its first four digits
    first_authors: dict[tuple[str, str], str] = {}  # author and editor as written -> ...
    for n, entry in enumerate(bib.entries):
        fields = entry.fields
        raw_year = fields.get("year") or fields.get("date")
        if not fields.get("title") or not raw_year:
            continue
        year = years.get(raw_year)
        if year is None:
            m = _FOUR_DIGITS.search(raw_year)
            year = years[raw_year] = m.group() if m else ""
        if not year:
            m = _FOUR_DIGITS.search(_value(bib, entry, "year") or _value(bib, entry, "date"))
            if m is None:
                continue
            year = m.group()
        names = (fields.get("author", ""), fields.get("editor", ""))
        author = first_authors.get(names)
        if author is None:
            people = _value(bib, entry, "author") or _value(bib, entry, "editor")
            author = first_authors[names] = _first_author(people)
        buckets.setdefault((year, author), []).append((n, entry))
    found: list[tuple[int, Problem]] = []
    crowded = [bucket for bucket in buckets.values() if len(bucket) > 1]
    if crowded:
        from rapidfuzz import fuzz  # only now: most files never get here

        for bucket in crowded:
            found.extend(_same_titles(bib, bucket, fuzz.ratio))
    for _, problem in sorted(found, key=lambda pair: pair[0]):  # in file order
        yield problem


def _same_titles(
    bib: BibFile, bucket: list[tuple[int, Entry]], ratio: Callable[[str, str], float]
) -> Iterator[tuple[int, Problem]]:
    """Each entry of one bucket whose title nearly matches an earlier one's."""
    seen: list[tuple[Entry, str]] = []
    dois: dict[int, str] = {}  # id(entry) -> its DOI, read when a title matches

    def doi_of(entry: Entry) -> str:
        doi = dois.get(id(entry))
        if doi is None:
            doi = dois[id(entry)] = dedupe.normalize_doi(_value(bib, entry, "doi"))
        return doi

    for n, entry in bucket:
        title = _title(bib, entry)
        if len(title) < 8:
            continue
        for other, other_title in seen:
            if ratio(title, other_title) < 92:
                continue
            if doi_of(entry) and doi_of(other):
                # the same DOI is duplicate-doi's; two DOIs are two publications
                # (a conference paper and its journal version)
                continue
            yield (
                n,
                Problem(
                    "duplicate-title",
                    entry.line,
                    1,
                    f"{entry.key}: same title, year and first author as {other.key!r} "
                    f"(line {other.line}); the same work twice?",
                ),
            )
            break
        seen.append((entry, title))
