"""Fixes for places where citeproc-py misses the CSL 1.0.2 specification.

Each module closes one gap, as a subclass of a citeproc-py element class registered here
with ``@element("tag")`` (``csl.engine`` builds its own lxml class lookup from this table,
so citeproc-py's module globals are never patched), or as a step over rendered output.
Each fix names the CSL test-suite fixtures it makes pass.

Modules in this package may import citeproc: they are part of the engine's home.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

ELEMENTS: dict[str, type[Any]] = {}
# Every class registered per tag, in registration order; see load_all().
_REGISTERED: dict[str, list[type[Any]]] = {}

CITEKIT_NS = "https://citekit.dev/csl"


def element(tag: str) -> Callable[[type[Any]], type[Any]]:
    """Register a class for the CSL element ``tag`` (e.g. "name", "date-part")."""

    def register(cls: type[Any]) -> type[Any]:
        _REGISTERED.setdefault(tag, []).append(cls)
        return cls

    return register


def load_all() -> dict[str, type[Any]]:
    """Import every fix module once, so each registers its classes."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    for tag, classes in _REGISTERED.items():
        ELEMENTS[tag] = _combine(tag, classes)
    return ELEMENTS


def _combine(tag: str, classes: list[type[Any]]) -> type[Any]:
    """One class for a tag that several fixes subclass (each fix calls ``super()``).

    Two modules may close different gaps in the same element (say ``<date-part>``); their
    classes are combined in one MRO instead of the last import silently winning.
    """
    unique = list(dict.fromkeys(classes))
    if len(unique) == 1:
        return unique[0]
    name = "".join(part.title() for part in tag.split("-"))
    return type(name, tuple(reversed(unique)), {"__module__": __name__})
