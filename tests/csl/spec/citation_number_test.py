from __future__ import annotations

from tests.csl.spec.helpers import cite
from tests.csl.spec.helpers import engine


def test_citation_number_takes_text_attributes() -> None:
    e = engine(cite='<text variable="citation-number" strip-periods="true" prefix="[" suffix="]"/>')
    assert cite(e, [{"id": "a", "type": "book", "title": "T"}], "a") == "[1]"
