"""``display`` and ``second-field-align``: the blocks of a bibliography entry.

citeproc-py ignores both, so a numeric style's label runs into the entry ("[1]B. Doe")
and ``display="block"`` headings run into their text. As citeproc-js does in HTML, an
element with ``display`` prints in ``<div class="csl-block|csl-left-margin|
csl-right-inline|csl-indent">`` (its affixes inside), and under ``second-field-align`` an
entry's first field goes to ``csl-left-margin`` and the rest, with the layout's suffix,
to ``csl-right-inline``. Elements only mark where blocks go; a step over the output
writes the ``<div>``s.

Fixtures: display_DisplayBlock, display_SecondFieldAlignClone,
display_SecondFieldAlignMigratePunctuation, magic_SecondFieldAlign,
bugreports_DuplicateSpaces, bugreports_IeeePunctuation, bugreports_UndefinedStr,
variables_ContainerTitleShort.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String
from citeproc.string import join

from citekit.csl.spec import element
from citekit.csl.spec import finish

_KINDS = ("block", "left-margin", "right-inline", "indent")
OPEN = {kind: chr(0xE050 + n) for n, kind in enumerate(_KINDS)}
CLOSE = "\ue054"
_HTML = {c: f'<div class="csl-{kind}">' for kind, c in OPEN.items()}


class _Display:
    def wrap(self, string: Any) -> Any:
        text = super().wrap(string)  # type: ignore[misc]
        kind = self.get("display")  # type: ignore[attr-defined]
        if text and kind in OPEN:
            return String(OPEN[kind]) + text + String(CLOSE)
        return text


@element("text")
class Text(_Display, model.Text):
    pass


@element("group")
class Group(_Display, model.Group):
    pass


@element("names")
class Names(_Display, model.Names):
    pass


@element("number")
class Number(_Display, model.Number):
    pass


@element("label")
class Label(_Display, model.Label):
    pass


@element("date")
class Date(_Display, model.Date):
    pass


@element("layout")
class Layout(model.Layout):
    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        parent = self.getparent()
        if not isinstance(parent, model.Bibliography) or not parent.get("second-field-align"):
            return super().render_children(item, delimiter=delimiter, **kwargs)
        rendered = []
        for child in self.iterchildren():
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
            except VariableError:
                continue
            if text is not None:
                rendered.append(text)
        if len(rendered) < 2:
            return join(rendered, delimiter) if rendered else None
        left = String(OPEN["left-margin"]) + rendered[0] + String(CLOSE)
        return left + String(OPEN["right-inline"]) + join(rendered[1:], delimiter)


@finish(95)
def divs(html: str, root: Any) -> str:
    if not any(c in html for c in _HTML):
        return html
    # The right-inline block of second-field-align runs to the end of the entry.
    unclosed = sum(html.count(c) for c in _HTML) - html.count(CLOSE)
    for c, tag in _HTML.items():
        html = html.replace(c, tag)
    # The entry ends where its text does: no trailing space before the last </div>, and
    # closing punctuation (the layout's suffix) after a closed block goes inside it.
    html = html.replace(CLOSE, "</div>").rstrip() + "</div>" * max(unclosed, 0)
    return re.sub(r"</div>([.,;:!?)\]]+)$", r"\1</div>", html)
