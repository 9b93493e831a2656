"""Superscript characters print as ``<sup>``, as citeproc-js prints them.

Locales write ordinal suffixes with Unicode superscript letters (French "1ʳᵉ", Spanish
"1.ª"); citeproc-js turns each such character into its base character in ``<sup>``, so
the HTML does not depend on a font having those glyphs. The table is Unicode's own: every
character whose compatibility decomposition is ``<super>``, plus four raised modifiers.

Fixtures: magic_SuperscriptChars, number_NewOrdinalsEdition,
number_NewOrdinalsWithGenderChange, number_SeparateOrdinalNamespaces.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from citekit.csl.spec import finish


def _table() -> dict[str, str]:
    # Raised modifier letters Unicode does not decompose, which citeproc-js raises too.
    table = {"ˀ": "ʔ", "ˁ": "ʕ", "ۥ": "و", "ۦ": "ي"}
    for code in range(0xA0, 0x10000):
        c = chr(code)
        decomposition = unicodedata.decomposition(c)
        if decomposition.startswith("<super> "):
            table[c] = "".join(chr(int(h, 16)) for h in decomposition.split()[1:])
    return table


SUPERSCRIPTS = _table()
_ANY = re.compile("[" + "".join(re.escape(c) for c in SUPERSCRIPTS) + "]")


@finish(80)
def superscripts(html: str, root: Any) -> str:
    return _ANY.sub(lambda m: f"<sup>{SUPERSCRIPTS[m.group()]}</sup>", html)
