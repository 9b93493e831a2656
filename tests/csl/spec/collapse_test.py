from __future__ import annotations

from citekit.csl.engine import Cite
from citekit.csl.engine import Engine
from tests.csl.spec.helpers import cite
from tests.csl.spec.helpers import engine

SMITH = [{"family": "Smith", "given": "Ann"}]
JONES = [{"family": "Jones", "given": "Bo"}]
AUTHOR_YEAR = (
    '<group delimiter=" "><names variable="author"><name form="short"/></names>'
    '<date variable="issued"><date-part name="year"/></date></group>'
)


def _item(key: str, author: list[dict[str, str]], year: int) -> dict[str, object]:
    return {
        "id": key,
        "type": "book",
        "title": key,
        "author": author,
        "issued": {"date-parts": [[year]]},
    }


ITEMS = [
    _item("a", SMITH, 1900),
    _item("b", SMITH, 2000),
    _item("c", JONES, 2000),
    _item("d", SMITH, 2000),
    _item("e", SMITH, 2000),
    _item("f", SMITH, 2000),
]


def test_cites_keep_their_order_without_a_sort() -> None:
    e = engine(cite=AUTHOR_YEAR)
    assert cite(e, ITEMS, "c", "a") == "Jones 2000; Smith 1900"


def test_citation_number_ranges() -> None:
    e = engine(
        cite='<text variable="citation-number"/>',
        citation='collapse="citation-number"',
        citation_sort='<sort><key variable="citation-number"/></sort>',
    )
    assert cite(e, ITEMS, "e", "a", "b", "c", "f") == "1–5"
    first, second = e.citations(
        ITEMS, [[Cite("a"), Cite("b"), Cite("c"), Cite("d")], [Cite("d"), Cite("a"), Cite("c")]]
    )
    assert (first, second) == ("1–4", "1; 3; 4")


def test_year_collapse_groups_adjacent_cites_by_the_same_names() -> None:
    e = engine(cite=AUTHOR_YEAR, citation='collapse="year" after-collapse-delimiter="; "')
    assert cite(e, ITEMS, "a", "b", "c") == "Smith 1900; 2000; Jones 2000"
    # a sorted citation joins a group with ", " and gathers it first
    e = engine(
        cite=AUTHOR_YEAR,
        citation='collapse="year"',
        citation_sort='<sort><key variable="issued"/></sort>',
    )
    assert cite(e, ITEMS, "b", "c", "a") == "Smith 1900, 2000; Jones 2000"


def test_year_suffix_ranged() -> None:
    e = engine(
        cite=AUTHOR_YEAR,
        citation='collapse="year-suffix-ranged" '
        'disambiguate-add-year-suffix="true" year-suffix-delimiter="," '
        'cite-group-delimiter=", "',
    )
    assert cite(e, ITEMS, "a", "b", "d", "e", "f") == "Smith 1900, 2000a–d"


def test_cite_grouping_joins_cites_by_the_same_names() -> None:
    e = engine(cite=AUTHOR_YEAR, citation='cite-group-delimiter=", "')
    assert cite(e, ITEMS, "a", "b", "c") == "Smith 1900, Smith 2000; Jones 2000"
    # only a sorted citation moves cites: here they stay where the author put them
    assert cite(e, ITEMS, "a", "c", "b") == "Smith 1900; Jones 2000; Smith 2000"


def test_a_prefix_starting_with_punctuation_replaces_the_delimiter() -> None:
    e = engine(cite='<text variable="title"/>')
    got = e.citation(ITEMS, [Cite("a"), Cite("b", prefix=", cited in ")])
    assert got == "a, cited in b"


AFFIX_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; "><text variable="title"/></layout></citation>
</style>"""
AFFIX_ITEMS = [{"id": "a", "type": "book", "title": "Book A"}, {"id": "b", "type": "book",
                                                          "title": "Book B"}]


def test_punctuation_prefix_replaces_the_delimiter() -> None:
    cites = [Cite("a"), Cite("b", prefix=", cited in ")]
    got = Engine.from_string(AFFIX_STYLE).citation(AFFIX_ITEMS, cites)
    assert got == "Book A, cited in Book B"


def test_plain_prefix_keeps_the_delimiter() -> None:
    cites = [Cite("a"), Cite("b", prefix="see ")]
    got = Engine.from_string(AFFIX_STYLE).citation(AFFIX_ITEMS, cites)
    assert got == "Book A; see Book B"


def test_a_suffix_ending_in_a_comma_stands_for_the_delimiter() -> None:
    cites = [Cite("a", suffix=" is one source,"), Cite("b", suffix=" is another")]
    got = Engine.from_string(AFFIX_STYLE).citation(AFFIX_ITEMS, cites)
    assert got == "Book A is one source, Book B is another"
