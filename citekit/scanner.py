"""A small, exact BibTeX scanner: every entry, field and value with its source offsets,
and every syntax problem with the offset where it happens.

bibtexparser is fine for reading a library, but it cannot say *where* a brace is missing,
it silently merges a field into the previous one when a comma is missing, and it is too
slow for a 10,000-entry pre-commit run. This scanner follows BibTeX's own grammar (values
are ``{...}``, ``"..."``, numbers or macro names joined by ``#``; braces nest, backslashes
do not escape them) and recovers after an error, so one broken entry yields one finding
and the rest of the file is still checked. It never raises on any input.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import NamedTuple

_AT = re.compile(r"@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])")
# a line that starts a new entry: inside an unclosed value it means a delimiter is missing
_NEW_ENTRY = r"\n(?=[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(])"
_IN_BRACES = re.compile(r"[{}]|" + _NEW_ENTRY)
_IN_QUOTES = re.compile(r'[{}"]|' + _NEW_ENTRY)
_WS = re.compile(r"\s*")
_NAME = re.compile(r"[^\s\"#%'(),={}]+")
_KEY_BRACE = re.compile(r"[^,\s}]*")
_KEY_PAREN = re.compile(r"[^,\s)]*")
_BARE = re.compile(r"[^\s\"#%'(),={}]+")
_FIELD_AHEAD = re.compile(r"([A-Za-z_][\w.:+-]*)[ \t]*=")
# inside a braced or quoted value, a line that looks like the start of another field
_SWALLOWED = re.compile(r"\n[ \t]*([A-Za-z][\w-]*)[ \t]*=[ \t]*[{\"\d]")
_FIELDS_GO_ON = re.compile(r"[ \t]*,|[ \t]*\r?\n[ \t]*[A-Za-z_][\w.:+-]*[ \t]*=")
# the common case in one match: a field whose value is one braced (nested up to three deep,
# written as unrolled loops so the regex engine never backtracks), quoted or bare piece,
# then a comma or the closing delimiter; anything else takes the careful path below
_B3 = r"\{[^{}]*\}"
_B2 = r"\{[^{}]*(?:" + _B3 + r"[^{}]*)*\}"
_B1 = r"\{[^{}]*(?:" + _B2 + r"[^{}]*)*\}"
_Q = r'"[^"{}]*(?:' + _B2 + r'[^"{}]*)*"'
_FAST_FIELD = re.compile(
    r"""\s*([^\s"#%'(),={}]+)[ \t]*=[ \t]*(""" + _B1 + "|" + _Q + r"""|[^\s"#%'(),={}]+)"""
    r"""[ \t]*(?:,|(?=\s*[})]))\s*"""
)
# faster still for the commonest field of all: an ASCII name and a value with no inner
# braces. `[^}]*+` runs in the regex engine's tight one-character loop, where `[^{}]*` tests
# a set per character, and small ASCII sets are bitmaps, where \s and negated sets are
# tested op by op (several times slower). A match whose value holds a '{' was cut short at
# the first inner '}': the caller checks for that and falls back to _FAST_FIELD. Any other
# match is exactly the field _FAST_FIELD would find (it may leave white space that is not
# ' \t\r\n' after the comma, which the next field's \s* takes).
_QUICK_FIELD = re.compile(
    r"""[ \t\r\n]*([A-Za-z0-9_.:+/-]+)[ \t]*=[ \t]*"""
    r"""(\{[^}]*+\}|"[^"{}]*+"|[A-Za-z0-9_.:+/-]++)[ \t]*(?:,|(?=\s*[})]))[ \t\r\n]*"""
)
_NEW_ENTRY_IN = re.compile(_NEW_ENTRY)
# the commonest start of an entry's body, the key and its comma, in one match
_KEY_COMMA = re.compile(r"\s*([^,\s}]+)\s*,")
# and with the entry's start: _AT with a brace, then _KEY_COMMA
# (the empty group marks the body's start)
_HEAD = re.compile(r"@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*\{()\s*([^,\s}]+)\s*,")
_NOT_ENTRIES = frozenset(("comment", "string", "preamble"))
_ENTRY_START_LINE = re.compile(r"[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]")


@dataclass(frozen=True)
class Issue:
    code: str
    pos: int
    message: str


class Field(NamedTuple):  # a tuple, not a dataclass: a big file has 100,000 of them
    name: str  # as written
    value: str  # the value's source, delimiters kept
    start: int  # offset of the name
    value_start: int
    value_end: int
    single: bool = False  # known to be one {..}, ".." or bare piece (no # concatenation)


class Item(NamedTuple):  # a tuple too: one per entry, 10,000 in a big file
    """A top-level piece: ``entry``, ``string``, ``preamble``, ``comment`` or ``text``."""

    kind: str
    start: int
    end: int
    type: str = ""  # as written after '@'
    key: str = ""
    key_pos: int = -1
    fields: tuple[Field, ...] = ()
    open: str = "{"
    issues: tuple[Issue, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.issues


@dataclass(frozen=True)
class Scan:
    text: str
    items: tuple[Item, ...]
    lines: tuple[int, ...] = ()  # the 1-based line each item starts on
    _item_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    # what checks derive from the scan once and share (see checks.registry)
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def line_col(self, pos: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        text = self.text
        if self.lines and 0 <= pos <= len(text):
            # the line of the item the offset is in, plus the line breaks before it there:
            # no table of all 100,000 line starts for a few thousand findings
            if not self._item_starts:
                self._item_starts.extend(item.start for item in self.items)
            i = bisect.bisect_right(self._item_starts, pos) - 1
            base, line = (self._item_starts[i], self.lines[i]) if i >= 0 else (0, 1)
            if pos - base < 65536:  # else (one huge item) the table below is cheaper
                return line + text.count("\n", base, pos), pos - text.rfind("\n", 0, pos)
        return self._line_col(pos)

    def _line_col(self, pos: int) -> tuple[int, int]:
        starts: list[int] = self.cache.setdefault("line starts", [])
        if not starts:
            # line start offsets, computed without a Python-level loop over 100,000 lines
            lengths = map((1).__add__, map(len, self.text.split("\n")[:-1]))
            starts.extend(itertools.accumulate(lengths, initial=0))
        i = bisect.bisect_right(starts, pos) - 1
        return i + 1, pos - starts[i] + 1

    @property
    def issues(self) -> list[Issue]:
        return [issue for item in self.items for issue in item.issues]


_new = tuple.__new__


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.n = len(text)
        self.issues: list[Issue] = []

    def skip_ws(self, i: int) -> int:
        m = _WS.match(self.s, i)
        return m.end() if m else i

    def braced(self, i: int) -> tuple[int, bool]:
        """End of the ``{...}`` group at i (after its '}'), and whether it closed."""
        depth = 0
        for m in _IN_BRACES.finditer(self.s, i):
            ch = m.group()
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    return m.end(), True
            else:  # a new entry starts: this group never closed
                return m.start(), False
        return self.n, False

    def quoted(self, i: int) -> tuple[int, bool]:
        depth = 0
        for m in _IN_QUOTES.finditer(self.s, i + 1):
            ch = m.group()
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == '"':
                if depth <= 0:
                    return m.end(), True
            else:
                return m.start(), False
        return self.n, False

    def value(self, i: int, name: str) -> tuple[int, bool]:
        """Parse ``piece # piece ...`` at i; return the end and whether scanning can go on."""
        s = self.s
        while True:
            if i >= self.n:
                self.issues.append(Issue("syntax-error", i, f"field {name!r} has no value"))
                return i, False
            ch = s[i]
            if ch == "{":
                end, closed = self.braced(i)
                if not closed:
                    self.issues.append(
                        Issue(
                            "unbalanced-brace",
                            i,
                            f"the '{{' that opens field {name!r} is never closed",
                        )
                    )
                    return end, False
                self.swallowed(i, end, name)
            elif ch == '"':
                end, closed = self.quoted(i)
                if not closed:
                    self.issues.append(
                        Issue(
                            "unbalanced-quote",
                            i,
                            f"the '\"' that opens field {name!r} is never closed",
                        )
                    )
                    return end, False
                self.swallowed(i, end, name)
            else:
                m = _BARE.match(s, i)
                if not m:
                    self.issues.append(Issue("syntax-error", i, f"field {name!r} has no value"))
                    return i, True
                end = m.end()
            j = self.skip_ws(end)
            if j < self.n and s[j] == "#":
                i = self.skip_ws(j + 1)
                continue
            return end, True

    def swallowed(self, start: int, end: int, name: str) -> None:
        m = _SWALLOWED.search(self.s, start, end)
        if m:
            self.issues.append(
                Issue(
                    "swallowed-field",
                    m.start(1),
                    f"field {name!r} runs on into what looks like field {m.group(1)!r}: "
                    "a closing brace or quote is probably missing above",
                )
            )

    def recover(self, i: int, close: str) -> int:
        """After an error inside an entry: the next field line, closing delimiter at the
        start of a line, or new entry."""
        pattern = r",[ \t]*\r?\n|\n(?=[ \t]*" + re.escape(close) + r")|" + _NEW_ENTRY
        m = re.compile(pattern).search(self.s, i)
        return m.end() if m else self.n

    def entry(
        self, at: int, kind: str, typ: str, body: int, open_: str, head: re.Match[str] | None
    ) -> Item:
        s = self.s
        close = "}" if open_ == "{" else ")"
        self.issues = []
        fields: list[Field] = []
        key, key_pos = "", -1
        m = head
        if m is None and kind == "entry" and open_ == "{":
            m = _KEY_COMMA.match(s, body)
            if m is not None:
                key, key_pos = m.group(1), m.start(1)
                i = m.end()
        elif m is not None:  # _HEAD took the key and its comma
            key, key_pos = m.group(3), m.start(3)
            i = m.end()
        if m is None:
            i = self.skip_ws(body)
        if kind == "preamble":
            return self.preamble(at, typ, i, open_)
        if kind == "entry" and not m:
            m = (_KEY_BRACE if open_ == "{" else _KEY_PAREN).match(s, i)
            assert m is not None
            after = self.skip_ws(m.end())
            if m.group() and not (after < self.n and s[after] == "="):
                key, key_pos = m.group(), i
                i = after
                if i < self.n and s[i] == ",":
                    i += 1
                elif i < self.n and s[i] == close:
                    return self.item(at, i + 1, kind, typ, key, key_pos, fields, open_)
                elif i < self.n and _FIELD_AHEAD.match(s, i):
                    self.issues.append(
                        Issue("missing-comma", m.end(), f"no comma after key {key!r}")
                    )
            else:
                self.issues.append(Issue("missing-key", i, f"this @{typ} has no citation key"))
                if i < self.n and s[i] == ",":
                    i += 1
        fast = _FAST_FIELD.match
        while True:
            # A scanner object matches field after field where the last match ended, with
            # no new matching state per field (re.Scanner in the standard library is built
            # on it; typeshed does not list it)
            quick = _QUICK_FIELD.scanner(s, i).match  # type: ignore[attr-defined]
            while True:
                m = quick()
                if m is not None:
                    name, v = m.groups()
                    if "{" in v[1:]:  # inner braces: see _QUICK_FIELD
                        m = None
                if m is None:
                    m = fast(s, i)
                    if m is None:
                        break
                    name, v = m.groups()
                    quick = _QUICK_FIELD.scanner(s, m.end()).match  # type: ignore[attr-defined]
                start, end = m.span(2)
                if "\n" in v:
                    if "@" in v and _NEW_ENTRY_IN.search(v):
                        break  # a delimiter is missing: let the careful path report it
                    self.swallowed(start, end, name)
                # tuple.__new__: a third of the cost of Field(...)
                fields.append(_new(Field, (name, v, m.start(1), start, end, True)))
                i = m.end()
                if s.startswith(close, i):  # the entry ends here, as below
                    return self.item(at, i + 1, kind, typ, key, key_pos, fields, open_)
            i = _WS.match(s, i).end()  # type: ignore[union-attr] # \s* always matches
            if i >= self.n:
                self.issues.append(
                    Issue(
                        "unbalanced-brace", at, f"@{typ} {key!r} is never closed".replace(" ''", "")
                    )
                )
                return self.item(at, self.n, kind, typ, key, key_pos, fields, open_)
            ch = s[i]
            if ch == close:
                return self.item(at, i + 1, kind, typ, key, key_pos, fields, open_)
            if ch == "@" and _ENTRY_START_LINE.match(s, s.rfind("\n", 0, i) + 1):
                self.issues.append(
                    Issue(
                        "unbalanced-brace",
                        at,
                        f"@{typ} {key!r} is not closed before the next entry".replace(" ''", ""),
                    )
                )
                end = s.rfind("\n", 0, i) + 1
                return self.item(at, max(end, body), kind, typ, key, key_pos, fields, open_)
            if ch == "%":
                # BibTeX has no comments inside entries: it would read this line as a
                # field name and fail; report it and go on at the next line
                self.issues.append(
                    Issue(
                        "syntax-error",
                        i,
                        "a % comment inside an entry is not a comment to BibTeX; "
                        "move it above the entry",
                    )
                )
                eol = s.find("\n", i)
                i = eol + 1 if eol >= 0 else self.n
                continue
            m = _NAME.match(s, i)
            if not m:
                self.issues.append(
                    Issue("syntax-error", i, f"unexpected {ch!r} where a field name should be")
                )
                i = self.recover(i + 1, close)
                continue
            name, name_pos = m.group(), i
            i = self.skip_ws(m.end())
            if i >= self.n or s[i] != "=":
                if kind == "entry":
                    self.issues.append(
                        Issue("syntax-error", i, f"expected '=' after field name {name!r}")
                    )
                    i = self.recover(i, close)
                    continue
                # @string{name} or a plain @preamble value: fall through as a bare value
            else:
                i = self.skip_ws(i + 1)
            v_start = i
            v_end, ok = self.value(i, name)
            raw = s[v_start:v_end].rstrip()
            fields.append(Field(name, raw, name_pos, v_start, v_end, "#" not in raw))
            if not ok:
                end = v_end
                return self.item(at, end, kind, typ, key, key_pos, fields, open_)
            i = self.skip_ws(v_end)
            if i < self.n and s[i] == ",":
                i += 1
                continue
            if i < self.n and s[i] == close:
                continue
            if i < self.n and _FIELD_AHEAD.match(s, i):
                self.issues.append(
                    Issue(
                        "missing-comma",
                        v_end,
                        f"no comma between field {name!r} and field "
                        f"{_FIELD_AHEAD.match(s, i).group(1)!r}",  # type: ignore[union-attr]
                    )
                )
                continue
            if i < self.n and not (s[i] == "@"):
                self.issues.append(
                    Issue("syntax-error", i, f"unexpected {s[i]!r} after the value of {name!r}")
                )
                i = self.recover(i, close)

    def preamble(self, at: int, typ: str, i: int, open_: str) -> Item:
        # @preamble{ "a" # "b" }: the whole body is one value
        close = "}" if open_ == "{" else ")"
        v_end, ok = self.value(i, "preamble")
        fields = [Field("", self.s[i:v_end], i, i, v_end)]
        j = self.skip_ws(v_end)
        if ok and j < self.n and self.s[j] == close:
            return self.item(at, j + 1, "preamble", typ, "", -1, fields, open_)
        if ok:
            self.issues.append(Issue("unbalanced-brace", at, f"@{typ} is never closed"))
        return self.item(at, v_end, "preamble", typ, "", -1, fields, open_)

    def item(
        self,
        start: int,
        end: int,
        kind: str,
        typ: str,
        key: str,
        key_pos: int,
        fields: list[Field],
        open_: str,
    ) -> Item:
        issues, self.issues = tuple(self.issues), []
        return _new(Item, (kind, start, end, typ, key, key_pos, tuple(fields), open_, issues))

    def comment(self, at: int, typ: str, body: int, open_: str) -> Item:
        if open_ == "{":
            end, closed = self.braced(body)
        else:
            j = self.s.find(")", body)
            end, closed = (j + 1, True) if j >= 0 else (self.n, False)
        issues: tuple[Issue, ...] = ()
        if not closed:
            issues = (Issue("unbalanced-brace", at, f"@{typ} is never closed"),)
        return Item("comment", at, end, typ, open=open_, issues=issues)

    def run(self) -> tuple[Item, ...]:
        s = self.s
        items: list[Item] = []
        pos = 0
        text_start = 0
        while True:
            at = s.find("@", pos)
            if at < 0:
                break
            head = _HEAD.match(s, at)
            if head is not None and head.group(1).lower() not in _NOT_ENTRIES:
                m: re.Match[str] | None = head
            else:
                head = None
                m = _AT.match(s, at)
                if not m:
                    pos = at + 1
                    continue
            if text_start < at and s[text_start:at].strip():
                items.append(self.text(items, text_start, at))
            if head is not None:
                item = self.entry(at, "entry", head.group(1), head.start(2), "{", head)
                items.append(item)
                pos = text_start = max(item.end, at + 1)
                continue
            assert m is not None
            typ, open_ = m.groups()
            low = typ.lower()
            if low == "comment":
                item = self.comment(at, typ, m.end() - 1, open_)
            else:
                kind = low if low in ("string", "preamble") else "entry"
                item = self.entry(at, kind, typ, m.end(), open_, None)
            items.append(item)
            pos = text_start = max(item.end, at + 1)
        if text_start < len(s) and s[text_start:].strip():
            items.append(self.text(items, text_start, len(s)))
        return tuple(items)

    def text(self, items: list[Item], start: int, end: int) -> Item:
        """Text between entries; when it carries on with fields right after an entry
        closed, that entry had one closing brace too many."""
        prev = items[-1] if items else None
        if (
            prev is not None
            and prev.kind == "entry"
            and prev.end == start
            and _FIELDS_GO_ON.match(self.s, start, end)
        ):
            message = (
                f"this {self.s[start - 1]!r} closes @{prev.type} {prev.key!r}, but its fields "
                "go on after it: one closing brace too many in the entry"
            )
            return Item("text", start, end, issues=(Issue("unbalanced-brace", start - 1, message),))
        return Item("text", start, end)


def scan(text: str) -> Scan:
    items = _Scanner(text).run()
    lines = []
    line, counted = 1, 0
    for item in items:
        line += text.count("\n", counted, item.start)  # incremental: linear in the file
        counted = item.start
        lines.append(line)
    return Scan(text, items, tuple(lines))
