"""``<names>`` and ``<substitute>``: several variables, labels, counts and substitution.

citeproc-py concatenates ``form="count"`` results as strings (``32`` for 3 + 2), crashes on
name variables it does not know, and after ``<substitute>`` it suppresses only a variable
that the substitute names literally in the same kind of element, so a title that stood in
for the author through a macro was printed a second time (``“CTAN.” 2006. “CTAN.”``).
Here every variable the substitute actually rendered is suppressed for the rest of the
entry, as CSL 1.0.2 requires; a bare ``<names/>`` anywhere in a substitute inherits the
outer ``<name>`` and ``<label>``; a label form the locale lacks falls back
(``verb-short`` -> ``verb`` -> long).

Fixtures: name_AuthorCountWithMultipleVariables, name_AuthorEditorCount,
name_AuthorCountWithSameVarContentAndCombinedTermFail, name_EtAlWithCombined,
name_SubstituteInheritLabel, substitute_SuppressOrdinaryVariable,
substitute_RepeatedNamesOk, substitute_SubstituteOnlyOnceTermEmpty,
bugreports_GreekStyleProblems.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from citekit.csl.spec import element
from citekit.csl.spec.name import FIRST_NAMES
from citekit.csl.spec.name import SORTING
from citekit.csl.spec.name import SUBSTITUTE_NAMES

# Variables read while rendering a substitute that are not content (never suppressed).
_NOT_CONTENT = {"key", "type", "language"}
# Elements that check citeproc-py's per-entry ``repressed`` table.
_SUPPRESSED_IN = ("text", "names", "date", "number")
CURRENT_LAYOUT = "citekit_layout"
_CACHED_REFERENCE = "_citekit_ref"


def _names_of(item: Any, variable: str) -> list[Any]:
    value = item.reference.get(variable.replace("-", "_"))
    return value if isinstance(value, list) else []


def _same(a: list[Any], b: list[Any]) -> bool:
    return [dict(n) for n in a] == [dict(n) for n in b]


def entry_layout(element: Any) -> Any:
    """The ``<layout>`` rendering the current entry (macros sit outside any layout)."""
    layout = getattr(element.get_root(), CURRENT_LAYOUT, None)
    if layout is not None:
        return layout
    try:
        return element.get_layout()
    except IndexError:
        return None


def repressed(context: Any, tag: str) -> list[str]:
    layout = entry_layout(context)
    table = getattr(layout, "repressed", None) or {}
    return list(table.get(f"{{{model.CitationStylesElement.nsmap['cs']}}}{tag}", []))


def suppress(context: Any, variables: set[str]) -> None:
    """Hide ``variables`` for the rest of the entry being rendered."""
    layout = entry_layout(context)
    if layout is None:
        return
    if getattr(layout, "repressed", None) is None:
        layout.repressed = {}
    ns = model.CitationStylesElement.nsmap["cs"]
    for tag in _SUPPRESSED_IN:
        layout.repressed.setdefault(f"{{{ns}}}{tag}", []).extend(sorted(variables))


@element("layout")
class Layout(model.Layout):
    """Remembers itself on the root while it renders an entry, for ``entry_layout``."""

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        root = self.get_root()
        outer = getattr(root, CURRENT_LAYOUT, None)
        setattr(root, CURRENT_LAYOUT, self)
        try:
            return super().render_children(item, delimiter=delimiter, **kwargs)
        finally:
            setattr(root, CURRENT_LAYOUT, outer)


# CSL term forms fall back in this order when a locale lacks one (CSL 1.0.2 "Terms").
_FALLBACK = {"verb-short": ("verb", "long"), "short": ("long",), "symbol": ("short", "long")}


def _label(label: Any, item: Any, term: str, plural: bool, **kwargs: Any) -> Any:
    """A role's label; "verb-short" falls back to "verb" ("By F. Nietzsche" in APA)."""
    text = label.render(item, term, plural, **kwargs)
    own = label.get("form", "long")
    if text or label.get_term(term, None if own == "long" else own) is not None:
        return text  # a term the style or locale sets empty stays empty
    for form in _FALLBACK.get(own, ()):
        found = label.get_term(term, None if form == "long" else form)
        words = (found.multiple if plural else found.single) if found is not None else ""
        if str(words):
            return label.markup(words)
    return text


