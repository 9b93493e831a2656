"""A cite whose prefix starts with punctuation takes the place of the layout delimiter.

Writers attach a cite to the one before it with a prefix such as ", cited in" or ", and";
citeproc-js then leaves out the citation layout's delimiter ("Book A, cited in Book B"),
where citeproc-py prints both ("Book A; , cited in Book B").

Fixtures: magic_SuppressLayoutDelimiterIfPrefixComma, position_IbidWithPrefixFullStop.
"""

from __future__ import annotations

import re
from typing import Any

from citekit.csl.spec import finish


def _delimiter(root: Any) -> str:
    cached = getattr(root, "_citekit_cite_delimiter", None)
    if cached is None:
        layout = root.find("cs:citation/cs:layout", root.nsmap)
        cached = "" if layout is None else str(layout.get("delimiter", ""))
        root._citekit_cite_delimiter = cached
    return cached


@finish(15)
def drop_delimiter(html: str, root: Any) -> str:
    delimiter = _delimiter(root)
    if not delimiter.strip() or delimiter not in html:
        return html
    return re.sub(re.escape(delimiter) + r"(?=[,;:.] )", "", html)
