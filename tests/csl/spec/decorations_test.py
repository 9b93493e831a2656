from __future__ import annotations

import pytest

from tests.csl.spec.conftest import Render


@pytest.mark.parametrize(("body", "expected"), (
    pytest.param('<text variable="title" font-style="normal"/>', "T", id="nothing to undo"),
    pytest.param('<group font-style="italic"><text variable="title" font-style="normal"/>'
                 "</group>", '<i><span style="font-style:normal;">T</span></i>',
                 id="upright inside italics"),
    pytest.param('<group font-weight="bold"><text variable="title" font-weight="normal"/>'
                 "</group>", '<b><span style="font-weight:normal;">T</span></b>',
                 id="normal weight inside bold"),
))
def test_normal_decorations(render: Render, body: str, expected: str) -> None:
    assert render(body, {"title": "T"}) == expected


def test_baseline_inside_superscript(render: Render) -> None:
    body = ('<group vertical-align="sup"><text variable="title" vertical-align="baseline"/>'
            '</group>')
    assert render(body, {"title": "T"}) == '<sup><span style="baseline">T</span></sup>'
