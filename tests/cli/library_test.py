from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citekit.cli import cli

SEED = (
    "Pollmann, Mina.“Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit.”"
    " The Diplomat, February 7, 2023.\n"
)


def test_add_from_options_prints_the_key_and_appends_only_the_entry(
    runner: CliRunner, sample: Path
) -> None:
    before = sample.read_bytes()
    result = runner.invoke(
        cli,
        [
            "--library",
            str(sample),
            "add",
            "--type",
            "article",
            "--author",
            "Bunn, Matthew",
            "--title",
            "Ensuring a Nuclear Nightmare Never Happens",
            "--container",
            "The National Interest",
            "--date",
            "2014-06-11",
            "--subtype",
            "magazine",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "bunn2014ensuring\n"
    assert result.stderr == f"added 1 to {sample}\n"
    after = sample.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :].decode() == (
        "\n@article{bunn2014ensuring,\n"
        "  author = {Bunn, Matthew},\n"
        "  title = {Ensuring a Nuclear Nightmare Never Happens},\n"
        "  journal = {The National Interest},\n"
        "  entrysubtype = {magazine},\n"
        "  date = {2014-06-11},\n"
        "}\n"
    )
    out = runner.invoke(cli, ["--library", str(sample), "format", "bunn2014ensuring"])
    assert out.stdout == (
        "Bunn, Matthew.“Ensuring a Nuclear Nightmare Never Happens.” The National Interest,"
        " June 11, 2014.\n"
    )


def test_two_authors_render_with_and(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(
        cli,
        [
            "--library",
            str(sample),
            "add",
            "--author",
            "Struckman, Dana",
            "--author",
            "Roehrig, Terence",
            "--title",
            "Not So Fast: Pyongyang's Nuclear Weapons Ambitions",
            "--container",
            "Georgetown Journal of International Affairs",
            "--date",
            "2013-02-20",
        ],
    )
    assert result.stdout == "struckman2013fast\n"
    out = runner.invoke(cli, ["--library", str(sample), "format", "struckman2013fast"])
    assert out.stdout == (
        "Struckman, Dana and Terence Roehrig.“Not So Fast: Pyongyang's Nuclear Weapons"
        " Ambitions.” Georgetown Journal of International Affairs, February 20, 2013.\n"
    )


def test_three_authors_render_with_ampersand(runner: CliRunner, sample: Path) -> None:
    runner.invoke(
        cli,
        [
            "--library",
            str(sample),
            "add",
            "--type",
            "report",
            "--author",
            "Allison, Graham",
            "--author",
            "Kiersznowski, Karl",
            "--author",
            "Fitzek, Charlotte",
            "--title",
            "Russia and U.S. Nuclear Arsenals",
            "--institution",
            "Belfer Center for Science and International Affairs",
            "--date",
            "2022-03",
            "--key",
            "allison2022",
        ],
    )
    out = runner.invoke(cli, ["--library", str(sample), "format", "allison2022"])
    assert out.stdout == (
        "Allison, Graham, Karl Kiersznowski, & Charlotte Fitzek.“Russia and U.S. Nuclear"
        " Arsenals.” Belfer Center for Science and International Affairs, March 2022.\n"
    )


def test_dry_run_prints_the_bibtex_and_writes_nothing(runner: CliRunner, sample: Path) -> None:
    before = sample.read_bytes()
    result = runner.invoke(
        cli,
        [
            "--library",
            str(sample),
            "add",
            "--dry-run",
            "--title",
            "A & B",
            "--author",
            "Doe, Jane",
            "--date",
            "2020",
        ],
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "@article{doe2020b,\n  author = {Doe, Jane},\n  title = {A \\& B},\n  date = 2020,\n}\n"
    )
    assert "not written" in result.stderr
    assert sample.read_bytes() == before


def test_add_refuses_a_taken_key_and_duplicate_url(runner: CliRunner, sample: Path) -> None:
    before = sample.read_bytes()
    result = runner.invoke(
        cli, ["--library", str(sample), "add", "--title", "X", "--key", "POLLMANN2023JAPAN"]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {sample}:5: the key 'POLLMANN2023JAPAN' is already taken; choose another with"
        " --key, or use --force to add it with a suffix\n"
    )
    runner.invoke(
        cli,
        [
            "--library",
            str(sample),
            "add",
            "--title",
            "Yonder",
            "--url",
            "https://www.example.org/a/",
        ],
    )
    result = runner.invoke(
        cli,
        [
            "--library",
            str(sample),
            "add",
            "--title",
            "Zenith",
            "--url",
            "http://example.org/a?utm_source=x",
        ],
    )
    assert result.exit_code == 2
    assert "already in the library as 'yonder'" in result.stderr
    assert "same URL example.org/a" in result.stderr
    forced = runner.invoke(
        cli,
        [
            "--library",
            str(sample),
            "add",
            "--force",
            "--title",
            "Zenith",
            "--url",
            "http://example.org/a",
        ],
    )
    assert forced.exit_code == 0 and forced.stdout == "zenith\n"
    assert sample.read_bytes().startswith(before)


def test_add_from_bibtex_on_stdin_keeps_keys_and_text(runner: CliRunner, sample: Path) -> None:
    src = "@Book{Kant1781,\n\tauthor = {Kant, Immanuel},\n\ttitle = {Kritik},\n\tyear = 1781\n}\n"
    result = runner.invoke(cli, ["--library", str(sample), "add", "-"], input=src)
    assert result.exit_code == 0 and result.stdout == "Kant1781\n"
    assert sample.read_text().endswith("\n\n" + src)


def test_add_from_a_bib_file_with_strings_writes_values_out(
    runner: CliRunner, sample: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.bib"
    other.write_text('@string{j = "Journal of X"}\n@article{o1, title={One}, journal = j}\n')
    result = runner.invoke(cli, ["--library", str(sample), "add", str(other)])
    assert result.exit_code == 0, result.output
    assert "journal = {Journal of X}" in sample.read_text()


def test_add_needs_something(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(cli, ["--library", str(sample), "add"])
    assert result.exit_code == 2
    assert "nothing to add" in result.output
    bad_date = runner.invoke(
        cli, ["--library", str(sample), "add", "--title", "T", "--date", "2020-13-01"]
    )
    assert bad_date.exit_code == 2 and "not a real date" in bad_date.output


def test_add_creates_a_missing_library(runner: CliRunner, tmp_path: Path) -> None:
    lib = tmp_path / "new.bib"
    result = runner.invoke(cli, ["--library", str(lib), "add", "--title", "First"])
    assert result.exit_code == 0
    assert lib.read_text() == "@article{first,\n  title = {First},\n}\n"


def test_add_refuses_a_malformed_library_and_leaves_it(runner: CliRunner, tmp_path: Path) -> None:
    lib = tmp_path / "broken.bib"
    lib.write_text("@misc{a, title={A}}\n\n@misc{b, title = {open\n")
    before = lib.read_bytes()
    result = runner.invoke(cli, ["--library", str(lib), "add", "--title", "T"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {lib}:3:1: ")
    assert lib.read_bytes() == before


def test_list_keys_json_and_filters(runner: CliRunner, sample: Path) -> None:
    keys = runner.invoke(cli, ["--library", str(sample), "list"])
    assert keys.stdout.split() == [
        "pollmann2023japan",
        "strategicimperative",
        "indopacificfolly",
        "threatopportunity",
        "vaccinationcrucial",
        "moralityukraine",
    ]
    by_year = runner.invoke(cli, ["--library", str(sample), "list", "--year", "2020-2023"])
    assert by_year.stdout == "pollmann2023japan\n"
    by_text = runner.invoke(cli, ["--library", str(sample), "list", "china", "--to", "json"])
    rows = json.loads(by_text.stdout)
    assert [r["key"] for r in rows] == ["pollmann2023japan", "indopacificfolly"]
    assert rows[0]["authors"] == "Pollmann, Mina"
    by_author = runner.invoke(cli, ["--library", str(sample), "list", "--author", "POLL"])
    assert by_author.stdout == "pollmann2023japan\n"
    by_type = runner.invoke(cli, ["--library", str(sample), "list", "--type", "online"])
    assert by_type.stdout == "vaccinationcrucial\n"
    bad = runner.invoke(cli, ["--library", str(sample), "list", "--year", "20x"])
    assert bad.exit_code == 2 and "give a year" in bad.stderr


def test_show_prints_source_and_belfer(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(cli, ["--library", str(sample), "show", "pollmann2023japan"])
    assert result.exit_code == 0
    assert result.stdout == (
        "@article{pollmann2023japan,\n"
        "  author       = {Pollmann, Mina},\n"
        "  title        = {Japan, China Hold Foreign Minister Call Days after {NATO}"
        " Chief's Visit},\n"
        "  journal      = {The Diplomat},\n"
        "  entrysubtype = {magazine},\n"
        "  date         = {2023-02-07},\n"
        "}\n"
        + SEED
    )


def test_remove_splices_out_the_entry_only(runner: CliRunner, sample: Path) -> None:
    before = sample.read_text()
    added = runner.invoke(cli, ["--library", str(sample), "add", "--title", "Temp"])
    assert added.exit_code == 0
    removed = runner.invoke(cli, ["--library", str(sample), "remove", "temp", "--yes"])
    assert removed.exit_code == 0, removed.output
    assert removed.stderr == f"removed temp from {sample}\n"
    assert sample.read_text() == before


def test_unknown_key_is_exit_2_with_suggestion(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(cli, ["--library", str(sample), "remove", "pollman2023japan", "-y"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {sample}: no entry with key 'pollman2023japan'; did you mean pollmann2023japan?"
        " (`citekit list` shows the keys)\n"
    )


def test_non_utf8_library_is_refused_and_untouched(runner: CliRunner, tmp_path: Path) -> None:
    lib = tmp_path / "mac.bib"
    lib.write_bytes("@misc{a, title = {Caf\u00e9}}\n".encode("mac_roman"))
    before = lib.read_bytes()
    result = runner.invoke(cli, ["--library", str(lib), "add", "--title", "T"])
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr and "MacRoman" in result.stderr
    assert lib.read_bytes() == before


def test_library_from_env_and_config(
    runner: CliRunner, sample: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("CITEKIT_LIBRARY", str(sample))
    assert runner.invoke(cli, ["list", "--year", "2023"]).stdout == "pollmann2023japan\n"
    monkeypatch.delenv("CITEKIT_LIBRARY")
    (tmp_path / "citekit.toml").write_text('library = "library.bib"\n')
    assert runner.invoke(cli, ["list", "--year", "2023"]).stdout == "pollmann2023japan\n"
    (tmp_path / "citekit.toml").write_text('libary = "x.bib"\n')
    typo = runner.invoke(cli, ["list"])
    assert typo.exit_code == 2
    assert "unknown setting 'libary'; did you mean 'library'?" in typo.stderr


def test_add_a_title_with_stray_braces_writes_a_file_that_reads_back(
    runner: CliRunner, tmp_path: Path
) -> None:
    # `\{` was written for a stray brace, but BibTeX (and `citekit check`) count it as a
    # brace, so the entry never closed; a backslash next to it came out as `\textbackslash\{\}`
    lib = tmp_path / "l.bib"
    title = "50% of {weird} #1 \\ back \\{x"
    args = ["--library", str(lib), "add", "--title", title, "--author", "Doe, J", "--date", "2021"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert (
        "title = {50\\% of \\textbraceleft{}weird\\textbraceright{} \\#1 \\textbackslash{} "
        "back \\textbackslash{}\\textbraceleft{}x}," in lib.read_text()
    )
    listed = runner.invoke(cli, ["--library", str(lib), "list", "--to", "json"])
    assert json.loads(listed.stdout)[0]["title"] == title
    check = runner.invoke(cli, ["check", "--select", "syntax-error,unbalanced-brace", str(lib)])
    assert check.exit_code == 0, check.output


def test_add_refuses_a_doi_or_url_with_stray_braces_and_writes_nothing(
    runner: CliRunner, sample: Path
) -> None:
    # they are written verbatim, so `10.1/a}b` closed the field early and broke the file
    before = sample.read_bytes()
    for option, value in (("--doi", "10.1/a}b"), ("--url", "https://x.org/{a")):
        result = runner.invoke(
            cli, ["--library", str(sample), "add", "--title", "T", option, value]
        )
        assert result.exit_code == 2
        assert result.stderr == (
            f"error: {option[2:]} {value!r}: its braces do not balance, which would break the "
            ".bib file; pair or remove them (in a URL, write %7B and %7D)\n"
        )
    assert sample.read_bytes() == before


@pytest.mark.parametrize(
    ("option", "value", "message"),
    (
        pytest.param("--date", "2023-02-30", "Invalid value for --date: '2023-02-30' is not a "
                     "real date", id="February 30th"),
        pytest.param("--date", "2023-04-31", "Invalid value for --date: '2023-04-31' is not a "
                     "real date", id="April 31st"),
        pytest.param("--author", "{}", "Invalid value for --author: an empty name",
                     id="empty braced author"),
        pytest.param("--editor", "{ }", "Invalid value for --editor: an empty name",
                     id="empty braced editor"),
        pytest.param("--author", "and", "Invalid value for --author: 'and' is not a name (BibTeX "
                     "reads it as the separator between names); repeat --author for each person",
                     id="and as a name"),
    ),
)  # fmt: skip
def test_add_refuses_impossible_dates_and_empty_names(
    runner: CliRunner, sample: Path, option: str, value: str, message: str
) -> None:
    # each was written to the library as given (`date = {2023-02-30}`, `author = {}`)
    before = sample.read_bytes()
    result = runner.invoke(cli, ["--library", str(sample), "add", "--title", "T", option, value])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message}"
    assert sample.read_bytes() == before


def test_add_accepts_a_leap_day(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(
        cli, ["--library", str(sample), "add", "--title", "T", "--date", "2024-02-29", "--dry-run"]
    )
    assert result.exit_code == 0 and "date = {2024-02-29}" in result.stdout


def test_add_from_stdin_that_is_not_utf8_is_a_user_error(runner: CliRunner, sample: Path) -> None:
    # the bytes came in as surrogates and crashed the write (exit 3)
    before = sample.read_bytes()
    result = runner.invoke(cli, ["--library", str(sample), "add", "-"], input=b"@misc{x, t={\xff}}")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: <stdin>:1:13: not UTF-8 (byte 0xff at offset 12; looks like MacRoman); re-save "
        "the file as UTF-8, e.g. iconv -f MACINTOSH -t UTF-8\n"
    )
    assert sample.read_bytes() == before


def test_add_from_closed_stdin_is_a_user_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sample: Path
) -> None:
    # `citekit add - <&-`: sys.stdin is None, and reading it crashed (exit 3)
    from citekit import cli as cli_module

    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(SystemExit) as e:
        cli_module.main(["--library", str(sample), "add", "-"])
    assert e.value.code == 2
    assert capsys.readouterr().err == (
        "error: <stdin>: closed; pipe the text in, e.g. pbpaste | citekit add -\n"
    )


def test_show_with_a_note_style_setting_prints_the_citation(
    runner: CliRunner, sample: Path, tmp_path: Path
) -> None:
    # with a style that has no bibliography, show printed the entry and then failed (exit 2)
    (tmp_path / "citekit.toml").write_text('style = "agora"\nlocale = "en-US"\n')
    result = runner.invoke(cli, ["--library", str(sample), "show", "pollmann2023japan"])
    assert result.exit_code == 0, result.output
    # (the trailing " p." without a locator is a citeproc-py gap, left to the csl work)
    assert result.stdout.splitlines()[-1].startswith(
        "Mina Pollmann, «Japan, China Hold Foreign Minister Call Days after NATO Chief’s "
        "Visit,» in The Diplomat, 02/07/2023"
    )


def test_list_says_when_a_block_that_does_not_parse_is_left_out(
    runner: CliRunner, tmp_path: Path
) -> None:
    # list, show and cite silently showed fewer entries than the file holds
    lib = tmp_path / "l.bib"
    lib.write_text(
        "@article{good, title={Good}, year=2020}\n\n@article{bad, title = {open\n\n"
        "@article{after, title={After}, year=2021}\n"
    )
    result = runner.invoke(cli, ["--library", str(lib), "list"])
    assert result.exit_code == 0
    assert result.stdout == "good\nafter\n"
    assert result.stderr == (
        f"warning: {lib}:3:1: left out, it does not parse (Unexpected block start: `@article`. "
        "Was still looking for field-value closing `}`); citekit check shows details\n"
    )
    cite = runner.invoke(cli, ["--library", str(lib), "cite", "good"])
    assert cite.exit_code == 0 and "left out, it does not parse" in cite.stderr


def test_add_to_a_device_is_refused_and_leaves_it(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.bib"
    os.mkfifo(fifo)
    result = runner.invoke(cli, ["--library", str(fifo), "add", "--title", "T"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {fifo}: not a regular file (a device, pipe or folder), so citekit will not "
        "replace it; use a .bib file\n"
    )
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_add_a_value_with_a_line_starting_with_at_keeps_the_library_readable(
    runner: CliRunner, tmp_path: Path
) -> None:
    # "@" at the start of a line inside a value reads as a new entry to bibtexparser and
    # the scanner: the library could no longer be listed in full, edited or checked clean
    lib = tmp_path / "l.bib"
    title = "Line one\n@article{evil, title={x}}"
    result = runner.invoke(
        cli, ["--library", str(lib), "add", "--title", title, "--author", "A, B"]
    )
    assert result.exit_code == 0, result.output
    assert "  title = {Line one @article{evil, title={x}}},\n" in lib.read_text()
    listed = runner.invoke(cli, ["--library", str(lib), "list"])
    assert (listed.stdout, listed.stderr) == ("aline\n", "")
    assert runner.invoke(cli, ["check", "--select", "syntax-error,unbalanced-brace",
                               str(lib)]).exit_code == 0  # fmt: skip


def test_add_a_bib_file_with_key_writes_that_key(runner: CliRunner, sample: Path) -> None:
    # it printed the new key but wrote the entry's own key, so the printed one was not there
    one = sample.parent / "one.bib"
    one.write_text("@misc{a1, title={One thing}}\n")
    result = runner.invoke(cli, ["--library", str(sample), "add", str(one), "--key", "foo"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "foo\n"
    assert sample.read_text().endswith("\n\n@misc{foo, title={One thing}}\n")


def test_add_key_with_several_entries_is_a_usage_error(runner: CliRunner, sample: Path) -> None:
    # --key was silently ignored
    two = sample.parent / "two.bib"
    two.write_text("@misc{a1, title={One}}\n@misc{a2, title={Two}}\n")
    before = sample.read_bytes()
    result = runner.invoke(cli, ["--library", str(sample), "add", str(two), "--key", "foo"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: --key names one entry, but the sources hold 2"
    )
    assert sample.read_bytes() == before
