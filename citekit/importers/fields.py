"""Plain text from the outside world -> BibTeX field values, shared by every importer.

Values come back as BibTeX value bodies (LaTeX specials escaped, no outer braces);
``bibfile.format_entry`` adds the braces. Dates come back as ISO/EDTF ``date`` values
(``2023-02-07``, ``2023-02``, ``1990-23`` for autumn), which ``csl.convert`` reads.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from citekit import latex
from citekit import names

# words that make a name an organisation, never a person to invert
_ORG_WORDS = frozenset(
    """academy agency alliance association authority bank board bureau center centre
    college commission committee company corporation council court department foundation
    fund group inc institute institution laboratory league ltd ministry museum network news
    office organisation organization party press school service
    society staff team trust union university""".split()
)
# a periodical named like this is a newspaper; any other is a magazine (same in rendering)
_NEWSPAPER_WORDS = re.compile(
    r"\b(Times|Post|Herald|Tribune|Guardian|Gazette|News|Daily|Telegraph|Globe|Chronicle|"
    r"Observer|Independent|Street Journal|Le Monde|Zeitung|Asahi|Shimbun|Mainichi|Yomiuri|"
    r"Straits|Express|Mail|Inquirer|Reuters|Associated Press)\b"
)
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_FORMS = (
    re.compile(r"(?P<year>\d{4})(?:[-/](?P<mon>\d{1,2})(?:[-/](?P<day>\d{1,2}))?)?(?:[T ].*)?"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(_MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4}),?\s+" + _MONTH + r"(?:\s+(?P<day>\d{1,2}))?"),
    re.compile(r"(?P<season>Spring|Summer|Autumn|Fall|Winter)\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<year>\d{4}),?\s+(?P<season>Spring|Summer|Autumn|Fall|Winter)", re.I),
)


def text(value: str) -> str:
    """Plain (or CSL rich-text) text as a BibTeX value body."""
    return latex.to_latex(" ".join(value.split()))


def title(value: str) -> str:
    """A title as a BibTeX value body; acronyms (``NATO``) are brace-protected so styles
    that re-case titles leave them alone."""
    value = " ".join(value.split())
    letters = [c for c in value if c.isalpha()]
    shouting = letters and sum(c.isupper() for c in letters) > 0.6 * len(letters)
    out = latex.to_latex(value)
    if shouting:
        return out
    return re.sub(r"(?<![\w{\\])([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)(?![\w}])", r"{\1}", out)


def is_organisation(name: str) -> bool:
    words = {w.lower().strip(".,") for w in name.split()}
    return bool(words & _ORG_WORDS)


def person(family: str, given: str = "", *, particle: str = "", suffix: str = "") -> str:
    """A person as BibTeX ``von Last, Jr, First``; organisations stay braced."""
    family = " ".join(family.split())
    given = " ".join(given.split())
    if particle:
        family = f"{particle.strip()} {family}"
    if not given:
        return "{" + text(family) + "}"
    if suffix:
        return f"{text(family)}, {text(suffix)}, {text(given)}"
    return names.format_name(text(family), text(given))


def natural(name: str) -> str:
    """``Graham T. Allison`` or ``Allison, Graham T.`` -> ``Allison, Graham T.``."""
    name = " ".join(name.strip().strip(",;").split())
    if not name:
        return ""
    if is_organisation(name):
        return "{" + text(name) + "}"
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return person(family, given)
    parsed = names.parse_one(latex.to_latex(name))
    return person(parsed.family, parsed.given, particle=parsed.particle, suffix=parsed.suffix)


def people(items: Iterable[str]) -> str:
    return " and ".join(p for p in items if p)


def periodical_subtype(container: str) -> str:
    return "newspaper" if _NEWSPAPER_WORDS.search(container) else "magazine"


def iso(year: int, month: int = 0, day: int = 0) -> str:
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out


def date(value: str) -> str:
    """A date written any common way -> ISO/EDTF; ``""`` when it is not a date."""
    value = " ".join(value.strip().strip(".,;()").split())
    for form in _DATE_FORMS:
        m = form.fullmatch(value)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        if groups.get("season"):
            return f"{year:04d}-{_SEASONS[groups['season'].lower()]}"
        month = 0
        if groups.get("month"):
            month = latex.month_number(groups["month"]) or 0
        elif groups.get("mon"):
            month = int(groups["mon"])
        day = int(groups["day"]) if groups.get("day") else 0
        if not 0 <= month <= 12 or (day and not _real(year, month, day)):
            return ""
        return iso(year, month, day)
    return ""


def _real(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month or 1, day)
    except ValueError:
        return False
    return True


def pages(value: str) -> str:
    value = value.strip().strip(".")
    return re.sub(r"\s*[-‐‑‒–—]+\s*", "--", value)


def doi(value: str) -> str:
    """The DOI itself (case kept) from ``https://doi.org/10.…`` or ``doi:10.…``."""
    m = re.search(r"10\.\d{4,9}/\S+", value)
    return m.group(0).rstrip(".,;") if m else ""
