"""Citation keys: characters the tools reject, and (opt-in) the configured pattern."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from citekit.bibfile import BibFile
from citekit.checks.registry import Options
from citekit.checks.registry import check
from citekit.model import Problem

# BibTeX ends a key at whitespace, a comma or a brace, and \cite breaks on # % ~ \ and
# quotes; biber rejects non-ASCII keys unless told otherwise
_BAD = re.compile(r"[\s\"#%'(),={}\\~]|[^\x00-\x7f]")
_BAD_ANY = re.compile(r"[\s\"#%'(),={}\\~\x80-\U0010ffff]")  # the same, as one set: faster


@check("bad-key")
def bad_key(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A key with characters BibTeX, biber or ``\\cite`` reject."""
    entries = (*bib.entries, *bib.duplicates)
    # one search over all keys (joined by '|', which _BAD never matches) finds the few
    # entries to look at
    keys = [entry.key for entry in entries]
    starts = list(itertools.accumulate([len(key) + 1 for key in keys], initial=0))
    found = _BAD_ANY.finditer("|".join(keys))
    flagged = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in found})
    for entry in (entries[i] for i in flagged):
        bad = sorted(set(_BAD.findall(entry.key)))
        if bad:
            shown = ", ".join(repr(c) for c in bad)
            yield Problem(
                "bad-key",
                entry.line,
                1,
                f"{entry.key}: key has {shown}; use letters, digits and - _ : . / +",
            )


_PATTERN_FIELDS = frozenset(
    "author editor title year date issued journal journaltitle booktitle".split()
)


@check("key-pattern", severity="warning", opt_in=True)
def key_pattern(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A key that does not follow the configured ``key_pattern`` (opt-in)."""
    from citekit import keys  # only for this opt-in check: names and transliteration

    keys.validate_pattern(opts.key_pattern)
    for entry in bib.entries:
        if not entry.key:
            continue
        # only what a pattern can use: decoding every abstract would cost seconds
        wanted = {k: v for k, v in entry.fields.items() if k in _PATTERN_FIELDS}
        fields = keys.plain_fields({**wanted, "ENTRYTYPE": entry.type}, bib.strings)
        base = keys.base_key(fields, opts.key_pattern)
        # a letter suffix (a, b, ... aa) is how make_key keeps keys unique
        if not re.fullmatch(re.escape(base) + r"[a-z]{0,2}", entry.key, flags=re.IGNORECASE):
            yield Problem(
                "key-pattern",
                entry.line,
                1,
                f"{entry.key}: key does not follow {opts.key_pattern!r}; expected {base!r}",
            )
