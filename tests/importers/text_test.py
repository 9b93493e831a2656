"""Formatted references -> entries: one table, every field asserted.

The references are real publications, written out by hand in each style's shape.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citekit import library
from citekit import render
from citekit import sources
from citekit.errors import CitekitError
from citekit.importers import text
from citekit.library import NewEntry

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "belfer-pollmann-2023.txt"
POLLMANN = (
    "Pollmann, Mina.“Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit.” "
    "The Diplomat, February 7, 2023."
)
NATO_TITLE = "Japan, China Hold Foreign Minister Call Days after {NATO} Chief's Visit"
FEARON_DOI = "10.1017/S0020818300033324"
FEARON_LAITIN_DOI = "10.1017/S0003055403000534"
ALLISON_TITLE = "Destined for War: Can America and China Escape Thucydides's Trap?"
DIPLOMAT_URL = (
    "https://thediplomat.com/2023/02/japan-china-hold-foreign-minister-call-days-after-nato-"
    "chiefs-visit/"
)

# (reference, style it is read as, entry type, every field)
REFERENCES = (
    pytest.param(POLLMANN, "belfer", "article", {
        "author": "Pollmann, Mina", "title": NATO_TITLE, "journal": "The Diplomat",
        "entrysubtype": "magazine", "date": "2023-02-07",
    }, id="belfer: glued Mina.“, full date"),
    pytest.param("“Japan's Strategic Imperative.” Project Syndicate.", "belfer", "article", {
        "title": "Japan's Strategic Imperative", "journal": "Project Syndicate",
    }, id="belfer: no author, no date"),
    pytest.param(
        "“Vaccination Crucial in This Year's Respiratory Season.” Belfer Center for Science and "
        "International Affairs, Harvard Kennedy School.", "belfer", "online", {
            "title": "Vaccination Crucial in This Year's Respiratory Season",
            "organization": "Belfer Center for Science and International Affairs, Harvard "
                            "Kennedy School",
        }, id="belfer: an organisation publishes it"),
    pytest.param(
        "Allison, Graham and Niall Ferguson.“Why the U.S. President Needs a Council of "
        "Historians.” The Atlantic, September 2016.", "belfer", "article", {
            "author": "Allison, Graham and Ferguson, Niall",
            "title": "Why the U.S. President Needs a Council of Historians",
            "journal": "The Atlantic", "date": "2016-09",
        }, id="belfer: two authors, month and year"),
    pytest.param(
        "Acemoglu, Daron, Simon Johnson, & James A. Robinson.“The Colonial Origins of "
        "Comparative Development: An Empirical Investigation.” American Economic Review, "
        "December 2001.", "belfer", "article", {
            "author": "Acemoglu, Daron and Johnson, Simon and Robinson, James A.",
            "title": "The Colonial Origins of Comparative Development: An Empirical "
                     "Investigation",
            "journal": "American Economic Review", "date": "2001-12",
        }, id="belfer: three authors with &"),
    pytest.param("Nye, Joseph S. “Soft Power.” Foreign Policy, no. 80 (Fall 1990): 153–71.",
                 "chicago", "article", {
                     "author": "Nye, Joseph S.", "title": "Soft Power", "journal": "Foreign Policy",
                     "number": "80", "pages": "153--71", "date": "1990-23",
                 }, id="chicago: issue without volume, season"),
    pytest.param(
        "Fearon, James D. “Rationalist Explanations for War.” International Organization 49, "
        f"no. 3 (1995): 379–414. doi:{FEARON_DOI}.", "chicago", "article", {
            "author": "Fearon, James D.", "title": "Rationalist Explanations for War",
            "journal": "International Organization", "volume": "49", "number": "3",
            "pages": "379--414", "date": "1995", "doi": FEARON_DOI,
        }, id="chicago: journal article with DOI"),
    pytest.param(
        "Allison, Graham. Destined for War: Can America and China Escape Thucydides's Trap? "
        "Boston: Houghton Mifflin Harcourt, 2017.", "chicago", "book", {
            "author": "Allison, Graham", "title": ALLISON_TITLE,
            "publisher": "Houghton Mifflin Harcourt", "address": "Boston", "date": "2017",
        }, id="chicago: book, place and publisher"),
    pytest.param(
        "Mearsheimer, John J., and Stephen M. Walt. The Israel Lobby and U.S. Foreign Policy. "
        "New York: Farrar, Straus and Giroux, 2007.", "chicago", "book", {
            "author": "Mearsheimer, John J. and Walt, Stephen M.",
            "title": "The Israel Lobby and U.S. Foreign Policy",
            "publisher": "Farrar, Straus and Giroux", "address": "New York", "date": "2007",
        }, id="chicago: two authors, U.S. in the title, commas in the publisher"),
    pytest.param(
        "Krugman, Paul. “The Case for Cuts Was a Lie. Why Does Britain Still Believe It?” The "
        "Guardian, April 29, 2015.", "chicago", "article", {
            "author": "Krugman, Paul",
            "title": "The Case for Cuts Was a Lie. Why Does Britain Still Believe It?",
            "journal": "The Guardian", "entrysubtype": "newspaper", "date": "2015-04-29",
        }, id="chicago: newspaper, a question as title"),
    pytest.param(
        "Jervis, Robert. “Cooperation under the Security Dilemma.” World Politics 30, no. 2 "
        "(1978): 167–214.", "chicago", "article", {
            "author": "Jervis, Robert", "title": "Cooperation under the Security Dilemma",
            "journal": "World Politics", "volume": "30", "number": "2", "pages": "167--214",
            "date": "1978",
        }, id="chicago: journal article"),
    pytest.param(
        "Keohane, Robert O. “Theory of World Politics: Structural Realism and Beyond.” In "
        "Neorealism and Its Critics, edited by Robert O. Keohane, 158–203. New York: Columbia "
        "University Press, 1986.", "chicago", "incollection", {
            "author": "Keohane, Robert O.", "editor": "Keohane, Robert O.",
            "title": "Theory of World Politics: Structural Realism and Beyond",
            "booktitle": "Neorealism and Its Critics", "pages": "158--203",
            "publisher": "Columbia University Press", "address": "New York", "date": "1986",
        }, id="chicago: chapter in an edited book"),
    pytest.param(
        "Christensen, Thomas J. “Fostering Stability or Creating a Monster? The Rise of China "
        "and U.S. Policy toward East Asia.” International Security 31, no. 1 (Summer 2006): "
        "81–126.", "chicago", "article", {
            "author": "Christensen, Thomas J.",
            "title": "Fostering Stability or Creating a Monster? The Rise of China and U.S. "
                     "Policy toward East Asia",
            "journal": "International Security", "volume": "31", "number": "1",
            "pages": "81--126", "date": "2006-22",
        }, id="chicago: summer issue"),
    pytest.param("Nash, John Forbes. “Non-Cooperative Games.” PhD diss., Princeton University, "
                 "1950.", "chicago", "thesis", {
                     "author": "Nash, John Forbes", "title": "Non-Cooperative Games",
                     "type": "phdthesis", "institution": "Princeton University", "date": "1950",
                 }, id="chicago: dissertation"),
    pytest.param(
        "Belfer Center for Science and International Affairs. “Vaccination Crucial in This "
        "Year's Respiratory Season.” Harvard Kennedy School. Accessed November 28, 2026. "
        "https://belfer.example/publication/vaccination-crucial.", "chicago", "online", {
            "author": "{Belfer Center for Science and International Affairs}",
            "title": "Vaccination Crucial in This Year's Respiratory Season",
            "organization": "Harvard Kennedy School",
            "url": "https://belfer.example/publication/vaccination-crucial",
            "urldate": "2026-11-28",
        }, id="chicago: undated web page by an organisation, access date"),
    pytest.param(
        "Dobbins, James, Seth G. Jones, Keith Crane, and Beth Cole DeGrasse. The Beginner's "
        "Guide to Nation-Building. Santa Monica, CA: RAND Corporation, 2007.", "chicago",
        "book", {
            "author": "Dobbins, James and Jones, Seth G. and Crane, Keith and DeGrasse, Beth Cole",
            "title": "The Beginner's Guide to Nation-Building", "publisher": "RAND Corporation",
            "address": "Santa Monica, CA", "date": "2007",
        }, id="chicago: four authors, state in the place"),
    pytest.param(
        "Fearon, J. D., & Laitin, D. D. (2003). Ethnicity, insurgency, and civil war. American "
        f"Political Science Review, 97(1), 75–90. doi:{FEARON_LAITIN_DOI}", "apa", "article", {
            "author": "Fearon, J. D. and Laitin, D. D.",
            "title": "Ethnicity, insurgency, and civil war",
            "journal": "American Political Science Review", "volume": "97", "number": "1",
            "pages": "75--90", "date": "2003", "doi": FEARON_LAITIN_DOI,
        }, id="apa: two authors with &, DOI"),
    pytest.param(
        "Allison, G. (2017). Destined for war: Can America and China escape Thucydides's trap? "
        "Houghton Mifflin Harcourt.", "apa", "book", {
            "author": "Allison, G.",
            "title": "Destined for war: Can America and China escape Thucydides's trap?",
            "publisher": "Houghton Mifflin Harcourt", "date": "2017",
        }, id="apa: book"),
    pytest.param(
        "Acemoglu, D., Johnson, S., & Robinson, J. A. (2001). The colonial origins of "
        "comparative development: An empirical investigation. American Economic Review, 91(5), "
        "1369–1401.", "apa", "article", {
            "author": "Acemoglu, D. and Johnson, S. and Robinson, J. A.",
            "title": "The colonial origins of comparative development: An empirical "
                     "investigation",
            "journal": "American Economic Review", "volume": "91", "number": "5",
            "pages": "1369--1401", "date": "2001",
        }, id="apa: three authors"),
    pytest.param(
        "Dobbins, J., Jones, S. G., Crane, K., & DeGrasse, B. C. (2007). The beginner's guide to "
        "nation-building (Report No. MG-557-SRF). RAND Corporation.", "apa", "report", {
            "author": "Dobbins, J. and Jones, S. G. and Crane, K. and DeGrasse, B. C.",
            "title": "The beginner's guide to nation-building", "number": "MG-557-SRF",
            "type": "Report",
            "institution": "RAND Corporation", "date": "2007",
        }, id="apa: report with a number and an institution"),
    pytest.param(
        "Pollmann, M. (2023, February 7). Japan, China hold foreign minister call days after "
        "NATO chief’s visit. The Diplomat.", "apa", "article", {
            "author": "Pollmann, M.",
            "title": "Japan, China hold foreign minister call days after {NATO} chief’s visit",
            "journal": "The Diplomat", "entrysubtype": "magazine", "date": "2023-02-07",
        }, id="apa: magazine article with a full date"),
    pytest.param(
        "Keohane, R. O. (1986). Theory of world politics: Structural realism and beyond. In R. "
        "O. Keohane (Ed.), Neorealism and its critics (pp. 158–203). Columbia University Press.",
        "apa", "incollection", {
            "author": "Keohane, R. O.", "editor": "Keohane, R. O.",
            "title": "Theory of world politics: Structural realism and beyond",
            "booktitle": "Neorealism and its critics", "pages": "158--203",
            "publisher": "Columbia University Press", "date": "1986",
        }, id="apa: chapter with editor"),
    pytest.param(
        "Nash, J. F. (1950). Non-cooperative games [Doctoral dissertation, Princeton "
        "University].", "apa", "thesis", {
            "author": "Nash, J. F.", "title": "Non-cooperative games", "type": "phdthesis",
            "institution": "Princeton University", "date": "1950",
        }, id="apa: dissertation"),
    pytest.param(
        "Allison, G., & Ferguson, N. (2016, September). Why the U.S. president needs a council "
        "of historians. The Atlantic.", "apa", "article", {
            "author": "Allison, G. and Ferguson, N.",
            "title": "Why the U.S. president needs a council of historians",
            "journal": "The Atlantic", "entrysubtype": "magazine", "date": "2016-09",
        }, id="apa: magazine, month and year"),
    pytest.param(
        "Christensen, T. J. (2006). Fostering stability or creating a monster? The rise of China "
        "and U.S. policy toward East Asia. International Security, 31(1), 81–126.", "apa",
        "article", {
            "author": "Christensen, T. J.",
            "title": "Fostering stability or creating a monster? The rise of China and U.S. "
                     "policy toward East Asia",
            "journal": "International Security", "volume": "31", "number": "1",
            "pages": "81--126", "date": "2006",
        }, id="apa: a question mark inside the title"),
    pytest.param(
        "Fearon, James D. “Rationalist Explanations for War.” International Organization, vol. "
        "49, no. 3, 1995, pp. 379–414.", "mla", "article", {
            "author": "Fearon, James D.", "title": "Rationalist Explanations for War",
            "journal": "International Organization", "volume": "49", "number": "3",
            "pages": "379--414", "date": "1995",
        }, id="mla: journal article"),
    pytest.param(
        "Fearon, James D., and David D. Laitin. “Ethnicity, Insurgency, and Civil War.” American "
        "Political Science Review, vol. 97, no. 1, 2003, pp. 75–90.", "mla", "article", {
            "author": "Fearon, James D. and Laitin, David D.",
            "title": "Ethnicity, Insurgency, and Civil War",
            "journal": "American Political Science Review", "volume": "97", "number": "1",
            "pages": "75--90", "date": "2003",
        }, id="mla: two authors, the second in natural order"),
    pytest.param(
        "Acemoglu, Daron, et al. “The Colonial Origins of Comparative Development: An Empirical "
        "Investigation.” American Economic Review, vol. 91, no. 5, 2001, pp. 1369–401.", "mla",
        "article", {
            "author": "Acemoglu, Daron and others",
            "title": "The Colonial Origins of Comparative Development: An Empirical "
                     "Investigation",
            "journal": "American Economic Review", "volume": "91", "number": "5",
            "pages": "1369--401", "date": "2001",
        }, id="mla: et al."),
    pytest.param(
        "Allison, Graham. Destined for War: Can America and China Escape Thucydides's Trap? "
        "Houghton Mifflin Harcourt, 2017.", "mla", "book", {
            "author": "Allison, Graham", "title": ALLISON_TITLE,
            "publisher": "Houghton Mifflin Harcourt", "date": "2017",
        }, id="mla: book"),
    pytest.param(
        "Pollmann, Mina. “Japan, China Hold Foreign Minister Call Days after NATO Chief's "
        "Visit.” The Diplomat, 7 Feb. 2023.", "mla", "article", {
            "author": "Pollmann, Mina", "title": NATO_TITLE, "journal": "The Diplomat",
            "entrysubtype": "magazine", "date": "2023-02-07",
        }, id="mla: day month year"),
    pytest.param(
        "Keohane, Robert O. “Theory of World Politics: Structural Realism and Beyond.” "
        "Neorealism and Its Critics, edited by Robert O. Keohane, Columbia UP, 1986, pp. "
        "158–203.", "mla", "incollection", {
            "author": "Keohane, Robert O.", "editor": "Keohane, Robert O.",
            "title": "Theory of World Politics: Structural Realism and Beyond",
            "booktitle": "Neorealism and Its Critics", "pages": "158--203",
            "publisher": "Columbia UP", "date": "1986",
        }, id="mla: chapter"),
    pytest.param(
        "Fearon, J.D. (1995) 'Rationalist explanations for war', International Organization, "
        "49(3), pp. 379–414.", "harvard", "article", {
            "author": "Fearon, J. D.", "title": "Rationalist explanations for war",
            "journal": "International Organization", "volume": "49", "number": "3",
            "pages": "379--414", "date": "1995",
        }, id="harvard: journal article, glued initials"),
    pytest.param(
        "Allison, G. (2017) Destined for war: can America and China escape Thucydides's trap? "
        "Boston: Houghton Mifflin Harcourt.", "harvard", "book", {
            "author": "Allison, G.",
            "title": "Destined for war: can America and China escape Thucydides's trap?",
            "publisher": "Houghton Mifflin Harcourt", "address": "Boston", "date": "2017",
        }, id="harvard: book"),
    pytest.param(
        "Fearon, J.D. and Laitin, D.D. (2003) 'Ethnicity, insurgency, and civil war', American "
        f"Political Science Review, 97(1), pp. 75–90. doi:{FEARON_LAITIN_DOI}.", "harvard",
        "article", {
            "author": "Fearon, J. D. and Laitin, D. D.",
            "title": "Ethnicity, insurgency, and civil war",
            "journal": "American Political Science Review", "volume": "97", "number": "1",
            "pages": "75--90", "date": "2003", "doi": FEARON_LAITIN_DOI,
        }, id="harvard: two authors with and, DOI"),
    pytest.param(
        "Pollmann, M. (2023) 'Japan, China hold foreign minister call days after NATO chief's "
        f"visit', The Diplomat, 7 February. Available at: {DIPLOMAT_URL} (Accessed: 5 March "
        "2023).", "harvard", "article", {
            "author": "Pollmann, M.",
            "title": "Japan, China hold foreign minister call days after {NATO} chief's visit",
            "journal": "The Diplomat", "entrysubtype": "magazine", "date": "2023-02-07",
            "url": DIPLOMAT_URL, "urldate": "2023-03-05",
        }, id="harvard: online magazine, URL and access date"),
    pytest.param(
        "World Health Organization. (2021). WHO guidelines on hand hygiene in health care. "
        "World Health Organization.", "apa", "book", {
            "author": "{World Health Organization}",
            "title": "{WHO} guidelines on hand hygiene in health care",
            "publisher": "World Health Organization", "date": "2021",
        }, id="apa: an organisation as author"),
)  # fmt: skip


@pytest.mark.parametrize(("reference", "style", "entry_type", "fields"), REFERENCES)
def test_reference_strings(reference, style, entry_type, fields):
    parsed = text.parse(reference)
    assert (parsed.style, parsed.entry.type, dict(parsed.entry.fields), parsed.unsure) == (
        style,
        entry_type,
        fields,
        (),
    )


def test_there_are_at_least_25_references():
    assert len(REFERENCES) >= 25


def _format(tmp_path: Path, entry: NewEntry, style: str) -> str:
    path = tmp_path / "one.bib"
    path.unlink(missing_ok=True)
    added = library.add(path, [entry])
    lib = library.load(path)
    out = render.bibliography(lib, [lib.find(added.added[0].key)], style=style)
    return out.text


STYLES = {
    "belfer": "belfer",
    "chicago": "chicago-notes-bibliography",
    "apa": "apa",
    "mla": "modern-language-association",
    "harvard": "harvard-cite-them-right",
}
# Where formatting the parsed entry does not give the input back yet, and why; none of
# these is a parsing error (every field is asserted above).
CMOS = "the CMOS 17 style prints no place of publication and DOIs as URLs"
APOSTROPHE = "the style makes the input's straight apostrophe typographic, as citeproc-js does"
NOT_YET = {
    "chicago": CMOS,
    "chicago: issue without volume, season": "the style prints Autumn for Fall",
    "chicago: summer issue": "the season is not printed inside the issue's parentheses",
    "chicago: dissertation": "csl.convert gives the genre 'PhD thesis'; Chicago wants 'PhD diss.'",
    "chicago: undated web page by an organisation, access date": APOSTROPHE,
    "mla: et al.": "csl.convert drops `and others`, so et al. is lost",
    "mla: book": APOSTROPHE,
    "mla: day month year": APOSTROPHE,
    "harvard": "the style's en-GB quotes and dates are not applied; DOIs print as URLs",
    "apa: two authors with &, DOI": "APA prints DOIs as URLs",
    "apa: book": APOSTROPHE,
    "apa: report with a number and an institution": "the APA style labels only a numeric "
    "report number ('No.' is left out for MG-557-SRF, by citeproc-js too)",
    "apa: dissertation": "csl.convert gives the genre 'PhD thesis', APA wants the words given",
}  # fmt: skip
PASSING = {"chicago: newspaper, a question as title", "chicago: journal article"}
ROUND_TRIP = [
    pytest.param(*p.values[:2], id=p.id, marks=pytest.mark.xfail(
        reason=NOT_YET[p.id if p.id in NOT_YET else p.values[1]], strict=True))
    if (p.id in NOT_YET or p.values[1] in NOT_YET) and p.id not in PASSING
    else pytest.param(*p.values[:2], id=p.id)
    for p in REFERENCES
]  # fmt: skip


@pytest.mark.parametrize(("reference", "style"), ROUND_TRIP)
def test_round_trip_in_the_style_it_came_from(tmp_path, reference, style):
    entry = sources.delimited(text.parse(reference).entry)
    assert _format(tmp_path, entry, STYLES[style]) == reference + "\n"


def test_find_block_in_the_seed_page():
    if not SEED.is_file():
        pytest.skip("../shared/seed is not here")
    assert text.find_block(SEED.read_text(encoding="utf-8")) == POLLMANN


def test_find_block():
    page = "Intro\nFor Academic Citation:\n\n  A, B. “T.” C,\n  2020.\n\n- Recommended\n"
    assert text.find_block(page) == "A, B. “T.” C, 2020."
    assert text.find_block("For Academic Citation:\nA.\n- Most Viewed") == "A."
    assert text.find_block("no block here") == ""


def test_parse_text_one_reference_per_line():
    refs = text.parse_text(
        "Jervis, Robert. “Cooperation under the Security Dilemma.” World Politics 30, no. 2 "
        "(1978): 167–214.\n\n“Japan's Strategic Imperative.” Project Syndicate.\n",
        url="refs.txt",
    )
    assert [(p.style, p.entry.fields["title"]) for p in refs] == [
        ("chicago", "Cooperation under the Security Dilemma"),
        ("belfer", "Japan's Strategic Imperative"),
    ]


@pytest.mark.parametrize(("reference", "unsure"), (
    pytest.param("“A Title.” Somewhere odd. Really odd.",
                 (("journal", "'Somewhere odd. Really odd' matches no known shape; kept whole"),),
                 id="container"),
    pytest.param("Smith, John. A Book Title. Printed somewhere obscure.",
                 (("publisher", "no 'Place: Publisher, Year' after the title"),),
                 id="publisher"),
    pytest.param("Plato, Aristotle and Socrates. “Dialogues.” Athens Review, 1999.",
                 (("author", "'Socrates' has no given name; is it one person?"),), id="author"),
    pytest.param("Smith, J. (2020). A title. Some press. Second part.",
                 (("title", "'A title. Some press.' may end at an earlier full stop"),),
                 id="APA title"),
    pytest.param("Smith, J. (2020, Someday). A title. Press.",
                 (("date", "'Someday' is not a date; kept the year"),), id="APA date"),
    pytest.param("Smith, J. (2020) 'A title', Somewhere. Odd.",
                 (("journal", "'Somewhere. Odd' matches no known shape; kept whole"),),
                 id="Harvard container"),
    pytest.param("Smith, J. (2020) a title with no end",
                 (("title", "cannot tell where the title ends"),), id="Harvard title"),
    pytest.param("Aristotle. Poetics. Oxford: Clarendon Press, 1968.",
                 (("author", "'Aristotle' is not 'Family, Given'; kept as one name"),),
                 id="one-word author"),
    pytest.param("Smith, J. (2020). Title. Some.Thing",
                 (("publisher", "'Some.Thing' matches no known shape; kept whole"),),
                 id="APA unreadable publisher"),
    pytest.param("Lee Kuan Yew Foundation Staff and Others (2020). T. P.",
                 (), id="organisation author is sure"),
))  # fmt: skip
def test_unsure_fields_are_named(reference, unsure):
    assert text.parse(reference).unsure == unsure


def test_unsure_apa_author_list():
    parsed = text.parse("Smith and Jones (2020). A title. Press.")
    assert parsed.entry.fields["author"] == "{Smith and Jones}"
    assert parsed.unsure == (
        ("author", "'Smith and Jones' is not a list of names; kept as one name"),
    )


@pytest.mark.parametrize(("reference", "message"), (
    pytest.param("", "<text>: empty reference text", id="empty"),
    pytest.param("https://x.example/a", "<text>: cannot find a title in 'https://x.example/a'; "
                 "is this a reference?", id="a URL alone"),
    pytest.param("just some words", "<text>: cannot find a title in 'just some words'; is this "
                 "a reference?", id="words"),
))  # fmt: skip
def test_not_a_reference(reference, message):
    with pytest.raises(CitekitError) as e:
        text.parse(reference)
    assert str(e.value) == message


def test_parse_text_errors_name_the_line():
    with pytest.raises(CitekitError) as e:
        text.parse_text("“T.” C.\nnonsense here\n", url="refs.txt")
    assert (
        str(e.value) == "refs.txt:2: cannot find a title in 'nonsense here'; is this a reference?"
    )
    with pytest.raises(CitekitError) as e:
        text.parse_text("\n \n", url="refs.txt")
    assert str(e.value) == "refs.txt: no reference text"


@pytest.mark.parametrize(("reference", "entry_type", "fields"), (
    pytest.param("Walt, Stephen M. “The Top Five.” Foreign Policy, March 4, 2022. "
                 "https://fp.example/2022/03/04/top-five/. Accessed March 5, 2022.", "article",
                 {"author": "Walt, Stephen M.", "title": "The Top Five",
                  "journal": "Foreign Policy", "entrysubtype": "magazine", "date": "2022-03-04",
                  "url": "https://fp.example/2022/03/04/top-five/", "urldate": "2022-03-05"},
                 id="chicago access date"),
    pytest.param("Mina Pollmann. “T.” The Diplomat, 2023. https://x.example/10.1000/abc",
                 "article", {"author": "Pollmann, Mina", "title": "T", "journal": "The Diplomat",
                             "date": "2023", "doi": "10.1000/abc"},
                 id="natural-order single author, DOI behind another resolver"),
    pytest.param("RAND Corporation. A Guide. Santa Monica, CA: RAND, 2007.", "book",
                 {"author": "{RAND Corporation}", "title": "A Guide", "publisher": "RAND",
                  "address": "Santa Monica, CA", "date": "2007"}, id="organisation author"),
    pytest.param("“Only a Title.”", "article", {"title": "Only a Title"}, id="title alone"),
    pytest.param("[12] Jervis, Robert. “Cooperation under the Security Dilemma.” World Politics "
                 "30, no. 2 (1978): 167–214.", "article",
                 {"author": "Jervis, Robert", "title": "Cooperation under the Security Dilemma",
                  "journal": "World Politics", "volume": "30", "number": "2",
                  "pages": "167--214", "date": "1978"}, id="numbered as in a PDF's list"),
    pytest.param("3. Doe, J. (2019). A page. Example Press. Retrieved from https://x.example/p",
                 "book", {"author": "Doe, J.", "title": "A page", "publisher": "Example Press",
                          "date": "2019", "url": "https://x.example/p"},
                 id="APA 6 retrieved from"),
    pytest.param("Doe, Jane. “A Page.” Example Site. February 7, 2023. https://x.example/p.",
                 "online", {"author": "Doe, Jane", "title": "A Page",
                            "organization": "Example Site", "date": "2023-02-07",
                            "url": "https://x.example/p"}, id="chicago dated web page"),
    pytest.param("Smith, J., et al. (2020). A title. Journal of Things, 3.", "article",
                 {"author": "Smith, J. and others", "title": "A title",
                  "journal": "Journal of Things", "volume": "3", "date": "2020"},
                 id="apa et al"),
    pytest.param("Doe, J. (n.d.). An undated page. Example Press.", "book",
                 {"author": "Doe, J.", "title": "An undated page", "publisher": "Example Press"},
                 id="apa n.d."),
    pytest.param("Doe, J. (2020). A title with no full stop", "article",
                 {"author": "Doe, J.", "title": "A title with no full stop", "date": "2020"},
                 id="apa title only"),
    pytest.param("Keohane, R. O. (1986). Theory. In Robert Keohane (Ed.), Critics (pp. 1–2). "
                 "CUP.", "incollection",
                 {"author": "Keohane, R. O.", "editor": "Keohane, Robert", "title": "Theory",
                  "booktitle": "Critics", "pages": "1--2", "publisher": "CUP", "date": "1986"},
                 id="apa editor in natural order"),
    pytest.param("Smith, J. (2020) 'A title', Example Review.", "article",
                 {"author": "Smith, J.", "title": "A title", "journal": "Example Review",
                  "date": "2020"}, id="harvard container only"),
    pytest.param("Smith, J. (2020) 'A title'.", "article",
                 {"author": "Smith, J.", "title": "A title", "date": "2020"},
                 id="harvard title only"),
))  # fmt: skip
def test_more_shapes(reference, entry_type, fields):
    parsed = text.parse(reference)
    assert (parsed.entry.type, dict(parsed.entry.fields)) == (entry_type, fields)


def test_a_reference_list_pasted_from_a_pdf():
    pasted = (
        "[1] Jervis, Robert. “Cooperation under the Security Di-\n"
        "lemma.” World Politics 30, no. 2 (1978): 167–214.\n"
        "[2] Nye, Joseph S. “Soft Power.” Foreign Policy, no. 80\n"
        "(Fall 1990): 153–71.\n"
    )
    refs = text.parse_text(pasted, url="refs.txt")
    assert [p.entry.fields["title"] for p in refs] == [
        "Cooperation under the Security Dilemma",
        "Soft Power",
    ]
    paragraphs = (
        "Jervis, Robert. “Cooperation under the Security Dilemma.” World Politics 30,\n"
        "no. 2 (1978): 167–214.\n\nNye, Joseph S. “Soft Power.” Foreign Policy, no. 80 (Fall\n"
        "1990): 153–71.\n"
    )
    assert [p.entry.fields["journal"] for p in text.parse_text(paragraphs, url="r")] == [
        "World Politics",
        "Foreign Policy",
    ]


def test_the_whole_table_one_reference_per_line():
    one_per_line = "\n".join(p.values[0] for p in REFERENCES)
    assert [p.entry.fields["title"] for p in text.parse_text(one_per_line, url="r")] == [
        text.parse(p.values[0]).entry.fields["title"] for p in REFERENCES
    ]
