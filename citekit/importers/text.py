"""Pasted formatted citations -> entries, offline.

Reads a reference string in the common shapes: the Belfer Center's "For Academic
Citation" block (``Pollmann, Mina.“Title.” Container, February 7, 2023.``), Chicago
notes-bibliography, APA, MLA and Harvard. The parser recognises whole shapes rather than
guessing piece by piece; what matches no shape is reported as unsure, by field, so the
user can check it (``--yes`` takes the best guess). Nothing is invented: a part the
string does not give stays out of the entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field

from citekit.errors import CitekitError
from citekit.importers import fields as f
from citekit.library import NewEntry

BLOCK_MARKER = "For Academic Citation:"


@dataclass(frozen=True)
class Parsed:
    entry: NewEntry
    style: str  # "belfer", "chicago", "apa", "mla" or "harvard": the shape it was read as
    unsure: tuple[tuple[str, str], ...] = ()  # (field, why)


@dataclass
class _Draft:
    type: str = "article"
    fields: dict[str, str] = field(default_factory=dict)
    unsure: list[tuple[str, str]] = field(default_factory=list)
    style: str = ""

    def set(self, name: str, value: str, conv: Callable[[str], str] = f.text) -> None:
        value = value.strip().rstrip(",;").strip()
        if value:
            self.fields[name] = conv(value)


_SPACE = re.compile(r"\s+")
_URL = re.compile(r"https?://\S+")
_PAGES = r"(?P<pages>[A-Za-z]?\d+(?:\s*[-‐‑‒–—]+\s*[A-Za-z]?\d+)?)"
# between names in natural order: ", ", ", and ", " and ", ", & " (Belfer's three or more)
_NAME_LIST = re.compile(r",\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.(?:\s?-?\s?)?)+$")


# --------------------------------------------------------------------------- blocks


def find_block(text: str) -> str:
    """The citation after ``For Academic Citation:`` in a page's text, or ``""``."""
    at = text.find(BLOCK_MARKER)
    if at < 0:
        return ""
    lines: list[str] = []
    for line in text[at + len(BLOCK_MARKER) :].splitlines():
        line = line.strip()
        if not line:
            if lines:
                break
            continue
        if line.startswith(("- ", "• ")):
            break
        lines.append(line)
    return " ".join(lines)


def parse_text(text: str, *, url: str) -> list[Parsed]:
    """References in a text: the page's citation block when it has one, else one
    reference per non-empty line."""
    block = find_block(text)
    if block:
        return [parse(block, url=url)]
    refs = _split_references(text)
    if not refs:
        raise CitekitError(f"{url}: no reference text")
    out = []
    for n, ref in enumerate(refs, 1):
        try:
            out.append(parse(ref, url=url))
        except CitekitError as e:
            raise CitekitError(f"{url}:{n}: {str(e).split(': ', 1)[-1]}") from None
    return out


_NUMBERED = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.)\s+")


# how a reference ends: a full stop (maybe inside quotes), a link or a DOI
_COMPLETE = re.compile(r"([.?!][”\"’']?|https?://\S+|10\.\d{4,9}/\S+)$")


def _split_references(text: str) -> list[str]:
    """References in a list, one per line, or wrapped over lines as pasted from a PDF:
    numbered items run to the next number; otherwise a line that does not end a sentence
    (or a link) goes on in the next, and a blank line always ends a reference."""
    lines = [line.strip() for line in text.splitlines()]
    numbered = sum(bool(_NUMBERED.match(x)) for x in lines) > 1
    refs: list[str] = []
    open_ref = False
    for line in lines:
        if not line:
            open_ref = False
            continue
        if open_ref and not (numbered and _NUMBERED.match(line)):
            refs[-1] = _join_wrapped(refs[-1], line)
        else:
            refs.append(line)
        open_ref = numbered or not _COMPLETE.search(refs[-1])
    return refs


def _join_wrapped(head: str, tail: str) -> str:
    # a word broken at a line end ("Secu-" + "rity") joins without its hyphen
    if re.search(r"[a-z]-$", head) and tail[:1].islower():
        return head[:-1] + tail
    return f"{head} {tail}"