@element("names")
class Names(model.Names):
    def _name(self, names_context: Any) -> Any:
        name = names_context.name
        if name is None:
            # a <names> without <name> renders with the defaults; give it one, once
            name = names_context.makeelement(f"{{{self.nsmap['cs']}}}name")
            names_context.insert(0, name)
            # the engine keeps element proxies alive to key its XPath cache on identity
            alive = getattr(self.get_root(), "_citekit_elements", None)
            if isinstance(alive, list):
                alive.append(name)
        return name

    def process(
        self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        if context is None:
            context = self
        if names_context is None:
            names_context = self
            if len(self) == 0:
                # a bare <names> anywhere in a <substitute> (even in a <choose>) inherits
                owner = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names")
                names_context = owner[0] if owner else self
        layout = entry_layout(context)
        if getattr(layout, "citekit_hide_names", False):
            # a cite collapsed into the one before it prints no names (collapse.py)
            layout.citekit_hide_names = False
            raise VariableError
        hidden = repressed(context, "names")
        roles = [r for r in self.get("variable", "").split() if r not in hidden]
        roles = [r for r in roles if _names_of(item, r)]
        combined = None
        if (
            {"editor", "translator"} <= set(roles)
            and _same(_names_of(item, "editor"), _names_of(item, "translator"))
            and str(self.get_single_term("editortranslator"))
        ):
            roles.remove("translator")
            combined = "editor"
        name = self._name(names_context)
        label = names_context.label
        label_first = label is not None and names_context.index(label) < names_context.index(name)
        output: list[Any] = []
        for role in roles:
            raw = name.process(item, role, context=context, **kwargs)
            if isinstance(raw, int):  # form="count": summed below, not concatenated
                output.append(raw)
                continue
            text = name.markup(raw)
            if text is None or text == "":
                continue
            if label is not None and not _sorting(self, kwargs):
                # a sort key holds the names alone, without "(Ed.)" (citeproc-js does the same)
                term = "editortranslator" if role == combined else role
                plural = len(_names_of(item, role)) > 1
                label_text = _label(label, item, term, plural, **kwargs)
                if label_text:
                    text = label_text + text if label_first else text + label_text
            output.append(text)
        if output and all(isinstance(t, int) for t in output):
            total = sum(output)
            if total:
                return str(total)
            output = []
        if output:
            if getattr(entry_layout(context), "citekit_substituting", False):
                # in a substitute, a name variable prints once
                # (substitute_SuppressOrdinaryVariable)
                suppress(context, set(roles))
            return self.join(output, self.get_parent_delimiter(context))
        substitute = self.substitute()
        if substitute is not None:
            text = substitute.render(item, context=context, **kwargs)
            if text:
                if layout is not None and getattr(layout, FIRST_NAMES, None) is None:
                    # a title standing in for the author counts as the entry's names, too
                    # (name_SubsequentAuthorSubstituteSingleField)
                    record = ("substitute", (str(text),), str(text))
                    setattr(layout, FIRST_NAMES, record)
                    hook = getattr(layout, SUBSTITUTE_NAMES, None)
                    replaced = hook(*record) if callable(hook) else None
                    if replaced is not None:
                        return String(replaced)
                return text
        raise VariableError


def _sorting(element: Any, kwargs: dict[str, Any]) -> bool:
    return bool(kwargs.get("sort_options")) or bool(getattr(element.get_root(), SORTING, None))


@element("substitute")
class Substitute(model.Substitute):
    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        if context is None:
            context = self
        layout = entry_layout(context)
        outer = getattr(layout, "citekit_substituting", False)
        for child in self.iterchildren():
            with _Recording(item) as seen:
                layout.citekit_substituting = True
                try:
                    if isinstance(child, model.Names) and child.name is None:
                        parent = self.getparent()
                        text = child.render(item, names_context=parent, context=context, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    continue
                finally:
                    layout.citekit_substituting = outer
            if text:
                used = {v.replace("_", "-") for v in seen} - _NOT_CONTENT
                # a short title stands for its title too (and the other way round)
                used |= {v.removesuffix("-short") for v in used}
                used |= {f"{v}-short" for v in used}
                suppress(context, used)
                return text
            if isinstance(child, model.Text) and "term" in child.attrib:
                # a term stands in even when the locale leaves it empty: nothing further
                # is tried (substitute_SubstituteOnlyOnceTermEmpty)
                return None
        return None


class _Recording:
    """Swap the item's reference for one that notes every variable read."""

    def __init__(self, item: Any) -> None:
        self.item = item
        self.seen: set[str] = set()

    def __enter__(self) -> set[str]:
        try:
            self.source = self.item.bibliography.source
            self.original = self.source[self.item.key]
        except Exception:  # noqa: BLE001 - no bibliography (sorting a bare item)
            self.source = None
            return self.seen
        recorder = _recorder(self.original, self.seen)
        self.source[self.item.key] = recorder
        # the engine's items may remember their reference (engine._item_class)
        self.cached = vars(self.item).get(_CACHED_REFERENCE)
        if self.cached is not None:
            vars(self.item)[_CACHED_REFERENCE] = recorder
        return self.seen

    def __exit__(self, *exc: object) -> None:
        if self.source is not None:
            self.source[self.item.key] = self.original
            if self.cached is not None:
                vars(self.item)[_CACHED_REFERENCE] = self.cached


def _recorder(reference: Any, seen: set[str]) -> Any:
    base = type(reference)

    class Recorder(base):  # type: ignore[misc, valid-type]
        def __getitem__(self, key: str) -> Any:
            value = base.__getitem__(self, key)
            seen.add(key)
            return value

        def get(self, key: str, default: Any = None) -> Any:
            if dict.__contains__(self, key):
                seen.add(key)
            return dict.get(self, key, default)

    copy = dict.__new__(Recorder)
    dict.update(copy, reference)
    return copy
