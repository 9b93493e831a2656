"""Fields and types: macros, cross-references, types and fields the data model knows,
and the fields each type needs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Mapping

from citekit import latex
from citekit.bibfile import BibFile
from citekit.checks import datamodel
from citekit.checks.registry import Options
from citekit.checks.registry import at
from citekit.checks.registry import by_name
from citekit.checks.registry import check
from citekit.checks.registry import did_you_mean
from citekit.checks.registry import index
from citekit.checks.registry import lookup
from citekit.checks.registry import pieces
from citekit.checks.registry import syntax
from citekit.model import Entry
from citekit.model import Problem
from citekit.scanner import Field

_MACRO = re.compile(r"[^\d\s\"#%'(),={}][^\s\"#%'(),={}]*$")


def _macros(f: Field) -> Iterator[tuple[int, str]]:
    """(offset in the value, name) of each bare macro in a value."""
    raw = f.value
    if f.single and (raw[:1] in ("{", '"') or raw.isdigit()):
        return
    offset = 0
    for part in pieces(f):
        pos = raw.find(part, offset)
        offset = pos + len(part)
        if part and _MACRO.match(part):
            yield pos, part


@check("undefined-string")
def undefined_string(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A bare word in a value that no ``@string`` defines."""
    known = set(bib.strings) | set(latex.MONTH_MACROS) | set(opts.macros)
    hints: dict[str, str] = {}  # one lookup per name: a file repeats its undefined names
    choices = sorted(known)
    strings = [
        (f"@string {f.name}", f)
        for item in syntax(bib).items
        if item.kind == "string"
        for f in item.fields
    ]
    for where, f in [*strings, *((e.key, f) for e, f in index(bib).bare)]:
        for pos, name in _macros(f):
            low = name.lower()
            if low in known:
                continue
            if low not in hints:
                hints[low] = did_you_mean(low, choices)
            yield at(
                bib,
                "undefined-string",
                f.value_start + pos,
                f"{where}: {name!r} is not a defined @string macro{hints[low]}; "
                "BibTeX would leave the field empty here (braces make it text)",
            )


def _targets(entry: Entry) -> Iterator[tuple[str, str]]:
    for name in ("crossref", "xref", "xdata"):
        raw = entry.fields.get(name)
        if raw:
            for key in latex.value(raw).split(","):
                if key.strip():
                    yield name, key.strip()


@check("missing-crossref")
def missing_crossref(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """``crossref``, ``xref`` or ``xdata`` naming a key that is not in the file."""
    keys = bib.keys()
    for entry in bib.entries:
        for name, key in _targets(entry):
            if key.casefold() not in keys:
                yield Problem(
                    "missing-crossref",
                    entry.line,
                    1,
                    f"{entry.key}: {name} {key!r} is not in this file",
                )


@check("unknown-type")
def unknown_type(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """An entry type neither BibTeX nor biblatex defines."""
    for entry in bib.entries:
        if entry.type not in datamodel.ENTRY_TYPES:
            hint = did_you_mean(entry.type, datamodel.ENTRY_TYPES)
            yield Problem(
                "unknown-type",
                entry.line,
                1,
                f"{entry.key}: unknown entry type @{entry.type}{hint} "
                "(styles fall back to misc or skip it)",
            )


def _known_field(name: str) -> bool:
    if name in datamodel.KNOWN_FIELDS or name.startswith(datamodel.TOOL_PREFIXES):
        return True
    # BibDesk users switch a field off by renaming it "no<field>"
    return name.startswith("no") and name[2:] in datamodel.KNOWN_FIELDS


@check("unknown-field", severity="warning")
def unknown_field(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A field name no data model or reference manager uses (often a typo)."""
    standard = datamodel.BIBTEX_FIELDS | datamodel.BIBLATEX_FIELDS
    for name, pairs in by_name(bib).items():
        if _known_field(name):
            continue
        hint = did_you_mean(name, standard)
        for entry, f in pairs:
            yield at(
                bib,
                "unknown-field",
                f.start,
                f"{entry.key}: unknown field {name!r}{hint} (styles ignore it)",
            )


# what a child inherits from its crossref parent under another name (biblatex defaults)
_INHERIT_AS = {"title": "booktitle", "subtitle": "booksubtitle"}


def _with_parent(entry: Entry, bib: BibFile) -> Mapping[str, str]:
    fields = entry.fields
    if "crossref" not in fields and "xdata" not in fields:
        return fields
    raw = fields.get("crossref") or fields.get("xdata")
    if not raw:
        return fields
    parent = lookup(bib)(latex.value(raw).split(",")[0].strip())
    if parent is None:
        return entry.fields
    fields = dict(parent.fields)
    for old, new in _INHERIT_AS.items():
        if old in parent.fields:
            fields.setdefault(new, parent.fields[old])
    fields.update(entry.fields)
    return fields


def _present(raw: str) -> bool:
    if "#" not in raw and raw[:1] in ("{", '"'):
        return bool(raw[1:-1].strip())
    return bool(raw) and (raw.isdigit() or bool(latex.value(raw).strip()))


@check("missing-field", severity="warning")
def missing_field(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A field the entry type requires (BibTeX's or biblatex's list)."""
    for entry in bib.entries:
        needs = datamodel.required(entry.type, opts.datamodel)
        if not needs:
            continue
        fields = _with_parent(entry, bib)
        for need in needs:
            for name in need:
                raw = fields.get(name)
                if raw and _present(raw):
                    break
            else:
                alt = f" (or {' or '.join(need[1:])})" if len(need) > 1 else ""
                yield Problem(
                    "missing-field",
                    entry.line,
                    1,
                    f"{entry.key}: @{entry.type} needs {need[0]}{alt}",
                )
