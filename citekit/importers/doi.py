"""DOIs: content negotiation at the DOI resolver for CSL-JSON, then ``csljson``."""

from __future__ import annotations

import re
from urllib.parse import quote

from citekit.errors import CitekitError
from citekit.importers import csljson
from citekit.importers import net
from citekit.library import NewEntry

ACCEPT = "application/vnd.citationstyles.csl+json, application/citeproc+json;q=0.9"
PATTERN = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)


def normalize(source: str) -> str:
    """``doi:10.1/x`` or ``https://doi.org/10.1/x`` -> ``10.1/x``; ``""`` if not a DOI."""
    m = PATTERN.match(source.strip())
    return m.group(1).rstrip(".,;") if m else ""


def parse(text: str, *, url: str) -> NewEntry:
    """The entry for a resolver's CSL-JSON answer; the DOI's own id is not a key."""
    entries = csljson.parse(text, url=url)
    if len(entries) != 1:
        raise CitekitError(f"{url}: expected one CSL-JSON item, got {len(entries)}")
    entry = entries[0]
    return NewEntry(entry.type, entry.fields, "")


def fetch(doi: str, settings: net.Settings) -> NewEntry:
    url = f"{settings.url('doi')}/{quote(doi, safe='/:;()<>._-')}"
    return parse(net.get(url, accept=ACCEPT, settings=settings).text(), url=url)
