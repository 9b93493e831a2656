"""Every real-world file in ../shared/corpus: no traceback, real findings, and fmt is
idempotent and lossless. Skipped when the corpus is not next to the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from citekit import bibfile
from citekit import checks
from citekit import latex
from citekit import tidy

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = sorted(CORPUS.glob("*.bib")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}")


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(bibfile.guess_encoding(data).replace("MacRoman", "mac_roman"))


def _meaning(bib: bibfile.BibFile) -> list[tuple[str, str, dict[str, str]]]:
    """What BibTeX reads: keys, types, resolved values (white space runs are one space)."""
    out = []
    for e in (*bib.entries, *bib.duplicates):
        fields = {}
        for name, raw in e.fields.items():
            value = latex.value(raw, bib.strings)
            number = latex.month_number(value) if name == "month" else None
            fields[name] = str(number) if number else " ".join(value.split())
        out.append((e.key, e.type, fields))
    return sorted(out, key=lambda t: (t[0], t[1]))


def _comments(text: str) -> list[str]:
    from citekit import scanner

    return [
        text[i.start : i.end].strip()
        for i in scanner.scan(text).items
        if i.kind in ("text", "comment") and not i.issues
    ]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_check_runs_without_traceback(path: Path) -> None:
    bib, unreadable = checks.read(path)
    if unreadable is not None:
        assert unreadable.code == "not-utf8"
        return
    assert bib is not None
    found = checks.run(bib, enable=["key-pattern"])
    assert found == sorted(found, key=lambda p: (p.line, p.col, p.code))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fmt_is_idempotent_and_lossless(path: Path) -> None:
    text = _text(path)
    once = tidy.format(text)
    assert tidy.format(once) == once
    # by citekit's scanner and, independently, by bibtexparser
    for parse in (bibfile.scan, bibfile.parse):
        assert _meaning(parse(path, once)) == _meaning(parse(path, text))
    assert _comments(once) == _comments(text)
    assert tidy.format(once, tidy.Options(sort=True)) == tidy.format(
        tidy.format(once, tidy.Options(sort=True)), tidy.Options(sort=True)
    )


# a few findings checked by hand in each file (see the report on issue #4)
REAL = {
    "bbt_zotero_crypto.bib": [(5799, "unbalanced-brace"), (2795, "duplicate-key")],
    "bbt_zotero_blaisorblade.bib": [(5009, "duplicate-key"), (284, "bad-year")],
    "bbt_zotero_2025.bib": [(792, "page-range")],
    "bibdesk_ProgLang.bib": [(3672, "undefined-string"), (4009, "bad-date")],
    "biblatex-examples.bib": [(1402, "unprotected-caps")],
    "dblp_refs_crypto.bib": [(335, "duplicate-field")],
    "deep_learning.bib": [(33, "unprotected-caps")],
    "haskell2012.bib": [(1, "missing-field")],
    "jabref210_Main.bib": [(1206, "duplicate-doi"), (10691, "bad-doi")],
    "jabref272_macroman.bib": [(13, "not-utf8")],
    "libbib_crypto.bib": [(280, "duplicate-field")],
    "mendeley_library.bib": [(18587, "et-al"), (7906, "unescaped-special"), (6710, "bad-key")],
    "xampl.bib": [(70, "bad-month")],
    "cryptobib_abbrev0.bib": [],
}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_known_real_findings(path: Path) -> None:
    bib, unreadable = checks.read(path)
    found = {(p.line, p.code) for p in ([unreadable] if unreadable else checks.run(bib))}  # type: ignore[arg-type]
    assert set(REAL[path.name]) <= found
