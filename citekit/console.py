"""All terminal output goes through here: one rich Console for stdout, one for stderr.

Colours are off when output is piped or NO_COLOR is set (rich's own rules); soft_wrap
keeps `path:line:` lines unbroken for editors and pre-commit. User text is escaped so
``[draft]`` in a path or title is never read as markup.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from citekit.model import Problem

out = Console(highlight=False, soft_wrap=True, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def is_terminal() -> bool:
    return out.is_terminal


def can_ask() -> bool:
    """Whether a person can answer a question (stdin is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def raw(text: str) -> None:
    """Exactly these characters on stdout (what scripts and users paste)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def info(message: str) -> None:
    err.print(escape(message))


def note(message: str) -> None:
    err.print(f"[dim]{escape(message)}[/]")


def success(message: str) -> None:
    err.print(f"[green]{escape(message)}[/]")


def warning(message: str) -> None:
    err.print(f"[yellow]warning:[/] {escape(message)}")


def error(message: str) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}")


def problem(path: Path | str, p: Problem) -> None:
    colour = "red" if p.severity == "error" else "yellow"
    out.print(
        f"{escape(str(path))}:{p.line}:{p.col}: [{colour}]{escape(p.code)}[/] {escape(p.message)}"
    )


def problems(found: Iterable[tuple[Path | str, Problem]]) -> None:
    """Many findings at once: plain lines when piped (a hook on a big file prints
    thousands, and rich would take longer than the checks), coloured on a terminal."""
    if not out.is_terminal:
        raw("".join(f"{path}:{p.line}:{p.col}: {p.code} {p.message}\n" for path, p in found))
        return
    for path, p in found:
        problem(path, p)


def fixed(path: Path | str, what: str = "fixed") -> None:
    err.print(f"{escape(str(path))}: [green]{escape(what)}[/]")


def table(columns: Sequence[str], rows: Iterable[Sequence[str]], *, title: str = "") -> None:
    t = Table(*columns, title=escape(title) if title else None, header_style="bold")
    for row in rows:
        t.add_row(*(escape(str(c)) for c in row))
    out.print(t)


def bibtex(source: str, *, title: str = "") -> None:
    """An entry's BibTeX, highlighted on a terminal, verbatim otherwise."""
    if not out.is_terminal:
        raw(source if source.endswith("\n") else source + "\n")
        return
    from rich.panel import Panel
    from rich.syntax import Syntax

    body: Any = Syntax(source, "bibtex", theme="ansi_dark", word_wrap=True)
    # soft_wrap (set for path:line: output) would crop long lines at the panel edge
    out.print(Panel(body, title=escape(title)) if title else body, soft_wrap=False)


@contextlib.contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner on stderr while long work runs, only when a person is watching."""
    if not err.is_terminal:
        yield
        return
    with err.status(escape(message)):
        yield


def confirm(question: str, *, default: bool = False) -> bool:
    from rich.prompt import Confirm

    return bool(Confirm.ask(escape(question), default=default, console=err))


@contextlib.contextmanager
def progress(total: int, description: str) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr (only on a terminal); yields ``advance(label)``."""
    from rich.progress import BarColumn
    from rich.progress import MofNCompleteColumn
    from rich.progress import Progress
    from rich.progress import TextColumn
    from rich.progress import TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task(escape(description), total=total)

        def advance(label: str) -> None:
            bar.update(task, advance=1, description=escape(label))

        yield advance
