from __future__ import annotations

from typing import Any

from citekit.csl.spec.note_fields import read_note


def _read(item: dict[str, Any]) -> dict[str, Any]:
    read_note(item)
    return item


def test_variables_in_the_note_become_variables() -> None:
    item = _read({"note": "event-date: 2004-10-01\ntranslator: Hall || W.C.\nSeen."})
    assert item == {
        "event-date": {"raw": "2004-10-01"},
        "translator": [{"family": "Hall", "given": "W.C."}],
        "note": "Seen.",
    }


def test_the_item_wins_and_unknown_names_stay_in_the_note() -> None:
    item = _read({"publisher": "P", "note": "publisher: Q\nArticleType: research"})
    assert item == {"publisher": "P", "note": "ArticleType: research"}
