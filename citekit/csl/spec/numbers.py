"""Number variables: found by their CSL names, tested and printed as CSL 1.0.2 says.

citeproc-py looks ``<number variable="number-of-volumes">`` (and every other hyphenated
number variable) up under the hyphenated name, which its items never have, so "3 vols."
vanishes; its ``is-numeric`` accepts one number only, so "99-02" or "2, 4" are not numeric
and "Nos." labels disappear. Here is-numeric follows the spec (numbers with affixes,
joined by ``,`` ``&`` or a hyphen), and a numeric range in a number variable prints with
the locale's range term (``page-range-delimiter``, an en dash unless the style changes
it), as citeproc-js does.

Fixtures: fullstyles_ABdNT; reference styles ieee and apa ("3 vols.", "Technical Report
Nos. 99–02").
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import NUMBERS
from citeproc import model
from citeproc.source import VariableError

from citekit.csl.spec import element
from citekit.csl.spec.page_ranges import range_delimiter

_NUMBER = r"[^\W\d_]*\d+[^\W\d_]*"
NUMERIC = re.compile(rf"^\s*{_NUMBER}(?:\s*(?:[,&\-\u2013]|and)\s*{_NUMBER})*\s*$")
_RANGE = re.compile(r"(?<=\d)\s*-\s*(?=[^\W_]*\d)")


def is_numeric(value: Any) -> bool:
    return isinstance(value, int) or bool(NUMERIC.match(str(value)))


def _value(item: Any, variable: str) -> Any:
    try:
        return item.reference[variable.replace("-", "_")]
    except VariableError:
        return None


class _IsNumeric:
    def _is_numeric(self, item: Any) -> list[bool]:
        out = []
        for variable in self.get("is-numeric").split():  # type: ignore[attr-defined]
            value = _value(item, variable)
            out.append(value is not None and is_numeric(value))
        return out


@element("if")
class If(_IsNumeric, model.If):
    pass


@element("else-if")
class ElseIf(_IsNumeric, model.Else_If):
    pass


@element("number")
class Number(model.Number):
    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        variable = self.get("variable")
        if variable in ("locator", "page-first", "page"):
            return super().process(item, context, **kwargs)
        value = _value(item, variable)
        if value is None:
            raise VariableError(variable)
        return self._process(value, variable)


@element("text")
class Text(model.Text):
    def _variable(self, item: Any, context: Any) -> Any:
        text = super()._variable(item, context)
        variable = self.get("variable", "").replace("-", "_")
        if variable in NUMBERS and text is not None and is_numeric(text) and "-" in str(text):
            delimiter = range_delimiter(self, self.get("variable", ""))
            return type(text)(_RANGE.sub(delimiter, str(text)))
        return text
