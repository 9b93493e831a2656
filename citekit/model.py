"""Plain data shared by the core: entries, findings. No I/O here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field


@dataclass(frozen=True)
class Entry:
    """One BibTeX entry. ``fields`` holds values as written (braces, quotes, macros kept)."""

    key: str
    type: str  # lower-case: "article", "book", ...
    fields: Mapping[str, str] = field(default_factory=dict)
    line: int = 0  # 1-based line in its file; 0 = not saved yet
    span: tuple[int, int] | None = None  # [start, end) offsets into BibFile.text

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)


@dataclass(frozen=True)
class Problem:
    """One finding about a file: where, which rule, what is wrong."""

    code: str
    line: int
    col: int
    message: str
    severity: str = "error"
