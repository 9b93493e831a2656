"""`citekit add`, `list`, `show`, `remove`: keep the library."""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from citekit import console
from citekit.cli import Context
from citekit.cli import cli
from citekit.cli import pass_context
from citekit.errors import CitekitError
from citekit.importers import KINDS

if TYPE_CHECKING:
    from citekit import library

ENTRY_TYPES = (
    "article", "book", "inbook", "incollection", "inproceedings", "proceedings", "report",
    "techreport", "thesis", "phdthesis", "mastersthesis", "online", "misc", "manual",
    "unpublished", "booklet", "patent", "dataset", "software", "collection",
)  # fmt: skip

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def complete_keys(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion for citation keys from the library."""
    from citekit import config
    from citekit import library

    try:
        root = ctx.find_root()
        opt = root.params.get("library")
        cfg = config.load(root.params.get("config_path"))
        lib = library.load(config.library_path(cfg, opt))
    except CitekitError:
        return []
    return [e.key for e in lib.entries if e.key.lower().startswith(incomplete.lower())]


def load_reading(ctx: Context) -> library.Library:
    """The library for a command that only reads it; blocks that do not parse are left
    out, so say so rather than list fewer entries than the file holds."""
    from citekit import library

    lib = library.load(ctx.library)
    for block in lib.bib.failed if lib.bib is not None else ():
        console.warning(
            f"{ctx.library}:{block.line}:1: left out, it does not parse ({block.error}); "
            "citekit check shows details"
        )
    return lib


def _fields_from_options(
    *,
    authors: tuple[str, ...],
    editors: tuple[str, ...],
    title: str | None,
    container: str | None,
    entry_type: str,
    subtype: str | None,
    date: str | None,
    extra: dict[str, str | None],
) -> dict[str, str]:
    from citekit import latex

    fields: dict[str, str] = {}
    if authors:
        fields["author"] = " and ".join(_name_source(a, "--author") for a in authors)
    if editors:
        fields["editor"] = " and ".join(_name_source(e, "--editor") for e in editors)
    if title:
        fields["title"] = latex.to_latex(title)
    if container:
        target = {
            "article": "journal", "incollection": "booktitle", "inbook": "booktitle",
            "inproceedings": "booktitle", "online": "organization",
        }.get(entry_type, "journal" if entry_type == "misc" else "booktitle")  # fmt: skip
        if entry_type in ("report", "techreport"):
            target = "series"
        fields[target] = latex.to_latex(container)
    if subtype:
        fields["entrysubtype"] = subtype
    if date:
        m = _DATE.match(date.strip())
        if not m:
            raise click.BadParameter(
                f"{date!r} is not YYYY, YYYY-MM or YYYY-MM-DD", param_hint="--date"
            )
        try:
            datetime.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            raise click.BadParameter(f"{date!r} is not a real date", param_hint="--date") from None
        fields["date"] = date.strip()
    for name, val in extra.items():
        if val:
            fields[name] = val if name in ("url", "doi") else latex.to_latex(val)
    return fields


def _name_source(name: str, option: str) -> str:
    from citekit import latex
    from citekit import names

    name = name.strip()
    if not name.strip("{} \t"):
        raise click.BadParameter("an empty name", param_hint=option)
    if name.lower().strip("{}") == "and":
        raise click.BadParameter(
            "'and' is not a name (BibTeX reads it as the separator between names); "
            f"repeat {option} for each person",
            param_hint=option,
        )
    if name.startswith("{") and name.endswith("}"):
        return name  # an organisation, braced by the user
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return names.format_name(latex.to_latex(family), latex.to_latex(given))
    return latex.to_latex(name)


@cli.command("add")
@click.argument("sources", nargs=-1)
@click.option("--from", "kind", type=click.Choice(KINDS),
              help="What SOURCE is, when detection guesses wrong.")
@click.option("--text", "citation", metavar="CITATION",
              help="A formatted citation to read (Belfer, Chicago, APA, MLA, Harvard).")
@click.option("--type", "entry_type", default="article", show_default=True,
              type=click.Choice(ENTRY_TYPES, case_sensitive=False), help="Entry type.")
@click.option("--subtype", type=click.Choice(["magazine", "newspaper"]),
              help="For an op-ed or news article: entrysubtype (CSL article-magazine/newspaper).")
@click.option("--author", "authors", multiple=True, metavar='"Family, Given"',
              help="An author; repeat for several. Braces keep an organisation whole.")
@click.option("--editor", "editors", multiple=True, metavar='"Family, Given"', help="An editor.")
@click.option("--title", help="Title, exactly as it should print.")
@click.option("--container", help="Journal, magazine, newspaper or book title.")
@click.option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--url")
@click.option("--doi")
@click.option("--volume")
@click.option("--number")
@click.option("--pages")
@click.option("--publisher")
@click.option("--address")
@click.option("--institution")
@click.option("--note")
@click.option("--key", help="The citation key (default: from the key pattern).")
@click.option("--force", is_flag=True, help="Add even if the key, DOI or URL is already there.")
@click.option("--merge", is_flag=True,
              help="For a duplicate, fill only the fields the existing entry lacks.")
@click.option("--dry-run", is_flag=True,
              help="Write nothing; print the BibTeX that would be added on stdout.")
@click.option("--rekey", is_flag=True, help="Give entries from BibTeX new keys from the pattern.")
@click.option("--yes", "-y", is_flag=True,
              help="Do not ask; take the best guess for unsure fields (for scripts).")
@pass_context
def add_command(
    ctx: Context,
    sources: tuple[str, ...],
    kind: str | None,
    citation: str | None,
    entry_type: str,
    subtype: str | None,
    authors: tuple[str, ...],
    editors: tuple[str, ...],
    title: str | None,
    container: str | None,
    date: str | None,
    url: str | None,
    doi: str | None,
    volume: str | None,
    number: str | None,
    pages: str | None,
    publisher: str | None,
    address: str | None,
    institution: str | None,
    note: str | None,
    key: str | None,
    force: bool,
    merge: bool,
    dry_run: bool,
    rekey: bool,
    yes: bool,
) -> None:
    """Add entries to the library and print their keys.

    SOURCE can be a DOI, an arXiv id, an ISBN, a PubMed id (pmid:…), a web page's URL, or
    a file: BibTeX, RIS, CSL-JSON (Zotero), a saved HTML page, a page's text with a "For
    Academic Citation" block, references one per line, or a list of DOIs/URLs one per line
    (fetched with a progress bar; failures are listed at the end). - reads stdin. --text
    reads a formatted citation. Or give the fields with options.

    Refuses an entry already in the library (same DOI, URL or ISBN, or a similar title
    with the same year and first author), naming the existing key; --force adds it anyway,
    --merge fills in only what the existing entry lacks. On a terminal it shows the entry
    and asks first; --yes does not ask. --dry-run prints the BibTeX and writes nothing.

    \b
    Examples:
      citekit add 10.1080/14799855.2021.1890105
      citekit add https://thediplomat.com/2023/02/japan-china-hold-foreign-minister-call/
      citekit add --text "Pollmann, Mina.“Japan, China Hold …” The Diplomat, February 7, 2023."
      citekit add page.txt                   # the page's "For Academic Citation" block
      citekit add dois.txt --yes             # one DOI or URL per line
      citekit add refs.bib                   # every entry of another file
      pbpaste | citekit add -                # BibTeX (or RIS, CSL-JSON, a citation) from stdin
      citekit add --type article --subtype magazine --author "Pollmann, Mina" \\
          --title "Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit" \\
          --container "The Diplomat" --date 2023-02-07
    """
    from citekit import library
    from citekit import sources as sources_mod

    found = sources_mod.Found()
    failures: list[str] = []
    batch = False
    option_fields = _fields_from_options(
        authors=authors, editors=editors, title=title, container=container,
        entry_type=entry_type.lower(), subtype=subtype, date=date,
        extra={"url": url, "doi": doi, "volume": volume, "number": number, "pages": pages,
               "publisher": publisher, "address": address, "institution": institution,
               "note": note},
    )  # fmt: skip
    if citation is not None:
        found.extend(sources_mod.from_text(citation))
    for source in sources:
        if source == "-":
            found.extend(sources_mod.from_stdin(_read_stdin(), kind=kind or ""))
            continue
        source_kind = kind or sources_mod.detect(source)
        if source_kind == "batch":
            batch = True
            entries, failed = _fetch_batch(ctx, Path(source))
            found.entries.extend(entries)
            failures.extend(failed)
        else:
            found.extend(sources_mod.load(source, ctx.cfg, kind=source_kind))
    new = found.entries
    if option_fields:
        if sources or citation is not None:
            raise click.UsageError("give either SOURCES or field options, not both")
        if "title" not in option_fields and "author" not in option_fields:
            raise click.UsageError("an entry needs at least --title or --author")
        new.append(library.NewEntry(entry_type.lower(), option_fields, key or ""))
    elif key and len(new) == 1:
        new[0] = library.NewEntry(new[0].type, new[0].fields, key, new[0].source)
    elif key:
        raise click.UsageError(f"--key names one entry, but the sources hold {len(new)}")
    if not new and not failures:
        raise click.UsageError(
            "nothing to add: give a SOURCE (DOI, URL, file, -), --text, or field options"
        )
    for message in found.notes:
        console.note(message)
    for message in found.unsure:
        console.warning(f"unsure: {message}")
    asking = not yes and not dry_run and console.can_ask()
    if found.unsure and not yes and not asking and not dry_run:
        raise CitekitError(
            "nothing added: the fields above are unsure; check them, then run again with "
            "--yes to take the best guess, or give the fields with options (--title, …)"
        )

    def run(dry: bool) -> library.AddResult:
        return library.add(ctx.library, new, pattern=ctx.cfg.key_pattern, force=force,
                           rekey=rekey, dry_run=dry, merge=merge,
                           skip_duplicates=batch and not merge,
                           rename_clashes=bool(sources or citation) and not key)

    if asking and new:
        preview = run(True)
        for a in preview.added:
            console.bibtex(a.source, title=f"new: {a.key}")
        for m in preview.merged:
            console.info(f"{m.key}: would get {', '.join(m.fields) or 'no new fields'}")
        if (preview.added or preview.merged) and not console.confirm(
            f"Add to {ctx.library}?", default=True
        ):
            console.info("nothing added")
            raise SystemExit(0)
    result = run(dry_run) if new else library.AddResult()
    _report(ctx, result, dry_run=dry_run)
    if failures:
        for failure in failures:
            console.error(failure)
        raise SystemExit(2)


def _read_stdin() -> str:
    from citekit import bibfile

    if sys.stdin is None:
        raise CitekitError("<stdin>: closed; pipe the text in, e.g. pbpaste | citekit add -")
    # bytes, so that a non-UTF-8 paste is a clear error rather than mojibake in the library
    text, _ = bibfile.decode(Path("<stdin>"), sys.stdin.buffer.read())
    return text


def _fetch_batch(ctx: Context, path: Path) -> tuple[list[library.NewEntry], list[str]]:
    from citekit import sources as sources_mod

    lines = sources_mod.batch_lines(path)
    entries: list[library.NewEntry] = []
    failures: list[str] = []
    with console.progress(len(lines), f"fetching {len(lines)} references") as advance:
        for n, identifier in lines:
            try:
                entries.append(sources_mod.fetch(identifier, ctx.cfg))
            except CitekitError as e:
                failures.append(f"{path}:{n}: {e}")
            advance(identifier)
    if failures:
        console.warning(f"{len(failures)} of {len(lines)} references could not be read")
    return entries, failures


def _report(ctx: Context, result: library.AddResult, *, dry_run: bool) -> None:
    for s in result.skipped:
        console.warning(
            f"skipped: already in the library as {s.match.key!r} ({s.match.reason})"
        )
    for m in result.merged:
        filled = ", ".join(m.fields)
        verb = "would get" if dry_run else "got"
        console.info(f"{m.key} ({m.reason}): {verb} {filled}" if filled else
                     f"{m.key} ({m.reason}): already has every field; nothing merged")
    if dry_run:
        if result.added:
            console.raw("\n\n".join(a.source for a in result.added) + "\n")
        console.note(f"dry run: {len(result.added)} entr{'y' if len(result.added) == 1 else 'ies'}"
                     f" not written to {ctx.library}")
        return
    for a in result.added:
        if a.renamed_from:
            console.warning(f"key {a.renamed_from!r} was taken; added as {a.key!r}")
        console.raw(a.key + "\n")
    if result.added:
        console.success(f"added {len(result.added)} to {ctx.library}")


@cli.command("list")
@click.argument("query", required=False, default="")
@click.option("--author", help="Only entries with this author (part of a name).")
@click.option("--year", help="A year or a range, e.g. 2010-2015.")
@click.option("--type", "entry_type", help="Only this entry type.")
@click.option("--to", "to", type=click.Choice(["table", "keys", "json"]), default=None,
              help="Output: a table (default on a terminal), keys, or JSON.")
@pass_context
def list_command(ctx: Context, query: str, author: str | None, year: str | None,
                 entry_type: str | None, to: str | None) -> None:
    """List the library's entries, optionally filtered by QUERY (words anywhere).

    \b
    Examples:
      citekit list
      citekit list japan --year 2020-2023
      citekit list --author pollmann --to keys
    """
    from citekit import search

    lib = load_reading(ctx)
    years = search.parse_years(year) if year else None
    rows = search.select(lib, query=query, author=author, years=years, entry_type=entry_type)
    fmt = to or ("table" if console.is_terminal() else "keys")
    if fmt == "keys":
        console.raw("".join(f"{r.key}\n" for r in rows))
    elif fmt == "json":
        console.raw(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2) + "\n")
    else:
        console.table(
            ["key", "type", "year", "author", "title"],
            [(r.key, r.type, r.year, r.authors, r.title) for r in rows],
            title=f"{ctx.library} — {len(rows)} of {len(lib.entries)}",
        )


@cli.command("show")
@click.argument("key", shell_complete=complete_keys)
@pass_context
def show_command(ctx: Context, key: str) -> None:
    """Show one entry as stored, and how the style setting (default belfer) prints it.

    \b
    Example:
      citekit show pollmann2023japan
    """
    from citekit import render

    lib = load_reading(ctx)
    entry = lib.find(key)
    console.bibtex(lib.source(entry), title=f"{ctx.library}:{entry.line}")
    out = render.preview(lib, entry, style=ctx.cfg.style, locale=ctx.cfg.locale)
    for failure in out.failures:
        console.warning(f"{failure.key}: cannot render in {ctx.cfg.style}: {failure.reason}")
    if out.text.strip():
        console.raw(out.text)


@cli.command("remove")
@click.argument("key", shell_complete=complete_keys)
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def remove_command(ctx: Context, key: str, yes: bool) -> None:
    """Remove the entry KEY; every other byte of the file stays as it was.

    Asks first on a terminal; --yes skips the question (scripts never get asked).

    \b
    Examples:
      citekit remove pollmann2023japan
      citekit remove pollmann2023japan --yes
    """
    from citekit import library

    lib = library.load(ctx.library)
    entry = lib.find(key)
    if not yes and console.can_ask():
        console.bibtex(lib.source(entry), title=f"{ctx.library}:{entry.line}")
        if not console.confirm(f"Remove {entry.key}?"):
            console.info("nothing removed")
            raise SystemExit(0)
    removed = library.remove(ctx.library, entry.key)
    console.success(f"removed {removed.key} from {ctx.library}")
