"""``position="near-note"`` no longer crashes.

citeproc-py reads ``near-note-distance`` from the style root, which has no such option, and
raised ``KeyError`` for every style that tests ``near-note`` (Chicago notes, OSCOLA...). The
option belongs to ``<citation>`` (default 5); the style root now answers with it.

Fixtures: position_NearNoteSameNote (no longer raises; its note numbers are not passed yet).
"""

from __future__ import annotations

from typing import Any

from citeproc import model

from citekit.csl.spec import element

NEAR_NOTE_DISTANCE = "5"


@element("style")
class Style(model.Style):  # type: ignore[misc]
    def get_option(self, name: str) -> Any:
        if name == "near-note-distance":
            citation = self.find("cs:citation", self.nsmap)
            value = citation.get(name) if citation is not None else None
            return int(value or NEAR_NOTE_DISTANCE)
        return super().get_option(name)
