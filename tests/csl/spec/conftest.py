from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from citekit.csl.engine import Engine

HEAD = """<style xmlns="http://purl.org/net/xbiblio/csl" {attrs} class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  {locale}
  <citation><layout><text value="x"/></layout></citation>
  <bibliography {bib_attrs}><layout {layout}>{body}</layout></bibliography>
</style>"""

Render = Callable[..., str]


@pytest.fixture
def render() -> Render:
    """The one bibliography entry of ``item`` under a style with ``body`` as its layout."""

    def run(body: str, item: dict[str, Any], *, piq: bool | None = None, attrs: str = "",
            layout: str = "", bib_attrs: str = "", locale_xml: str = "") -> str:
        locale = locale_xml
        if piq is not None:
            locale = (f'<locale><style-options punctuation-in-quote="{str(piq).lower()}"/>'
                      "</locale>")
        xml = HEAD.format(attrs=attrs, locale=locale, body=body, layout=layout,
                          bib_attrs=bib_attrs)
        bib = Engine.from_string(xml).bibliography([{"id": "a", "type": "book", **item}])
        assert bib.failures == ()
        (entry,) = bib.entries
        return entry.html

    return run
