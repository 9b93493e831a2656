"""Importers: turn DOIs, web pages, formatted citations and other formats into entries."""

from __future__ import annotations

# what `citekit add --from` accepts; here, so the CLI can list them without loading importers
KINDS = ("doi", "arxiv", "isbn", "pubmed", "url", "bib", "ris", "csljson", "html", "text",
         "batch")  # fmt: skip
