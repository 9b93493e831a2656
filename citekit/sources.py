"""Turn what the user gives `citekit add` into new entries.

SOURCE is detected (``detect``) or forced with ``--from KIND``: a DOI, arXiv id, ISBN or
PubMed id; a URL; a file (BibTeX, RIS, CSL-JSON, saved HTML, a page's text or pasted
references, or a batch list of identifiers, one per line).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from citekit import bibfile
from citekit import scanner
from citekit.config import Config
from citekit.config import table_name
from citekit.errors import CitekitError
from citekit.library import NewEntry

IDENTIFIERS = ("doi", "arxiv", "isbn", "pubmed", "url")
_EXTENSIONS = {".bib": "bib", ".biblatex": "bib", ".ris": "ris", ".json": "csljson",
               ".html": "html", ".htm": "html", ".xhtml": "html"}  # fmt: skip


@dataclass
class Found:
    """What a SOURCE gave: entries, fields the parser is unsure of, and the shape read."""

    entries: list[NewEntry] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)  # "journal: 'X' matches no known shape"
    notes: list[str] = field(default_factory=list)  # "read as a belfer citation"

    def extend(self, other: Found) -> None:
        self.entries.extend(other.entries)
        self.unsure.extend(other.unsure)
        self.notes.extend(other.notes)


def delimited(entry: NewEntry) -> NewEntry:
    """Importers give field contents; the library takes BibTeX values. Only a content
    that already looks delimited (``{World Health Organization}``, ``"Quoted"``) needs
    its own braces, or it would lose the ones it has."""
    fields = {
        name: "{" + value + "}" if bibfile.braced(value, name=name) == value and not value.isdigit()
        else value
        for name, value in entry.fields.items()
    }  # fmt: skip
    return NewEntry(entry.type, fields, entry.key, entry.source)


def identify(source: str) -> tuple[str, str]:
    """(kind, normalised id) for a DOI, arXiv id, ISBN, PubMed id or URL; ("", "") if none."""
    from citekit.importers import arxiv
    from citekit.importers import doi
    from citekit.importers import isbn
    from citekit.importers import pubmed

    source = source.strip()
    for kind, normalize in (("doi", doi.normalize), ("arxiv", arxiv.normalize),
                            ("isbn", isbn.normalize), ("pubmed", pubmed.normalize)):  # fmt: skip
        found = normalize(source)
        if found:
            return kind, found
    if re.match(r"https?://\S+$", source, re.IGNORECASE):
        return "url", source
    return "", ""


def sniff(text: str) -> str:
    """The kind of a file's text, from its content."""
    head = text.lstrip("\ufeff \t\r\n")[:2000]
    if re.match(r"TY  - ", head):
        return "ris"
    if head.startswith(("[", "{")):
        return "csljson"
    if re.match(r"(?i)<!doctype html|<html|<head|<meta", head):
        return "html"
    if re.search(r"^\s*@\s*[A-Za-z]+\s*[{(]", head, re.MULTILINE):
        return "bib"
    lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if lines and all(identify(line)[0] for line in lines):
        return "batch"
    return "text"


def detect(source: str) -> str:
    """The kind of a SOURCE argument: a file by extension or content, else an identifier."""
    path = Path(source)
    if path.is_file():
        kind = _EXTENSIONS.get(path.suffix.lower())
        return kind or sniff(_read_text(path))
    kind, _ = identify(source)
    if kind:
        return kind
    if path.is_dir():
        raise CitekitError(f"{source}: is a folder; give a file in it, or a DOI, URL, …")
    raise CitekitError(
        f"{source}: no such file, and not a DOI, arXiv id, ISBN, PubMed id or URL; "
        "for a formatted citation use --text"
    )


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CitekitError(f"{path}: cannot read it ({e.strerror})") from None
    text, _ = bibfile.decode(path, data)
    return text


