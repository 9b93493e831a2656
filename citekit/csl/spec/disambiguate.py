"""Disambiguation of cites (CSL 1.0.2 "Disambiguation"), which citeproc-py does not do.

Cites that render the same for different items are made distinct, in the spec's order:
``disambiguate-add-names`` (show more names), ``disambiguate-add-givenname`` (initials, then
full given names; ``givenname-disambiguation-rule`` picks which names), the
``<if disambiguate="true">`` condition, and last ``disambiguate-add-year-suffix``
(``2004a``, ``2004b``, in bibliography order). The work is done once per set of items over
every registered item (the bibliography is one whole), and the bibliography shows the same
year suffixes and ``disambiguate`` branches as the citations.

Fixtures: disambiguate_YearSuffixAndSort, disambiguate_YearSuffixTwoPairsBibliography,
disambiguate_YearSuffixMacroSameYearExplicit, disambiguate_YearSuffixMacroSameYearImplicit,
disambiguate_AddNamesSuccess, disambiguate_ByCiteGivennameShortFormInitializeWith,
disambiguate_DisambiguateTrueReflectedInBibliography, disambiguate_AllNamesGenerally,
disambiguate_PrimaryNameGenerally, disambiguate_AndreaEg1a-5, disambiguate_ToInitialOnly,
disambiguate_ImplicitYearSuffixOnceOnly, disambiguate_BasedOnEtAlSubsequent,
disambiguate_CitationLabelDefault, disambiguate_Trigraph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Iterable
from typing import Any

from citeproc import model
from citeproc.source import Citation as CitationData
from citeproc.source import CitationItem
from citeproc.source import Date
from citeproc.source import DateRange
from citeproc.source import VariableError
from citeproc.string import String

from citekit.csl.spec import element
from citekit.csl.spec.name import parts_of
from citekit.csl.spec.names import entry_layout
from citekit.csl.spec.variables import NAME_VARIABLES
from citekit.keys import suffix


class SuffixedYear(int):
    """A year that prints with its year suffix (``2004a``).

    When a style never renders the ``year-suffix`` variable, CSL appends the suffix to the
    year of the first rendered date; carrying it in the year reaches both the style's own
    date parts and the locale's localized dates, which citeproc-py builds from its own
    classes.
    """

    suffix: str

    def __new__(cls, year: int, suffix: str) -> SuffixedYear:
        obj = super().__new__(cls, year)
        obj.suffix = suffix
        return obj

    def __str__(self) -> str:
        return f"{int(self)}{self.suffix}"

    def __abs__(self) -> SuffixedYear:
        return self if self >= 0 else SuffixedYear(-int(self), self.suffix)

    def __format__(self, spec: str) -> str:
        return format(int(self), spec) + (self.suffix if not spec else "")


def _true(value: str | None) -> bool:
    return (value or "").lower() == "true"


def _uses_year_suffix(root: Any) -> bool:
    return bool(root.xpath_search(".//cs:text[@variable='year-suffix']"))


# The bibliography's sorted keys, noted by sort.py when it sorts a whole bibliography.
SORTED = "citekit_sorted_keys"


class _State:
    def __init__(self, bib: Any, root: Any) -> None:
        self.bib = bib
        self.root = root
        self.citation = root.citation
        bib.citekit_names = {}
        bib.citekit_disambiguate = {}  # key -> how many conditions hold (in style order)
        self.keys = [item.key for item in bib.items]

    def in_bibliography_order(self, keys: list[str]) -> list[str]:
        """Year suffixes follow the bibliography's order, even when only citing."""
        order = getattr(self.bib, SORTED, None)
        if order is None or set(order) != set(self.keys):
            bibliography = self.root.bibliography
            if bibliography is None or bibliography.find("cs:sort", bibliography.nsmap) is None:
                order = list(self.keys)
            else:
                order = [item.key for item in bibliography.sort(list(self.bib.items))]
            setattr(self.bib, SORTED, order)
        rank = {key: n for n, key in enumerate(order)}
        return sorted(keys, key=lambda k: rank.get(k, len(rank)))

    def same_names(self, group: list[str]) -> bool:
        """Items with the very same names: showing more of them cannot tell them apart."""
        first = [[dict(n) for n in names] for names in self.names(group[0])]
        return all(
            [[dict(n) for n in names] for names in self.names(k)] == first for k in group[1:]
        )

    def render(self, key: str, *, subsequent: bool = False) -> str:
        item = CitationItem(key)
        CitationData([item]).bibliography = self.bib
        citation = self.citation
        saved = getattr(citation, "cites", None)
        citation.cites = []
        if subsequent:  # as if cited before, with another cite in between (not ibid)
            earlier, between = CitationItem(key), CitationItem("\x00")
            CitationData([earlier]).bibliography = self.bib
            CitationData([between]).bibliography = self.bib
            citation.cites = [earlier, between]
        layout = citation.layout
        layout.repressed = {}
        try:
            text = layout.render_children(item)
        except VariableError:
            text = None
        finally:
            citation.cites = saved if saved is not None else []
        return str(text or "")

    def renders(self) -> dict[str, str]:
        return {key: self.render(key) for key in self.keys}

    @staticmethod
    def _counts(renders: dict[str, str]) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for text in renders.values():
            counts[text] += 1
        return counts

    def ambiguous(self, renders: dict[str, str]) -> list[list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for key in self.keys:
            if renders[key]:
                groups[renders[key]].append(key)
        return [g for g in groups.values() if len(g) > 1]

    def overrides(self, key: str) -> dict[str, Any]:
        state: dict[str, Any] = self.bib.citekit_names.setdefault(key, {})
        return state

    def names(self, key: str) -> list[list[Any]]:
        ref = self.bib.source[key]
        lists = []
        for variable in sorted(NAME_VARIABLES):
            value = ref.get(variable.replace("-", "_"))
            if isinstance(value, list) and value:
                lists.append(value)
        return lists

    def widen(
        self,
        group: list[str],
        renders: dict[str, str],
        steps: list[Callable[[str], None]],
        undo: Callable[[str], None],
    ) -> list[str]:
        """Apply ``steps`` to the group until each cite is unique; return the rest.

        A cite no step makes unique keeps the first step that left it the fewest twins
        (citeproc-js keeps "Smith, Brown, et al." when that sets it apart from some);
        if no step helped at all it goes back to its first form.
        """
        left = list(group)
        counts = self._counts(renders)
        best = {key: (counts[renders[key]], -1) for key in left}
        for n, step in enumerate(steps):
            if not left:
                break
            for key in left:
                step(key)
            for key in left:
                renders[key] = self.render(key)
            counts = self._counts(renders)
            for key in left:
                if counts[renders[key]] < best[key][0]:
                    best[key] = (counts[renders[key]], n)
            left = [k for k in left if counts[renders[k]] > 1]
        for key in left:
            if best[key][1] < 0:
                undo(key)
            else:
                steps[best[key][1]](key)
            renders[key] = self.render(key)
        return left


def _expand(
    state: _State, group: list[str], renders: dict[str, str], *, add_names: bool, add_given: bool
) -> None:
    """Show more names, then given names of the shown ones, until each cite is unique.

    Each try applies to every cite still ambiguous; a cite keeps the first try that makes
    it unique. Cites no try can separate go back to their first form.
    """
    most = max((len(n) for key in group for n in state.names(key)), default=0)
    base = min((_shown(state, key) for key in group), default=1)
    counts = range(base + 1, most + 1) if add_names else []
    tries: list[tuple[int | None, dict[int, int]]] = []
    for n in [None, *counts]:
        if n is not None:
            tries.append((n, {}))
        if add_given:
            for index in range(n or base):
                tries.extend((n, {index: level}) for level in (1, 2))

    # given names a global rule (all-names, primary-name) already expanded stay expanded
    before = {key: dict(state.bib.citekit_names.get(key, {})) for key in group}

    def apply(n: int | None, given: dict[int, int]) -> Callable[[str], None]:
        def step(key: str) -> None:
            levels = dict(before[key].get("given", {}))
            for index, level in given.items():
                levels[index] = max(level, levels.get(index, 0))
            state.bib.citekit_names[key] = {"given": levels} | (
                {"names": n} if n is not None else {}
            )

        return step

    def undo(key: str) -> None:
        state.bib.citekit_names[key] = dict(before[key])

    steps = [apply(n, given) for n, given in tries]
    state.widen(group, renders, steps, undo)


def _shown(state: _State, key: str) -> int:
    """How many names the citation shows for the item before disambiguation."""
    citation = state.citation
    use_first = citation.get("et-al-use-first") or state.root.get("et-al-use-first")
    et_al_min = citation.get("et-al-min") or state.root.get("et-al-min")
    for name in citation.xpath_search(".//cs:name") + state.root.xpath_search(
        ".//cs:macro//cs:name"
    ):
        use_first = name.get("et-al-use-first", use_first)
        et_al_min = name.get("et-al-min", et_al_min)
        break
    try:
        return int(use_first) if use_first and et_al_min else 1
    except ValueError:
        return 1


def _global_givennames(state: _State, rule: str) -> None:
    """all-names / primary-name rules: expand every name shared by different people."""
    primary = rule.startswith("primary-name")
    initials_only = rule.endswith("with-initials")
    people: dict[str, set[str]] = defaultdict(set)
    uses: list[tuple[str, int, str, str]] = []
    for key in state.keys:
        for names in state.names(key):
            for index, name in enumerate(names):
                if primary and index > 0:
                    continue
                p = parts_of(name)
                family = " ".join(filter(None, (p.get("non-dropping-particle"), p.get("family"))))
                given = re.sub(r"[\s.]+", "", p.get("given", ""))  # "J. J." is "J.J."
                if not family:
                    continue
                people[family].add(given)
                uses.append((key, index, family, given))
    for key, index, family, given in uses:
        others = people[family] - {given}
        if not others:
            continue
        initial = _initials(given)
        clash = any(_initials(o) == initial for o in others)
        if clash and initials_only:
            continue  # initials cannot tell them apart and full names are not allowed
        level = 2 if clash else 1
        given_levels = state.overrides(key).setdefault("given", {})
        given_levels[index] = max(given_levels.get(index, 0), level)


def _initials(given: str) -> str:
    return "".join(c for c in given if c.isupper()) or given[:1]


_LABEL = "citekit_citation_label"


def _clear(bib: Any) -> None:
    for ref in bib.source.values():
        dict.pop(ref, "year_suffix", None)
        if dict.get(ref, _LABEL) is not None:
            dict.__setitem__(ref, "citation_label", dict.pop(ref, _LABEL))
        issued = dict.get(ref, "issued")
        for date in _dates(issued):
            if isinstance(dict.get(date, "year"), SuffixedYear):
                dict.__setitem__(date, "year", int(dict.__getitem__(date, "year")))


def _dates(issued: Any) -> list[Any]:
    if isinstance(issued, DateRange):
        return [d for d in (dict.get(issued, "begin"), dict.get(issued, "end")) if d]
    if isinstance(issued, Date):
        return [issued]
    return []


def _give_suffix(ref: Any, suffix: str, *, implicit: bool, label: bool = False) -> None:
    dict.__setitem__(ref, "year_suffix", String(suffix))
    if not implicit:
        return
    if label and dict.get(ref, "citation_label"):
        # a style that cites by label ("Doe65") shows the suffix there: "Doe65a"
        base = dict.get(ref, _LABEL) or dict.get(ref, "citation_label")
        dict.__setitem__(ref, _LABEL, base)
        dict.__setitem__(ref, "citation_label", String(str(base) + suffix))
        return
    dates = _dates(dict.get(ref, "issued"))
    if dates:
        date = dates[-1] if dict.get(dates[-1], "year") else dates[0]
        year = dict.get(date, "year")
        if isinstance(year, int) and year:
            dict.__setitem__(date, "year", SuffixedYear(year, suffix))


def disambiguate(bib: Any, root: Any) -> None:
    """Work out names, conditions and year suffixes for every item ``bib`` holds."""
    # bib.sort() and register() give bib a new key list: that is when to start again
    keys = (id(bib.keys), len(bib.keys))
    if getattr(bib, "citekit_disambiguated", None) == keys:
        return
    bib.citekit_disambiguated = keys
    _clear(bib)
    citation = root.citation
    if citation is None or citation.layout is None:
        return
    add_names = _true(citation.get("disambiguate-add-names"))
    add_given = _true(citation.get("disambiguate-add-givenname"))
    add_suffix = _true(citation.get("disambiguate-add-year-suffix"))
    condition = bool(root.xpath_search(".//cs:*[@disambiguate='true']"))
    if not (add_names or add_given or add_suffix or condition):
        return
    state = _State(bib, root)
    rule = citation.get("givenname-disambiguation-rule", "by-cite")
    if add_given and rule != "by-cite":
        _global_givennames(state, rule)
    renders = state.renders()
    if add_names or (add_given and rule == "by-cite"):
        for group in state.ambiguous(renders):
            if state.same_names(group):
                continue
            _expand(
                state,
                group,
                renders,
                add_names=add_names,
                add_given=add_given and rule == "by-cite",
            )
    if condition:
        groups = state.ambiguous(renders)
        if root.xpath_search(".//cs:*[@position]"):
            # a short subsequent form ("Doe") may be ambiguous where the first is not
            later = {key: state.render(key, subsequent=True) for key in state.keys}
            groups += state.ambiguous(later)
        # the conditions turn true one at a time, in style order, until the cite is
        # unique (disambiguate_IncrementalExtraText)
        count = len(_conditions(root))
        for group in groups:
            left = list(group)
            for n in range(1, count + 1):
                for key in left:
                    bib.citekit_disambiguate[key] = n
                    renders[key] = state.render(key)
                counts = state._counts(renders)
                left = [k for k in left if counts[renders[k]] > 1]
                if not left:
                    break
    if add_suffix:
        implicit = not _uses_year_suffix(root)
        label = bool(root.xpath_search(".//cs:text[@variable='citation-label']"))
        groups = state.ambiguous(renders)
        if _has_subsequent_form(citation) and not add_names:
            # a cite ambiguous only in its subsequent (shorter) form needs a suffix, unless
            # added names will tell it apart there (disambiguate_DisambiguationHang)
            later = {key: state.render(key, subsequent=True) for key in state.keys}
            groups = _merged(groups + state.ambiguous(later))
        for group in groups:
            for n, key in enumerate(state.in_bibliography_order(group)):
                _give_suffix(bib.source[key], suffix(n), implicit=implicit, label=label)


def _has_subsequent_form(citation: Any) -> bool:
    return any(citation.get(a) for a in ("et-al-subsequent-min", "et-al-subsequent-use-first"))


def _merged(groups: list[list[str]]) -> list[list[str]]:
    """Groups that share a key become one (order of first appearance kept)."""
    out: list[list[str]] = []
    for group in groups:
        joined = [g for g in out if set(g) & set(group)]
        merged = [k for g in joined for k in g] + [
            k for k in group if not any(k in g for g in joined)
        ]
        out = [g for g in out if g not in joined] + [list(dict.fromkeys(merged))]
    return out


def bibliography_of(items: Iterable[Any]) -> Any:
    for item in items:
        try:
            return item.bibliography
        except (VariableError, AttributeError, KeyError):
            return None
    return None


@element("citation")
class Citation(model.Citation):
    def render(self, citation: Any, cites: Any, callback: Any) -> Any:
        disambiguate(citation.bibliography, self.get_root())
        return super().render(citation, cites, callback)


@element("layout")
class Layout(model.Layout):
    """A bibliography entry sees the year suffixes even when rendered on its own."""

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        parent = self.getparent()
        if isinstance(parent, model.Bibliography):
            bib = bibliography_of([item])
            if bib is not None:
                disambiguate(bib, self.get_root())
        return super().render_children(item, delimiter=delimiter, **kwargs)


@element("bibliography")
class Bibliography(model.Bibliography):
    def render(self, citation_items: Any) -> Any:
        bib = bibliography_of(citation_items)
        if bib is not None:
            disambiguate(bib, self.get_root())
        return super().render(citation_items)


def _conditions(root: Any) -> list[str]:
    """Every ``disambiguate="true"`` test of the style, in document order (by path)."""
    paths = getattr(root, "citekit_conditions", None)
    if paths is None:
        tree = root.getroottree()
        found = root.xpath_search(".//cs:*[@disambiguate='true']")
        paths = [tree.getpath(e) for e in found]
        root.citekit_conditions = paths
    return list(paths)


class _DisambiguateCondition:
    """``disambiguate="true"`` holds only for cites left ambiguous by the other methods."""

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        me: Any = self
        base: Any = super()
        if "disambiguate" not in me.attrib:
            return base.render(item, context=context, delimiter=delimiter, **kwargs)
        try:
            held = getattr(item.bibliography, "citekit_disambiguate", {}).get(item.key, 0)
        except (VariableError, AttributeError, KeyError):
            held = 0
        conditions = _conditions(me.get_root())
        path = me.getroottree().getpath(me)
        if path in conditions and not me.xpath_search("./ancestor::cs:bibliography"):
            flagged = conditions.index(path) < held
        else:
            flagged = held > 0
        mine = flagged == _true(me.get("disambiguate"))
        match = me.get("match", "all")
        others = len(set(me.attrib) - {"disambiguate", "match"}) > 0
        if not others:
            passed = (not mine) if match == "none" else mine
            if not passed:
                raise model.ConditionFailed
            return me.render_children(item, context=context, delimiter=delimiter, **kwargs)
        if match == "any" and mine:
            return me.render_children(item, context=context, delimiter=delimiter, **kwargs)
        if (match == "all" and not mine) or (match == "none" and mine):
            raise model.ConditionFailed
        return base.render(item, context=context, delimiter=delimiter, **kwargs)


@element("if")
class If(_DisambiguateCondition, model.If):
    pass


@element("else-if")
class ElseIf(_DisambiguateCondition, model.Else_If):
    pass


_SHOWN = "citekit:year-suffix-shown"  # a key in the entry's ``repressed`` table


@element("date")
class SuffixOnce(model.Date):
    """An implicit year suffix prints with the first rendered date only."""

    def _part(self, part: Any, date: Any) -> str:
        # dates.py renders parts from plain ints; give the year its suffix back
        text = str(super()._part(part, date))
        year = dict.get(date, "year")
        if part.name == "year" and text and isinstance(year, SuffixedYear):
            text += year.suffix
        return text

    def process(
        self,
        item: Any,
        variable: Any = None,
        show_parts: Any = None,
        context: Any = None,
        **kwargs: Any,
    ) -> Any:
        name = (variable or self.get("variable") or "").replace("-", "_")
        try:
            value = dict.get(item.reference, name)
        except (VariableError, AttributeError, KeyError):
            value = None
        dates = [d for d in _dates(value) if isinstance(dict.get(d, "year"), SuffixedYear)]
        layout = entry_layout(context if context is not None else self)
        table = getattr(layout, "repressed", None)
        if not dates or not isinstance(table, dict):
            return super().process(item, variable, show_parts, context, **kwargs)
        if not table.get(_SHOWN):
            text = super().process(item, variable, show_parts, context, **kwargs)
            table[_SHOWN] = bool(text)
            return text
        years = [dict.__getitem__(d, "year") for d in dates]
        for d in dates:
            dict.__setitem__(d, "year", int(dict.__getitem__(d, "year")))
        try:
            return super().process(item, variable, show_parts, context, **kwargs)
        finally:
            for d, year in zip(dates, years, strict=True):
                dict.__setitem__(d, "year", year)
