"""`citekit check` and `citekit fmt`: the pre-commit and CI commands."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from citekit import config
from citekit import console
from citekit.cli import EXIT_FINDINGS
from citekit.cli import EXIT_USER
from citekit.cli import Context
from citekit.cli import cli
from citekit.cli import pass_context
from citekit.errors import CitekitError
from citekit.model import Problem

if TYPE_CHECKING:
    from citekit.tidy import Options as FmtOptions

_RANK = {"warning": 0, "error": 1}


def _codes(values: Iterable[str]) -> tuple[str, ...]:
    """``--select a,b --select c`` -> (a, b, c)."""
    return tuple(c.strip() for v in values for c in v.split(",") if c.strip())


def _github(path: Path, p: Problem) -> str:
    def esc(s: str, *, prop: bool = False) -> str:
        s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return s.replace(":", "%3A").replace(",", "%2C") if prop else s

    level = "error" if p.severity == "error" else "warning"
    return (
        f"::{level} file={esc(str(path), prop=True)},line={p.line},col={p.col},"
        f"title={esc(p.code, prop=True)}::{esc(p.message)}\n"
    )


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """A big file makes hundreds of thousands of small objects and few cycles; without the
    cyclic collector walking them over and over, a 10,000-entry check takes a third less."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _bib_only(files: tuple[Path, ...], does: str) -> None:
    """A CSL-JSON file (an explicit path, or a .json library as the default) is a user
    mistake: linted as BibTeX it was one garbage-text warning and exit 0."""
    for path in files:
        if path.suffix.lower() == ".json":
            raise CitekitError(f"{path}: CSL-JSON, not BibTeX; citekit {does} .bib files only")


FILES = click.argument(
    "files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)


@cli.command("check")
@FILES
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text: path:line:col: code message; github: workflow annotations.",
)
@click.option(
    "--select", multiple=True, metavar="CODES", help="Run only these codes (comma-separated)."
)
@click.option(
    "--ignore", multiple=True, metavar="CODES", help="Skip these codes (comma-separated)."
)
@click.option(
    "--enable",
    multiple=True,
    metavar="CODES",
    help="Also run these opt-in checks, e.g. key-pattern.",
)
@click.option(
    "--severity",
    type=click.Choice(["error", "warning"]),
    default=None,
    help="The lowest severity that fails the run (default: error; warnings are shown).",
)
@click.option("--fix", is_flag=True, help="Apply the safe fixes in place, then check again.")
@click.option(
    "--style", default=None, metavar="NAME", help="Also report fields this CSL style prints."
)
@click.option(
    "--datamodel",
    type=click.Choice(["auto", "bibtex", "biblatex"]),
    default=None,
    help="Required fields per BibTeX, biblatex, or each type's own (auto).",
)
@pass_context
@_no_gc()
def check_command(
    ctx: Context,
    files: tuple[Path, ...],
    output: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    enable: tuple[str, ...],
    severity: str | None,
    fix: bool,
    style: str | None,
    datamodel: str | None,
) -> None:
    """Check .bib files (default: the library) for syntax errors, duplicates, missing or
    malformed fields. Prints one line per finding, sorted by line.

    Exit 0 when clean, 1 when a finding reaches --severity or --fix changed a file,
    2 for bad usage or unreadable input. Silence one entry with a comment on the line
    above it: % citekit: ignore[code]

    \b
    Examples:
      citekit check refs.bib
      citekit check --fix refs.bib              # rewrite what is safe to fix
      citekit check --severity warning --format github refs.bib
    """
    from citekit import checks

    files = files or (ctx.library,)
    _bib_only(files, "check works on")
    settings = checks.settings(ctx.cfg.check, where=config.table_name(ctx.cfg, "check"))
    chosen = checks.registry.validate_codes(_codes(select), where="--select") or settings.select
    skipped = settings.ignore + checks.registry.validate_codes(_codes(ignore), where="--ignore")
    extra = settings.enable + checks.registry.validate_codes(_codes(enable), where="--enable")
    style = style or settings.style or None
    style_fields = {}
    if style:
        style_fields = checks.style.load(style)
        extra += ("style-missing-field",)
    fail_at = _RANK[severity or settings.severity]

    results = checks.check_files(
        files,
        select=chosen,
        ignore=skipped,
        enable=extra,
        levels=settings.levels,
        options=checks.Options(
            datamodel=datamodel or settings.datamodel,
            key_pattern=ctx.cfg.key_pattern,
            style_name=style or "",
            style_fields=style_fields,
        ),
        fix=fix,
    )
    ret = 0
    report: list[tuple[Path, Problem]] = []
    for result in results:
        if result.fixed:
            done = ", ".join(f"{n} {code}" for code, n in result.fixed.items())
            console.fixed(result.path, f"fixed {done}")
            ret = EXIT_FINDINGS
        for p in result.problems:
            report.append((result.path, p))
            if _RANK[p.severity] >= fail_at:
                ret = EXIT_FINDINGS
    if output == "json":
        import json

        items = [{"path": str(path), **p.__dict__} for path, p in report]
        console.raw(json.dumps(items, indent=2, ensure_ascii=False) + "\n")
    elif output == "github":
        console.raw("".join(_github(path, p) for path, p in report))
    else:
        console.problems(report)
        if report:
            errors = sum(p.severity == "error" for _, p in report)
            warnings = len(report) - errors
            console.note(
                f"{len(report)} finding{'s' * (len(report) != 1)} "
                f"({errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)})"
            )
    raise SystemExit(ret)


