"""A library: a .bib file (read-write) or a CSL-JSON file (read-only), and its edits.

Edits (``add``, ``remove``) take the folder lock, re-read the file under it, splice, and
write atomically, so concurrent ``citekit add`` runs all land and nothing is half-written.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from citekit import bibfile
from citekit import dedupe
from citekit import keys
from citekit import latex
from citekit import names
from citekit.csl import convert
from citekit.errors import CitekitError
from citekit.errors import NotFoundError
from citekit.model import Entry


@dataclass(frozen=True)
class Library:
    path: Path
    bib: bibfile.BibFile | None = None  # None for a CSL-JSON library
    json_items: tuple[Mapping[str, Any], ...] = ()

    @property
    def entries(self) -> tuple[Entry, ...]:
        if self.bib is not None:
            return self.bib.entries
        return tuple(
            Entry(str(i.get("id")), str(i.get("type", "")), {}, 0) for i in self.json_items
        )

    @property
    def strings(self) -> Mapping[str, str]:
        return self.bib.strings if self.bib is not None else {}

    def find(self, key: str) -> Entry:
        if self.bib is not None:
            found = self.bib.find(key)
        else:
            found = next((e for e in self.entries if e.key.casefold() == key.casefold()), None)
        if found is None:
            close = difflib.get_close_matches(key, [e.key for e in self.entries], n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise NotFoundError(
                f"{self.path}: no entry with key {key!r}{hint} (`citekit list` shows the keys)"
            )
        return found

    def lookup(self, key: str) -> Entry | None:
        if self.bib is not None:
            return self.bib.find(key)
        return None

    def csl_item(self, entry: Entry) -> dict[str, Any]:
        if self.bib is None:
            for item in self.json_items:
                if str(item.get("id")).casefold() == entry.key.casefold():
                    return dict(item)
            raise NotFoundError(f"{self.path}: no item {entry.key!r}")
        return convert.to_csl(entry, self.strings, self.lookup)

    def csl_items(self, entries: Iterable[Entry]) -> list[dict[str, Any]]:
        return [self.csl_item(e) for e in entries]

    def source(self, entry: Entry) -> str:
        if self.bib is None or entry.span is None:
            item = self.csl_item(entry)
            return json.dumps(item, ensure_ascii=False, indent=2)
        return self.bib.text[entry.span[0] : entry.span[1]]

    def plain(self, entry: Entry) -> dict[str, str]:
        """Field values as plain text (for listing, searching and keys)."""
        if self.bib is None:
            return _plain_from_csl(self.csl_item(entry))
        return keys.plain_fields(entry.fields, self.strings)


def _plain_from_csl(item: Mapping[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    if item.get("title"):
        out["title"] = latex.strip_markup(str(item["title"]))
    people = item.get("author") or item.get("editor") or []
    out["author"] = " and ".join(
        names.format_name(p.get("family") or p.get("literal", ""), p.get("given", ""))
        for p in people
        if isinstance(p, Mapping)
    )
    issued = item.get("issued") or {}
    if isinstance(issued, Mapping) and issued.get("date-parts"):
        out["year"] = str(issued["date-parts"][0][0])
    if item.get("container-title"):
        out["journal"] = str(item["container-title"])
    return out


def load(path: Path) -> Library:
    if path.suffix.lower() == ".json":
        return _load_json(path)
    return Library(path, bibfile.read(path))


def _load_json(path: Path) -> Library:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CitekitError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CitekitError(f"{path}: not UTF-8; re-save it as UTF-8") from None
    except json.JSONDecodeError as e:
        raise CitekitError(f"{path}:{e.lineno}:{e.colno}: not valid JSON ({e.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list) or not all(isinstance(i, dict) and "id" in i for i in data):
        raise CitekitError(f"{path}: not a CSL-JSON library (a list of items with ids)")
    seen: dict[str, int] = {}
    for n, item in enumerate(data, 1):
        problem = _csl_item_problem(item)
        if problem is None and str(item["id"]).casefold() in seen:
            problem = f"the id is already used by item {seen[str(item['id']).casefold()]}"
        if problem is not None:
            raise CitekitError(f"{path}: item {n} (id {item['id']!r}): {problem}; fix the file")
        seen[str(item["id"]).casefold()] = n
    return Library(path, json_items=tuple(data))


# the CSL variables citeproc-py reads as names and as dates; other values it turns into text
_CSL_NAMES = frozenset((
    "author", "collection-editor", "composer", "container-author", "editor",
    "editorial-director", "illustrator", "interviewer", "original-author", "recipient",
    "translator",
))  # fmt: skip
_CSL_DATES = frozenset(("accessed", "container", "event-date", "issued", "original-date",
                        "submitted"))  # fmt: skip


def _csl_item_problem(item: Mapping[str, Any]) -> str | None:
    """What makes a CSL-JSON item unusable (citeproc-py would crash on it), or None."""
    if isinstance(item["id"], bool) or not isinstance(item["id"], str | int) or item["id"] == "":
        return "the id must be a non-empty string or a number"
    if not isinstance(item.get("type"), str):
        return 'no "type" (a CSL type such as "article-journal" or "book")'
    for name, value in item.items():
        var = name.replace("_", "-")
        if var in _CSL_NAMES and not (isinstance(value, list) and all(map(_is_name, value))):
            return f'"{name}" must be a list of names like [{{"family": "Doe", "given": "J"}}]'
        if var in _CSL_DATES and not _is_date(value):
            return f'"{name}" must be a date like {{"date-parts": [[2020, 1, 31]]}}'
    return None


def _is_name(value: Any) -> bool:
    parts = ("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle")
    return isinstance(value, dict) and all(isinstance(value.get(p, ""), str) for p in parts)


def _is_date(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    parts = value.get("date-parts", [])
    return isinstance(parts, list) and all(
        isinstance(p, list) and 1 <= len(p) <= 3 and all(isinstance(n, int | str) for n in p)
        for p in parts
    )


def require_bib(lib: Library) -> bibfile.BibFile:
    if lib.bib is None:
        raise CitekitError(
            f"{lib.path}: a CSL-JSON library is read-only; edit a .bib library instead"
        )
    return lib.bib


# --------------------------------------------------------------------------- adding


@dataclass(frozen=True)
class NewEntry:
    """An entry to add: BibTeX source values (``fields``) and an optional key."""

    type: str
    fields: Mapping[str, str]
    key: str = ""
    source: str = ""  # the BibTeX text as the user gave it, kept byte for byte if possible


@dataclass(frozen=True)
class Added:
    key: str
    source: str
    renamed_from: str = ""  # the key it came with, when that was taken


@dataclass(frozen=True)
class Merged:
    key: str  # the existing entry that got the missing fields
    fields: tuple[str, ...]  # the names of the fields it got (empty: it lacked none)
    reason: str


@dataclass(frozen=True)
class Skipped:
    match: dedupe.Match
    entry: NewEntry


@dataclass
class AddResult:
    added: list[Added] = field(default_factory=list)
    merged: list[Merged] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    text: str = ""


# a field the existing entry has under another name is not missing
_SAME_AS = {"date": ("year",), "year": ("date",), "month": ("date",),
            "journal": ("journaltitle",), "journaltitle": ("journal",),
            "address": ("location",), "location": ("address",)}  # fmt: skip


def prepare(
    bib: bibfile.BibFile,
    new: Sequence[NewEntry],
    *,
    pattern: str = "{auth}{year}{title}",
    force: bool = False,
    rekey: bool = False,
    merge: bool = False,
    skip_duplicates: bool = False,
    rename_clashes: bool = False,
) -> AddResult:
    """Keys, duplicate checks and BibTeX text for new entries; raises on a duplicate.

    Entries that bring a key keep it (papers cite it) unless ``rekey``; a clash with an
    existing key is refused unless ``force`` or ``rename_clashes``, which add a suffix.
    A duplicate is refused, or with ``merge`` gives the existing entry the fields it
    lacks (a splice of that entry only), or with ``skip_duplicates`` is set aside."""
    taken = set(bib.keys())
    indent = bibfile.indent_of(bib)
    result = AddResult()
    pending: list[tuple[str, Mapping[str, str]]] = []
    splices: dict[str, tuple[Entry, dict[str, str]]] = {}
    for n in new:
        plain = keys.plain_fields(n.fields, bib.strings)
        plain["ENTRYTYPE"] = n.type
        if not force:
            dup = dedupe.find(bib, n.fields)
            if dup is not None and merge:
                old = bib.find(dup.key)
                assert old is not None
                _, extra = splices.get(old.key, (old, {}))
                missing = {
                    k: v for k, v in n.fields.items()
                    if k not in old.fields and k not in extra
                    and not any(o in old.fields for o in _SAME_AS.get(k, ()))
                }  # fmt: skip
                extra.update(missing)
                splices[old.key] = (old, extra)
                result.merged.append(Merged(old.key, tuple(missing), dup.reason))
                continue
            twin = None if dup else dedupe.find_among(pending, n.fields, bib.strings)
            same = dup or twin
            if same is not None and skip_duplicates:
                result.skipped.append(Skipped(same, n))
                continue
            if dup is not None:
                raise CitekitError(
                    f"{bib.path}:{dup.line}: already in the library as {dup.key!r} "
                    f"({dup.reason}); use --force to add it anyway, or --merge to fill in "
                    "what it lacks"
                )
            if twin is not None:
                raise CitekitError(
                    f"the entries to add hold the same work twice ({twin.reason}, first as "
                    f"{twin.key!r}); remove one, or use --force to add both"
                )
        renamed = ""
        if n.key and not rekey:
            try:
                keys.check_key(n.key)
            except CitekitError as e:
                if not n.source:
                    raise
                raise CitekitError(f"{e}; or add with --rekey for keys from the pattern") from None
            key = n.key
            if key.casefold() in taken:
                if not force and not rename_clashes:
                    where = bib.find(key)
                    line = f":{where.line}" if where is not None else ""
                    raise CitekitError(
                        f"{bib.path}{line}: the key {key!r} is already taken; choose another "
                        "with --key, or use --force to add it with a suffix"
                    )
                key = keys.unique(key, taken)
                renamed = n.key
        else:
            key = keys.make_key(plain, taken, pattern)
        taken.add(key.casefold())
        source = _source_with_key(n, key, indent=indent, newline=bib.newline)
        pending.append((key, n.fields))
        result.added.append(Added(key, source, renamed))
    text = bib.text
    # splice from the end so earlier spans stay valid
    for old, extra in sorted(splices.values(), key=lambda p: -(p[0].span or (0, 0))[0]):
        if extra:
            text = bibfile.splice(
                dataclasses.replace(bib, text=text), old, _with_fields(bib, old, extra, indent)
            )
    result.text = bibfile.append(
        dataclasses.replace(bib, text=text), [a.source for a in result.added]
    )
    return result


def _with_fields(bib: bibfile.BibFile, old: Entry, extra: Mapping[str, str], indent: str) -> str:
    """``old``'s own source with ``extra`` fields added before its closing brace."""
    assert old.span is not None
    source = bib.text[old.span[0] : old.span[1]]
    body = source.rstrip()
    close = body[-1]
    body = body[:-1].rstrip(" \t\r\n")
    if not body.endswith(","):
        body += ","
    nl = bib.newline
    lines = "".join(f"{nl}{indent}{k} = {bibfile.braced(v, name=k)}," for k, v in extra.items())
    return f"{body}{lines}{nl}{close}"


