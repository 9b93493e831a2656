"""Adjacent punctuation from different sources merges as CSL processors do.

citeproc-py only drops a duplicated mark at a seam ("..") and never looks through a
closing tag: a title ending in "?" followed by the suffix "." prints "Why?." and
``<i>Title?</i>.`` keeps both marks. The rules (which mark survives when two meet) are
citeproc-js's, as the CSL test suite spells them out in punctuation_FullMonty*.

Marks that one field writes side by side ("Style?: A Functional Style") are its text and
stay; ``markup`` keeps them apart with a marker.

``citekit:merge-punctuation="false"`` on the style's root (a citekit extension) prints
every mark as the style and the fields write them.

Fixtures: punctuation_FullMontyPlain, punctuation_FullMontyField,
punctuation_FullMontyQuotesOut, punctuation_FieldDuplicates,
fullstyles_ChicagoArticleTitleQuestion.
"""

from __future__ import annotations

import re
from typing import Any

from citekit.csl.spec import citekit_option
from citekit.csl.spec import finish

MARKS = ".,;:!?"

# (left, right) -> what is printed; pairs not listed print both marks.
_MERGED = {
    ("!", "."): "!", ("?", "."): "?", (":", "."): ":", (";", "."): ";",
    ("!", ":"): "!", ("?", ":"): "?", (";", ":"): ";",
    (":", "!"): "!", (";", "!"): "!",
    (":", "?"): "?", (";", "?"): "?",
}


def merge(left: str, right: str) -> str:
    """The marks printed when mark ``left`` is followed directly by mark ``right``."""
    if left == right:
        return left
    return _MERGED.get((left, right), left + right)


# Two marks meeting directly, or across closing tags (the mark after the tags is dropped
# or kept; a mark inside a field's own formatting is never moved).
_ACROSS_TAGS = re.compile(r"([.,;:!?])((?:</[a-z]+>)+)([.,;:!?])")
_ADJACENT = re.compile(r"([.,;:!?])(?!\1)([.,;:!?])")


@finish(20)
def merge_marks(html: str, root: Any) -> str:
    if citekit_option(root, "merge-punctuation") == "false":
        return html

    def across(m: re.Match[str]) -> str:
        if merge(m.group(1), m.group(3)) == m.group(1):
            return m.group(1) + m.group(2)
        return m.group(0)

    html = _ACROSS_TAGS.sub(across, html)
    return _ADJACENT.sub(lambda m: merge(m.group(1), m.group(2)), html)
