"""``subsequent-author-substitute``: ``———`` for an author repeated from the entry above.

citeproc-py ignores the option, so MLA and Chicago print the author again. The first name
list of each bibliography entry is noted while it renders; an entry whose names match the
previous entry's gets them replaced, following ``subsequent-author-substitute-rule``
(``complete-all``, ``complete-each``, ``partial-each``, ``partial-first``).

Fixtures: sort_SubsequentAuthorSubstitute*, bugreports_SubsequentAuthorSubstitute*,
substitute_SharedMacro, name_EtAlWithCombined.
"""

from __future__ import annotations

from typing import Any

from citeproc import model

from citekit.csl.spec import element
from citekit.csl.spec.name import FIRST_NAMES

_LOG = "citekit_names_log"


@element("layout")
class Layout(model.Layout):  # type: ignore[misc]
    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        setattr(self, FIRST_NAMES, None)
        text = super().render_children(item, delimiter=delimiter, **kwargs)
        log = getattr(self, _LOG, None)
        if log is not None and text is not None:
            log.append(getattr(self, FIRST_NAMES, None))
        return text


def _replace(joined: str, texts: tuple[str, ...], count: int, sub: str) -> str:
    out, rest = "", joined
    for text in texts[:count]:
        at = rest.find(text)
        if at < 0:
            break
        out += rest[:at] + sub
        rest = rest[at + len(text):]
    return out + rest


def substitute(entries: list[Any], names: list[Any], sub: str, rule: str) -> list[Any]:
    out = list(entries)
    for i in range(1, min(len(entries), len(names))):
        now, before = names[i], names[i - 1]
        if not now or not before:
            continue
        (texts, joined), (prev, _) = now, before
        same = 0
        while same < min(len(texts), len(prev)) and texts[same] == prev[same]:
            same += 1
        everything = same == len(texts) == len(prev)
        if rule == "complete-all":
            new = sub if everything else None
        elif rule == "complete-each":
            new = _replace(joined, texts, len(texts), sub) if everything else None
        elif rule == "partial-each":
            new = _replace(joined, texts, same, sub) if same else None
        elif rule == "partial-first":
            new = _replace(joined, texts, 1, sub) if same else None
        else:
            new = None
        entry = str(out[i])
        if new is not None and joined in entry:
            out[i] = entry.replace(joined, new, 1)
    return out


@element("bibliography")
class Bibliography(model.Bibliography):  # type: ignore[misc]
    def render(self, citation_items: Any) -> Any:
        sub = self.get("subsequent-author-substitute")
        layout = self.layout
        if sub is None or layout is None:
            return super().render(citation_items)
        setattr(layout, _LOG, [])
        try:
            entries = super().render(citation_items)
            names = list(getattr(layout, _LOG))
        finally:
            setattr(layout, _LOG, None)
        rule = self.get("subsequent-author-substitute-rule", "complete-all")
        return substitute(list(entries), names, sub, rule)
