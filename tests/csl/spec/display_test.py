from __future__ import annotations

from tests.csl.spec.conftest import Render


def test_display_block_is_a_div(render: Render) -> None:
    body = '<text variable="title" display="block"/><text variable="publisher"/>'
    got = render(body, {"title": "T", "publisher": "P"})
    assert got == '<div class="csl-block">T</div>P'


def test_second_field_align_splits_the_entry(render: Render) -> None:
    body = '<text variable="title" prefix="[" suffix="]"/><text variable="publisher" prefix=" "/>'
    got = render(body, {"title": "1", "publisher": "P"}, layout='suffix="."',
                 attrs="", bib_attrs='second-field-align="flush"')
    assert got == ('<div class="csl-left-margin">[1]</div>'
                   '<div class="csl-right-inline"> P.</div>')


def test_right_inline_ends_without_trailing_space(render: Render) -> None:
    body = '<text variable="title" suffix=". "/><text variable="publisher" suffix=". "/>'
    got = render(body, {"title": "1", "publisher": "P"}, bib_attrs='second-field-align="flush"')
    assert got == ('<div class="csl-left-margin">1. </div>'
                   '<div class="csl-right-inline">P.</div>')


def test_layout_suffix_goes_inside_the_last_block(render: Render) -> None:
    body = '<text variable="title" display="block"/>'
    assert render(body, {"title": "T"}, layout='suffix="."') == '<div class="csl-block">T.</div>'
