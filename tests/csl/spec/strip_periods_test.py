from __future__ import annotations

import pytest

from citekit.csl.spec.strip_periods import strip
from tests.csl.spec.conftest import Render


@pytest.mark.parametrize(("text", "expected"), (
    ("J. Am. Chem. Soc.", "J Am Chem Soc"),
    ("http://www.example.com/a.pdf", "http://www.example.com/a.pdf"),
    ("Ph.D.", "PhD"),  # a capital after the period: stripped, as citeproc-js does
))
def test_strip(text: str, expected: str) -> None:
    assert strip(text) == expected


def test_an_element_with_strip_periods_keeps_a_domain(render: Render) -> None:
    body = '<text variable="publisher" strip-periods="true"/>'
    assert render(body, {"publisher": "www.tpc.org. Inc."}) == "www.tpc.org Inc"
