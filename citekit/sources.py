"""Turn what the user gives `citekit add` into new entries.

Here: BibTeX text and .bib files. Importers (DOI, web pages, pasted citations, RIS,
CSL-JSON) plug in through ``from_source``.
"""

from __future__ import annotations

from pathlib import Path

from citekit import bibfile
from citekit.config import Config
from citekit.errors import CitekitError
from citekit.library import NewEntry


def from_bibtex(path: Path, text: str) -> list[NewEntry]:
    """Every entry of BibTeX ``text``, each with its own source text and key."""
    bib = bibfile.parse(path, text)
    bib.require_clean()
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


def _uses_macro(raw: str, strings: dict[str, str] | object) -> bool:
    from citekit import latex

    parts = latex.split_concatenation(raw.strip())
    return any(p.lower() in strings for p in parts if p and p[0] not in '{"' and not p.isdigit())  # type: ignore[operator]


def from_source(source: str, cfg: Config) -> list[NewEntry]:
    """Entries from a SOURCE argument: for now a BibTeX file."""
    path = Path(source)
    if path.is_file():
        data = path.read_bytes()
        text, _ = bibfile.decode(path, data)
        return from_bibtex(path, text)
    raise CitekitError(f"{source}: no such file; give a .bib file, or - for stdin")