def batch_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, identifier) for each non-empty, non-comment line of a batch file."""
    return [
        (n, line.strip())
        for n, line in enumerate(_read_text(path).splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def fetch(identifier: str, cfg: Config, *, kind: str = "") -> NewEntry:
    """One entry for a DOI, arXiv id, ISBN, PubMed id or URL, over the network."""
    from citekit.importers import arxiv
    from citekit.importers import doi
    from citekit.importers import html
    from citekit.importers import isbn
    from citekit.importers import net
    from citekit.importers import pubmed

    found_kind, value = identify(identifier)
    kind = kind or found_kind
    if kind != found_kind and kind != "url":
        normalize: dict[str, Callable[[str], str]] = {
            "doi": doi.normalize, "arxiv": arxiv.normalize, "isbn": isbn.normalize,
            "pubmed": pubmed.normalize,
        }  # fmt: skip
        value = normalize[kind](identifier)
    if kind == "url":
        value = identifier.strip()
    if not value:
        raise CitekitError(f"{identifier}: not a {kind or 'DOI, arXiv id, ISBN, PubMed id or URL'}")
    settings = net.settings(cfg.net, where=table_name(cfg, "net"))
    fetchers: dict[str, Callable[[str, net.Settings], NewEntry]] = {
        "doi": doi.fetch, "arxiv": arxiv.fetch, "isbn": isbn.fetch, "pubmed": pubmed.fetch,
        "url": html.fetch,
    }  # fmt: skip
    return delimited(fetchers[kind](value, settings))


def from_file(path: Path, kind: str) -> Found:
    """Entries from a file of a known kind (not a batch: the caller loops over those)."""
    from citekit.importers import csljson
    from citekit.importers import html
    from citekit.importers import ris

    text = _read_text(path)
    if kind == "bib":
        return Found(from_bibtex(path, text))
    if kind == "ris":
        return Found([delimited(e) for e in ris.parse(text, url=str(path))])
    if kind == "csljson":
        return Found([delimited(e) for e in csljson.parse(text, url=str(path))])
    if kind == "html":
        return Found([delimited(html.parse(text, url=str(path)))])
    if kind == "text":
        return from_text(text, where=str(path))
    raise CitekitError(f"{path}: --from {kind} takes an identifier, not a file")


def from_text(text: str, *, where: str = "<text>") -> Found:
    """Entries from formatted references (a page's citation block, or one per line)."""
    from citekit.importers import text as text_mod

    found = Found()
    refs = text_mod.parse_text(text, url=where)
    if len(refs) == 1:
        found.notes.append(f"{where}: read as a {refs[0].style} reference")
    else:
        styles = Counter(p.style for p in refs).most_common()
        found.notes.append(
            f"{where}: read {len(refs)} references ({', '.join(f'{n} {s}' for s, n in styles)})"
        )
    for n, parsed in enumerate(refs, 1):
        found.entries.append(delimited(parsed.entry))
        which = f"reference {n}: " if len(refs) > 1 else ""
        found.unsure.extend(f"{which}{name}: {why}" for name, why in parsed.unsure)
    return found


def from_bibtex(path: Path, text: str) -> list[NewEntry]:
    """Every entry of BibTeX ``text``, each with its own source text and key."""
    bib = bibfile.parse(path, text)
    bib.require_clean()
    _require_balanced(path, text)
    if bib.duplicates:
        d = bib.duplicates[0]
        raise CitekitError(f"{path}:{d.line}: the key {d.key!r} appears twice in the input")
    out = []
    for entry in bib.entries:
        if not entry.key:
            raise CitekitError(f"{path}:{entry.line}: an entry without a key")
        assert entry.span is not None
        source = text[entry.span[0] : entry.span[1]]
        fields = {k: v for k, v in entry.fields.items()}
        if bib.strings:
            # the library may lack the input's @string macros: write values out
            from citekit import latex

            fields = {
                k: "{" + latex.value(v, bib.strings) + "}" if _uses_macro(v, bib.strings) else v
                for k, v in fields.items()
            }
            if fields != dict(entry.fields):
                source = ""
        out.append(NewEntry(entry.type, fields, entry.key, source))
    if not out:
        raise CitekitError(f"{path}: no BibTeX entries found")
    return out


def _require_balanced(path: Path, text: str) -> None:
    """bibtexparser reads \\{ as an escaped brace, but BibTeX counts it: such an entry,
    copied into the library as is, would swallow every entry added after it."""
    syntax = scanner.scan(text)
    for item in syntax.items:
        if any(issue.code == "unbalanced-brace" for issue in item.issues):
            issue = item.issues[0]  # the first is where it went wrong
            line, col = syntax.line_col(issue.pos)
            raise CitekitError(
                f"{path}:{line}:{col}: {issue.message}; fix the entry (BibTeX counts \\{{ "
                "and \\} as braces too) and run again"
            )


def _uses_macro(raw: str, strings: dict[str, str] | object) -> bool:
    from citekit import latex

    parts = latex.split_concatenation(raw.strip())
    return any(p.lower() in strings for p in parts if p and p[0] not in '{"' and not p.isdigit())  # type: ignore[operator]


def load(source: str, cfg: Config, *, kind: str = "") -> Found:
    """Entries from one SOURCE argument (not a batch file)."""
    kind = kind or detect(source)
    path = Path(source)
    if kind in IDENTIFIERS and not path.is_file():
        return Found([fetch(source, cfg, kind=kind)])
    if not path.is_file():
        raise CitekitError(f"{source}: no such file")
    return from_file(path, kind)


def from_stdin(text: str, *, kind: str = "") -> Found:
    kind = kind or sniff(text)
    if kind == "bib":
        return Found(from_bibtex(Path("<stdin>"), text))
    if kind == "text":
        return from_text(text, where="<stdin>")
    from citekit.importers import csljson
    from citekit.importers import html
    from citekit.importers import ris

    if kind == "ris":
        return Found([delimited(e) for e in ris.parse(text, url="<stdin>")])
    if kind == "csljson":
        return Found([delimited(e) for e in csljson.parse(text, url="<stdin>")])
    if kind == "html":
        return Found([delimited(html.parse(text, url="<stdin>"))])
    raise CitekitError(f"<stdin>: --from {kind} takes an identifier; give it as SOURCE")


def from_source(source: str, cfg: Config) -> list[NewEntry]:
    """Entries from a SOURCE argument (see ``load``)."""
    return load(source, cfg).entries