@cli.command("fmt")
@FILES
@click.option(
    "--check", "check_only", is_flag=True, help="Change nothing; exit 1 if a file would change."
)
@click.option("--diff", is_flag=True, help="Print a unified diff instead of writing.")
@click.option("--sort", is_flag=True, default=None, help="Sort entries by key.")
@pass_context
def fmt_command(
    ctx: Context, files: tuple[Path, ...], check_only: bool, diff: bool, sort: bool | None
) -> None:
    """Format .bib files (default: the library) in one canonical layout: aligned fields,
    {} delimiters, lower-case types and names, one blank line between entries. Comments,
    @string macros, values and entry order (without --sort) are kept.

    Settings go in [tool.citekit.fmt]: indent, align, field-order, month, sort,
    trailing-comma. Exit 1 with --check when a file would change; 2 for unreadable input.

    \b
    Examples:
      citekit fmt refs.bib
      citekit fmt --check --diff refs.bib       # show what would change, write nothing
      citekit fmt --sort refs.bib
    """
    from dataclasses import replace

    from citekit import tidy

    files = files or (ctx.library,)
    _bib_only(files, "fmt formats")
    opts = tidy.options(ctx.cfg.fmt, where=config.table_name(ctx.cfg, "fmt"))
    if sort is not None:
        opts = replace(opts, sort=sort)
    with _no_gc():
        ret = _fmt(files, opts, check_only=check_only, diff=diff)
    raise SystemExit(ret)


def _fmt(files: tuple[Path, ...], opts: FmtOptions, *, check_only: bool, diff: bool) -> int:
    from citekit import bibfile
    from citekit import tidy

    ret = 0
    changed = 0
    for path in files:
        try:
            text, bom = bibfile.decode(path, path.read_bytes())
        except CitekitError as e:
            console.error(str(e))
            ret = EXIT_USER
            continue
        new = tidy.format(text, opts)
        if new == text:
            continue
        changed += 1
        if diff:
            import difflib

            console.raw(
                "".join(
                    difflib.unified_diff(
                        text.splitlines(keepends=True),
                        new.splitlines(keepends=True),
                        f"{path}",
                        f"{path} (formatted)",
                    )
                )
            )
        if check_only or diff:
            if check_only:
                console.info(f"would reformat {path}")
                ret = max(ret, EXIT_FINDINGS)
            continue
        bibfile.write_if_changed(bibfile.BibFile(path, text, bom=bom), new)
        console.fixed(path, "reformatted")
    if changed == 0 and ret == 0:
        console.note("nothing to reformat")
    return ret
