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
from typing import TYPE_CHECKING
from typing import Any

from citekit.model import Problem

if TYPE_CHECKING:
    from rich.console import Console

# The consoles are made on first use: importing rich is a fifth of a hook's run, and a
# clean file prints nothing. ``out`` and ``err`` stay module attributes (tests replace them).


def _out() -> Console:
    console: Console | None = globals().get("out")
    if console is None:
        from rich.console import Console

        console = globals()["out"] = Console(highlight=False, soft_wrap=True, emoji=False)
    return console


def _err() -> Console:
    console: Console | None = globals().get("err")
    if console is None:
        from rich.console import Console

        console = globals()["err"] = Console(
            stderr=True, highlight=False, soft_wrap=True, emoji=False
        )
    return console


def __getattr__(name: str) -> Any:
    if name == "out":
        return _out()
    if name == "err":
        return _err()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def escape(text: str) -> str:
    """``text`` with rich markup escaped: a ``[draft]`` in a title is printed as written."""
    from rich.markup import escape

    return escape(text)


def is_terminal() -> bool:
    return _out().is_terminal


def can_ask() -> bool:
    """Whether a person can answer a question (stdin is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def raw(text: str) -> None:
    """Exactly these characters on stdout (what scripts and users paste)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def info(message: str) -> None:
    _err().print(escape(message))


def note(message: str) -> None:
    _err().print(f"[dim]{escape(message)}[/]")


def success(message: str) -> None:
    _err().print(f"[green]{escape(message)}[/]")


def warning(message: str) -> None:
    _err().print(f"[yellow]warning:[/] {escape(message)}")


def error(message: str) -> None:
    _err().print(f"[bold red]error:[/] {escape(message)}")


def problem(path: Path | str, p: Problem) -> None:
    colour = "red" if p.severity == "error" else "yellow"
    _out().print(
        f"{escape(str(path))}:{p.line}:{p.col}: [{colour}]{escape(p.code)}[/] {escape(p.message)}"
    )


def problems(found: Iterable[tuple[Path | str, Problem]]) -> None:
    """Many findings at once: plain lines when piped (a hook on a big file prints
    thousands, and rich would take longer than the checks), coloured on a terminal."""
    found = list(found)
    if not found:
        return
    if not _out().is_terminal:
        raw("".join(f"{path}:{p.line}:{p.col}: {p.code} {p.message}\n" for path, p in found))
        return
    for path, p in found:
        problem(path, p)


def fixed(path: Path | str, what: str = "fixed") -> None:
    _err().print(f"{escape(str(path))}: [green]{escape(what)}[/]")


def table(columns: Sequence[str], rows: Iterable[Sequence[str]], *, title: str = "") -> None:
    from rich.table import Table

    t = Table(*columns, title=escape(title) if title else None, header_style="bold")
    for row in rows:
        t.add_row(*(escape(str(c)) for c in row))
    _out().print(t)


def bibtex(source: str, *, title: str = "") -> None:
    """An entry's BibTeX, highlighted on a terminal, verbatim otherwise."""
    if not _out().is_terminal:
        raw(source if source.endswith("\n") else source + "\n")
        return
    from rich.panel import Panel
    from rich.syntax import Syntax

    body: Any = Syntax(source, "bibtex", theme="ansi_dark", word_wrap=True)
    # soft_wrap (set for path:line: output) would crop long lines at the panel edge
    _out().print(Panel(body, title=escape(title)) if title else body, soft_wrap=False)


@contextlib.contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner on stderr while long work runs, only when a person is watching."""
    if not _err().is_terminal:
        yield
        return
    with _err().status(escape(message)):
        yield


def confirm(question: str, *, default: bool = False) -> bool:
    from rich.prompt import Confirm

    return bool(Confirm.ask(escape(question), default=default, console=_err()))


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
        console=_err(),
        transient=True,
        disable=not _err().is_terminal,
    ) as bar:
        task = bar.add_task(escape(description), total=total)

        def advance(label: str) -> None:
            bar.update(task, advance=1, description=escape(label))

        yield advance
