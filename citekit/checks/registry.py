"""The check registry: a check is a function registered with its code by a decorator.

A check takes the file (read with ``bibfile.scan``, so ``bib.syntax`` has offsets) and the
options, and yields ``Problem``s; ``run`` in the package sets severities, applies
select/ignore and inline ``% citekit: ignore[...]`` comments, and sorts by line. A fixer
yields ``Edit``s (offsets into ``bib.text``) for the findings it can repair safely.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Collection
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from citekit import latex
from citekit import scanner
from citekit.bibfile import BibFile
from citekit.errors import CitekitError
from citekit.model import Entry
from citekit.model import Problem

SEVERITIES = ("error", "warning")
DATAMODELS = ("auto", "bibtex", "biblatex")


@dataclass(frozen=True)
class Options:
    """Settings that checks read; built from ``[tool.citekit.check]`` and the command line."""

    datamodel: str = "auto"
    key_pattern: str = "{auth}{year}{title}"
    # CSL style readiness: entry type -> fields the style prints (filled in by --style)
    style_name: str = ""
    style_fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # @string macros defined in the other files of the same run (BibTeX reads them all)
    macros: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


Check = Callable[[BibFile, Options], Iterator[Problem]]
Fixer = Callable[[BibFile, Options], Iterator[Edit]]


@dataclass(frozen=True)
class Rule:
    code: str
    func: Check
    severity: str
    opt_in: bool
    summary: str


RULES: dict[str, Rule] = {}
FIXERS: dict[str, Fixer] = {}


def check(code: str, *, severity: str = "error", opt_in: bool = False) -> Callable[[Check], Check]:
    def register(func: Check) -> Check:
        assert code not in RULES, f"check code {code} registered twice"
        summary = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""
        RULES[code] = Rule(code, func, severity, opt_in, summary)
        return func

    return register


def fixer(code: str) -> Callable[[Fixer], Fixer]:
    def register(func: Fixer) -> Fixer:
        FIXERS[code] = func
        return func

    return register


# --------------------------------------------------------------------------- helpers


def syntax(bib: BibFile) -> scanner.Scan:
    assert bib.syntax is not None, "checks need a file read with bibfile.scan"
    return bib.syntax


def at(bib: BibFile, code: str, pos: int, message: str) -> Problem:
    line, col = (bib.syntax or syntax(bib)).line_col(pos)
    return Problem(code, line, col, message)


def entry_items(bib: BibFile) -> list[tuple[Entry, scanner.Item]]:
    """Every entry (duplicates too) with its scanned item, in file order (computed once
    per file and shared by the checks)."""
    scan = syntax(bib)
    cached = scan.cache.get("entry_items")
    if cached is None:
        items = {item.start: item for item in scan.items if item.kind == "entry"}
        entries = sorted((*bib.entries, *bib.duplicates), key=lambda e: e.line)
        cached = scan.cache["entry_items"] = [
            (e, items[e.span[0]]) for e in entries if e.span is not None
        ]
    return cached


# the characters the text checks look for (LaTeX specials, math, HTML, the lead bytes of
# mojibake): one pass finds the few fields they need to examine
_ODD = re.compile(r"[&%#$<\u00c2-\u00f4]")
_VERBATIM = frozenset("url file files pdf doi eprint urlraw verba verbb verbc".split())


@dataclass
class Index:
    """What the checks look up, built in one pass over the fields BibTeX uses."""

    by_name: dict[str, list[tuple[Entry, scanner.Field]]]
    odd: list[tuple[Entry, scanner.Field]]  # non-verbatim fields with an _ODD character
    nonascii: list[tuple[Entry, scanner.Field]]
    bare: list[tuple[Entry, scanner.Field]]  # values that may use a macro (not {..}/".."/123)


def index(bib: BibFile) -> Index:
    scan = syntax(bib)
    cached = scan.cache.get("index")
    if cached is None:
        by: dict[str, list[tuple[Entry, scanner.Field]]] = {}
        odd: list[tuple[Entry, scanner.Field]] = []
        nonascii: list[tuple[Entry, scanner.Field]] = []
        bare: list[tuple[Entry, scanner.Field]] = []
        search = _ODD.search
        for entry, item in entry_items(bib):
            # the entry's field dict keeps the first of each name: same size, no repeats,
            # and its keys are those fields' names in lower case, in the same order
            fs = item.fields if len(entry.fields) == len(item.fields) else first_fields(item)
            # most entries have no odd or non-ASCII character at all: test all values of
            # an entry at once instead of each (ASCII values can only have _ODD's ASCII
            # characters, which str's own search finds faster than a regex character set)
            source = "".join(entry.fields.values())
            if source.isascii():
                any_nonascii = False
                any_odd = (
                    "&" in source or "%" in source or "#" in source or "$" in source
                    or "<" in source
                )  # fmt: skip
            else:
                any_nonascii = True
                any_odd = search(source) is not None
            for name, f in zip(entry.fields, fs, strict=True):
                pair = (entry, f)
                group = by.get(name)
                if group is None:
                    by[name] = [pair]
                else:
                    group.append(pair)
                v = f.value
                if any_odd and search(v) and name not in _VERBATIM:
                    odd.append(pair)
                if any_nonascii and not v.isascii():
                    nonascii.append(pair)
                if not f.single or not (v[:1] in ("{", '"') or v.isdigit()):
                    bare.append(pair)
        cached = scan.cache["index"] = Index(by, odd, nonascii, bare)
    return cached


def by_name(bib: BibFile) -> dict[str, list[tuple[Entry, scanner.Field]]]:
    """Field name -> (entry, field) for every field BibTeX uses, computed once."""
    return index(bib).by_name


def first_fields(item: scanner.Item) -> tuple[scanner.Field, ...]:
    """The fields BibTeX uses: the first of each name."""
    if len({f.name.lower() for f in item.fields}) == len(item.fields):
        return item.fields
    seen: set[str] = set()
    out = []
    for f in item.fields:
        name = f.name.lower()
        if name not in seen:
            seen.add(name)
            out.append(f)
    return tuple(out)


def resolved(bib: BibFile, f: scanner.Field) -> str:
    """A field's value as BibTeX assembles it (macros, ``#``), delimiters gone."""
    v = f.value
    if f.single:
        if v[:1] in ("{", '"'):
            return v[1:-1]
        if v.isdigit():
            return v
        # one bare macro (month = jul, journal = jfp): look it up without parsing
        low = v.lower()
        if low in bib.strings:
            return _assembled(bib, bib.strings[low])
        return latex.MONTH_MACROS.get(low, v)
    return _assembled(bib, v)