# --------------------------------------------------------------------------- parsing


def parse(text: str, *, url: str = "<text>") -> Parsed:
    """One formatted reference -> an entry, the shape it was read as, and unsure fields."""
    s = _SPACE.sub(" ", text).strip()
    if not s:
        raise CitekitError(f"{url}: empty reference text")
    # a PDF's reference list numbers its items: [12], 12., (12)
    s = re.sub(r"^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}\.)\s+", "", s)
    d = _Draft()
    s = _take_links(s, d)
    m = re.match(
        r"^(?P<authors>[^()“\"‘]+?)\s*\((?P<date>\d{4}[a-z]?(?:, [^)]+)?|n\.d\.)\)(?P<dot>\.?)\s+"
        r"(?P<rest>.+)$",
        s,
    )
    if m and _looks_like_names(m.group("authors")):
        d.style = "apa" if m.group("dot") else "harvard"
        _authors_inverted_all(m.group("authors").rstrip(". "), d)
        _date_parens(m.group("date"), d)
        if d.style == "apa":
            _apa_rest(m.group("rest"), d)
        else:
            _harvard_rest(m.group("rest"), d)
    else:
        _notes_style(s, d)
    if "title" not in d.fields:
        raise CitekitError(
            f"{url}: cannot find a title in {text.strip()[:60]!r}; is this a reference?"
        )
    return Parsed(NewEntry(d.type, _ordered(d.fields)), d.style, tuple(d.unsure))


_ORDER = (
    "author",
    "editor",
    "title",
    "booktitle",
    "journal",
    "organization",
    "entrysubtype",
    "edition",
    "volume",
    "number",
    "pages",
    "type",
    "institution",
    "publisher",
    "address",
    "date",
    "doi",
    "url",
    "urldate",
)


def _ordered(fields: dict[str, str]) -> dict[str, str]:
    rank = {name: i for i, name in enumerate(_ORDER)}
    return dict(sorted(fields.items(), key=lambda kv: rank.get(kv[0], len(rank))))


_ACCESSED = (
    re.compile(r"\s*\((?:Accessed|accessed):? ([^)]+)\)\.?$"),  # Harvard: (Accessed: 5 March 2023)
    re.compile(r"\.?\s*(?:Accessed|accessed) ([^.]+\d{4})\.?$"),  # Chicago, MLA
)
_LINK = re.compile(
    r"[.,]?\s*(?:Available at:?\s*|Retrieved from:?\s*|doi:\s*|DOI:\s*)?(\S+)\.?$"
)


def _take_links(s: str, d: _Draft) -> str:
    """Trailing DOI, URL and access date come off the end first, in any order."""
    while True:
        for pattern in _ACCESSED:
            m = pattern.search(s)
            if m and f.date(m.group(1)):
                d.fields["urldate"] = f.date(m.group(1))
                break
        else:
            m = _LINK.search(s)
            if not m:
                break
            token = m.group(1).rstrip(".")
            if _URL.match(token) and not re.search(r"/10\.\d{4,9}/", token):
                d.fields["url"] = token
            elif f.doi(token) and ("doi" in m.group(0).lower() or _URL.match(token)):
                d.fields["doi"] = f.doi(token)
            else:
                break
        s = s[: m.start()].rstrip()
    s = s.rstrip(" ,")
    return s if s.endswith((".", "”", '"')) else s + "."


def _looks_like_names(text: str) -> bool:
    return bool(text.strip()) and not re.search(r"\d", text)


# --------------------------------------------------------------------------- authors


