"""Macro lookups are cached per style (a speed fix, no output change).

citeproc-py finds a macro with an XPath query every time one is called, and a ``<group>``
asks each child whether it calls a variable, which for ``<text macro>`` walks the whole
macro again. Disambiguation renders every cite several times, so Chicago author-date took
17 s for 92 citations. Here ``<text>`` remembers macros by name and whether each calls a
variable; the style tree does not change after loading.

Fixtures: none (speed only; the output is unchanged); measured with bench/render_speed.py.
"""

from __future__ import annotations

from typing import Any

from citeproc import model

from citekit.csl.spec import element

_MACROS = "citekit_macros"
_CALLS = "citekit_calls_variable"


def _cache(root: Any, name: str) -> dict[str, Any]:
    table = getattr(root, name, None)
    if table is None:
        table = {}
        setattr(root, name, table)
    return table


@element("text")
class Text(model.Text):
    def get_macro(self, name: str) -> Any:
        table = _cache(self.get_root(), _MACROS)
        if name not in table:
            table[name] = super().get_macro(name)
        return table[name]

    def calls_variable(self) -> bool:
        name = self.get("macro")
        if name is None:
            return bool(super().calls_variable())
        table = _cache(self.get_root(), _CALLS)
        if name not in table:
            table[name] = bool(super().calls_variable())
        return bool(table[name])
