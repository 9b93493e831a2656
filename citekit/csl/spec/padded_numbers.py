"""A number written with a leading zero prints as written, in any ``<number>`` form.

citeproc-py reads "01" as 1, so an issue "01" prints "no. 1" (IEEE), "1st" as an ordinal
and "i" in roman. citeproc-js 2.4.63 formats only numbers written as ``[1-9][0-9]*``;
"01", "007" and "0" print as they are in every form ("no. 01"), in ranges too ("01–03").

No fixture of the test suite covers it; measured by bench/fidelity_live.py (IEEE issue
numbers such as "01" in Zotero exports).
"""

from __future__ import annotations

from typing import Any

from citeproc import model

from citekit.csl.spec import element


def written_as_is(number: Any) -> bool:
    """True for a number that citeproc-js leaves as written ("0", "01", "007")."""
    text = str(number).strip()
    return text.isdigit() and text.startswith("0")


@element("number")
class Number(model.Number):
    def format_number(self, number: Any) -> Any:
        if written_as_is(number):
            return str(number).strip()
        return super().format_number(number)
