from __future__ import annotations

import pytest

from citekit.csl.spec.punctuation import merge
from tests.csl.spec.conftest import Render


@pytest.mark.parametrize(("left", "right", "expected"), (
    (".", ".", "."), ("?", ".", "?"), ("!", ":", "!"), (":", "!", "!"), (";", "?", "?"),
    (",", ".", ",."), (".", ",", ".,"), (":", ";", ":;"),
))
def test_merge(left: str, right: str, expected: str) -> None:
    assert merge(left, right) == expected


def test_suffix_after_a_title_ending_in_a_question_mark(render: Render) -> None:
    body = '<text variable="title" font-style="italic" suffix="."/>'
    assert render(body, {"title": "Why?"}) == "<i>Why?</i>"


def test_ellipsis_in_a_field_is_kept(render: Render) -> None:
    assert render('<text variable="title"/>', {"title": "Wait... what"}) == "Wait... what"


def test_marks_a_field_writes_side_by_side_stay(render: Render) -> None:
    # citeproc-js merges marks from different sources only: "Style?: A Functional Style"
    body = '<text variable="title" suffix="."/>'
    assert render(body, {"title": "Why?: a study"}) == "Why?: a study."
    assert render(body, {"title": "Why?: a study?"}) == "Why?: a study?"


def test_merging_can_be_turned_off(render: Render) -> None:
    attrs = 'xmlns:citekit="https://citekit.dev/csl" citekit:merge-punctuation="false"'
    body = '<text variable="title" suffix="."/>'
    assert render(body, {"title": "Why?"}, attrs=attrs) == "Why?."
