"""Cite positions (``first``, ``subsequent``, ``ibid``, ``ibid-with-locator``,
``near-note``) and ``first-reference-note-number``, as CSL 1.0.2 defines them.

citeproc-py read ``near-note-distance`` from the style root, which has no such option
(``KeyError`` in every style that tests ``near-note``), had no note numbers, and called a
cite "ibid" after a citation of several cites. Here the option comes from ``<citation>``
(default 5), citations carry the note number the engine was given, and:

- ``ibid``: the previous cite is the same item, either earlier in the same citation or
  as the only cite of the previous citation; with locators, ``ibid-with-locator`` when
  the locator differs (or only this cite has one), and neither when only the previous
  cite had one;
- ``near-note``: the item was cited within ``near-note-distance`` notes before;
- ``first-reference-note-number``: the note of the item's first cite.

Fixtures: position_NearNoteSameNote, position_IbidInText,
position_IbidWithMultipleSoloCitesInBackref, integration_SimpleFirstReferenceNoteNumber,
integration_SubsequentWhenInterveningFootnote, integration_IbidWithDifferentLocators.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from citekit.csl.spec import element

NEAR_NOTE_DISTANCE = "5"
FIRST_NOTE = "first_reference_note_number"


def note_of(cite: Any) -> int:
    try:
        return int(cite.citation.get("note_index") or 0)
    except (VariableError, AttributeError, KeyError, TypeError, ValueError):
        return 0


def _locator(cite: Any) -> tuple[str, str] | None:
    if not cite.has_locator:
        return None
    return (str(cite.locator.label), str(cite.locator.identifier))


def set_first_note(item: Any, history: Sequence[Any]) -> None:
    """Give ``item`` the note number of its first cite, if it was cited before."""
    earlier = [c for c in history if c.key == item.key]
    reference = item.reference
    note = note_of(earlier[0]) if earlier else 0
    if note:
        dict.__setitem__(reference, FIRST_NOTE, String(str(note)))
    else:
        dict.pop(reference, FIRST_NOTE, None)


@element("style")
class Style(model.Style):
    def get_option(self, name: str) -> Any:
        if name == "near-note-distance":
            citation = self.find("cs:citation", self.nsmap)
            value = citation.get(name) if citation is not None else None
            return int(value or NEAR_NOTE_DISTANCE)
        return super().get_option(name)


class _Position:
    def _position(self, item: Any, context: Any = None) -> list[bool]:
        me: Any = self
        context = context if context is not None else me
        tests = me.get("position").split()
        if context.xpath_search("./ancestor-or-self::cs:bibliography"):
            return [False for _ in tests]
        found = context.xpath_search("./ancestor-or-self::cs:citation")
        citation = found[0] if found else me.get_root().find("cs:citation", me.nsmap)
        history: list[Any] = list(getattr(citation, "cites", None) or [])
        earlier = [c for c in history if c.key == item.key]
        # ibid looks back within the same stream: the text, or the notes
        in_note = note_of(item) > 0
        stream = [c for c in history if (note_of(c) > 0) == in_note]
        previous = stream[-1] if stream else None
        ibid = with_locator = False
        if previous is not None and previous.key == item.key:
            same = previous.citation is item.citation
            if in_note and note_of(previous) != note_of(item):
                # from an earlier note: that note held this one cite only
                alone = sum(note_of(c) == note_of(previous) for c in stream) == 1
            else:
                alone = len(previous.citation.cites) == 1
            alone = alone and not any(c.citation is item.citation for c in history)
            if same or alone:
                now, before = _locator(item), _locator(previous)
                with_locator = now is not None and now != before
                ibid = with_locator or now == before
        distance = int(me.get_root().get_option("near-note-distance"))
        near = False
        if earlier:
            note, last = note_of(item), note_of(earlier[-1])
            near = (note - last <= distance) if note else True
        results = {
            "first": not earlier,
            "subsequent": bool(earlier),
            "ibid": ibid,
            "ibid-with-locator": with_locator,
            "near-note": near,
        }
        return [results.get(test, False) for test in tests]


@element("if")
class If(_Position, model.If):
    pass


@element("else-if")
class ElseIf(_Position, model.Else_If):
    pass
