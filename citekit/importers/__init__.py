"""Importers: turn DOIs, web pages, formatted citations and other formats into entries."""
