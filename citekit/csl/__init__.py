"""CSL: mapping entries to CSL-JSON, finding styles, rendering with citeproc-py."""
