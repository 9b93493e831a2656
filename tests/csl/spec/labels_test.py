from __future__ import annotations

import pytest

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