def _source_with_key(n: NewEntry, key: str, *, indent: str, newline: str) -> str:
    if n.source and n.key:
        # keep the user's own text; only the key may change. Match whatever key the text
        # has: --key replaces n.key before the text is written
        source = n.source.strip()
        m = re.match(r"\s*@\s*\w+\s*[{(]\s*([^\s,]*)", source)
        if m and m.group(1) != key:
            source = source[: m.start(1)] + key + source[m.end(1) :]
        return source
    return bibfile.format_entry(n.type, key, n.fields, indent=indent, newline="\n")


def add(
    path: Path,
    new: Sequence[NewEntry],
    *,
    pattern: str = "{auth}{year}{title}",
    force: bool = False,
    rekey: bool = False,
    dry_run: bool = False,
    merge: bool = False,
    skip_duplicates: bool = False,
    rename_clashes: bool = False,
) -> AddResult:
    """Add entries to the library at ``path`` (created if missing), atomically."""

    def _prepare(bib: bibfile.BibFile) -> AddResult:
        return prepare(
            bib,
            new,
            pattern=pattern,
            force=force,
            rekey=rekey,
            merge=merge,
            skip_duplicates=skip_duplicates,
            rename_clashes=rename_clashes,
        )

    if dry_run:
        bib = _read_or_empty(path)
        bib.require_clean()
        bib.require_closed()
        return _prepare(bib)
    bibfile.check_writable(path)
    with bibfile.locked(path):
        bib = _read_or_empty(path)
        bib.require_clean()
        bib.require_closed()
        result = _prepare(bib)
        if not path.exists():
            bibfile.atomic_write(path, result.text)
        else:
            bibfile.write_if_changed(bib, result.text)
    return result


def _read_or_empty(path: Path) -> bibfile.BibFile:
    if path.suffix.lower() == ".json":
        raise CitekitError(
            f"{path}: a CSL-JSON library is read-only; add to a .bib library instead"
        )
    if not path.exists():
        return bibfile.parse(path, "")
    return bibfile.read(path)


def remove(path: Path, key: str) -> Entry:
    """Remove one entry; every other byte stays."""
    if path.suffix.lower() == ".json":
        raise CitekitError(
            f"{path}: a CSL-JSON library is read-only; remove it from a .bib library instead"
        )
    bibfile.check_writable(path)
    with bibfile.locked(path):
        bib = bibfile.read(path)
        bib.require_clean()
        entry = Library(path, bib).find(key)
        bibfile.write_if_changed(bib, bibfile.remove(bib, entry))
    return entry
