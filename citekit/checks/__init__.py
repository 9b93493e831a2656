"""Lint checks for .bib files: ``run`` finds problems, ``fix`` repairs the safe ones.

Each theme module registers its checks with ``@check(code)`` (see ``registry``); there is
no list to edit. Importing this package must stay cheap: ``citekit check`` is a
pre-commit hook, so nothing here imports citeproc or lxml (``--style`` loads them lazily).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from pathlib import Path

from citekit import bibfile
from citekit.bibfile import BibFile
from citekit.checks import duplicates as duplicates
from citekit.checks import fields as fields
from citekit.checks import keys as keys
from citekit.checks import style as style
from citekit.checks import syntax as syntax
from citekit.checks import text as text
from citekit.checks import values as values
from citekit.checks.registry import FIXERS as FIXERS
from citekit.checks.registry import RULES as RULES
from citekit.checks.registry import Options as Options
from citekit.checks.registry import Settings as Settings
from citekit.checks.registry import settings as settings
from citekit.errors import CitekitError
from citekit.model import Problem


def codes(
    *,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
    enable: Collection[str] = (),
) -> list[str]:
    """The codes that run: ``select`` (or every default check plus ``enable``), minus
    ``ignore``. Opt-in checks run only when named."""
    if select:
        chosen = [c for c in RULES if c in select or ("ALL" in select and not RULES[c].opt_in)]
    else:
        chosen = [c for c, rule in RULES.items() if not rule.opt_in or c in enable]
    return [c for c in chosen if c not in ignore]


_IGNORE = re.compile(r"^[ \t]*%+[ \t]*citekit:[ \t]*ignore(?:\[([^\]\n]*)\])?[ \t]*\r?$", re.M)


@dataclass(frozen=True)
class _Suppressed:
    start: int
    end: int
    first_line: int
    last_line: int
    codes: frozenset[str]  # empty: every code

    def covers(self, code: str) -> bool:
        return not self.codes or code in self.codes


def _suppressions(bib: BibFile) -> list[_Suppressed]:
    """``% citekit: ignore[code, ...]`` on the line before an entry silences those codes
    (all codes without brackets) for that entry."""
    if "citekit:" not in bib.text:
        return []
    scan = bib.syntax
    assert scan is not None
    out: list[_Suppressed] = []
    starts = [(item.start, item) for item in scan.items if item.kind != "text"]
    for m in _IGNORE.finditer(bib.text):
        for start, item in starts:
            if start >= m.end():
                if bib.text[m.end() : start].strip():
                    break
                names = frozenset(c.strip() for c in (m.group(1) or "").split(",") if c.strip())
                first = scan.line_col(item.start)[0]
                last = scan.line_col(item.end)[0]
                out.append(_Suppressed(item.start, item.end, first, last, names))
                break
    return out


def _scanned(bib: BibFile) -> BibFile:
    return bib if bib.syntax is not None else bibfile.scan(bib.path, bib.text, bom=bib.bom)


def run(
    bib: BibFile,
    *,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
    enable: Collection[str] = (),
    levels: Mapping[str, str] | None = None,
    options: Options | None = None,
) -> list[Problem]:
    """Every finding of the selected checks, sorted by line."""
    bib = _scanned(bib)
    options = options or Options()
    levels = levels or {}
    hidden = _suppressions(bib)
    found: list[Problem] = []
    for code in codes(select=select, ignore=ignore, enable=enable):
        rule = RULES[code]
        severity = levels.get(code, rule.severity)
        for p in rule.func(bib, options):
            if hidden and any(
                s.first_line <= p.line <= s.last_line and s.covers(p.code) for s in hidden
            ):
                continue
            # a Problem is immutable: one that already has its severity needs no copy
            found.append(
                p if p.severity == severity else Problem(p.code, p.line, p.col, p.message, severity)
            )
    return sorted(found, key=lambda p: (p.line, p.col, p.code))


def fix_counts(
    bib: BibFile,
    *,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
    enable: Collection[str] = (),
    options: Options | None = None,
) -> tuple[str, dict[str, int]]:
    """The fixed text and how many edits each fixer made. Fixers run one after the other,
    each on a fresh scan, so their offsets never go stale."""
    bib = _scanned(bib)
    options = options or Options()
    counts: dict[str, int] = {}
    for code in codes(select=select, ignore=ignore, enable=enable):
        if code not in FIXERS:
            continue
        hidden = [s for s in _suppressions(bib) if s.covers(code)]
        edits = [
            (e.start, e.end, e.text)
            for e in FIXERS[code](bib, options)
            if not any(s.start <= e.start < s.end for s in hidden)
        ]
        if not edits:
            continue
        new = bibfile.splice_spans(bib.text, edits)
        if new != bib.text:
            counts[code] = len(edits)
            bib = bibfile.scan(bib.path, new, bom=bib.bom)
    return bib.text, counts


def fix(bib: BibFile, **kwargs: Collection[str]) -> str:
    """The text with every safe fix applied (``bib.text`` when there is nothing to fix)."""
    return fix_counts(bib, **kwargs)[0]  # type: ignore[arg-type]


def read(path: Path) -> tuple[BibFile | None, Problem | None]:
    """The file scanned for checking, or the ``not-utf8`` finding when it cannot be
    decoded (a finding, not an error: the hook must report it like any other)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CitekitError(f"{path}: cannot read it ({e.strerror})") from None
    what = bibfile.binary_kind(data)
    if what:
        # re-encoding advice for a PDF or an image would send the user the wrong way
        return None, Problem(
            "not-utf8",
            1,
            1,
            f"looks like a binary file ({what}), not BibTeX text; is this the right file?",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        guess = bibfile.guess_encoding(data)
        return None, Problem(
            "not-utf8",
            line,
            col,
            f"not UTF-8: byte 0x{data[e.start]:02x} at offset {e.start}; looks like {guess}; "
            f"re-save it as UTF-8 (iconv -f {bibfile.iconv_name(guess)} -t UTF-8)",
        )
    if b"\0" in data:  # the same test as on the text (UTF-8 has no other 0 byte), faster
        # ASCII-only UTF-16 without a BOM decodes as UTF-8: without this it passed the hook
        nul = text.index("\0")
        line = text.count("\n", 0, nul) + 1
        guess = bibfile.guess_encoding(data)
        return None, Problem(
            "not-utf8",
            line,
            nul - (text.rfind("\n", 0, nul) + 1) + 1,
            f"a NUL byte at offset {nul}, so not a UTF-8 text file; looks like {guess}; "
            f"re-save it as UTF-8 (iconv -f {bibfile.iconv_name(guess)} -t UTF-8)",
        )
    bom = text.startswith(bibfile.BOM)
    return bibfile.scan(path, text[1:] if bom else text, bom=bom), None


@dataclass(frozen=True)
class Result:
    """What checking one file gave: its findings, and the fixes written to it."""

    path: Path
    problems: list[Problem]
    fixed: dict[str, int] = field(default_factory=dict)  # code -> edits; empty: unchanged


def check_files(
    paths: Collection[Path],
    *,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
    enable: Collection[str] = (),
    levels: Mapping[str, str] | None = None,
    options: Options | None = None,
    fix: bool = False,
) -> list[Result]:
    """Check (and with ``fix``, first repair in place) several files as one run: macros
    that one file defines count in all of them, as when BibTeX reads them together."""
    loaded = [(path, *read(path)) for path in paths]
    options = options or Options()
    macros = {m for _, bib, _ in loaded if bib is not None for m in bib.strings}
    options = replace(options, macros=options.macros | macros)
    active = codes(select=select, ignore=ignore, enable=enable)
    levels = levels or {}
    results: list[Result] = []
    for path, bib, unreadable in loaded:
        if bib is None:
            assert unreadable is not None
            problems = (
                [replace(unreadable, severity=levels.get("not-utf8", unreadable.severity))]
                if "not-utf8" in active
                else []
            )
            results.append(Result(path, problems))
            continue
        counts: dict[str, int] = {}
        if fix:
            text, counts = fix_counts(
                bib, select=select, ignore=ignore, enable=enable, options=options
            )
            if bibfile.write_if_changed(bib, text):
                bib = bibfile.scan(path, text, bom=bib.bom)
            else:
                counts = {}
        problems = run(
            bib, select=select, ignore=ignore, enable=enable, levels=levels, options=options
        )
        results.append(Result(path, problems, counts))
    return results