def _authors_inverted_all(text: str, d: _Draft) -> None:
    """APA and Harvard: every name ``Family, I.``; joined by ``,``, ``&`` and ``and``."""
    text = text.strip().rstrip(",")
    others = False
    m = re.search(r",?\s+et al\.?$", text)
    if m:
        others, text = True, text[: m.start()]
    tokens = [t.strip() for t in re.split(r",\s*|\s+(?:and|&)\s+", text) if t.strip()]
    tokens = [re.sub(r"^(?:and|&)\s+", "", t) for t in tokens]
    people: list[str] = []
    if (
        len(tokens) >= 2
        and len(tokens) % 2 == 0
        and all(_INITIALS.match(t + ("" if t.endswith(".") else ".")) for t in tokens[1::2])
    ):
        for family, given in zip(tokens[::2], tokens[1::2], strict=True):
            given = given if given.endswith(".") else given + "."
            people.append(f.person(family, _spaced_initials(given)))
    else:
        people.append("{" + f.text(text) + "}")
        if not f.is_organisation(text):
            d.unsure.append(("author", f"{text!r} is not a list of names; kept as one name"))
    d.fields["author"] = f.people(people) + (" and others" if others else "")


def _spaced_initials(given: str) -> str:
    # "J.D." -> "J. D.": BibTeX needs the space to see two initials
    return re.sub(r"\.(?=[A-Z])", ". ", given)


def _authors_first_inverted(text: str, d: _Draft) -> None:
    """Chicago and MLA: ``Family, Given, Given Family, and Given Family`` (or ``et al.``)."""
    text = text.strip()
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1].strip()
    others = False
    m = re.search(r",?\s+et al\.?$", text)
    if m:
        others, text = True, text[: m.start()]
    if "," not in text:
        if f.is_organisation(text) or len(text.split()) != 2:
            d.fields["author"] = "{" + f.text(text) + "}"
            if not f.is_organisation(text):
                d.unsure.append(("author", f"{text!r} is not 'Family, Given'; kept as one name"))
            return
        d.fields["author"] = f.natural(text)
        return
    family, after = text.split(",", 1)
    parts = [p.strip() for p in re.split(_NAME_LIST, after) if p.strip()]
    people = [f.person(family, parts[0])] + [f.natural(p) for p in parts[1:]]
    for p in parts[1:]:
        if len(p.split()) == 1 and not f.is_organisation(p):
            d.unsure.append(("author", f"{p!r} has no given name; is it one person?"))
    d.fields["author"] = f.people(people) + (" and others" if others else "")


# --------------------------------------------------------------------------- dates


def _date_parens(text: str, d: _Draft) -> None:
    """``2020``, ``2020a``, ``2023, February 7``, ``2016, September``, ``n.d.``."""
    if text == "n.d.":
        return
    year, _, detail = text.partition(", ")
    year = year[:4]
    if detail:
        d.fields["date"] = f.date(f"{detail} {year}") or year
        if not f.date(f"{detail} {year}"):
            d.unsure.append(("date", f"{detail!r} is not a date; kept the year"))
    else:
        d.fields["date"] = year


# --------------------------------------------------------------------------- Chicago, MLA, Belfer


_ABBREVIATIONS = frozenset("ed eds Ed Eds No no Vol vol pp p trans Trans al rev Rev".split())


def _split_sentence(s: str) -> list[int]:
    """Where a sentence may end in ``s`` (indexes just after ``.``, ``?`` or ``!``),
    skipping initials (``J.``) and abbreviations (``U.S.``)."""
    out = []
    for m in re.finditer(r"[.?!](?=\s|$)", s):
        word = re.search(r"(\S*)$", s[: m.start()])
        w = word.group(1) if word else ""
        if m.group(0) == "." and (re.fullmatch(r"[A-Z]", w) or "." in w or w in _ABBREVIATIONS):
            continue
        out.append(m.end())
    return out


_QUOTED = re.compile(r"(?P<open>[“\"])(?P<title>.+?)(?P<close>[”\"])(?=\s|$)")


