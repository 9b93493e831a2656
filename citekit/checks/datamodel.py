"""What BibTeX and biblatex know: entry types, fields, and the fields each type needs.

Sources: Patashnik's *BibTeXing* (btxdoc, 1988) for BibTeX's 14 standard types and their
required fields; the biblatex manual (v3.x, §2.1 and §2.2) for its types and fields. Fields
written by reference managers (Zotero/Better BibTeX, Mendeley, JabRef, BibDesk, DBLP) are
known too: they are harmless to BibTeX and biber, so flagging them would only be noise.
"""

from __future__ import annotations

BIBTEX_TYPES = frozenset(
    """article book booklet conference inbook incollection inproceedings manual
    mastersthesis misc phdthesis proceedings techreport unpublished""".split()
)

BIBLATEX_TYPES = frozenset(
    """article book mvbook inbook bookinbook suppbook booklet collection mvcollection
    incollection suppcollection dataset manual misc online patent periodical
    suppperiodical proceedings mvproceedings inproceedings reference mvreference
    inreference report set software thesis unpublished xdata
    customa customb customc customd custome customf
    conference electronic mastersthesis phdthesis techreport www
    artwork audio bibnote commentary image jurisdiction legislation legal letter movie
    music performance review standard video""".split()
)

ENTRY_TYPES = BIBTEX_TYPES | BIBLATEX_TYPES

BIBTEX_FIELDS = frozenset(
    """address annote author booktitle chapter crossref edition editor howpublished
    institution journal key month note number organization pages publisher school series
    title type volume year""".split()
)

BIBLATEX_FIELDS = frozenset(
    """abstract addendum afterword annotation annotator author authortype bookauthor
    bookpagination booksubtitle booktitle booktitleaddon chapter commentator date doi
    edition editor editora editorb editorc editortype editoratype editorbtype editorctype
    eid entrysubtype eprint eprintclass eprinttype eventdate eventtitle eventtitleaddon
    file foreword holder howpublished indextitle institution introduction isan isbn ismn
    isrn issn issue issuesubtitle issuetitle issuetitleaddon iswc journalsubtitle
    journaltitle journaltitleaddon label language library location mainsubtitle maintitle
    maintitleaddon month nameaddon note number organization origdate origlanguage
    origlocation origpublisher origtitle pages pagetotal pagination part publisher pubstate
    reprinttitle series shortauthor shorteditor shorthand shorthandintro shortjournal
    shortseries shorttitle subtitle title titleaddon translator type url urldate venue
    version volume volumes year
    crossref entryset execute gender langid langidopts ids indexsorttitle keywords options
    presort related relatedoptions relatedstring relatedtype sortkey sortname sortshorthand
    sorttitle sortyear xdata xref
    address annote archiveprefix journal key pdf primaryclass school
    usera userb userc userd usere userf verba verbb verbc lista listb listc listd liste listf
    namea nameb namec nameatype namebtype namectype
    day endday endmonth endyear origday origmonth origyear urlday urlmonth urlyear
    eventday eventmonth eventyear
    """.split()
)

# written by reference managers and databases; BibTeX and biber ignore them quietly
TOOL_FIELDS = frozenset(
    """abstract keywords keyword file files urldate language copyright annotation
    pmid pmcid numpages acmid articleno issue_date lccn collaborator affiliation owner
    timestamp bibsource biburl read rating priority added-at interhash intrahash ee
    lastchecked posted-at urn prg mendeley-tags mendeley-groups groups qualityassured
    citeulike-article-id __markedentry ranking readstatus printed relevance asin ean dewey
    description shortjournal urllocal urlpdf xtopic xurl pubcat conference authorshort
    jstor_articletype jstor_formatteddate jstor_issuetitle eprinttype archive archive_location
    callnumber extra howcited mrclass mrnumber mrreviewer zmath zblnumber fjournal
    coden oclc arxivid arxiv openalex s2id inspire hal_id hal_version area
    """.split()
)
TOOL_PREFIXES = ("bdsk-", "date-", "citeulike-", "x-", "jabref-", "zotero-", "mendeley-")

KNOWN_FIELDS = BIBTEX_FIELDS | BIBLATEX_FIELDS | TOOL_FIELDS

