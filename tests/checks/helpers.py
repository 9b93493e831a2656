from __future__ import annotations

from pathlib import Path

from citekit import bibfile
from citekit import checks
from citekit.model import Problem


def parse(src: str) -> bibfile.BibFile:
    return bibfile.scan(Path("t.bib"), src)


def found(src: str, code: str, **kwargs: object) -> list[Problem]:
    return checks.run(parse(src), select=[code], **kwargs)  # type: ignore[arg-type]


def codes(src: str, code: str, **kwargs: object) -> list[str]:
    return [p.code for p in found(src, code, **kwargs)]


def fixed(src: str, code: str) -> str:
    return checks.fix(parse(src), select=[code])