def _notes_style(s: str, d: _Draft) -> None:
    q = _QUOTED.search(s)
    if q and (q.start() == 0 or s[q.start() - 1] in ". "):
        authors = s[: q.start()].strip()
        glued = bool(authors) and s[q.start() - 1] == "."
        title = q.group("title").strip()
        rest = s[q.end() :].strip()
        if authors:
            _authors_first_inverted(authors, d)
        belfer_title = title.endswith(".")
        d.set("title", title[:-1] if title.endswith((".", ",")) else title, f.title)
        d.style = "belfer" if glued or (not authors and belfer_title) else ""
        _quoted_rest(rest, d)
        if not d.style:
            d.style = "chicago"
        return
    # a book: Author. Title. Place: Publisher, Year.
    ends = _split_sentence(s)
    if len(ends) < 2:
        return  # no title: parse() says so
    authors = s[: ends[0]]
    _authors_first_inverted(authors, d)
    body = s[ends[0] :].strip()
    for end in _split_sentence(body):
        title, rest = body[:end].strip(), body[end:].strip().rstrip(".")
        if _book_rest(rest, d):
            d.set("title", title.rstrip("."), f.title)
            d.type = "book"
            return
    end = _split_sentence(body)[0]
    d.set("title", body[:end].rstrip("."), f.title)
    d.type = "book"
    d.set("publisher", body[end:].strip().rstrip("."))
    d.unsure.append(("publisher", "no 'Place: Publisher, Year' after the title"))
    d.style = "chicago"


def _book_rest(rest: str, d: _Draft) -> bool:
    m = re.fullmatch(r"(?P<place>[^:,]+(?:, [A-Z]{2})?): (?P<pub>.+), (?P<year>\d{4})", rest)
    if m:
        d.set("publisher", m.group("pub"))
        d.set("address", m.group("place"))
        d.fields["date"] = m.group("year")
        d.style = "chicago"
        return True
    m = re.fullmatch(r"(?P<pub>[^:]+), (?P<year>\d{4})", rest)
    if m:
        d.set("publisher", m.group("pub"))
        d.fields["date"] = m.group("year")
        d.style = "mla"
        return True
    return False


_THESIS = {"phd diss": "phdthesis", "phd dissertation": "phdthesis",
           "doctoral dissertation": "phdthesis", "master's thesis": "mathesis",
           "ma thesis": "mathesis", "msc thesis": "mathesis"}  # fmt: skip


def _quoted_rest(rest: str, d: _Draft) -> None:
    rest = rest.strip().rstrip(".").strip()
    m = re.fullmatch(r"(?P<kind>PhD diss\.?|PhD dissertation|Master's thesis|MA thesis|"
                     r"MSc thesis), (?P<inst>.+), (?P<year>\d{4})", rest)  # fmt: skip
    if m:
        d.type, d.style = "thesis", "chicago"
        d.fields["type"] = _THESIS[m.group("kind").rstrip(".").lower()]
        d.set("institution", m.group("inst"))
        d.fields["date"] = m.group("year")
        return
    m = re.fullmatch(r"(?P<site>[^.,]+)\. (?P<date>[^.]+)", rest)
    if m and f.date(m.group("date")):
        # a web page: “Title.” Site. February 7, 2023. URL.
        d.type, d.style = "online", "chicago"
        d.set("organization", m.group("site"))
        d.fields["date"] = f.date(m.group("date"))
        return
    m = re.fullmatch(
        r"In (?P<book>.+?), edited by (?P<eds>.+?), "
        + _PAGES
        + r"\. (?P<place>[^:]+): (?P<pub>.+), (?P<year>\d{4})",
        rest,
    )
    if m:
        d.type, d.style = "incollection", "chicago"
        _chapter(m, d, address=m.group("place"))
        return
    m = re.fullmatch(
        r"(?P<book>.+?), edited by (?P<eds>.+?), (?P<pub>.+), (?P<year>\d{4}), pp?\. " + _PAGES,
        rest,
    )
    if m:
        d.type, d.style = "incollection", "mla"
        _chapter(m, d, address="")
        return
    m = re.fullmatch(
        r"(?P<c>.+?)(?: (?P<vol>\d+))?(?:, no\. (?P<no>[\w–-]+))? \((?P<date>[^)]+)\)"
        r"(?:: " + _PAGES + ")?",
        rest,
    )
    if m and (m.group("vol") or m.group("no")) and f.date(m.group("date")):
        d.set("journal", m.group("c"), f.title)
        _numbers(m, d)
        d.fields["date"] = f.date(m.group("date"))
        d.style = d.style or "chicago"
        return
    m = re.fullmatch(
        r"(?P<c>.+?)(?:, vol\. (?P<vol>[\w–-]+))?(?:, no\. (?P<no>[\w–-]+))?, (?P<date>[^,]+)"
        r"(?:, pp?\. " + _PAGES + ")?",
        rest,
    )
    if m and (m.group("vol") or m.group("no") or m.group("pages")) and f.date(m.group("date")):
        d.set("journal", m.group("c"), f.title)
        _numbers(m, d)
        d.fields["date"] = f.date(m.group("date"))
        d.style = d.style or "mla"
        return
    for comma in re.finditer(r", ", rest):
        container, date = rest[: comma.start()], rest[comma.end() :]
        if f.date(date) and not f.is_organisation(container):
            d.fields["date"] = f.date(date)
            _periodical(container, d)
            if re.match(r"\d", date):
                d.style = d.style or "mla"  # MLA writes the day first: 7 Feb. 2023
            return
    if rest and f.is_organisation(rest):
        d.type = "online"
        d.set("organization", rest)
        return
    if rest and "." not in rest and "," not in rest:
        d.set("journal", rest, f.title)
        return
    if rest:
        d.set("journal", rest, f.title)
        d.unsure.append(("journal", f"{rest!r} matches no known shape; kept whole"))