# fields that hold names, text, identifiers
NAME_FIELDS = frozenset(
    """author editor editora editorb editorc translator bookauthor commentator annotator
    introduction foreword afterword holder shortauthor shorteditor namea nameb namec""".split()
)
TEXT_FIELDS = frozenset(
    """title subtitle titleaddon booktitle booksubtitle booktitleaddon maintitle
    mainsubtitle maintitleaddon journal journaltitle journalsubtitle issuetitle
    issuesubtitle eventtitle series shorttitle publisher institution school organization
    note addendum howpublished location address chapter edition""".split()
)
TITLE_FIELDS = frozenset(
    """title subtitle titleaddon booktitle booksubtitle maintitle mainsubtitle
    issuetitle eventtitle shorttitle""".split()
)
# fields whose value is verbatim (URLs, paths): escapes would be wrong there
VERBATIM_FIELDS = frozenset("url file files pdf doi eprint urlraw verba verbb verbc".split())

# each inner tuple is one requirement that any of its fields satisfies; journal and
# journaltitle, year and date, school and institution are the BibTeX and biblatex names of
# the same thing, so either satisfies a requirement
_J = ("journal", "journaltitle")
_Y = ("year", "date")
_AE = ("author", "editor")
_SCHOOL = ("school", "institution")

BIBTEX_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), _J, _Y),
    "book": (_AE, ("title",), ("publisher",), _Y),
    "booklet": (("title",),),
    "inbook": (_AE, ("title",), ("chapter", "pages"), ("publisher",), _Y),
    "incollection": (("author",), ("title",), ("booktitle",), ("publisher",), _Y),
    "inproceedings": (("author",), ("title",), ("booktitle",), _Y),
    "conference": (("author",), ("title",), ("booktitle",), _Y),
    "manual": (("title",),),
    "mastersthesis": (("author",), ("title",), _SCHOOL, _Y),
    "phdthesis": (("author",), ("title",), _SCHOOL, _Y),
    "misc": (),
    "proceedings": (("title",), _Y),
    "techreport": (("author",), ("title",), _SCHOOL, _Y),
    "unpublished": (("author",), ("title",), ("note",)),
}

BIBLATEX_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), _J, _Y),
    "book": (("author",), ("title",), _Y),
    "mvbook": (("author",), ("title",), _Y),
    "inbook": (("author",), ("title",), ("booktitle",), _Y),
    "bookinbook": (("author",), ("title",), ("booktitle",), _Y),
    "suppbook": (("author",), ("title",), ("booktitle",), _Y),
    "booklet": (_AE, ("title",), _Y),
    "collection": (("editor",), ("title",), _Y),
    "mvcollection": (("editor",), ("title",), _Y),
    "incollection": (("author",), ("title",), ("booktitle",), _Y),
    "suppcollection": (("author",), ("title",), ("booktitle",), _Y),
    "dataset": (_AE, ("title",), _Y),
    "manual": (_AE, ("title",), _Y),
    "misc": (_AE, ("title",), _Y),
    "online": (_AE, ("title",), _Y, ("doi", "eprint", "url")),
    "patent": (("author",), ("title",), ("number",), _Y),
    "periodical": (("editor",), ("title",), _Y),
    "proceedings": (("title",), _Y),
    "mvproceedings": (("title",), _Y),
    "inproceedings": (("author",), ("title",), ("booktitle",), _Y),
    "reference": (("editor",), ("title",), _Y),
    "mvreference": (("editor",), ("title",), _Y),
    "inreference": (("author",), ("title",), ("booktitle",), _Y),
    "report": (("author",), ("title",), ("type",), _SCHOOL, _Y),
    "thesis": (("author",), ("title",), ("type",), _SCHOOL, _Y),
    "unpublished": (("author",), ("title",), _Y),
    "software": (_AE, ("title",), _Y),
}


def required(entry_type: str, datamodel: str) -> tuple[tuple[str, ...], ...]:
    """The requirements for a type: BibTeX's for its own types and biblatex's for the rest
    ("auto"), or one model's throughout."""
    if datamodel == "biblatex":
        return BIBLATEX_REQUIRED.get(entry_type, ())
    if datamodel == "bibtex" or entry_type in BIBTEX_REQUIRED:
        return BIBTEX_REQUIRED.get(entry_type, ())
    return BIBLATEX_REQUIRED.get(entry_type, ())
