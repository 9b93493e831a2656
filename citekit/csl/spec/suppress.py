"""Variables a ``<substitute>`` printed stay hidden in numbers, dates and labels too.

citeproc-py's ``repressed`` table (filled by ``names.py``) is read only by ``<text>``; a
substituted title whose edition was printed inside the substitute printed it again
(APA: ``(15th ed.). (2003). (15th ed.)``). This module sorts after the modules that render
numbers and dates themselves, so its check wraps them.

Fixtures: substitute_SuppressOrdinaryVariable (with names.py); tests/csl/spec/names_test.py.
"""

from __future__ import annotations

from typing import Any

from citeproc import model

from citekit.csl.spec import element
from citekit.csl.spec.names import repressed


class _Suppressible:
    """Number and date variables also stay hidden once a substitute has printed them."""

    def process(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        variable = kwargs.get("variable") or self.get("variable")  # type: ignore[attr-defined]
        if args and isinstance(args[0], str):
            variable = args[0]
        tag = self.tag.rsplit("}", 1)[-1]  # type: ignore[attr-defined]
        context = kwargs.get("context") or self
        if isinstance(variable, str) and variable in repressed(context, tag):
            return None
        return super().process(item, *args, **kwargs)  # type: ignore[misc]


@element("number")
class Number(_Suppressible, model.Number):
    pass


@element("date")
class Date(_Suppressible, model.Date):
    pass


@element("label")
class Label(model.Label):
    """A variable's label goes with the variable when a substitute has used it."""

    def process(self, item: Any, variable: Any = None, *args: Any, **kwargs: Any) -> Any:
        own = self.get("variable")
        if variable is None and own and own in repressed(kwargs.get("context") or self, "text"):
            return None
        return super().process(item, variable, *args, **kwargs)
