from __future__ import annotations

import pytest

from citekit.csl.engine import Cite
from citekit.csl.engine import Engine
from citekit.csl.spec.page_ranges import last_page
from tests.csl.spec.conftest import Render


@pytest.mark.parametrize(("first", "last", "form", "expected"), (
    ("321", "328", "expanded", "328"), ("321", "28", "expanded", "328"),
    ("321", "328", "minimal", "8"), ("2787", "2816", "minimal", "816"),
    ("321", "328", "minimal-two", "28"), ("42", "45", "minimal-two", "45"),
    ("71", "72", "chicago", "72"), ("100", "104", "chicago", "104"),
    ("101", "108", "chicago", "8"), ("321", "325", "chicago", "25"),
    ("1496", "1504", "chicago", "1504"), ("1496", "1504", "chicago-16", "504"),
    ("12991", "123001", "chicago-16", "123001"), ("xxv", "xxviii", "minimal", "xxviii"),
    ("321", "328", None, "328"),
    # not a rising range: printed as written, as citeproc-js does
    ("440", "440", "chicago", "440"), ("440", "440", "minimal", "440"),
    ("440", "40", "minimal", "40"), ("450", "440", "chicago", "440"),
    ("440", "40", "expanded", "40"),
))
def test_last_page(first: str, last: str, form: str | None, expected: str) -> None:
    assert last_page(first, last, form) == expected


def test_page_range_format_applies_to_page(render: Render) -> None:
    xml_attr = 'page-range-format="minimal"'
    got = render('<text variable="page"/>', {"page": "321-328 & 401-409"}, attrs=xml_attr)
    assert got == "321–8 &amp; 401–9"


def test_page_locator_is_a_formatted_range() -> None:
    xml = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
      page-range-format="minimal"><info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated>
      </info><citation><layout><text variable="locator"/></layout></citation></style>"""
    items = [{"id": "a", "type": "book"}]
    assert Engine.from_string(xml).citation(items, [Cite("a", locator="100 - 108")]) == "100–8"


@pytest.mark.parametrize(("page", "form", "expected"), (
    pytest.param("N110 - N115", "expanded", "N110–N115", id="same prefix, expanded"),
    pytest.param("n11564-n11568", "minimal", "n11564–8", id="same prefix, abbreviated"),
    pytest.param("N110 - 5", "expanded", "N110-5", id="prefix on one side only"),
    pytest.param("i-ix", "minimal", "i–ix", id="roman numerals"),
    pytest.param("3\\-B", "minimal", "3-B", id="escaped hyphen"),
    pytest.param("Michaelson-Morely", "minimal", "Michaelson-Morely", id="not a range"),
    pytest.param("1-5, 7 & 9-12", "minimal", "1–5, 7 &amp; 9–12", id="list of ranges"),
    # checked against citeproc-js 2.4.63:
    pytest.param("R39-R41", "chicago", "R39–41", id="a shared prefix printed once"),
    pytest.param("R39-R41", "expanded", "R39–R41", id="expanded keeps the prefix"),
    pytest.param("5a-5c", "chicago", "5a–5c", id="numbers with letters"),
    pytest.param("1-2; 4-6", "chicago", "1–2; 4–6", id="semicolon list"),
    pytest.param("23:1-23:29", "chicago", "23:1-23:29", id="article numbers: as written"),
    pytest.param("1,3-5", "chicago", "1,3-5", id="comma without a space: as written"),
))
def test_page_ranges(render: Render, page: str, form: str, expected: str) -> None:
    got = render('<text variable="page"/>', {"page": page}, attrs=f'page-range-format="{form}"')
    assert got == expected


def test_ampersand_in_a_list_is_the_locale_symbol(render: Render) -> None:
    locale = ('<locale><terms><term name="and" form="symbol">AND</term></terms></locale>')
    xml_body = '<text variable="page"/>'
    got = render(xml_body, {"page": "213 & 235"}, attrs="", locale_xml=locale)
    assert got == "213 AND 235"


@pytest.mark.parametrize(("page", "expected"), (
    ("23:1-23:29", "p. 23:1-23:29"), ("1-3", "pp. 1–3"), ("12", "p. 12"),
))
def test_a_page_value_read_as_written_takes_a_singular_label(
    render: Render, page: str, expected: str
) -> None:
    body = ('<group delimiter=" "><label variable="page" form="short"/>'
            '<text variable="page"/></group>')
    assert render(body, {"page": page}) == expected
