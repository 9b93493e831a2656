from __future__ import annotations

from pathlib import Path

import pytest

from citekit import sources
from citekit.config import Config
from citekit.errors import CitekitError
from citekit.importers import net
from citekit.library import NewEntry


@pytest.mark.parametrize(("source", "expected"), (
    ("10.1017/S0020818300033324", ("doi", "10.1017/S0020818300033324")),
    (net.DEFAULT_URLS["doi"] + "/10.1017/X", ("doi", "10.1017/X")),
    ("arXiv:1706.03762", ("arxiv", "1706.03762")),
    ("978-0-544-93527-3", ("isbn", "9780544935273")),
    ("pmid:32015507", ("pubmed", "32015507")),
    ("32015507", ("pubmed", "32015507")),
    ("https://thediplomat.com/2023/02/x/", ("url", "https://thediplomat.com/2023/02/x/")),
    ("refs.bib", ("", "")),
))  # fmt: skip
def test_identify(source, expected):
    assert sources.identify(source) == expected


@pytest.mark.parametrize(("text", "kind"), (
    ("TY  - JOUR\nER  -\n", "ris"),
    ('\ufeff[{"id": "a"}]', "csljson"),
    ("<!DOCTYPE html><html>", "html"),
    ("<meta name=x>", "html"),
    ("% comment\n@article{a,\n}\n", "bib"),
    ("# list\n10.1017/X\n\nhttps://example.org/a\n", "batch"),
    ("For Academic Citation:\nA, B.“T.” C, 2020.\n", "text"),
    ("", "text"),
))  # fmt: skip
def test_sniff(text, kind):
    assert sources.sniff(text) == kind


@pytest.mark.parametrize(("name", "content", "kind"), (
    ("a.bib", "", "bib"),
    ("a.RIS", "", "ris"),
    ("a.json", "", "csljson"),
    ("a.htm", "", "html"),
    ("a.txt", "10.1017/X\n", "batch"),
    ("a.txt", "“T.” C.\n", "text"),
    ("noext", "TY  - JOUR\n", "ris"),
))  # fmt: skip
def test_detect_files(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_text(content)
    assert sources.detect(str(path)) == kind


def test_detect_unknown():
    with pytest.raises(CitekitError) as e:
        sources.detect("nothing-here")
    assert str(e.value) == (
        "nothing-here: no such file, and not a DOI, arXiv id, ISBN, PubMed id or URL; for a "
        "formatted citation use --text"
    )


def test_unreadable_file(tmp_path):
    folder = tmp_path / "dir.bib"
    folder.mkdir()
    with pytest.raises(CitekitError) as e:
        sources.from_file(folder, "bib")
    assert str(e.value) == f"{folder}: cannot read it (Is a directory)"


def test_load_a_missing_file_of_a_forced_kind(tmp_path):
    with pytest.raises(CitekitError) as e:
        sources.load(str(tmp_path / "gone.ris"), Config(), kind="ris")
    assert str(e.value) == f"{tmp_path / 'gone.ris'}: no such file"


def test_batch_lines(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# reading\n10.1/a\n\n  arXiv:1706.03762  \n")
    assert sources.batch_lines(path) == [(2, "10.1/a"), (4, "arXiv:1706.03762")]


@pytest.mark.parametrize(("text", "kind", "expected"), (
    ("@book{k, title={T}}\n", "", ["k"]),
    ("TY  - BOOK\nTI  - T\nER  -\n", "", [""]),
    ('{"id": "z1", "title": "T"}', "", ["z1"]),
    ('<meta name="citation_title" content="T">', "html", [""]),
    ("“T.” C.", "", [""]),
))  # fmt: skip
def test_from_stdin(text, kind, expected):
    assert [e.key for e in sources.from_stdin(text, kind=kind).entries] == expected


def test_from_stdin_refuses_identifier_kinds():
    with pytest.raises(CitekitError) as e:
        sources.from_stdin("10.1/x", kind="doi")
    assert str(e.value) == "<stdin>: --from doi takes an identifier; give it as SOURCE"


def test_from_source_keeps_the_old_signature(tmp_path):
    path = tmp_path / "a.bib"
    path.write_text("@book{k, title={T}}\n")
    assert [e.key for e in sources.from_source(str(path), Config())] == ["k"]


def test_fetch_with_a_forced_kind_normalises(monkeypatch):
    seen = []
    from citekit.importers import isbn

    def fetch(value, settings):
        seen.append(value)
        return NewEntry("misc", {"author": "{World Bank}", "title": "T", "year": "2020"})

    monkeypatch.setattr(isbn, "fetch", fetch)
    entry = sources.fetch("ISBN 0-544-93527-6", Config(), kind="isbn")
    assert seen == ["9780544935273"]
    # a content that looks delimited keeps its own braces inside new ones
    assert entry.fields == {"author": "{{World Bank}}", "title": "T", "year": "2020"}


def test_fetch_validates_net_settings():
    with pytest.raises(CitekitError) as e:
        sources.fetch("10.1000/x", Config(net={"timout": 3}))
    assert str(e.value) == ("[tool.citekit.net]: unknown setting 'timout'; did you mean 'timeout'?")


def test_found_notes_for_text(tmp_path):
    found = sources.from_text("“T.” C.", where="x")
    assert (found.notes, found.unsure) == (["x: read as a belfer reference"], [])
    assert Path  # keep the import for type hints in other tests


def test_many_references_are_summarised_and_unsure_ones_numbered():
    found = sources.from_text(
        "“A.” Journal A.\n\nSmith, J. (2020). B. Press.\n“C.” Somewhere odd. Really odd.\n",
        where="refs.txt",
    )
    assert found.notes == ["refs.txt: read 3 references (2 belfer, 1 apa)"]
    assert found.unsure == [
        "reference 3: journal: 'Somewhere odd. Really odd' matches no known shape; kept whole"
    ]


def test_detect_a_folder_says_it_is_a_folder(tmp_path):
    # `citekit add refs/` said "no such file", though the folder is there
    with pytest.raises(CitekitError) as e:
        sources.detect(str(tmp_path))
    assert str(e.value) == f"{tmp_path}: is a folder; give a file in it, or a DOI, URL, …"


def test_bibtex_whose_braces_balance_only_for_bibtexparser_is_refused():
    # bibtexparser reads \{ as escaped, BibTeX does not: copied into the library, the
    # entry would never close and would swallow every entry added after it
    with pytest.raises(CitekitError) as e:
        sources.from_bibtex(Path("in.bib"), "@misc{k, title = {Hello \\{}, year = 2020}\n")
    assert str(e.value) == (
        "in.bib:1:1: @misc 'k' is never closed; fix the entry (BibTeX counts \\{ and \\} as "
        "braces too) and run again"
    )


def test_delimited_names_the_field_whose_braces_do_not_balance():
    with pytest.raises(CitekitError) as e:
        sources.delimited(NewEntry("article", {"doi": "10.1/x}y"}))
    assert str(e.value).startswith("doi '10.1/x}y': its braces do not balance")


def test_bibtex_that_bibtex_reads_differently_reports_where_it_goes_wrong():
    with pytest.raises(CitekitError) as e:
        sources.from_bibtex(Path("in.bib"), "@misc{a, title={A}}\n@misc{k2, doi={10.1/a}b}}\n")
    assert str(e.value) == (
        "in.bib:2:23: unexpected 'b' after the value of 'doi'; fix the entry (BibTeX counts \\{ "
        "and \\} as braces too) and run again"
    )
