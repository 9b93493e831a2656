"""A group (or macro) is suppressed when it tried variables and none of them printed.

CSL: a ``cs:group`` that calls variables, all of them empty, renders nothing. citeproc-py
asks whether a direct child that *could* call a variable printed anything, so a
``cs:choose`` whose branch printed only a label next to an empty variable keeps the group
alive: Chicago's shortened notes print a stray "edition" after every article ("label
edition" next to an empty edition), and "p." dangles with no page. Here every element
that prints a variable counts, on the cite being rendered, that it tried and whether it
printed; a group or macro-group in which variables were tried and none printed is
suppressed. Labels, terms and generated variables (``year-suffix``) are not variables
here, a branch that tries none (a "n.d." term) keeps its group, and a nested group that
printed counts as printed for the group around it, as in citeproc-js.

Fixtures: bugreports_UndefinedInName3, bugreports_StyleError001,
bugreports_OldMhraDisambiguationFailure; reference: chicago-shortened-notes-bibliography.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError

from citekit.csl.spec import element

_PRINTED, _TRIED = "_citekit_printed", "_citekit_tried"


def counts(item: Any) -> tuple[int, int]:
    """(variables tried, variables printed) so far for ``item`` (a cite; its dict holds them)."""
    return int(dict.get(item, _TRIED, 0)), int(dict.get(item, _PRINTED, 0))


def printed_group(item: Any) -> None:
    """A nested group or macro printed: the group around it counts that as printed."""
    _bump(item, _PRINTED)


def _bump(item: Any, key: str) -> None:
    dict.__setitem__(item, key, int(dict.get(item, key, 0)) + 1)


def suppressed(item: Any, before: tuple[int, int]) -> bool:
    """Variables were tried since ``before`` and none of them printed."""
    tried, printed = counts(item)
    return tried > before[0] and printed == before[1]


@element("group")
class Group(model.Group):
    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        before = counts(item)
        text = super().process(item, context=context, **kwargs)
        if suppressed(item, before):
            raise VariableError(self.get("delimiter", ""))
        if text:
            printed_group(item)
        return text


class _Counted:
    """Counts a variable when the element's whole output is in (after every other fix)."""

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        if not self._prints_variable():
            return super().render(item, *args, **kwargs)  # type: ignore[misc]
        _bump(item, _TRIED)
        text = super().render(item, *args, **kwargs)  # type: ignore[misc]
        if text is not None and str(text) != "":
            _bump(item, _PRINTED)
        return text

    def _prints_variable(self) -> bool:
        return True


@element("text")
class Text(_Counted, model.Text):
    def _prints_variable(self) -> bool:
        variable = self.get("variable")
        return variable is not None and variable not in self.generated_variables


@element("number")
class Number(_Counted, model.Number):
    pass


@element("names")
class Names(_Counted, model.Names):
    pass


@element("date")
class Date(_Counted, model.Date):
    pass
