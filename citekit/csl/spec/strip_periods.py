"""``strip-periods`` as citeproc-js 2.4.63 applies it: a period goes unless a lower-case
letter follows it.

citeproc-py deletes every period, so a URL or domain printed by an element with
``strip-periods="true"`` loses its dots (AMA "http://wwwexamplecom/"); citeproc-js keeps
"www.example.com" and still turns "J. Am. Chem." into "J Am Chem".

Fixtures: (none in the CSL test suite); reference: american-medical-association URLs in
titles and publishers of the corpus, through ``bench/fidelity_live.py``.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.string import MixedString

from citekit.csl.spec import element

_PERIOD = re.compile(r"\.(?![a-z])")


def strip(text: str) -> str:
    return _PERIOD.sub("", text)


class _Stripped:
    def strip_periods(self, string: Any) -> Any:
        if self.get("strip-periods", "false").lower() != "true":  # type: ignore[attr-defined]
            return string
        if isinstance(string, MixedString):
            return MixedString([type(s)(strip(str(s))) for s in string])
        return type(string)(strip(str(string))) if isinstance(string, str) else string


@element("text")
class Text(_Stripped, model.Text):
    pass


@element("label")
class Label(_Stripped, model.Label):
    pass


@element("number")
class Number(_Stripped, model.Number):
    pass


@element("date-part")
class DatePart(_Stripped, model.Date_Part):
    pass
