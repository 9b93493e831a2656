from __future__ import annotations

from tests.csl.spec.helpers import engine
from tests.csl.spec.helpers import entries


def test_an_item_that_prints_nothing_is_left_out_and_the_rest_line_up() -> None:
    e = engine(entry='<text variable="title"/>', sort='<sort><key variable="title"/></sort>')
    items = [
        {"id": "b", "type": "book", "title": "B"},
        {"id": "empty", "type": "book"},
        {"id": "a", "type": "book", "title": "A"},
    ]
    bib = e.bibliography(items)
    assert [f.key for f in bib.failures] == ["empty"]
    assert [(r.key, r.html) for r in bib.entries] == [("a", "A"), ("b", "B")]
    assert entries(e, items[:1]) == ["B"]
