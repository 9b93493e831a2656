"""`citekit add` end to end: CliRunner against the recorded-answer server on 127.0.0.1.

Every failure must be one clear line, exit 2, and leave the library byte for byte as it was.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from citekit.cli import cli

ROOT = Path(__file__).resolve().parents[2]
NET = ROOT / "tests" / "data" / "net"
SEED = ROOT.parent / "shared" / "seed" / "belfer-pollmann-2023.txt"
POLLMANN = (
    "Pollmann, Mina.“Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit.” "
    "The Diplomat, February 7, 2023."
)
POLLMANN_BIB = (
    "@article{pollmann2023japan,\n"
    "  author = {Pollmann, Mina},\n"
    "  title = {Japan, China Hold Foreign Minister Call Days after {NATO} Chief's Visit},\n"
    "  journal = {The Diplomat},\n"
    "  entrysubtype = {magazine},\n"
    "  date = {2023-02-07},\n"
    "}\n"
)
FEARON_BIB = (
    "@article{fearon1995rationalist,\n"
    "  author = {Fearon, James D.},\n"
    "  title = {Rationalist explanations for war},\n"
    "  journal = {International Organization},\n"
    "  shortjournal = {Int Org},\n"
    "  volume = 49,\n"
    "  issn = {0020-8183},\n"
    "  langid = {en},\n"
    "  number = 3,\n"
    "  pages = {379--414},\n"
    "  publisher = {Cambridge University Press (CUP)},\n"
    "  date = 1995,\n"
    "  doi = {10.1017/S0020818300033324},\n"
    "  url = {https://resolver.example/10.1017/S0020818300033324},\n"
    "}\n"
)
TODAY = datetime.date.today().isoformat()


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    return tmp_path / "new.bib"


def add(runner, lib: Path, *args: str, input: str | None = None):
    return runner.invoke(cli, ["--library", str(lib), "add", *args], input=input)


def unchanged(path: Path, before: bytes | None) -> bool:
    return (path.read_bytes() if path.exists() else None) == before


# --------------------------------------------------------------------------- acceptance


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not here")
def test_seed_page_round_trips_through_belfer(runner, empty):
    result = add(runner, empty, str(SEED))
    assert result.exit_code == 0, result.output
    assert result.stdout == "pollmann2023japan\n"
    assert result.stderr == f"{SEED}: read as a belfer reference\nadded 1 to {empty}\n"
    assert empty.read_text() == POLLMANN_BIB
    out = runner.invoke(cli, ["--library", str(empty), "format", "pollmann2023japan", "--style",
                              "belfer"])  # fmt: skip
    assert out.stdout == POLLMANN + "\n"


def test_text_block_round_trips_through_belfer(runner, empty):
    result = add(runner, empty, "--text", POLLMANN)
    assert result.exit_code == 0, result.output
    assert empty.read_text() == POLLMANN_BIB
    out = runner.invoke(cli, ["--library", str(empty), "format", "pollmann2023japan", "--style",
                              "belfer"])  # fmt: skip
    assert out.stdout == POLLMANN + "\n"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not here")
def test_seed_page_is_refused_against_library_bib(runner, sample):
    before = sample.read_bytes()
    result = add(runner, sample, str(SEED))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"error: {sample}:5: already in the library as 'pollmann2023japan' (title 100% alike, "
        "same year, first author, container); use --force to add it anyway, or --merge to "
        "fill in what it lacks"
    )
    assert unchanged(sample, before)


LIBRARY_KEYS = ("pollmann2023japan", "strategicimperative", "indopacificfolly",
                "threatopportunity", "vaccinationcrucial", "moralityukraine")  # fmt: skip


@pytest.mark.parametrize("key", LIBRARY_KEYS)
def test_every_library_entry_is_refused_by_its_formatted_citation(runner, sample, key):
    citation = runner.invoke(cli, ["--library", str(sample), "format", key]).stdout.strip()
    before = sample.read_bytes()
    result = add(runner, sample, "--text", citation)
    assert result.exit_code == 2, result.output
    assert f"already in the library as {key!r}" in result.stderr
    assert unchanged(sample, before)


@pytest.mark.parametrize(("page", "key"), (
    ("diplomat-oped.html", "pollmann2023japan"),
    ("og-only.html", "moralityukraine"),
    ("webpage.html", "vaccinationcrucial"),
    ("belfer-publication.html", "pollmann2023japan"),
))  # fmt: skip
def test_library_entries_are_refused_by_url(runner, sample, server, page, key):
    before = sample.read_bytes()
    result = add(runner, sample, f"{server.base}/pages/{page}")
    assert result.exit_code == 2, result.output
    assert f"already in the library as {key!r}" in result.stderr
    assert unchanged(sample, before)


def test_refused_by_doi_url_and_isbn_once_added(runner, empty, server):
    assert add(runner, empty, "10.1017/S0020818300033324").exit_code == 0
    assert add(runner, empty, "978-0-544-93527-3").exit_code == 0
    before = empty.read_bytes()
    again = add(runner, empty, "doi:10.1017/S0020818300033324")
    assert again.stderr == (
        f"error: {empty}:1: already in the library as 'fearon1995rationalist' (same DOI "
        "10.1017/s0020818300033324); use --force to add it anyway, or --merge to fill in what "
        "it lacks\n"
    )
    by_text = add(
        runner,
        empty,
        "--text",
        "Allison, Graham. Destined for War: Can America and "
        "China Escape Thucydides's Trap? Boston: Houghton Mifflin Harcourt, 2017.",
    )
    assert "already in the library as 'allison2017destined' (title 100% alike" in by_text.stderr
    ris = empty.parent / "one.ris"
    ris.write_text("TY  - BOOK\nTI  - Another Title\nSN  - 0544935276\nER  -\n")
    by_isbn = add(runner, empty, str(ris))
    assert "already in the library as 'allison2017destined' (same ISBN 9780544935273)" in (
        by_isbn.stderr
    )
    assert unchanged(empty, before)


# --------------------------------------------------------------------------- identifiers


def test_doi(runner, empty, server):
    result = add(runner, empty, "doi:10.1017/S0020818300033324")
    assert result.exit_code == 0, result.output
    assert result.stdout == "fearon1995rationalist\n"
    assert empty.read_text() == FEARON_BIB
    path, headers = server.requests[-1]
    assert path == "/doi/10.1017/S0020818300033324"
    assert headers["Accept"].startswith("application/vnd.citationstyles.csl+json")
    assert headers["User-Agent"].startswith("citekit/")


@pytest.mark.parametrize(("source", "message"), (
    pytest.param("10.9999/missing", "{base}/doi/10.9999/missing: not found (HTTP 404); check the "
                 "identifier", id="404"),
    pytest.param("10.9999/broken", "{base}/doi/10.9999/broken: HTTP 500 Internal Server Error "
                 "after 2 tries; try again later", id="500"),
    pytest.param("10.9999/slow", "{base}/doi/10.9999/slow: no answer within 0.3 s after 2 tries; "
                 "try again later", id="timeout"),
    pytest.param("10.9999/garbage", "{base}/doi/10.9999/garbage:1:1: not valid JSON (Expecting "
                 "value)", id="garbage"),
))  # fmt: skip
def test_doi_failures(runner, sample, server, source, message):
    before = sample.read_bytes()
    result = add(runner, sample, source)
    assert result.exit_code == 2
    assert result.stderr == "error: " + message.format(base=server.base) + "\n"
    assert unchanged(sample, before)


def test_offline_is_one_line(runner, sample, monkeypatch):
    monkeypatch.setenv("CITEKIT_DOI_URL", "http://127.0.0.1:9/doi")
    before = sample.read_bytes()
    result = add(runner, sample, "10.1017/S0020818300033324")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: http://127.0.0.1:9/doi/10.1017/S0020818300033324: cannot reach 127.0.0.1:9 ("
    )
    assert result.stderr.endswith("); are you online?\n")
    assert len(result.stderr.splitlines()) == 1
    assert unchanged(sample, before)


def test_arxiv(runner, empty, server):
    result = add(runner, empty, "arXiv:1706.03762")
    assert result.exit_code == 0, result.output
    assert result.stdout == "vaswani2017attention\n"
    assert "  eprint = {1706.03762},\n  eprinttype = {arxiv},\n" in empty.read_text()
    assert server.requests[-1][0] == "/arxiv/query?id_list=1706.03762&max_results=1"


@pytest.mark.parametrize(("source", "message"), (
    pytest.param("9999.99999", "{url}9999.99999&max_results=1: arXiv says: incorrect id format "
                 "for 9999.99999; check the id", id="error"),
    pytest.param("2101.99999", "{url}2101.99999&max_results=1: arXiv has no such paper; check "
                 "the id", id="not found"),
    pytest.param("2101.00500", "{url}2101.00500&max_results=1: HTTP 500 Internal Server Error "
                 "after 2 tries; try again later", id="500"),
    pytest.param("2101.00666", "{url}2101.00666&max_results=1: not an Atom feed (no element "
                 "found: line 1, column 21)", id="garbage"),
))  # fmt: skip
def test_arxiv_failures(runner, sample, server, source, message):
    before = sample.read_bytes()
    result = add(runner, sample, f"arxiv:{source}")
    assert result.exit_code == 2
    url = f"{server.base}/arxiv/query?id_list="
    assert result.stderr == "error: " + message.format(url=url) + "\n"
    assert unchanged(sample, before)


def test_isbn(runner, empty, server):
    result = add(runner, empty, "ISBN 0-544-93527-6")
    assert result.exit_code == 0, result.output
    assert result.stdout == "allison2017destined\n"
    assert "  isbn = 9780544935273,\n" in empty.read_text()


@pytest.mark.parametrize(("source", "message"), (
    pytest.param("9780000000002", "Open Library has no book with ISBN 9780000000002",
                 id="not found"),
    pytest.param("0-306-40615-2", "not valid JSON (Expecting ',' delimiter)", id="garbage"),
    pytest.param("1-56619-909-3", "HTTP 500 Internal Server Error after 2 tries; try again "
                 "later", id="500"),
))  # fmt: skip
def test_isbn_failures(runner, sample, server, source, message):
    before = sample.read_bytes()
    result = add(runner, sample, source)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {server.base}/isbn/books?bibkeys=ISBN%3A")
    assert result.stderr.endswith(f"&format=json&jscmd=data: {message}\n")
    assert unchanged(sample, before)


def test_isbn_with_a_bad_checksum_is_not_an_identifier(runner, sample):
    result = add(runner, sample, "978-0-544-93527-4")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: 978-0-544-93527-4: no such file, and not a DOI, arXiv id, ISBN, PubMed id or "
        "URL; for a formatted citation use --text\n"
    )


def test_pubmed(runner, empty, server):
    result = add(runner, empty, "pmid:32015507")
    assert result.exit_code == 0, result.output
    assert result.stdout == "zhou2020pneumonia\n"
    assert "  pmid = 32015507,\n" in empty.read_text()


@pytest.mark.parametrize(("source", "message"), (
    pytest.param("999", "PubMed has no such article; check the id", id="not found"),
    pytest.param("666", "not PubMed XML (no element found: line 1, column 54)", id="garbage"),
    pytest.param("500", "HTTP 500 Internal Server Error after 2 tries; try again later",
                 id="500"),
))  # fmt: skip
def test_pubmed_failures(runner, sample, server, source, message):
    before = sample.read_bytes()
    result = add(runner, sample, f"pmid:{source}")
    assert result.exit_code == 2
    url = f"{server.base}/pubmed/efetch.fcgi?db=pubmed&id={source}&retmode=xml"
    assert result.stderr == f"error: {url}: {message}\n"
    assert unchanged(sample, before)


# --------------------------------------------------------------------------- web pages


def test_url(runner, empty, server):
    result = add(runner, empty, f"{server.base}/pages/diplomat-oped.html")
    assert result.exit_code == 0, result.output
    assert empty.read_text() == POLLMANN_BIB.replace(
        "}\n",
        "  url = {https://thediplomat.com/2023/02/japan-china-hold-foreign-minister-call-days-"
        f"after-nato-chiefs-visit/}},\n  urldate = {{{TODAY}}},\n}}\n",
    ).replace("{pollmann2023japan,}", "{pollmann2023japan,")
    assert server.requests[-1][1]["Accept"].startswith("text/html")


@pytest.mark.parametrize(("page", "message"), (
    pytest.param("missing.html", "{url}: not found (HTTP 404); check the identifier", id="404"),
    pytest.param("paper.pdf", "{url}: the page is application/pdf, not HTML; for a PDF give its "
                 "DOI, or --text with its formatted citation", id="not HTML"),
    pytest.param("no-metadata.html", "{url}: the page names no title (no citation_*, JSON-LD, "
                 "Dublin Core or OpenGraph metadata); add it with --title and the other field "
                 "options", id="no metadata"),
    pytest.param("slow.html", "{url}: no answer within 0.3 s after 2 tries; try again later",
                 id="timeout"),
))  # fmt: skip
def test_url_failures(runner, sample, server, page, message):
    before = sample.read_bytes()
    url = f"{server.base}/pages/{page}"
    result = add(runner, sample, url)
    assert result.exit_code == 2
    assert result.stderr == "error: " + message.format(url=url) + "\n"
    assert unchanged(sample, before)


def test_saved_html_file(runner, empty):
    result = add(runner, empty, str(NET / "pages" / "journal-article.html"))
    assert result.exit_code == 0, result.output
    assert result.stdout == "christensen2006fostering\n"
    assert "  doi = {10.1162/isec.2006.31.1.81},\n" in empty.read_text()


# --------------------------------------------------------------------------- files


def test_csl_json_keeps_keys_and_reports_a_clash(runner, empty, tmp_path):
    empty.write_text("@misc{fearon1995rationalist,\n  title = {Something else},\n}\n")
    result = add(runner, empty, str(NET / "zotero-export.json"))
    assert result.exit_code == 0, result.output
    assert result.stdout == "fearon1995rationalista\nallison2017destined\nvandenberg2010\n"
    assert result.stderr == (
        "warning: key 'fearon1995rationalist' was taken; added as 'fearon1995rationalista'\n"
        f"added 3 to {empty}\n"
    )


def test_csl_json_rekey(runner, empty):
    result = add(runner, empty, str(NET / "zotero-export.json"), "--rekey")
    assert result.stdout == "fearon1995rationalist\nallison2017destined\nberg2010particles\n"


def test_ris_from_stdin(runner, empty):
    result = add(runner, empty, "-", input=(NET / "refs.ris").read_text())
    assert result.exit_code == 0, result.output
    assert result.stdout == "jervis1978cooperation\nallison2017destined\n"


@pytest.mark.parametrize(("name", "content", "message"), (
    pytest.param("bad.ris", "TY  - JOUR\nTI  - T\n", "{path}:1: the last record has no ER line",
                 id="ris"),
    pytest.param("b.ris", "TY  - ZZZ\nTI  - T\nER  -\n", "{path}:1: unknown RIS type 'ZZZ'",
                 id="ris type"),
    pytest.param("c.ris", "TY  - JOUR\nPY  - 2020\nER  -\n",
                 "{path}:1: a record without a title or an author", id="ris no title"),
    pytest.param("b.json", "{", "{path}:1:2: not valid JSON", id="csl-json broken"),
    pytest.param("c.json", '[{"id": "x", "type": "book"}]',
                 "{path}: a CSL-JSON item without a title or an author", id="csl-json no title"),
    pytest.param("b.html", "<html><head><title>Only a title tag</title></head></html>",
                 "{path}: the page names no title", id="html only <title>"),
    pytest.param("c.html", '<script type="application/ld+json">{"@type": "Person"}</script>',
                 "{path}: the page names no title", id="html JSON-LD without a work"),
    pytest.param("b.txt", "nonsense\n", "{path}:1: cannot find a title in 'nonsense'",
                 id="text not a reference"),
    pytest.param("c.txt", "“A.” Odd. Odd.\n", "nothing added: the fields above are unsure",
                 id="text unsure"),
    pytest.param("bad.json", "[1]", "{path}: not CSL-JSON (an item or a list of items)",
                 id="csl-json"),
    pytest.param("bad.html", "<html></html>", "{path}: the page names no title (no citation_*, "
                 "JSON-LD, Dublin Core or OpenGraph metadata); add it with --title and the other "
                 "field options", id="html"),
    pytest.param("bad.txt", "\n", "{path}: no reference text", id="text"),
    pytest.param("bad.bib", "@article{a,\n", "{path}:1:1: ", id="bib"),
    pytest.param("latin1.txt", "caf\xe9", "{path}:1:4: not UTF-8", id="encoding"),
))  # fmt: skip
def test_file_failures(runner, sample, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1" if name == "latin1.txt" else "utf-8"))
    before = sample.read_bytes()
    result = add(runner, sample, str(path))
    assert result.exit_code == 2
    assert "error: " + message.format(path=path) in result.stderr
    assert unchanged(sample, before)


def test_from_forces_the_kind(runner, empty, tmp_path):
    refs = tmp_path / "refs.dat"
    refs.write_text("“Japan's Strategic Imperative.” Project Syndicate.\n")
    assert add(runner, empty, str(refs), "--from", "text").stdout == "japans\n"
    result = add(runner, empty, "not-a-doi", "--from", "doi")
    assert result.exit_code == 2
    assert result.stderr == "error: not-a-doi: not a doi\n"
    result = add(runner, empty, str(refs), "--from", "doi")
    assert result.stderr == f"error: {refs}: --from doi takes an identifier, not a file\n"


def test_unknown_source(runner, sample):
    result = add(runner, sample, "nonsense")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: nonsense: no such file, and not a DOI, arXiv id, ISBN, PubMed id or URL; for a "
        "formatted citation use --text\n"
    )


# --------------------------------------------------------------------------- batch


def test_batch_continues_past_failures_and_summarises(runner, empty, server, tmp_path):
    batch = tmp_path / "dois.txt"
    batch.write_text(
        "# my reading list\n10.1017/S0020818300033324\narXiv:1706.03762\n10.9999/missing\n\n"
        "pmid:32015507\ndoi:10.1017/S0020818300033324\n"
    )
    result = add(runner, empty, str(batch))
    assert result.exit_code == 2
    assert result.stdout == "fearon1995rationalist\nvaswani2017attention\nzhou2020pneumonia\n"
    assert result.stderr == (
        "warning: 1 of 5 references could not be read\n"
        "warning: skipped: already in the library as 'fearon1995rationalist' (same DOI "
        "10.1017/s0020818300033324)\n"
        f"added 3 to {empty}\n"
        f"error: {batch}:4: {server.base}/doi/10.9999/missing: not found (HTTP 404); check the "
        "identifier\n"
    )


def test_batch_where_everything_fails_writes_nothing(runner, sample, server, tmp_path):
    batch = tmp_path / "dois.txt"
    batch.write_text("10.9999/missing\n10.9999/broken\n")
    before = sample.read_bytes()
    result = add(runner, sample, str(batch), "--from", "batch")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert unchanged(sample, before)


# --------------------------------------------------------------------------- options


def test_dry_run_prints_only_bibtex_on_stdout(runner, empty, server):
    result = add(runner, empty, "10.1017/S0020818300033324", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout == FEARON_BIB
    assert result.stderr == f"dry run: 1 entry not written to {empty}\n"
    assert not empty.exists()


def test_merge_fills_only_missing_fields(runner, sample, server):
    before = sample.read_text()
    result = add(runner, sample, f"{server.base}/pages/diplomat-oped.html", "--merge")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == (
        "pollmann2023japan (title 100% alike, same year, first author, container): got url, "
        "urldate\n"
    )
    old = before.split("\n}\n", 1)
    assert sample.read_text() == (
        old[0] + "\n  url = {https://thediplomat.com/2023/02/japan-china-hold-foreign-minister-"
        f"call-days-after-nato-chiefs-visit/}},\n  urldate = {{{TODAY}}},\n}}\n" + old[1]
    )
    again = add(runner, sample, f"{server.base}/pages/diplomat-oped.html", "--merge")
    assert again.stderr.endswith(": already has every field; nothing merged\n")


def test_force_adds_a_duplicate(runner, sample):
    result = add(runner, sample, "--text", POLLMANN, "--force")
    assert result.exit_code == 0
    assert result.stdout == "pollmann2023japana\n"


def test_unsure_fields_need_yes(runner, empty):
    ref = "“A Title.” Somewhere odd. Really odd."
    result = add(runner, empty, "--text", ref)
    assert result.exit_code == 2
    assert result.stderr == (
        "<text>: read as a belfer reference\n"
        "warning: unsure: journal: 'Somewhere odd. Really odd' matches no known shape; kept "
        "whole\n"
        "error: nothing added: the fields above are unsure; check them, then run again with "
        "--yes to take the best guess, or give the fields with options (--title, …)\n"
    )
    assert not empty.exists()
    assert add(runner, empty, "--text", ref, "--yes").stdout == "title\n"


def test_text_and_field_options_do_not_mix(runner, empty):
    result = add(runner, empty, "--text", POLLMANN, "--title", "X")
    assert result.exit_code == 2
    assert "give either SOURCES or field options, not both" in result.stderr


def test_key_option_renames_a_single_source(runner, empty):
    result = add(runner, empty, "--text", POLLMANN, "--key", "Pollmann:2023")
    assert result.stdout == "Pollmann:2023\n"


def test_confirmation_on_a_terminal(runner, empty, monkeypatch):
    from citekit import console

    monkeypatch.setattr(console, "can_ask", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr(console, "confirm", lambda q, default=False: asked.append(q) or False)
    result = add(runner, empty, "--text", POLLMANN)
    assert asked == [f"Add to {empty}?"]
    assert result.exit_code == 0
    assert result.stderr.endswith("nothing added\n")
    assert POLLMANN_BIB in result.stdout  # the preview
    assert not empty.exists()
    monkeypatch.setattr(console, "confirm", lambda q, default=False: True)
    assert add(runner, empty, "--text", POLLMANN).exit_code == 0
    assert empty.read_text() == POLLMANN_BIB


def test_stdin_text_and_library_copy_untouched(runner, tmp_path):
    lib = tmp_path / "lib.bib"
    shutil.copyfile(ROOT / "library.bib", lib)
    result = add(runner, lib, "-", input="Jervis, Robert. “Cooperation under the Security "
                 "Dilemma.” World Politics 30, no. 2 (1978): 167–214.\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "jervis1978cooperation\n"
    assert lib.read_text().startswith((ROOT / "library.bib").read_text())


def test_merge_preview_and_dry_run(runner, sample, server, monkeypatch):
    from citekit import console

    url = f"{server.base}/pages/diplomat-oped.html"
    before = sample.read_bytes()
    dry = add(runner, sample, url, "--merge", "--dry-run")
    assert dry.stdout == ""
    assert dry.stderr == (
        "pollmann2023japan (title 100% alike, same year, first author, container): would get "
        f"url, urldate\ndry run: 0 entries not written to {sample}\n"
    )
    monkeypatch.setattr(console, "can_ask", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr(console, "confirm", lambda q, default=False: asked.append(q) or False)
    result = add(runner, sample, url, "--merge")
    assert asked == [f"Add to {sample}?"]
    assert result.stderr == "pollmann2023japan: would get url, urldate\nnothing added\n"
    assert unchanged(sample, before)


def test_batch_progress_bar_on_a_terminal(runner, empty, server, tmp_path, monkeypatch):
    import io

    from rich.console import Console

    from citekit import console

    screen = io.StringIO()
    monkeypatch.setattr(console, "err", Console(file=screen, force_terminal=True, width=80))
    batch = tmp_path / "dois.txt"
    batch.write_text("10.1017/S0020818300033324\narXiv:1706.03762\n")
    result = add(runner, empty, str(batch), "--yes")
    assert result.exit_code == 0
    assert result.stdout == "fearon1995rationalist\nvaswani2017attention\n"
    assert "2/2" in screen.getvalue()


def test_base_urls_from_the_settings_file(runner, empty, server, tmp_path, monkeypatch):
    monkeypatch.delenv("CITEKIT_DOI_URL")
    settings = tmp_path / "citekit.toml"
    settings.write_text(f'[net]\ndoi_url = "{server.base}/doi"\ntimeout = 2\nretries = 0\n')
    result = runner.invoke(cli, ["--config", str(settings), "--library", str(empty), "add",
                                 "10.1017/S0020818300033324"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "fearon1995rationalist\n"
    settings.write_text('[net]\ndoi_url = "file:///etc/passwd"\n')
    result = runner.invoke(cli, ["--config", str(settings), "--library", str(empty), "add",
                                 "10.1017/S0020818300033324"])  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {settings}: [net]: doi_url must be an http(s) URL, not 'file:///etc/passwd'\n"
    )


def test_dry_run_shows_unsure_fields_without_refusing(runner, empty):
    result = add(runner, empty, "--text", "“A Title.” Somewhere odd. Really odd.", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout == (
        "@article{title,\n  title = {A Title},\n  journal = {Somewhere odd. Really odd},\n}\n"
    )
    assert "warning: unsure: journal:" in result.stderr
    assert not empty.exists()


def test_think_tank_page_round_trips_through_belfer(runner, empty, server):
    result = add(runner, empty, f"{server.base}/pages/belfer-publication.html")
    assert result.exit_code == 0, result.output
    out = runner.invoke(cli, ["--library", str(empty), "format", "pollmann2023japan"])
    assert out.stdout == POLLMANN + "\n"
