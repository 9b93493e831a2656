"""Syntax: what BibTeX, biber or bibtexparser would choke on or silently misread."""

from __future__ import annotations

import re
from collections.abc import Iterator

from citekit.bibfile import BibFile
from citekit.checks.registry import Edit
from citekit.checks.registry import Options
from citekit.checks.registry import at
from citekit.checks.registry import check
from citekit.checks.registry import fixer
from citekit.checks.registry import syntax
from citekit.model import Problem


def _issues(bib: BibFile, code: str) -> Iterator[Problem]:
    scan = syntax(bib)
    issues = scan.cache.get("issues")
    if issues is None:  # one pass over the items for all the syntax checks
        issues = scan.cache["issues"] = scan.issues
    for issue in issues:
        if issue.code == code:
            yield at(bib, code, issue.pos, issue.message)


@check("not-utf8")
def not_utf8(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """The file is not UTF-8 (found while reading it, before any other check)."""
    return iter(())


@check("syntax-error")
def syntax_error(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """Something in an entry that is not ``name = value``."""
    return _issues(bib, "syntax-error")


@check("unbalanced-brace")
def unbalanced_brace(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A ``{`` that never closes, or a ``}`` too many."""
    return _issues(bib, "unbalanced-brace")


@check("unbalanced-quote")
def unbalanced_quote(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A ``"``-delimited value that never closes."""
    return _issues(bib, "unbalanced-quote")


@check("missing-comma")
def missing_comma(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """Two fields with no comma between them."""
    return _issues(bib, "missing-comma")


@fixer("missing-comma")
def fix_missing_comma(bib: BibFile, opts: Options) -> Iterator[Edit]:
    """The comma goes right after the value, where the scanner found it missing."""
    for item in syntax(bib).items:
        for issue in item.issues:
            if issue.code == "missing-comma":
                yield Edit(issue.pos, issue.pos, ",")


@check("swallowed-field")
def swallowed_field(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A value that runs on over a line that looks like the next field."""
    return _issues(bib, "swallowed-field")


@check("missing-key")
def missing_key(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """An entry with no citation key."""
    return _issues(bib, "missing-key")


# text outside entries is a comment to BibTeX; it is suspicious only when it looks like
# BibTeX that lost its entry (braces, `name = value`, a stray comma), on a line that is not
# marked as a comment with % or #
_LOOKS_LIKE_BIBTEX = re.compile(r"[{}]|^\s*,|^\s*[A-Za-z][\w-]*\s*=|^\s*@")


@check("garbage-text", severity="warning")
def garbage_text(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """Text between entries that looks like broken BibTeX."""
    for item in syntax(bib).items:
        if item.kind != "text" or item.issues:
            continue
        pos = item.start
        for line in bib.text[item.start : item.end].splitlines(keepends=True):
            body = line.strip()
            if body and body[0] not in "%#" and _LOOKS_LIKE_BIBTEX.search(line):
                start = pos + len(line) - len(line.lstrip())
                yield at(
                    bib,
                    "garbage-text",
                    start,
                    f"text outside any entry, which BibTeX ignores: {body[:60]!r}",
                )
                break
            pos += len(line)
