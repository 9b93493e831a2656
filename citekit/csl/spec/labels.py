"""``<label>`` for number variables: plural by the value, as CSL 1.0.2 says.

citeproc-py looks up ``item["number-of-volumes"]`` on the cite instead of the item, which
raises, so the label (and with it "3 vols.") disappears.

- ``number-of-*``: plural when the number is greater than 1.
- other number variables and locators: plural when the value holds more than one number
  (a range or a list: "2-4", "2, 4", "213 et 235"), singular otherwise.

A locator type written with a space ("sub verbo") finds its hyphenated locale term.

Fixtures: label_PluralNumberOfVolumes, bugreports_MovePunctuationInsideQuotesForLocator;
reference style modern-language-association ("3 vols.").
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.source import VariableError

from citekit.csl.spec import element
from citekit.csl.spec.page_ranges import as_written

_NUMBER = re.compile(r"\d+")
# Two numbers apart ("2-4", "2, 4", "213 et 235"); a period joins a dotted number ("2.0").
_SEPARATED = re.compile(r"\d+[^\d.]+\d")


_ROMAN_RANGE = re.compile(r"\b[ivxlcdm]+\s*[-\u2013]\s*[ivxlcdm]+\b", re.I)


def plural(variable: str, value: Any) -> bool:
    text = str(value)
    if variable.startswith("number-of-"):
        m = _NUMBER.search(text)
        return m is not None and int(m.group()) > 1
    if variable == "page" and as_written(text):
        return False
    text = text.replace("\\-", "")  # an escaped hyphen joins one number ("327\-30")
    return bool(_SEPARATED.search(text) or _ROMAN_RANGE.search(text))


@element("label")
class Label(model.Label):
    def process(self, item: Any, variable: str | None = None, plural: bool | None = None,
                context: Any = None, **kwargs: Any) -> Any:
        if variable is None and self.get("variable") == "locator" and item.has_locator:
            # CSL 1.0.2 writes the locator type "sub verbo"; the locale term is "sub-verbo".
            variable = str(item.locator.label).replace(" ", "-")
        return super().process(item, variable, plural, context, **kwargs)
    def _is_plural(self, item: Any) -> bool:
        variable = self.get("variable")
        if variable == "locator":
            return plural(variable, item.locator.identifier)
        try:
            value = item.reference[variable.replace("-", "_")]
        except VariableError:
            return False
        return plural(variable, value)
