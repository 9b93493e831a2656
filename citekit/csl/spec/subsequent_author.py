"""``subsequent-author-substitute``: ``———`` for an author repeated from the entry above.

citeproc-py ignores the option, so MLA and Chicago print the author again. While a
bibliography entry renders, its first name list is compared with the previous entry's
(same variable, same names) and replaced as ``subsequent-author-substitute-rule`` says
(``complete-all``, ``complete-each``, ``partial-each``, ``partial-first``). The replacement
happens before affixes and delimiters apply, so ``———.`` keeps its period. The previous
entry's names live on the shared bibliography object, so entries may be rendered as one
list or one at a time.

Fixtures: magic_SubsequentAuthorSubstitute, magic_SubsequentAuthorSubstituteOfTitleField,
name_SubsequentAuthorSubstituteMultipleNames, name_SubsequentAuthorSubstituteSingleField,
name_SubstitutePartialEach, substitute_SharedMacro, name_EtAlWithCombined.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError

from citekit.csl.spec import element
from citekit.csl.spec.name import FIRST_NAMES
from citekit.csl.spec.name import SUBSTITUTE_NAMES

_PREVIOUS = "citekit_previous_names"

Record = tuple[str, tuple[str, ...], str]


def _bibliography(item: Any) -> Any:
    try:
        return item.bibliography
    except (VariableError, AttributeError, KeyError):
        return None


@element("layout")
class Layout(model.Layout):
    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        setattr(self, FIRST_NAMES, None)
        parent = self.getparent()
        sub = parent.get("subsequent-author-substitute") if parent is not None else None
        bib = _bibliography(item) if sub is not None else None
        if sub is None or bib is None or not isinstance(parent, model.Bibliography):
            return super().render_children(item, delimiter=delimiter, **kwargs)
        rule = parent.get("subsequent-author-substitute-rule", "complete-all")
        first = bool(bib.keys) and bib.keys[0] == item.key
        previous = None if first else getattr(bib, _PREVIOUS, None)

        def hook(variable: str, texts: tuple[str, ...], joined: str) -> str | None:
            return replacement(previous, (variable, texts, joined), sub, rule)

        setattr(self, SUBSTITUTE_NAMES, hook)
        try:
            text = super().render_children(item, delimiter=delimiter, **kwargs)
        finally:
            setattr(self, SUBSTITUTE_NAMES, None)
        if text is not None:
            setattr(bib, _PREVIOUS, getattr(self, FIRST_NAMES, None))
        return text


def _replace(joined: str, texts: tuple[str, ...], count: int, sub: str) -> str:
    out, rest = "", joined
    for text in texts[:count]:
        at = rest.find(text)
        if at < 0:
            break
        out += rest[:at] + sub
        rest = rest[at + len(text) :]
    return out + rest


def replacement(before: Record | None, now: Record, sub: str, rule: str) -> str | None:
    """The name list ``now`` as printed after an entry whose first names were ``before``."""
    if before is None or before[0] != now[0]:
        return None
    (_, prev, _), (_, texts, joined) = before, now
    same = 0
    while same < min(len(texts), len(prev)) and texts[same] == prev[same]:
        same += 1
    everything = same == len(texts) == len(prev)
    if rule == "complete-all":
        return sub if everything else None
    if rule == "complete-each":
        return _replace(joined, texts, len(texts), sub) if everything else None
    if rule == "partial-each":
        return _replace(joined, texts, same, sub) if same else None
    if rule == "partial-first":
        return _replace(joined, texts, 1, sub) if same else None
    return None
