"""citekit: keep a BibTeX library tidy and cite from it with any CSL style."""

from __future__ import annotations

__version__ = "0.1.0"
