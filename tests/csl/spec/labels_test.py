from __future__ import annotations

import pytest

from citekit.csl.engine import Cite
from citekit.csl.engine import Engine
from citekit.csl.spec.labels import plural
from tests.csl.spec.conftest import Render


@pytest.mark.parametrize(("variable", "value", "expected"), (
    ("number-of-volumes", "3", True), ("number-of-volumes", 1, False),
    ("page", "2-4", True), ("page", "2, 4", True), ("locator", "213 et 235", True),
    ("page", "24", False), ("volume", "2.0", False), ("edition", "2nd", False),
))
def test_plural(variable: str, value: object, expected: bool) -> None:
    assert plural(variable, value) is expected


@pytest.mark.parametrize(("volumes", "expected"), (("1", "1 vol."), ("3", "3 vols.")))
def test_number_of_volumes_label(render: Render, volumes: str, expected: str) -> None:
    body = ('<group delimiter=" "><text variable="number-of-volumes"/>'
            '<label variable="number-of-volumes" form="short"/></group>')
    assert render(body, {"number-of-volumes": volumes}) == expected


@pytest.mark.parametrize(("page", "expected"), (
    ("i-ix", "pages"), ("327\\-30", "page"), ("3-B", "page"),
))
def test_page_label_plural(render: Render, page: str, expected: str) -> None:
    assert render('<label variable="page"/>', {"page": page}) == expected


def test_sub_verbo_locator_finds_its_term() -> None:
    xml = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
      <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
      <citation><layout suffix="."><group delimiter=" "><label variable="locator" form="short"/>
      <text variable="locator"/></group></layout></citation></style>"""
    items = [{"id": "a", "type": "book"}]
    got = Engine.from_string(xml).citation(items, [Cite("a", '"gargoyle"', "sub verbo")])
    assert got == "s.v. “gargoyle.”"
