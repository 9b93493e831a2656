from __future__ import annotations

import pytest

from tests.csl.spec.conftest import Render


@pytest.mark.parametrize(("title", "expected"), (
    pytest.param("AT&T <3 a>b", "AT&amp;T &lt;3 a&gt;b", id="specials escaped"),
    pytest.param("The <i>E. coli</i> genome", "The <i>E. coli</i> genome", id="italics kept"),
    pytest.param("H<sub>2</sub>O and x<sup>2</sup> in <b>bold</b>",
                 "H<sub>2</sub>O and x<sup>2</sup> in <b>bold</b>", id="sub sup bold"),
    pytest.param('<span style="font-variant:small-caps;">Caps</span>',
                 '<span style="font-variant:small-caps;">Caps</span>', id="small caps"),
    pytest.param('a <span class="nocase">b</span> c', "a b c", id="nocase span dropped"),
    pytest.param("<script>", "&lt;script&gt;", id="other tags are text"),
))
def test_field_markup(render: Render, title: str, expected: str) -> None:
    assert render('<text variable="title"/>', {"title": title}) == expected


def test_italics_inside_an_italic_title_turn_upright(render: Render) -> None:
    got = render('<text variable="title" font-style="italic"/>', {"title": "On <i>Ulysses</i>"})
    assert got == '<i>On <span style="font-style:normal;">Ulysses</span></i>'


@pytest.mark.parametrize(("body", "title", "expected"), (
    pytest.param('<text variable="title" font-weight="bold"/>', "a <b>b</b> c",
                 '<b>a <span style="font-weight:normal;">b</span> c</b>', id="bold in bold"),
    pytest.param('<text variable="title" font-variant="small-caps"/>',
                 'a <span style="font-variant:small-caps;">b</span>',
                 '<span style="font-variant:small-caps;">a '
                 '<span style="font-variant:normal;">b</span></span>', id="sc in sc"),
    pytest.param('<text variable="title" font-style="italic"/>',
                 'Lessard <span class="nodecor">v.</span> Schmidt',
                 '<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i>',
                 id="nodecor undoes italics"),
    pytest.param('<text variable="title"/>', 'a <span class="nodecor">v.</span> b', "a v. b",
                 id="nodecor without decoration"),
))
def test_flip_flop(render: Render, body: str, title: str, expected: str) -> None:
    assert render(body, {"title": title}) == expected


def test_literal_value_is_rich_text(render: Render) -> None:
    body = '<text value="&lt;i&gt;E. coli&lt;/i&gt; &amp; more"/>'
    assert render(body, {}) == "<i>E. coli</i> &amp; more"