def value_of(bib: BibFile, raw: str) -> str:
    """``latex.value`` with a fast path for the common one-piece value."""
    if "#" not in raw and raw[:1] in ("{", '"') and raw[-1:] in ("}", '"'):
        return raw[1:-1]
    if not raw or raw.isdigit():
        return raw
    return _assembled(bib, raw)


def _assembled(bib: BibFile, raw: str) -> str:
    """``latex.value(raw, bib.strings)``, worked out once per file for each value: several
    checks read the same name lists, and one built of @string macros (JabRef writes
    ``A # { and } # B``) takes a lookup per name."""
    memo: dict[str, str] = syntax(bib).cache.setdefault("assembled", {})
    value = memo.get(raw)
    if value is None:
        value = memo[raw] = latex.value(raw, bib.strings)
    return value


def lookup(bib: BibFile) -> Callable[[str], Entry | None]:
    """``bib.find`` in constant time (computed once per file)."""
    scan = syntax(bib)
    keys = scan.cache.get("keys")
    if keys is None:
        keys = scan.cache["keys"] = {}
        for e in bib.entries:
            keys.setdefault(e.key.casefold(), e)
    return lambda key: keys.get(key.casefold())


def pieces(f: scanner.Field) -> list[str]:
    """The ``#``-joined pieces of a value's source."""
    return [f.value] if f.single else latex.split_concatenation(f.value)


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """A "did you mean" hint (difflib's measure, at C speed: a file can have thousands
    of unknown names and thousands of macros to compare them with)."""
    from rapidfuzz import fuzz
    from rapidfuzz import process

    ordered = choices if isinstance(choices, list) else sorted(choices)
    best = process.extractOne(word, ordered, scorer=fuzz.ratio, score_cutoff=75)
    return f"; did you mean {best[0]!r}?" if best else ""


# --------------------------------------------------------------------------- settings


def _strings(value: Any, name: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise CitekitError(f"{where} {name} must be a list of check codes")
    return tuple(v.strip() for v in value)


@dataclass(frozen=True)
class Settings:
    """``[tool.citekit.check]``, validated."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    severity: str = "error"  # the lowest severity that fails the run
    levels: Mapping[str, str] = field(default_factory=dict)  # code -> severity override
    datamodel: str = "auto"
    style: str = ""


_SETTINGS = ("select", "ignore", "enable", "severity", "levels", "datamodel", "style")


def settings(table: Mapping[str, Any], *, where: str = "[tool.citekit.check]") -> Settings:
    """``table`` validated; ``where`` starts each error (the file and the table's name in
    it, e.g. ``citekit.toml: [check]``)."""
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in _SETTINGS:
            hint = did_you_mean(key, frozenset(_SETTINGS))
            raise CitekitError(f"{where}: unknown setting {raw_key!r}{hint}")
        if key in ("select", "ignore", "enable"):
            codes = _strings(value, raw_key, where)
            values[key] = validate_codes(codes, where=f"{where} {raw_key}")
        elif key == "levels":
            if not isinstance(value, dict):
                raise CitekitError(f"{where} levels must be a table code = level")
            validate_codes(tuple(value), where=f"{where} levels")
            for code, level in value.items():
                validate_severity(level, where=f"{where} levels.{code}")
            values[key] = dict(value)
        elif key == "severity":
            values[key] = validate_severity(value, where=f"{where} severity")
        elif key == "datamodel":
            if value not in DATAMODELS:
                raise CitekitError(f"{where} datamodel must be one of {', '.join(DATAMODELS)}")
            values[key] = value
        else:
            if not isinstance(value, str):
                raise CitekitError(f"{where} {raw_key} must be a string")
            values[key] = value
    return Settings(**values)


def validate_severity(value: Any, *, where: str) -> str:
    if value not in SEVERITIES:
        raise CitekitError(f"{where}: must be 'error' or 'warning', not {value!r}")
    return str(value)


def validate_codes(codes: tuple[str, ...], *, where: str) -> tuple[str, ...]:
    for code in codes:
        if code not in RULES and code != "ALL":
            hint = did_you_mean(code, frozenset(RULES))
            raise CitekitError(f"{where}: unknown check code {code!r}{hint}")
    return codes
