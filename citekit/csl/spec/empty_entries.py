"""Bibliography entries that print nothing keep their place.

citeproc-py drops an entry whose layout renders nothing, so its list of entries no longer
lines up with the items: citekit then took every item after it for the wrong one (or
failed on the mismatch, as with an empty ``set`` item in most styles). Each item now gets
an entry, empty when nothing prints, and the engine reports those items instead.

Fixtures: none in the suite (it prints citeproc-js's "[CSL STYLE ERROR: reference with no
printed form.]" placeholder); tests/csl/spec/empty_entries_test.py.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.string import String

from citekit.csl.spec import element


@element("layout")
class Layout(model.Layout):
    def render_bibliography(self, citation_items: Any) -> list[Any]:
        entries = []
        for item in citation_items:
            self.repressed: dict[str, list[str]] = {}
            text = self.render_children(item)
            entries.append(self.format(self.wrap(text)) if text is not None else String(""))
        return entries
