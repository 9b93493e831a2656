"""Format library entries with a CSL style: the bridge from entries to output text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from citekit.csl import output
from citekit.csl.engine import Cite
from citekit.csl.engine import Engine
from citekit.csl.engine import Failure
from citekit.library import Library
from citekit.model import Entry


@dataclass(frozen=True)
class Output:
    text: str
    failures: tuple[Failure, ...] = ()
    pieces: tuple[output.Piece, ...] = ()


def bibliography(
    lib: Library,
    entries: Sequence[Entry],
    *,
    style: str,
    fmt: str = "text",
    locale: str | None = None,
) -> Output:
    """Bibliography entries for ``entries``, in the style's order, as ``fmt``."""
    engine = Engine(style, locale=locale)
    items = lib.csl_items(entries)
    result = engine.bibliography(items)
    pieces = tuple(output.Piece(r.key, r.html) for r in result.entries)
    text = output.render(pieces, fmt) if pieces else ""
    return Output(text, result.failures, pieces)


def citation(
    lib: Library,
    cites: Sequence[Cite],
    *,
    style: str,
    fmt: str = "text",
    locale: str | None = None,
) -> Output:
    """One in-text citation (or note) for ``cites``."""
    engine = Engine(style, locale=locale)
    # the same work named twice (`cite a A`) would print twice: BibTeX keys ignore case
    first: dict[str, tuple[Entry, Cite]] = {}
    for c in cites:
        entry = lib.find(c.key)
        first.setdefault(entry.key.casefold(), (entry, c))
    entries = [e for e, _ in first.values()]
    items = lib.csl_items(entries)
    keyed = [Cite(e.key, c.locator, c.label, c.prefix, c.suffix) for e, c in first.values()]
    html = engine.citation(items, keyed)
    piece = output.Piece(",".join(c.key for c in keyed), html)
    return Output(output.render([piece], fmt, bibliography=False), (), (piece,))


def preview(lib: Library, entry: Entry, *, style: str, locale: str | None = None) -> Output:
    """How the style prints one entry: its bibliography entry, or its citation when the
    style has no bibliography (many note styles)."""
    if Engine(style, locale=locale).has_bibliography:
        return bibliography(lib, [entry], style=style, locale=locale)
    return citation(lib, [Cite(entry.key)], style=style, locale=locale)
