"""A macro called by ``<text macro>`` is suppressed like a group when its variables are empty.

CSL 1.0.2 (and citeproc-js) treat the content of a macro as an implicit ``cs:group``: if
it calls variables and none of them renders, the macro renders nothing, so a lone term
("in", "ed.") does not dangle ("His Anonymous Life, in"). citeproc-py renders whatever
the macro's children give.

Fixtures: group_SuppressTermInMacro,
punctuation_SuppressPrefixPeriodForDelimiterSemicolon.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import join

from citekit.csl.spec import element
from citekit.csl.spec.group_suppression import counts
from citekit.csl.spec.group_suppression import printed_group
from citekit.csl.spec.group_suppression import suppressed


def render_as_group(macro: Any, item: Any, context: Any) -> Any:
    """The macro's output, or None when it tried variables and none of them printed."""
    out = []
    before = counts(item)
    for child in macro.iterchildren():
        try:
            text = child.render(item, context=context)
        except VariableError:
            continue
        if text is not None:
            out.append(text)
    if not out or suppressed(item, before):
        return None
    printed_group(item)
    return join(out)


@element("text")
class Text(model.Text):
    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        if "macro" not in self.attrib or kwargs.get("sort_options"):
            return super().process(item, context, **kwargs)
        macro = self.get_macro(self.get("macro"))
        text = render_as_group(macro, item, context if context is not None else self)
        return text, _language(self, item)


def _language(element: Any, item: Any) -> str:
    """The two-letter language that decides title case: the item's, else the style's."""
    language = item.reference.get("language") or element.get_root().get("default-locale")
    return str(language or "en")[:2]