def _chapter(m: re.Match[str], d: _Draft, *, address: str) -> None:
    d.set("booktitle", m.group("book"), f.title)
    d.fields["editor"] = f.people(f.natural(e) for e in re.split(_NAME_LIST, m.group("eds")) if e)
    d.set("pages", m.group("pages"), f.pages)
    d.set("publisher", m.group("pub"))
    if address:
        d.set("address", address)
    d.fields["date"] = m.group("year")


def _numbers(m: re.Match[str], d: _Draft) -> None:
    if m.group("vol"):
        d.set("volume", m.group("vol"))
    if m.group("no"):
        d.set("number", m.group("no"))
    if m.group("pages"):
        d.set("pages", m.group("pages"), f.pages)


def _periodical(container: str, d: _Draft, *, dated_issue: bool = False) -> None:
    """A periodical article without volume or issue. A newspaper's name says so; an
    issue dated to the day is a magazine's (journals are not), and so is any month in
    APA's date, which only magazines and newspapers carry; elsewhere a month alone could
    be either, so no subtype is invented."""
    d.type = "article"
    d.set("journal", container, f.title)
    subtype = f.periodical_subtype(container)
    if subtype == "newspaper" or dated_issue or len(d.fields.get("date", "")) == 10:
        d.fields["entrysubtype"] = subtype


# --------------------------------------------------------------------------- APA, Harvard


def _apa_rest(rest: str, d: _Draft) -> None:
    rest = rest.strip()
    has_day_or_month = "-" in d.fields.get("date", "")
    ends = _split_sentence(rest)
    for i, end in enumerate(ends):
        title, after = rest[:end].strip(), rest[end:].strip().rstrip(".").strip()
        if _apa_after(title, after, d, periodical=has_day_or_month):
            if any(rest[e - 1] == "." for e in ends[:i]):
                d.unsure.append(("title", f"{title!r} may end at an earlier full stop"))
            return
    ends = _split_sentence(rest)
    end = ends[0] if ends else len(rest)
    d.set("title", rest[:end].rstrip("."), f.title)
    after = rest[end:].strip().rstrip(".")
    if after:
        d.set("publisher", after)
        d.type = "book"
        d.unsure.append(("publisher", f"{after!r} matches no known shape; kept whole"))


