from __future__ import annotations

from tests.csl.spec.conftest import Render

DOE = {"family": "Doe", "given": "John"}
ROE = {"family": "Roe", "given": "Jane"}

AUTHOR = """<names variable="author"><name/><label prefix=" (" suffix=")"/>
  <substitute><names variable="editor"/><text macro="title"/></substitute></names>"""
MACROS = '<macro name="title"><text variable="title" prefix="[" suffix="]"/></macro>'


def test_count_adds_up_several_variables(render: Render) -> None:
    body = '<names variable="author editor"><name form="count"/></names>'
    assert render(body, {"author": [DOE, ROE], "editor": [DOE, ROE, DOE]}) == "5"


def test_editor_and_translator_the_same_print_once(render: Render) -> None:
    body = '<names variable="editor translator"><name/><label prefix=", "/></names>'
    got = render(body, {"editor": [DOE], "translator": [DOE]})
    assert got == "John Doe, editor &amp; translator"


def test_substitute_through_a_macro() -> None:
    from citekit.csl.engine import Engine

    xml = f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  {MACROS}
  <citation><layout><text value="x"/></layout></citation>
  <bibliography><layout><group delimiter=". ">{AUTHOR}<names variable="editor"/>
    <text macro="title"/><text variable="edition" suffix=" ed"/></group></layout></bibliography>
</style>"""
    engine = Engine.from_string(xml)
    items = [
        {"id": "a", "type": "book", "title": "T", "editor": [DOE]},
        {"id": "b", "type": "book", "title": "U", "edition": "2"},
        {"id": "c", "type": "book", "title": "V", "director": [ROE]},
    ]
    got = [e.html for e in engine.bibliography(items).entries]
    assert got == ["John Doe (editor). [T]", "[U]. 2 ed", "[V]"]


def test_a_substituted_short_title_hides_the_title() -> None:
    from tests.csl.spec.helpers import cite
    from tests.csl.spec.helpers import engine

    body = (
        '<group delimiter=", "><names variable="author"><name/><substitute>'
        '<text variable="title" form="short"/></substitute></names>'
        '<text variable="title" form="short"/></group>'
    )
    e = engine(cite=body)
    item = {"id": "a", "type": "book", "title": "Long Title", "title-short": "Short"}
    assert cite(e, [item], "a") == "Short"


def test_a_missing_verb_short_label_falls_back_to_verb(render: Render) -> None:
    body = '<names variable="container-author"><label form="verb-short" suffix=" "/><name/></names>'
    assert render(body, {"container-author": [DOE]}) == "by John Doe"
