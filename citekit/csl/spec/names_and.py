"""``citekit:and-when-two`` on ``<name>``: the word between exactly two names.

CSL has one ``and`` for every count; some house styles print "A and B" but "A, B, & C".
This is a citekit extension attribute (in the citekit namespace, ignored by other CSL
processors); without it, ``<name>`` behaves as in citeproc-py.
"""

from __future__ import annotations

from typing import Any

from citeproc import model

from citekit.csl.spec import CITEKIT_NS
from citekit.csl.spec import element

AND_WHEN_TWO = f"{{{CITEKIT_NS}}}and-when-two"


@element("name")
class Name(model.Name):
    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        if name == "and" and self.get(AND_WHEN_TWO) and getattr(self, "_two", False):
            return self.get(AND_WHEN_TWO)
        return super().get_option(name, context, sort_options)

    def process(self, item: Any, variable: str, context: Any = None, sort_options: Any = None,
                **kwargs: Any) -> Any:
        self._two = len(item.reference.get(variable, [])) == 2
        return super().process(item, variable, context, sort_options, **kwargs)