def _apa_after(title: str, after: str, d: _Draft, *, periodical: bool) -> bool:
    m = re.fullmatch(
        r"(?P<t>.+?) \[(?P<kind>Doctoral dissertation|Master's thesis), "
        r"(?P<inst>[^\]]+)\]\.?",
        title + (" " + after if after else ""),
    )
    if m:
        d.type = "thesis"
        d.set("title", m.group("t"), f.title)
        d.fields["type"] = _THESIS[m.group("kind").lower()]
        d.set("institution", m.group("inst"))
        return True
    m = re.fullmatch(
        r"In (?P<eds>.+?) \(Eds?\.\), (?P<book>.+?) \(pp?\. " + _PAGES + r"\)\. (?P<pub>.+)",
        after,
    )
    if m:
        d.type = "incollection"
        d.set("title", title.rstrip("."), f.title)
        d.set("booktitle", m.group("book"), f.title)
        d.fields["editor"] = f.people(_apa_natural(e) for e in re.split(
            r",\s*(?:&\s*)?|\s+&\s+", m.group("eds")) if e.strip())  # fmt: skip
        d.set("pages", m.group("pages"), f.pages)
        d.set("publisher", m.group("pub"))
        return True
    m = re.fullmatch(
        r"(?P<c>[^.]+?), (?P<vol>\d+)(?:\((?P<no>[^)]+)\))?(?:, " + _PAGES + ")?", after
    )
    if m:
        d.type = "article"
        d.set("title", title.rstrip("."), f.title)
        d.set("journal", m.group("c"), f.title)
        _numbers(m, d)
        return True
    if not after or "." in after.replace("Inc.", "").replace("Ltd.", ""):
        return False
    report = re.fullmatch(
        r"(?P<t>.+?) \((?P<kind>Report|Research Report|Technical Report|Working "
        r"Paper|Policy Brief)? ?No\. (?P<no>[^)]+)\)\.?",
        title,
    )
    if report:
        d.type = "report"
        d.set("title", report.group("t"), f.title)
        d.set("number", report.group("no"))
        if report.group("kind"):
            d.set("type", report.group("kind"))
        d.set("institution", after)
        return True
    d.set("title", title.rstrip("."), f.title)
    if periodical:
        _periodical(after, d, dated_issue=True)
    else:
        d.type = "book"
        d.set("publisher", after)
    return True


def _apa_natural(name: str) -> str:
    # APA editors: "R. O. Keohane"
    m = re.fullmatch(r"(?P<given>(?:[A-Z][a-z]?\.\s?-?)+)\s*(?P<family>.+)", name.strip())
    if m:
        return f.person(m.group("family"), _spaced_initials(m.group("given").strip()))
    return f.natural(name)


def _harvard_rest(rest: str, d: _Draft) -> None:
    rest = rest.strip()
    m = re.match(r"^['‘](?P<title>.+?)['’](?=[,.]?(?:\s|$))[,.]?\s*(?P<after>.*)$", rest)
    if m:
        d.set("title", m.group("title"), f.title)
        after = m.group("after").strip().rstrip(".")
        j = re.fullmatch(
            r"(?P<c>.+?), (?P<vol>\d+)(?:\((?P<no>[^)]+)\))?(?:, pp?\. " + _PAGES + ")?", after
        )
        if j:
            d.type = "article"
            d.set("journal", j.group("c"), f.title)
            _numbers(j, d)
            return
        p = re.fullmatch(r"(?P<c>.+?), (?P<day>\d{1,2} [A-Z][a-z]+\.?)(?:, p\. \d+)?", after)
        if p and "date" in d.fields and f.date(f"{p.group('day')} {d.fields['date'][:4]}"):
            d.fields["date"] = f.date(f"{p.group('day')} {d.fields['date'][:4]}")
            _periodical(p.group("c"), d)
            return
        if after:
            d.set("journal", after, f.title)
            d.unsure.append(("journal", f"{after!r} matches no known shape; kept whole"))
        return
    for end in _split_sentence(rest):
        title, after = rest[:end].strip(), rest[end:].strip().rstrip(".")
        b = re.fullmatch(r"(?:(?P<place>[^:.]+): )?(?P<pub>[^.:]+)", after)
        if b:
            d.type = "book"
            d.set("title", title.rstrip("."), f.title)
            d.set("publisher", b.group("pub"))
            if b.group("place"):
                d.set("address", b.group("place"))
            return
    d.set("title", rest.rstrip("."), f.title)
    d.type = "misc"
    d.unsure.append(("title", "cannot tell where the title ends"))
