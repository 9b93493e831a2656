"""Fields and types: macros, cross-references, types and fields the data model knows,
and the fields each type needs."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from collections.abc import Mapping
from collections.abc import Sequence

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
    # a name of length n can only be 75% alike (fuzz.ratio) a choice of 3n/5 to 5n/3
    # characters: the others need no comparing (their order is kept, so ties go the same)
    alike: dict[int, list[str]] = {}
    # a value -> its macros (values repeat: a journal's or a name list's macros)
    found: dict[tuple[bool, str], list[tuple[int, str]]] = {}
    strings = [
        (f"@string {f.name}", f)
        for item in syntax(bib).items
        if item.kind == "string"
        for f in item.fields
    ]
    for where, f in [*strings, *((e.key, f) for e, f in index(bib).bare)]:
        macros = found.get((f.single, f.value))
        if macros is None:
            macros = found[f.single, f.value] = list(_macros(f))
        for pos, name in macros:
            low = name.lower()
            if low in known:
                continue
            if low not in hints:
                n = len(low)
                near = alike.get(n)
                if near is None:
                    near = alike[n] = [
                        c for c in choices if 3 * n <= 5 * len(c) and 3 * len(c) <= 5 * n
                    ]
                hints[low] = did_you_mean(low, near)
            yield at(
                bib,
                "undefined-string",
                f.value_start + pos,
                f"{where}: {name!r} is not a defined @string macro{hints[low]}; "
                "BibTeX would leave the field empty here (braces make it text)",
            )


def _cycles(graph: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """One loop per strongly connected group of nodes, as a path from its first node (in
    the graph's order) back to it, the shortest way round: ``[a, b, a]``, ``[c, c]``.
    Tarjan's algorithm without recursion, so a long chain cannot hit the recursion limit."""
    order = {node: i for i, node in enumerate(graph)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(graph[root]))]
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    groups.append(group)
    loops = []
    for group in groups:
        if len(group) == 1 and group[0] not in graph.get(group[0], ()):
            continue  # a node on no loop (perhaps only a target, not in the graph)
        start = min(group, key=order.__getitem__)
        members = set(group)
        came_from: dict[str, str] = {}
        queue = deque([start])
        last = None
        while last is None:
            node = queue.popleft()
            for nxt in graph[node]:
                if nxt == start:
                    last = node
                    break
                if nxt in members and nxt not in came_from:
                    came_from[nxt] = node
                    queue.append(nxt)
        path = [last]
        while path[-1] != start:
            path.append(came_from[path[-1]])
        loops.append([*reversed(path), start])
    return sorted(loops, key=lambda loop: order[loop[0]])


@check("string-cycle")
def string_cycle(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """An ``@string`` macro defined through itself, directly or by way of others."""
    graph: dict[str, list[str]] = {}
    first: dict[str, tuple[str, int]] = {}  # name -> (as written, offset of its @string)
    defs = [(item, f) for item in syntax(bib).items if item.kind == "string" for f in item.fields]
    defined = {f.name.lower() for _, f in defs}
    for item, f in defs:
        name = f.name.lower()
        redefined = name in first
        first.setdefault(name, (f.name, item.start))
        edges = graph.setdefault(name, [])
        for _, used in _macros(f):
            low = used.lower()
            # @string{j = j # { Lett.}} after an earlier j appends to that j: no loop
            if low in defined and not (low == name and redefined) and low not in edges:
                edges.append(low)
    for loop in _cycles(graph):
        name, start = first[loop[0]]
        spelled = " -> ".join(first[n][0] for n in loop)
        yield at(
            bib,
            "string-cycle",
            start,
            f"@string {name} is defined through itself ({spelled}); BibTeX cannot expand it, "
            "so fields using it come out empty",
        )


@check("crossref-cycle")
def crossref_cycle(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """Entries whose ``crossref`` or ``xdata`` fields lead back to themselves."""
    find = lookup(bib)
    graph: dict[str, list[str]] = {}
    via: dict[tuple[str, str], str] = {}  # (from, to) -> the field that links them
    entries: dict[str, Entry] = {}
    for entry in bib.entries:
        if "crossref" not in entry.fields and "xdata" not in entry.fields:
            continue
        source = entry.key.casefold()
        entries.setdefault(source, entry)
        edges = graph.setdefault(source, [])
        for name, key in _targets(entry):
            target = find(key)
            if name == "xref" or target is None:
                continue  # xref inherits nothing; a missing key is missing-crossref
            to = target.key.casefold()
            if to not in edges:
                edges.append(to)
                via[source, to] = name
    for loop in _cycles(graph):
        head = entries[loop[0]]
        spelled = entries[loop[0]].key + "".join(
            f" -{via[a, b]}-> {entries[b].key}" for a, b in zip(loop, loop[1:], strict=False)
        )
        yield Problem(
            "crossref-cycle",
            head.line,
            1,
            f"{head.key}: crossref loop {spelled}; BibTeX and biber cannot inherit fields "
            "around a loop, so remove one of the links",
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
    keys: set[str] | None = None  # made for the first entry that links to another
    for entry in bib.entries:
        fields = entry.fields
        if "crossref" not in fields and "xref" not in fields and "xdata" not in fields:
            continue
        for name, key in _targets(entry):
            if keys is None:
                keys = bib.keys()
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
    required: dict[str, tuple[tuple[str, ...], ...]] = {}  # type -> its needs
    for entry in bib.entries:
        needs = required.get(entry.type)
        if needs is None:
            needs = required[entry.type] = datamodel.required(entry.type, opts.datamodel)
        if not needs:
            continue
        fields = entry.fields
        if "crossref" in fields or "xdata" in fields:
            fields = _with_parent(entry, bib)
        for need in needs:
            for name in need:
                raw = fields.get(name)
                # _present, its commonest case inline: {text} or "text"
                if raw and (
                    bool(raw[1:-1].strip())
                    if "#" not in raw and raw[:1] in ("{", '"')
                    else _present(raw)
                ):
                    break
            else:
                alt = f" (or {' or '.join(need[1:])})" if len(need) > 1 else ""
                yield Problem(
                    "missing-field",
                    entry.line,
                    1,
                    f"{entry.key}: @{entry.type} needs {need[0]}{alt}",
                )
