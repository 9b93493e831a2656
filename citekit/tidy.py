"""The canonical formatter behind ``citekit fmt``: ``format(text, options) -> text``.

Like black, it has few knobs and one output: lower-case entry types and field names, one
field per line with aligned ``=``, ``{}`` instead of ``""``, a trailing comma, one blank
line between entries, ``month`` as a macro. It changes layout, never meaning: comments and
text between entries stay where they are, ``@string`` macros are never inlined, a value's
content is kept character for character (only its delimiters change), and an entry that
does not parse cleanly is left exactly as written. ``format(format(x)) == format(x)``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from citekit import latex
from citekit import scanner
from citekit.config import setting_key
from citekit.errors import CitekitError

MONTH_STYLES = ("macro", "number", "keep")


@dataclass(frozen=True)
class Options:
    """``[tool.citekit.fmt]``: indent, align, field-order, month, sort, trailing-comma."""

    indent: str = "  "
    align: bool = True
    field_order: tuple[str, ...] = ()  # these first, in this order; the rest as written
    month: str = "macro"  # macro: jan; number: 1; keep: as written
    sort: bool = False  # sort entries by key
    trailing_comma: bool = True


_SETTINGS = {
    "indent": (int, str),
    "align": (bool,),
    "field_order": (list,),
    "month": (str,),
    "sort": (bool,),
    "trailing_comma": (bool,),
}


MAX_INDENT = 16


def options(table: Mapping[str, Any], *, where: str = "[tool.citekit.fmt]") -> Options:
    """``table`` validated into Options; a typo is an error, not ignored. ``where`` starts
    each error (the file and the table's name in it, e.g. ``citekit.toml: [fmt]``)."""
    values: dict[str, Any] = {}
    for raw_key, raw in table.items():
        value: Any = raw
        key = setting_key(raw_key, _SETTINGS, f"{where}: ", hyphens=True)
        if not isinstance(value, _SETTINGS[key]) or (
            isinstance(value, bool) and bool not in _SETTINGS[key]
        ):
            raise CitekitError(f"{where} {raw_key}: wrong type {type(value).__name__}")
        if key == "indent":
            value = _indent(raw, f"{where} indent")
        elif key == "field_order":
            order: list[Any] = raw
            if not all(isinstance(v, str) for v in order):
                raise CitekitError(f"{where} field-order: a list of field names")
            value = tuple(v.lower() for v in order)
        elif key == "month" and value not in MONTH_STYLES:
            raise CitekitError(f"{where} month: one of {', '.join(MONTH_STYLES)}, not {value!r}")
        values[key] = value
    return Options(**values)


def _indent(value: int | str, where: str) -> str:
    # an absurd width (indent = 1000000) made every field line a megabyte
    what = f'a number of spaces from 0 to {MAX_INDENT}, or a tab ("\\t"), not {value!r}'
    if isinstance(value, int):
        if not 0 <= value <= MAX_INDENT:
            raise CitekitError(f"{where}: {what}")
        return " " * value
    if value.strip(" \t") or len(value) > MAX_INDENT:
        raise CitekitError(f"{where}: {what}")
    return value


# --------------------------------------------------------------------------- values


def _piece(piece: str) -> str:
    """One piece of a value with braces for delimiters."""
    if len(piece) >= 2 and piece[0] == '"' and piece[-1] == '"':
        return "{" + piece[1:-1] + "}"
    return piece


def _value(f: scanner.Field) -> str:
    if f.single:
        return _piece(f.value)
    return " # ".join(_piece(p) for p in latex.split_concatenation(f.value))


def _month(value: str, style: str, strings: Mapping[str, str]) -> str:
    if style == "keep" or "#" in value:
        return value
    bare = value.strip('{}"').strip()
    if not bare.isdigit() and bare.lower() in strings:
        return value  # a macro the file defines itself: not ours to rewrite
    n = latex.month_number(bare)
    if n is None or (not bare.isdigit() and len(bare.rstrip(".")) < 3):
        return value
    return latex.MONTHS[n - 1] if style == "macro" else str(n)


# --------------------------------------------------------------------------- blocks

_CONTINUATION = re.compile(r"[ \t]*\n[ \t]*")
# values where white space is data (paths, URLs, verbatim text)
_VERBATIM = frozenset("url file files pdf doi eprint urlraw verba verbb verbc".split())


def _entry(item: scanner.Item, opts: Options, strings: Mapping[str, str]) -> str:
    fields = list(item.fields)
    if opts.field_order:
        rank = {name: i for i, name in enumerate(opts.field_order)}
        last = len(rank)
        # stable: unlisted fields (and repeats of one field) keep their order
        fields.sort(key=lambda f: rank.get(f.name.lower(), last))
    head = f"@{item.type.lower()}{{{item.key}"
    if not fields:
        return head + "}"
    names = [f.name.lower() for f in fields]
    width = max(map(len, names)) if opts.align else 0
    indent = opts.indent
    lines = [head + ","]
    for name, f in zip(names, fields, strict=True):
        _, value, _, _, _, single = f  # unpacking a field is cheaper than its attributes
        if not single or value[:1] == '"':  # else _value would return it as it is
            value = _value(f)
        if "\n" in value and name not in _VERBATIM:
            # BibTeX reads any run of white space as one space, so continuation lines
            # can take the entry's indentation without changing the value
            value = _CONTINUATION.sub("\n" + indent * 2, value)
        if name == "month":
            value = _month(value, opts.month, strings)
        lines.append(f"{indent}{name.ljust(width)} = {value},")
    if not opts.trailing_comma:
        lines[-1] = lines[-1][:-1]
    lines.append("}")
    return "\n".join(lines)


def _string(item: scanner.Item) -> str:
    (f,) = item.fields
    return f"@{item.type.lower()}{{{f.name} = {_value(f)}}}"


_KEY_BRACKETS = re.compile(r"[{}()]")


def _block(item: scanner.Item, text: str, opts: Options, strings: Mapping[str, str]) -> str:
    if item.issues:
        return text[item.start : item.end].strip()  # broken: leave it exactly as written
    if item.kind == "entry" and item.key and not _KEY_BRACKETS.search(item.key):
        return _entry(item, opts, strings)
    if item.kind == "string" and len(item.fields) == 1:
        return _string(item)
    if item.kind == "preamble" and item.fields:
        return f"@{item.type.lower()}{{{_value(item.fields[0])}}}"
    return text[item.start : item.end].strip()


def _sorted(items: Sequence[scanner.Item], text: str) -> list[scanner.Item]:
    """Entries sorted by key within each stretch between @string/@preamble/@comment
    blocks (macros must stay defined before use); text right before an entry moves with
    it; crossref targets go last, where BibTeX needs them."""
    targets = set()
    for item in items:
        for f in item.fields:
            if f.name.lower() == "crossref":
                targets.add(latex.value(f.value).strip().casefold())
    out: list[scanner.Item] = []
    run: list[list[scanner.Item]] = []
    pending: list[scanner.Item] = []

    def flush() -> None:
        run.sort(key=lambda g: (g[-1].key.casefold() in targets, g[-1].key.casefold()))
        out.extend(i for group in run for i in group)
        run.clear()

    for item in items:
        if item.kind == "entry":
            run.append([*pending, item])
            pending = []
        elif item.kind == "text":
            pending.append(item)
        else:
            flush()
            out.extend(pending)
            pending = []
            out.append(item)
    flush()
    return out + pending


def _merge_broken(items: list[scanner.Item]) -> list[scanner.Item]:
    """Join each broken item with its neighbours in the damage (the entry that a stray
    ``}`` closed early and the fields left after it) into one item kept verbatim."""
    out: list[scanner.Item] = []
    for item in items:
        if item.issues and item.kind == "text" and out and out[-1].end == item.start:
            prev = out.pop()
            item = scanner.Item("text", prev.start, item.end, issues=item.issues)
        out.append(item)
    return out


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def format(text: str, opts: Options | None = None) -> str:  # noqa: A001 - the verb is the API
    """The canonical form of a .bib file's text (see module doc)."""
    opts = opts or Options()
    newline = "\r\n" if "\r\n" in text else "\n"
    if newline != "\n":
        text = text.replace("\r\n", "\n")
    scan = scanner.scan(text)
    strings = {
        f.name.lower(): f.value for item in scan.items if item.kind == "string" for f in item.fields
    }
    items = _merge_broken(list(scan.items))
    if opts.sort:
        items = _sorted(items, text)
    out: list[str] = []
    prev_end = -1
    prev_text = False
    for item in items:
        block = _block(item, text, opts, strings)
        if not block:
            continue
        # where the item's text starts and ends without white space around it (an entry
        # starts at its '@' and ends at its brace: no copy of its source needed then)
        start = item.start
        if start < item.end and text[start].isspace():
            source = text[start : item.end]
            start += len(source) - len(source.lstrip())
        end = item.end
        if item.start < end and text[end - 1].isspace():
            end = item.start + len(text[item.start : end].rstrip())
        if prev_end >= 0:
            # a comment written right above (or below) an entry stays attached to it
            gap = text[prev_end:start] if prev_end <= start else "\n\n"
            out.append(
                "\n\n" if item.kind != "text" and not prev_text or _BLANK_LINE.search(gap) else "\n"
            )
        out.append(block)
        prev_end = end
        prev_text = item.kind == "text"
    result = "".join(out) + "\n" if out else ""
    return result.replace("\n", newline) if newline != "\n" else result
