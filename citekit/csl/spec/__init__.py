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

CITEKIT_NS = "https://citekit.dev/csl"


def element(tag: str) -> Callable[[type[Any]], type[Any]]:
    """Register a class for the CSL element ``tag`` (e.g. "name", "date-part")."""

    def register(cls: type[Any]) -> type[Any]:
        ELEMENTS[tag] = cls
        return cls

    return register


def load_all() -> dict[str, type[Any]]:
    """Import every fix module once, so each registers its classes."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return ELEMENTS
