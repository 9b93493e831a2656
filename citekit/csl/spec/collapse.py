"""Citations: cite order, cite grouping and ``collapse`` (CSL 1.0.2 "Citation-specific
Options"), which citeproc-py does not do.

citeproc-py reorders the cites of every citation into bibliography order even when the
style has no ``<sort>`` in ``<citation>``, and it never collapses. Here a citation keeps the
author's order unless the style sorts it, and with ``collapse``:

- ``citation-number``: runs of three or more consecutive numbers become ``[1]–[3]``;
- ``year``: adjacent cites by the same names print the names once (``Smith 1900, 2000``),
  joined by ``cite-group-delimiter`` (default ``, ``);
- ``year-suffix`` / ``year-suffix-ranged``: within that, same-year cites print only their
  suffix (``2000a, b`` / ``2000a–c``), joined by ``year-suffix-delimiter``.

A collapsed group is followed by ``after-collapse-delimiter``. A cite whose prefix starts
with punctuation (", cited in") brings its own delimiter: "Book A, cited in Book B".

Fixtures: collapse_AuthorCollapse, collapse_CitationNumberRangesMixed*,
collapse_YearSuffixCollapse*, collapse_NumericDuplicate*, collapse_TrailingDelimiter,
name_CiteGroupDelimiterWithYearSuffixCollapse*, sort_CiteGroupDelimiter,
sort_GroupedByAuthorstring, magic_SuppressLayoutDelimiterIfPrefixComma, affix_WithCommas,
position_IbidWithPrefixFullStop, position_NearNoteSameNote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from citekit.csl.spec import element
from citekit.csl.spec.name import FIRST_NAMES
from citekit.csl.spec.position import set_first_note

HIDE_NAMES = "citekit_hide_names"
YEARS = ("year", "year-suffix", "year-suffix-ranged")
_PLACEHOLDERS = re.compile("[\ue000-\uf8ff]")
_TAGS = re.compile("<[^>]*>")
EN_DASH = "\u2013"


@dataclass
class _Cite:
    item: Any
    text: str
    names: Any = None
    bare: str = ""  # the cite without its names
    suffix: str = ""
    plain: bool = True  # no locator, prefix or suffix: may collapse


@dataclass
class _Group:
    cites: list[_Cite] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    collapsed: bool = False


def _year_suffix(item: Any) -> str:
    try:
        return str(dict.get(item.reference, "year_suffix") or "")
    except (VariableError, KeyError, AttributeError):
        return ""


def _ranges(numbers: list[int], texts: list[str], delimiter: str) -> tuple[str, bool]:
    """``[1]–[3], [5]`` for consecutive runs of three or more."""
    out: list[str] = []
    collapsed = False
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(texts[i] + EN_DASH + texts[j])
            collapsed = True
        else:
            out.extend(texts[i : j + 1])
        i = j + 1
    return delimiter.join(out), collapsed


@element("layout")
class Layout(model.Layout):
    def render_citation(self, citation: Any, callback: Any) -> Any:
        parent = self.getparent()
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if parent.sort is not None:
            good = parent.sort.sort(good, self)
        collapse = parent.get("collapse")
        cites: list[_Cite] = []
        for item in good:
            set_first_note(item, parent.cites)
            text = self._cite(item)
            if text is None:
                continue
            cite = _Cite(item, text, names=getattr(self, FIRST_NAMES, None))
            cite.plain = not (item.get("prefix") or item.get("suffix") or item.has_locator)
            cites.append(cite)
            parent.cites.append(item)
        delimiter = self.get("delimiter", "")
        grouping = collapse in YEARS or parent.get("cite-group-delimiter") is not None
        if grouping and parent.sort is not None:
            cites = _grouped(cites)  # a sorted citation gathers each author's cites
        if collapse == "citation-number":
            text = self._numbers(cites, parent, delimiter)
        elif grouping:
            text = self._years(cites, parent, delimiter, collapse)
        else:
            text = _delimited(cites, delimiter)
        extra = [callback(item) or f"{item.key}?" for item in bad]
        if extra:
            text = delimiter.join([t for t in (text, *extra) if t])
        return self.format(self.wrap(text)) if text else String("")

    def _cite(self, item: Any, *, hide_names: bool = False) -> str | None:
        self.repressed: dict[str, list[str]] = {}
        setattr(self, HIDE_NAMES, hide_names)
        try:
            output = self.render_children(item)
        except VariableError:
            output = None
        finally:
            setattr(self, HIDE_NAMES, False)
        if output is None:
            return None
        return str(item.get("prefix", "")) + str(output) + str(item.get("suffix", ""))

    def _numbers(self, cites: list[_Cite], parent: Any, delimiter: str) -> str:
        after = parent.get("after-collapse-delimiter", delimiter)
        chunks: list[tuple[str, bool]] = []
        run: list[_Cite] = []

        def flush() -> None:
            if run:
                numbers = [c.item.number for c in run]
                chunks.append(_ranges(numbers, [c.text for c in run], delimiter))
                run.clear()

        for cite in cites:
            if cite.plain:
                run.append(cite)
            else:
                flush()
                chunks.append((cite.text, False))
        flush()
        return _join(chunks, delimiter, after)

    def _years(self, cites: list[_Cite], parent: Any, delimiter: str, collapse: str) -> str:
        after = parent.get("after-collapse-delimiter", delimiter)
        # citeproc-js: ", " in a sorted citation, else the layout's own delimiter
        default = ", " if parent.sort is not None else delimiter
        group_delimiter = parent.get("cite-group-delimiter", default)
        suffix_delimiter = parent.get(
            "year-suffix-delimiter", parent.get("cite-group-delimiter", delimiter)
        )
        groups: list[_Group] = []
        for cite in cites:
            last = groups[-1] if groups else None
            # cites whose layout prints no names at all group together too ("1965a,b")
            same = last is not None and _names_key(cite.names) == _names_key(last.cites[0].names)
            if same and last is not None:
                last.cites.append(cite)
            else:
                groups.append(_Group([cite]))
        chunks: list[tuple[str, bool]] = []
        for group in groups:
            if len(group.cites) == 1:
                chunks.append((group.cites[0].text, False))
                continue
            head, *rest = group.cites
            for cite in rest:
                cite.bare = self._cite(cite.item, hide_names=True) or ""
                cite.suffix = _year_suffix(cite.item)
            head.suffix = _year_suffix(head.item)
            head.bare = self._cite(head.item, hide_names=True) or ""
            if collapse not in YEARS:
                text = group_delimiter.join(c.text for c in group.cites)
            elif collapse == "year":
                text = head.text
                for before, cite in zip(group.cites, rest, strict=False):
                    if cite.bare:
                        # after a cite with a locator the group continues as after a group
                        text += (group_delimiter if before.plain else after) + cite.bare
            else:
                # a run of suffixes counts as collapsed: after-collapse-delimiter follows it
                pieces = [
                    p for p in self._suffixes(group.cites, suffix_delimiter, collapse) if p[0]
                ]
                text = "".join(
                    t + ((after if run else group_delimiter) if n + 1 < len(pieces) else "")
                    for n, (t, run) in enumerate(pieces)
                )
            chunks.append((text, True))
        return _join(chunks, delimiter, after)

    def _suffixes(
        self, cites: list[_Cite], suffix_delimiter: str, collapse: str
    ) -> list[tuple[str, bool]]:
        """Same-year runs print their year once: ``2000a,b`` or ``2000a–c``."""
        parts: list[tuple[str, bool]] = []
        run: list[_Cite] = []

        def year_of(cite: _Cite) -> str | None:
            bare = _PLACEHOLDERS.sub("", cite.bare)  # other fixes' markers are not text
            if not cite.suffix or not cite.plain or not bare.endswith(cite.suffix):
                return None
            return bare[: -len(cite.suffix)]

        def flush() -> None:
            if not run:
                return
            first = run[0]
            suffixes = [c.suffix for c in run[1:]]
            if collapse == "year-suffix-ranged":
                codes = [_suffix_number(c.suffix) for c in run]
                labels = [first.suffix, *suffixes]
                joined, _ = _ranges(codes, labels, suffix_delimiter)
                # the first label is the whole first cite
                head = first.text if not parts else first.bare
                at = head.rfind(first.suffix)
                text = head[:at] + joined + head[at + len(first.suffix) :]
            else:
                head = first.text if not parts else first.bare
                text = suffix_delimiter.join([head, *suffixes])
            parts.append((text, len(run) > 1))
            run.clear()

        for cite in cites:
            year = year_of(cite)
            if run and year is not None and year == year_of(run[0]):
                run.append(cite)
                continue
            flush()
            if year is not None:
                run.append(cite)
            else:
                parts.append((cite.text if not parts else cite.bare, False))
        flush()
        return parts


def _delimited(cites: list[_Cite], delimiter: str) -> str:
    """A cite whose prefix starts with punctuation brings its own delimiter; a cite whose
    suffix ends with a comma, semicolon or colon keeps it in place of the delimiter's."""
    out = ""
    for n, cite in enumerate(cites):
        prefix = str(cite.item.get("prefix", ""))
        if n and prefix[:1] not in (",", ";", ".", ":"):
            if delimiter[:1] in (",", ";") and _TAGS.sub("", out).endswith((",", ";", ":")):
                out += delimiter[1:]
            else:
                out += delimiter
        out += cite.text
    return out


def _grouped(cites: list[_Cite]) -> list[_Cite]:
    """Cites by the same names move up next to the first of them (cite grouping)."""
    order: dict[Any, list[_Cite]] = {}
    for n, cite in enumerate(cites):
        key = _names_key(cite.names) if cite.names is not None else ("alone", n)
        order.setdefault(key, []).append(cite)
    return [cite for group in order.values() for cite in group]


def _suffix_number(suffix: str) -> int:
    n = 0
    for c in suffix:
        n = n * 26 + (ord(c) - ord("a") + 1)
    return n


def _names_key(names: Any) -> Any:
    return names[2] if isinstance(names, tuple) and len(names) > 2 else names


def _join(chunks: list[tuple[str, bool]], delimiter: str, after: str) -> str:
    out = ""
    for n, (text, collapsed) in enumerate(chunks):
        out += text
        if n + 1 < len(chunks):
            out += after if collapsed else delimiter
    return out
