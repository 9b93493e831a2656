"""The pure parsers fed the recorded answers in tests/data/net/ (no server here)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from citekit.errors import CitekitError
from citekit.errors import NotFoundError
from citekit.importers import arxiv
from citekit.importers import doi
from citekit.importers import html
from citekit.importers import isbn
from citekit.importers import net
from citekit.importers import pubmed
from citekit.library import NewEntry

NET = Path(__file__).resolve().parents[1] / "data" / "net"
DAY = datetime.date(2024, 3, 14)


def _read(name: str) -> str:
    return (NET / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- DOI


def test_doi_parse():
    assert doi.parse(_read("doi-fearon1995.json"), url="u") == NewEntry("article", {
        "author": "Fearon, James D.",
        "title": "Rationalist explanations for war",
        "journal": "International Organization",
        "shortjournal": "Int Org",
        "volume": "49",
        "issn": "0020-8183",
        "langid": "en",
        "number": "3",
        "pages": "379--414",
        "publisher": "Cambridge University Press (CUP)",
        "date": "1995",
        "doi": "10.1017/S0020818300033324",
        "url": "https://resolver.example/10.1017/S0020818300033324",
    })  # fmt: skip


@pytest.mark.parametrize(("text", "message"), (
    pytest.param("<html>", "u:1:1: not valid JSON (Expecting value)", id="not json"),
    pytest.param("[]", "u: not CSL-JSON (an item or a list of items)", id="empty list"),
    pytest.param('[{"title": "a"}, {"title": "b"}]', "u: expected one CSL-JSON item, got 2",
                 id="two items"),
    pytest.param('{"type": "book"}', "u: a CSL-JSON item without a title or an author",
                 id="no title"),
))  # fmt: skip
def test_doi_parse_failures(text, message):
    with pytest.raises(CitekitError) as e:
        doi.parse(text, url="u")
    assert str(e.value) == message


@pytest.mark.parametrize(("source", "expected"), (
    ("10.1017/S0020818300033324", "10.1017/S0020818300033324"),
    ("doi:10.1017/S0020818300033324.", "10.1017/S0020818300033324"),
    ("DOI: 10.1162/isec.2006.31.1.81", "10.1162/isec.2006.31.1.81"),
    (net.DEFAULT_URLS["doi"] + "/10.1038/s41586-020-2012-7", "10.1038/s41586-020-2012-7"),
    ("10.1017", ""),
    ("https://example.org/10.1017/x", ""),
))  # fmt: skip
def test_doi_normalize(source, expected):
    assert doi.normalize(source) == expected


# --------------------------------------------------------------------------- arXiv


def test_arxiv_parse():
    entry = arxiv.parse(_read("arxiv-1706.03762.xml"), url="u")
    assert entry == NewEntry("misc", {
        "author": "Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and "
                  "Jones, Llion and Gomez, Aidan N. and Kaiser, Lukasz and Polosukhin, Illia",
        "title": "Attention Is All You Need",
        "date": "2017-06-12",
        "eprint": "1706.03762",
        "eprinttype": "arxiv",
        "eprintclass": "cs.CL",
        "url": arxiv.ABS_URL + "1706.03762",
    })  # fmt: skip


def test_arxiv_keeps_doi_and_journal_ref():
    ns = arxiv.ARXIV.strip("{}")
    text = _read("arxiv-1706.03762.xml").replace(
        "<arxiv:comment",
        f'<arxiv:doi xmlns:arxiv="{ns}">10.1/x</arxiv:doi>'
        f'<arxiv:journal_ref xmlns:arxiv="{ns}">NIPS 2017'
        "</arxiv:journal_ref><arxiv:comment",
    )
    fields = arxiv.parse(text, url="u").fields
    assert (fields["doi"], fields["note"]) == ("10.1/x", "NIPS 2017")


@pytest.mark.parametrize(("text", "error", "message"), (
    pytest.param(_read("arxiv-error.xml"), NotFoundError,
                 "u: arXiv says: incorrect id format for 9999.99999; check the id", id="error"),
    pytest.param(_read("arxiv-empty.xml"), NotFoundError,
                 "u: arXiv has no such paper; check the id", id="no entry"),
    pytest.param("<feed", CitekitError, "u: not an Atom feed (unclosed token: line 1, column 0)",
                 id="garbage"),
    pytest.param("<rss/>", CitekitError, "u: not an Atom feed (root is 'rss')", id="not atom"),
    pytest.param('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id></entry></feed>',
                 CitekitError, "u: the arXiv answer has no id or title", id="no title"),
))  # fmt: skip
def test_arxiv_parse_failures(text, error, message):
    with pytest.raises(error) as e:
        arxiv.parse(text, url="u")
    assert str(e.value) == message


@pytest.mark.parametrize(("source", "expected"), (
    ("1706.03762", "1706.03762"),
    ("arXiv:1706.03762v7", "1706.03762v7"),
    (arxiv.ABS_URL + "2101.00001", "2101.00001"),
    ("hep-th/9901001", "hep-th/9901001"),
    ("1706.037", ""),
))  # fmt: skip
def test_arxiv_normalize(source, expected):
    assert arxiv.normalize(source) == expected


# --------------------------------------------------------------------------- ISBN


def test_isbn_parse():
    entry = isbn.parse(_read("openlibrary-9780544935273.json"), url="u", isbn="9780544935273")
    assert entry == NewEntry("book", {
        "author": "Allison, Graham",
        "title": "Destined for War: Can America and China Escape Thucydides's Trap?",
        "publisher": "Houghton Mifflin Harcourt",
        "address": "Boston",
        "date": "2017",
        "pagetotal": "364",
        "isbn": "9780544935273",
    })  # fmt: skip


@pytest.mark.parametrize(("text", "error", "message"), (
    pytest.param("{}", NotFoundError, "u: Open Library has no book with ISBN 9780000000002",
                 id="not found"),
    pytest.param("[1, 2", CitekitError, "u: not valid JSON (Expecting ',' delimiter)",
                 id="garbage"),
    pytest.param("[]", CitekitError, "u: not an Open Library answer (expected an object)",
                 id="not an object"),
    pytest.param('{"ISBN:9780000000002": {"key": "x"}}', CitekitError,
                 "u: the Open Library answer has no title", id="no title"),
))  # fmt: skip
def test_isbn_parse_failures(text, error, message):
    with pytest.raises(error) as e:
        isbn.parse(text, url="u", isbn="9780000000002")
    assert str(e.value) == message


@pytest.mark.parametrize(("source", "expected"), (
    ("978-0-544-93527-3", "9780544935273"),
    ("ISBN 0-544-93527-6", "9780544935273"),
    ("isbn:0306406152", "9780306406157"),
    ("080442957X", "9780804429573"),
    ("978-0-544-93527-4", ""),
    ("0-544-93527-5", ""),
    ("12345", ""),
))  # fmt: skip
def test_isbn_normalize(source, expected):
    assert isbn.normalize(source) == expected


# --------------------------------------------------------------------------- PubMed


def test_pubmed_parse():
    assert pubmed.parse(_read("pubmed-32015507.xml"), url="u") == NewEntry("article", {
        "author": "Zhou, Peng and Yang, Xing-Lou and Wang, Xian-Guang and Shi, Zheng-Li",
        "title": "A pneumonia outbreak associated with a new coronavirus of probable bat origin",
        "journal": "Nature",
        "volume": "579",
        "number": "7798",
        "date": "2020-03",
        "pages": "270--273",
        "pmcid": "PMC7095418",
        "doi": "10.1038/s41586-020-2012-7",
        "pmid": "32015507",
    })  # fmt: skip


def test_pubmed_collective_names_and_medline_dates():
    text = (
        _read("pubmed-32015507.xml")
        .replace(
            '<Author ValidYN="Y"><LastName>Zhou</LastName><ForeName>Peng</ForeName>'
            "<Initials>P</Initials></Author>",
            "<Author><CollectiveName>WHO Working Group</CollectiveName></Author>",
        )
        .replace(
            "<PubDate><Year>2020</Year><Month>Mar</Month></PubDate>",
            "<PubDate><MedlineDate>2020 Mar-Apr</MedlineDate></PubDate>",
        )
    )
    fields = pubmed.parse(text, url="u").fields
    assert fields["author"].startswith("{WHO Working Group} and Yang, Xing-Lou")
    assert fields["date"] == "2020"


@pytest.mark.parametrize(("text", "error", "message"), (
    pytest.param(_read("pubmed-empty.xml"), NotFoundError,
                 "u: PubMed has no such article; check the id", id="not found"),
    pytest.param("<PubmedArticleSet><PubmedArticle>", CitekitError,
                 "u: not PubMed XML (no element found: line 1, column 33)", id="garbage"),
    pytest.param("<PubmedArticleSet><PubmedArticle><MedlineCitation/></PubmedArticle>"
                 "</PubmedArticleSet>", CitekitError,
                 "u: the PubMed answer has no article title", id="no title"),
))  # fmt: skip
def test_pubmed_parse_failures(text, error, message):
    with pytest.raises(error) as e:
        pubmed.parse(text, url="u")
    assert str(e.value) == message


@pytest.mark.parametrize(("source", "bare", "expected"), (
    ("32015507", True, "32015507"),
    ("32015507", False, ""),
    ("PMID: 32015507", False, "32015507"),
    ("pmid:123", True, "123"),
    ("123456789", True, ""),
))  # fmt: skip
def test_pubmed_normalize(source, bare, expected):
    assert pubmed.normalize(source, bare=bare) == expected


# --------------------------------------------------------------------------- HTML


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


# --------------------------------------------------------------------------- sparse answers


def test_sparse_answers_give_what_they_have():
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://x.example/abs/2101.00001v2'
        "</id><title>T</title></entry></feed>"
    )
    assert arxiv.parse(feed, url="u") == NewEntry("misc", {
        "title": "T", "eprint": "2101.00001", "eprinttype": "arxiv",
        "url": arxiv.ABS_URL + "2101.00001",
    })  # fmt: skip
    assert isbn.parse('{"ISBN:1": {"title": "B", "authors": "x"}}', url="u", isbn="1") == (
        NewEntry("book", {"title": "B", "isbn": "1"})
    )
    xml = (
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>T."
        "</ArticleTitle><Journal><JournalIssue><PubDate><Season>Spring</Season></PubDate>"
        "</JournalIssue></Journal><AuthorList><Author><ForeName>X</ForeName></Author>"
        "</AuthorList></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    assert pubmed.parse(xml, url="u") == NewEntry("article", {"title": "T"})
    xml = xml.replace("<Season>Spring</Season>", "<Year>2020</Year><Day>5</Day>").replace(
        "<JournalIssue>", "<Title>J</Title><JournalIssue>"
    )
    assert pubmed.parse(xml, url="u").fields == {"title": "T", "journal": "J", "date": "2020"}


@pytest.mark.parametrize(("value", "expected"), (
    ({"date-parts": [["x"]]}, ""),
    ({"date-parts": [[2001], ["y"]]}, "2001"),
    ({"date-parts": [[2001], []]}, "2001"),
    ({"date-parts": [[2001]], "season": "9"}, "2001"),
    ({"literal": "Spring 1990"}, "1990-21"),
    ({}, ""),
    ("2001", ""),
))  # fmt: skip
def test_csl_dates(value, expected):
    from citekit.importers import csljson

    _, fields = csljson.to_fields({"title": "T", "issued": value})
    assert fields.get("date", "") == expected


def test_csl_containers_of_books_and_reports():
    from citekit.importers import csljson

    assert csljson.to_fields({"type": "book", "title": "B", "container-title": "Series"})[1] == {
        "title": "B", "series": "Series"}  # fmt: skip
    assert csljson.to_fields({"type": "report", "title": "R", "container-title": "C",
                              "collection-title": "S"})[1] == {
        "title": "R", "booktitle": "C", "series": "S"}  # fmt: skip
    assert csljson.to_fields({"type": "webpage", "title": "W", "author": [{"family": ""}]})[1] == {
        "title": "W"}  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), (
    ("2023-13-01", ""),
    ("February 30, 2023", "2023-02-30"),
    ("Feb 2023", "2023-02"),
    ("2023, Fall", "2023-23"),
    ("sometime", ""),
))  # fmt: skip
def test_dates(value, expected):
    from citekit.importers import fields

    assert fields.date(value) == expected


def test_names():
    from citekit.importers import fields

    assert fields.natural("  ,") == ""
    assert fields.natural("Ministry of Defence") == "{Ministry of Defence}"
    assert fields.natural("Ludwig van Beethoven") == "van Beethoven, Ludwig"
    assert fields.person("Smith", "") == "{Smith}"


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


def test_json_nested_too_deeply_is_a_user_error():
    from citekit.importers import csljson

    deep = "[" * 5_000 + "]" * 5_000
    with pytest.raises(CitekitError) as e:
        csljson.parse(deep, url="z.json")
    assert str(e.value) == "z.json: JSON nested too deeply to be CSL-JSON"
    with pytest.raises(CitekitError) as e:
        isbn.parse(deep, url="u", isbn="1")
    assert str(e.value) == "u: JSON nested too deeply to be an Open Library answer"


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
