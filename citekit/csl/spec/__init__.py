"""Fixes for places where citeproc-py misses the CSL 1.0.2 specification.

Each module closes one gap, as a subclass of a citeproc-py element class registered here
with ``@element("tag")`` (``csl.engine`` builds its own lxml class lookup from this table,
so citeproc-py's module globals are never patched), as a step over an item before
citeproc-py reads it (``@prepare``), or as a step over rendered output (``@finish``).
Each fix names the CSL test-suite fixtures it makes pass.

Two modules may fix the same element: the second class registered for a tag is combined
with the first (``class Both(Second, First)``), so fixes must call ``super()``.

Modules in this package may import citeproc: they are part of the engine's home.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

ELEMENTS: dict[str, type[Any]] = {}
_REGISTERED: dict[str, list[type[Any]]] = {}

Prepare = Callable[[dict[str, Any]], None]
Finish = Callable[[str, Any], str]
_PREPARERS: list[tuple[int, Prepare]] = []
_FINISHERS: list[tuple[int, Finish]] = []

CITEKIT_NS = "https://citekit.dev/csl"


def citekit_option(root: Any, name: str) -> str | None:
    """A citekit extension attribute on the style's root (``citekit:name``)."""
    value = root.get(f"{{{CITEKIT_NS}}}{name}")
    return None if value is None else str(value)


def element(tag: str) -> Callable[[type[Any]], type[Any]]:
    """Register a class for the CSL element ``tag`` (e.g. "name", "date-part")."""

    def register(cls: type[Any]) -> type[Any]:
        # Combine in module-name order, not import order: a module imported early by
        # another (or by a test) must not change which fix wraps which.
        classes = sorted({*_REGISTERED.get(tag, ()), cls}, key=lambda c: c.__module__)
        _REGISTERED[tag] = classes
        combined = classes[0]
        for later in classes[1:]:
            name = f"{later.__name__}_{combined.__name__}"
            combined = type(name, (later, combined), {"__module__": __name__})
        ELEMENTS[tag] = combined
        return cls

    return register


def prepare(order: int) -> Callable[[Prepare], Prepare]:
    """Register a step that edits a (copied) CSL-JSON item in place before citeproc-py."""

    def register(func: Prepare) -> Prepare:
        _PREPARERS.append((order, func))
        _PREPARERS.sort(key=lambda p: p[0])
        return func

    return register


def finish(order: int) -> Callable[[Finish], Finish]:
    """Register a step over one rendered entry or citation: ``(html, style_root) -> html``."""

    def register(func: Finish) -> Finish:
        _FINISHERS.append((order, func))
        _FINISHERS.sort(key=lambda f: f[0])
        return func

    return register


def prepare_item(item: dict[str, Any]) -> dict[str, Any]:
    for _, step in _PREPARERS:
        step(item)
    return item


def prepare_affix(text: str, *, field: str = "note") -> str:
    """A cite's prefix, suffix or locator: text from the user, prepared like ``field``."""
    return str(prepare_item({"type": "", field: text})[field])


def finish_output(html: str, root: Any) -> str:
    for _, step in _FINISHERS:
        html = step(html, root)
    return html


def load_all() -> dict[str, type[Any]]:
    """Import every fix module once, so each registers its classes."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return ELEMENTS
