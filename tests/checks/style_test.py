from __future__ import annotations

import pytest

from citekit.checks import Options
from citekit.checks import style
from citekit.errors import CitekitError
from tests.checks.helpers import codes
from tests.checks.helpers import found

BELFER = Options(
    style_name="belfer", style_fields={"*": ("author", "title"), "book": ("publisher",)}
)

CASES = (
    pytest.param(
        "@book{a, author={A}, title={T}, year=2000}\n",
        True,
        id="book without the publisher the style prints",
    ),
    pytest.param("@article{a, title={T}, journal={J}, year=2000}\n", True, id="no author"),
    pytest.param(
        "@book{a, author={A}, title={T}, publisher={P}, year=2000}\n",
        False,
        id="everything the style prints",
    ),
    pytest.param(
        "@article{a, author={A}, title={T}}\n", False, id="publisher is only asked of books"
    ),
)


@pytest.mark.parametrize(("src", "triggers"), CASES)
def test_style_missing_field(src: str, triggers: bool) -> None:
    assert bool(codes(src, "style-missing-field", options=BELFER)) is triggers


def test_message_names_fields_and_csl_type() -> None:
    (p,) = found("@book{a, author={A}, title={T}}\n", "style-missing-field", options=BELFER)
    assert p.message == "a: belfer prints publisher for book, and this entry has none"


def test_without_a_style_nothing_is_reported() -> None:
    assert codes("@book{a}\n", "style-missing-field") == []


def test_load_reads_the_bibliography_layout() -> None:
    fields = style.load("belfer")
    assert fields["*"] == ("author", "title")
    assert "publisher" in fields["book"]


def test_load_unknown_style_is_a_user_error() -> None:
    with pytest.raises(CitekitError, match="unknown style"):
        style.load("no-such-style-anywhere")


CSL = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>T</title><id>t</id></info>
  <macro name="who">
    <names variable="author"><substitute><names variable="editor"/></substitute></names>
  </macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout>
      <text macro="who"/>
      <text variable="title"/>
      <choose>
        <if type="book">
          <text variable="publisher"/>
        </if>
        <else-if type="article-journal chapter" match="any">
          <text variable="container-title"/>
          <group delimiter=", "><text variable="volume"/><text variable="issue"/></group>
        </else-if>
        <else-if variable="DOI"><text variable="DOI"/></else-if>
        <else><text variable="publisher-place"/></else>
      </choose>
      <choose><if type="book" match="none"><text variable="page"/></if></choose>
      <choose><if type="book report" match="all"><text variable="genre"/></if></choose>
    </layout>
  </bibliography>
</style>
"""


def test_load_walks_macros_conditions_and_groups(tmp_path) -> None:
    path = tmp_path / "t.csl"
    path.write_text(CSL, encoding="utf-8")
    assert style.load(str(path)) == {
        "*": ("author", "title"),
        "book": ("publisher",),
        "article-journal": ("container-title",),
        "chapter": ("container-title",),
    }


def test_a_dependent_style_uses_its_parent(tmp_path) -> None:
    (tmp_path / "child.csl").write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info>'
        '<link rel="independent-parent" href="http://www.zotero.org/styles/belfer"/>'
        "</info></style>",
        encoding="utf-8",
    )
    assert style.load(str(tmp_path / "child.csl")) == style.load("belfer")


def test_a_broken_style_is_a_user_error(tmp_path) -> None:
    (tmp_path / "bad.csl").write_text("<style", encoding="utf-8")
    with pytest.raises(CitekitError, match="cannot read the style"):
        style.load(str(tmp_path / "bad.csl"))
