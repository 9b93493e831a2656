"""``font-style``/``font-weight``/``font-variant="normal"`` undo a surrounding decoration.

In CSL, ``normal`` is a value, not the absence of one: ``<text font-style="normal">``
inside an italic group prints upright. citeproc-py treats it as "no formatting", so the
text stays italic. Here such elements mark their text, and ``spec.markup``'s output step
prints ``<span style="font-style:normal;">`` where the decoration is on, nothing where it
is off.

``vertical-align="baseline"`` inside a superscript or subscript works the same way.

Fixtures: decorations_NoNormalWithoutDecoration, decorations_Baseline.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.string import String

from citekit.csl.spec import element
from citekit.csl.spec.markup import NORMAL_CLOSE
from citekit.csl.spec.markup import NORMAL_OPEN

_ATTRIBUTES = (("font-style", "i"), ("font-weight", "b"), ("font-variant", "sc"),
               ("vertical-align", "sup"))
_NORMAL = {"vertical-align": "baseline"}


class _Normal:
    def format(self, string: Any) -> Any:
        text = super().format(string)  # type: ignore[misc]
        for attribute, kind in _ATTRIBUTES:
            normal = _NORMAL.get(attribute, "normal")
            if text and self.get(attribute) == normal:  # type: ignore[attr-defined]
                text = String(NORMAL_OPEN[kind]) + text + String(NORMAL_CLOSE)
        return text


@element("text")
class Text(_Normal, model.Text):
    pass


@element("group")
class Group(_Normal, model.Group):
    pass


@element("names")
class Names(_Normal, model.Names):
    pass


@element("number")
class Number(_Normal, model.Number):
    pass


@element("label")
class Label(_Normal, model.Label):
    pass
