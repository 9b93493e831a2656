from __future__ import annotations

from citekit.csl.engine import Engine
from tests.csl.spec.conftest import HEAD


def test_item_without_type_renders_and_matches_no_type() -> None:
    body = ('<choose><if type="book"><text value="book "/></if></choose>'
            '<text variable="title"/>')
    xml = HEAD.format(attrs="", locale="", body=body, layout="", bib_attrs="")
    bib = Engine.from_string(xml).bibliography([{"id": "a", "title": "T"}])
    assert [e.html for e in bib.entries] == ["T"]
