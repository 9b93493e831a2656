"""Web pages: citation_* tags, JSON-LD, Dublin Core, OpenGraph, citation blocks."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from citekit.errors import CitekitError
from citekit.importers import html
from citekit.library import NewEntry

DAY = datetime.date(2024, 3, 14)
NET = Path(__file__).resolve().parents[1] / "data" / "net"


def _read(name: str) -> str:
    return (NET / name).read_text(encoding="utf-8")


URL = "http://127.0.0.1:1/page"


@pytest.mark.parametrize(("page", "entry"), (
    pytest.param("diplomat-oped.html", NewEntry("article", {
        "author": "Pollmann, Mina",
        "title": "Japan, China Hold Foreign Minister Call Days after {NATO} Chief's Visit",
        "journal": "The Diplomat",
        "entrysubtype": "magazine",
        "date": "2023-02-07",
        "url": "https://thediplomat.com/2023/02/"
               "japan-china-hold-foreign-minister-call-days-after-nato-chiefs-visit/",
        "urldate": "2024-03-14",
    }), id="JSON-LD @graph op-ed: a magazine article, author by @id, profile URL ignored"),
    pytest.param("journal-article.html", NewEntry("article", {
        "author": "Christensen, Thomas J.",
        "title": "Fostering Stability or Creating a Monster? The Rise of China and U.S. Policy "
                 "toward East Asia",
        "journal": "International Security",
        "volume": "31",
        "number": "1",
        "pages": "81--126",
        "date": "2006-07-01",
        "doi": "10.1162/isec.2006.31.1.81",
        "url": "https://journals.example/isec/article/31/1/81/11777/"
               "Fostering-Stability-or-Creating-a-Monster-The-Rise",
        "urldate": "2024-03-14",
    }), id="citation_* tags win over Dublin Core and OpenGraph"),
    pytest.param("report-dc.html", NewEntry("report", {
        "author": "Dobbins, James and Jones, Seth G.",
        "title": "The Beginner's Guide to Nation-Building",
        "number": "MG-557-SRF",
        "institution": "RAND Corporation",
        "date": "2007",
        "url": "https://think-tank.example/pubs/monographs/MG557.html",
        "urldate": "2024-03-14",
    }), id="JSON-LD Report wins over Dublin Core"),
    pytest.param("og-only.html", NewEntry("article", {
        "title": "The Morality of Ukraine's War Is Very Murky",
        "journal": "Foreign Policy",
        "entrysubtype": "magazine",
        "url": "https://foreignpolicy.example/2022/03/04/ukraine-war-morality/",
        "urldate": "2024-03-14",
    }), id="OpenGraph article only"),
    pytest.param("webpage.html", NewEntry("online", {
        "title": "Vaccination Crucial in This Year's Respiratory Season",
        "organization": "Belfer Center for Science and International Affairs, "
                        "Harvard Kennedy School",
        "url": URL,
        "urldate": "2024-03-14",
    }), id="a web page: @online with the URL it was read from"),
))  # fmt: skip
def test_html_parse(page, entry):
    assert html.parse(_read(f"pages/{page}"), url=URL, accessed=DAY) == entry


def test_html_dublin_core_when_nothing_better():
    page = """<html><head>
    <meta name="DC.title" content="Aid &amp; Development">
    <meta name="DC.creator" content="World Bank Group">
    <meta name="DC.creator" content="Doe, Jane">
    <meta name="DC.date" content="2019-05">
    <meta name="DC.identifier" content="doi:10.1596/978-1-4648-1">
    </head></html>"""
    assert html.parse(page, url="saved.html", accessed=DAY) == NewEntry("online", {
        "author": "{World Bank Group} and Doe, Jane",
        "title": r"Aid \& Development",
        "date": "2019-05",
        "doi": "10.1596/978-1-4648-1",
    })  # fmt: skip


def test_html_json_ld_organisation_author_list_and_broken_blocks():
    page = """<html><head>
    <script type="application/ld+json">{not json</script>
    <script type="application/ld+json">[{"@type": "WebSite", "name": "X"},
      {"@type": "ScholarlyArticle", "name": "Deep Sea Mining",
       "author": [{"@type": "Organization", "name": "Ocean Institute"},
                  {"@type": "Person", "name": "Anna van der Berg"}],
       "datePublished": "2021-11-02", "isPartOf": {"name": "Marine Policy"},
       "volumeNumber": "12", "issueNumber": "4", "pagination": "10-22"}]</script>
    </head></html>"""
    assert html.parse(page, url=URL, accessed=DAY) == NewEntry("article", {
        "author": "{Ocean Institute} and van der Berg, Anna",
        "title": "Deep Sea Mining",
        "journal": "Marine Policy",
        "volume": "12",
        "number": "4",
        "pages": "10--22",
        "date": "2021-11-02",
        "url": URL,
        "urldate": "2024-03-14",
    })  # fmt: skip


def test_html_book_conference_and_thesis_from_citation_tags():
    def page(*tags: tuple[str, str]) -> str:
        return "".join(f'<meta name="{n}" content="{c}">' for n, c in tags)

    book = html.parse(
        page(
            ("citation_title", "B"), ("citation_isbn", "9780544935273"), ("citation_publisher", "P")
        ),
        url="f.html",
    )
    assert book == NewEntry("book", {"title": "B", "publisher": "P", "isbn": "9780544935273"})
    conf = html.parse(
        page(
            ("citation_title", "C"),
            ("citation_conference_title", "ICML"),
            ("citation_firstpage", "5"),
        ),
        url="f.html",
    )
    assert conf == NewEntry("inproceedings", {"title": "C", "booktitle": "ICML", "pages": "5"})
    thesis = html.parse(
        page(("citation_title", "T"), ("citation_dissertation_institution", "MIT")), url="f.html"
    )
    assert thesis == NewEntry("thesis", {"title": "T", "institution": "MIT"})
    chapter = html.parse(
        page(("citation_title", "Ch"), ("citation_book_title", "Bk"), ("citation_date", "2001")),
        url="f.html",
    )
    assert chapter == NewEntry("incollection", {"title": "Ch", "booktitle": "Bk", "date": "2001"})


def test_html_without_metadata_says_what_to_do():
    with pytest.raises(CitekitError) as e:
        html.parse(_read("pages/no-metadata.html"), url=URL)
    assert str(e.value) == (
        f"{URL}: the page names no title (no citation_*, JSON-LD, Dublin Core or OpenGraph "
        "metadata); add it with --title and the other field options"
    )


def test_html_edges():
    page = """<html><head>
    <script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": ["H", "x"],
      "author": [{"@id": "#p"}, {"name": ""}, "Jane Doe"], "dateCreated": "2020-01-02",
      "url": {"@id": "u"}, "publisher": [{"@id": "#o"}]},
      {"@id": "#p", "@type": "Person", "name": "Ann Lee"},
      {"@id": "#o", "@type": "Organization", "name": "Org News"}]}</script>
    <meta property="article:author" content="https://x.example/a">
    <meta property="og:type" content="article">
    </head></html>"""
    assert html.parse(page, url="f.html") == NewEntry("article", {
        "author": "Lee, Ann and Doe, Jane",
        "title": "H",
        "journal": "Org News",
        "entrysubtype": "newspaper",
        "date": "2020-01-02",
    })  # fmt: skip
    assert html.parse(
        '<meta property="og:title" content="T"><meta property="article:author" '
        'content="https://x.example/a"><link rel="canonical" href="https://x.example/c">',
        url="f.html",
        accessed=DAY,
    ) == NewEntry("online", {"title": "T", "url": "https://x.example/c", "urldate": "2024-03-14"})


def test_html_survives_hostile_json_ld():
    deep = "[" * 5_000 + "]" * 5_000
    page = f'<script type="application/ld+json">{deep}</script>'
    page += '<meta name="citation_title" content="T">'
    assert html.parse(page, url="f.html").fields == {"title": "T"}


BELFER_URL = (
    "https://www.belfercenter.org/publication/"
    "japan-china-hold-foreign-minister-call-days-after-nato-chiefs-visit"
)


def test_html_think_tank_page_cites_by_its_academic_citation_block():
    entry = html.parse(_read("pages/belfer-publication.html"), url=URL, accessed=DAY)
    assert entry == NewEntry("article", {
        "author": "Pollmann, Mina",
        "title": "Japan, China Hold Foreign Minister Call Days after {NATO} Chief's Visit",
        "journal": "The Diplomat",
        "entrysubtype": "magazine",
        "date": "2023-02-07",
        "url": BELFER_URL,
        "urldate": "2024-03-14",
    })  # fmt: skip


def test_html_citation_block_gives_way_to_citation_tags_and_doubt():
    block = "<div><h3>For Academic Citation:</h3><p>“T.” Somewhere odd. Really.</p></div>"
    doubtful = html.parse('<meta property="og:title" content="Page">' + block, url="f.html")
    assert doubtful == NewEntry("online", {"title": "Page"})
    tagged = html.parse('<meta name="citation_title" content="Tagged">' + block, url="f.html")
    assert tagged.fields["title"] == "Tagged"
    saved = html.parse(block.replace("Somewhere odd. Really", "C"), url="f.html")
    assert saved == NewEntry("article", {"title": "T", "journal": "C"})
