from __future__ import annotations

from tests.csl.spec.conftest import Render

SHORT = '<text variable="container-title" form="short"/>'


def test_journal_abbreviation_is_the_short_container_title(render: Render) -> None:
    item = {"container-title": "American Law Journal", "journalAbbreviation": "Am. L.J."}
    assert render(SHORT, item) == "Am. L.J."


def test_an_explicit_short_title_wins(render: Render) -> None:
    item = {"container-title": "J", "journalAbbreviation": "A", "container-title-short": "B"}
    assert render(SHORT, item) == "B"
