from __future__ import annotations

import io

import pytest
from rich.console import Console

from citekit import console


def test_bibtex_on_a_terminal_wraps_long_lines_instead_of_cropping(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `show` on a terminal cut the stored entry at the panel's edge: soft_wrap, which
    # keeps path:line: lines whole, also stopped the panel from wrapping
    buf = io.StringIO()
    term = Console(file=buf, force_terminal=True, no_color=True, width=40, soft_wrap=True)
    monkeypatch.setattr(console, "out", term)
    console.bibtex("@misc{k, title={one two three four five six seven eight nine ten}}", title="t")
    text = "".join(line.strip("│ ") for line in buf.getvalue().splitlines())
    assert "seven eight nine ten}}" in text
