from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citekit.cli import cli

SEED = (
    "Pollmann, Mina.“Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit.”"
    " The Diplomat, February 7, 2023."
)


def test_format_seed_byte_for_byte(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(
        cli, ["--library", str(sample), "format", "pollmann2023japan", "--style", "belfer"]
    )
    assert result.exit_code == 0
    assert result.stdout.encode() == (SEED + "\n").encode()
    assert result.stderr == ""


def test_format_all_default_style_one_line_each(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(cli, ["--library", str(sample), "format", "--all"])
    assert result.stdout.splitlines() == [
        SEED,
        "“Japan's Strategic Imperative.” Project Syndicate.",
        "“China's Indo-Pacific Folly.” Foreign Affairs.",
        "“Threat and Opportunity: Chinese Wedging in the Senkaku/Diaoyu Dispute.” Asian Security.",
        "“Vaccination Crucial in This Year's Respiratory Season.” Belfer Center for Science and"
        " International Affairs, Harvard Kennedy School.",
        "“The Morality of Ukraine's War Is Very Murky.” Foreign Policy.",
    ]


@pytest.mark.parametrize(
    "style",
    [
        "apa",
        "chicago-notes-bibliography",
        "modern-language-association",
        "ieee",
        "nature",
        "chicago-author-date",
    ],
)
def test_format_all_in_common_styles_does_not_fail(
    runner: CliRunner, sample: Path, style: str
) -> None:
    result = runner.invoke(cli, ["--library", str(sample), "format", "--all", "--style", style])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 6
    assert "Pollmann" in result.stdout


@pytest.mark.parametrize(
    ("fmt", "expected"),
    (
        ("markdown", "Pollmann, M. (2023, February 7). Japan, China Hold Foreign Minister Call"),
        ("latex", "Pollmann, M. (2023, February 7). Japan, China Hold Foreign Minister Call"),
        ("html", '<div class="csl-bib-body">\n  <div class="csl-entry">Pollmann, M. (2023'),
        ("rtf", "{\\rtf1\\ansi"),
    ),
)
def test_output_formats(runner: CliRunner, sample: Path, fmt: str, expected: str) -> None:
    result = runner.invoke(
        cli,
        ["--library", str(sample), "format", "pollmann2023japan", "--style", "apa", "--to", fmt],
    )
    assert result.exit_code == 0
    assert result.stdout.startswith(expected)


def test_italics_per_format(runner: CliRunner, sample: Path) -> None:
    def run(fmt: str) -> str:
        return runner.invoke(
            cli,
            [
                "--library",
                str(sample),
                "format",
                "pollmann2023japan",
                "--style",
                "apa",
                "--to",
                fmt,
            ],
        ).stdout

    assert "*The Diplomat*" in run("markdown")
    assert "\\emph{The Diplomat}" in run("latex")
    assert "<i>The Diplomat</i>" in run("html")
    assert "{\\i The Diplomat}" in run("rtf")


def test_json_output(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(
        cli, ["--library", str(sample), "format", "pollmann2023japan", "--to", "json"]
    )
    assert json.loads(result.stdout) == [{"key": "pollmann2023japan", "text": SEED, "html": SEED}]


def test_cite_with_locator(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(
        cli,
        [
            "--library",
            str(sample),
            "cite",
            "pollmann2023japan",
            "--style",
            "apa",
            "--locator",
            "12",
        ],
    )
    assert result.exit_code == 0
    assert result.stdout == "(Pollmann, 2023, p. 12)\n"
    belfer = runner.invoke(cli, ["--library", str(sample), "cite", "pollmann2023japan"])
    assert belfer.stdout == "(Pollmann 2023)\n"


def test_unknown_style_suggests_close_names(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(cli, ["--library", str(sample), "format", "--all", "--style", "apaa"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown style 'apaa'; did you mean apa")


def test_style_from_a_path(runner: CliRunner, sample: Path) -> None:
    from citekit.csl import styles

    path = styles.resolve("belfer")
    result = runner.invoke(
        cli, ["--library", str(sample), "format", "pollmann2023japan", "--style", str(path)]
    )
    assert result.stdout == SEED + "\n"


def test_dependent_style_uses_its_parent(runner: CliRunner, sample: Path) -> None:
    # a journal style that borrows APA's layout
    result = runner.invoke(
        cli,
        [
            "--library",
            str(sample),
            "format",
            "pollmann2023japan",
            "--style",
            "cultural-studies-of-science-education",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Pollmann" in result.stdout


def test_format_needs_keys_or_all(runner: CliRunner, sample: Path) -> None:
    result = runner.invoke(cli, ["--library", str(sample), "format"])
    assert result.exit_code == 2
    assert "give KEYS or --all" in result.output


BROKEN_FOR_NOTES = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <text variable="title"/>
    <choose><if variable="note"><text macro="not-defined"/></if></choose>
  </layout></bibliography>
</style>
"""


def test_one_bad_entry_does_not_sink_the_rest(runner: CliRunner, tmp_path: Path) -> None:
    # the style breaks only for items with a note, as a style bug or odd data would
    style = tmp_path / "broken.csl"
    style.write_text(BROKEN_FOR_NOTES)
    lib = tmp_path / "l.json"
    lib.write_text(
        json.dumps(
            [
                {"id": "good", "type": "book", "title": "Good Book"},
                {"id": "bad", "type": "book", "title": "Bad", "note": "n"},
                {"id": "empty", "type": "book"},
            ]
        )
    )
    result = runner.invoke(cli, ["--library", str(lib), "format", "--all", "--style", str(style)])
    assert result.stdout == "Good Book\n"
    assert "warning: bad: not rendered: " in result.stderr
    assert "warning: empty: not rendered: prints nothing in this style" in result.stderr
    assert result.exit_code == 2


def test_csl_json_library_is_read_only(runner: CliRunner, tmp_path: Path) -> None:
    lib = tmp_path / "l.json"
    lib.write_text(
        json.dumps(
            [{"id": "k", "type": "book", "title": "T", "author": [{"family": "Doe", "given": "J"}]}]
        )
    )
    assert runner.invoke(cli, ["--library", str(lib), "list"]).stdout == "k\n"
    result = runner.invoke(cli, ["--library", str(lib), "add", "--title", "X"])
    assert result.exit_code == 2 and "read-only" in result.stderr


def test_styles_search(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["styles", "belfer"])
    assert result.stdout == 'belfer\tBelfer Center "For Academic Citation"\n'
    none = runner.invoke(cli, ["styles", "zzzznotastyle"])
    assert none.exit_code == 2


def test_help_has_examples(runner: CliRunner) -> None:
    for cmd in ("add", "format", "cite", "list", "show", "remove", "styles", "check", "fmt",
                "completion"):  # fmt: skip
        result = runner.invoke(cli, [cmd, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output, cmd


def test_completion_script(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["completion", "bash"])
    assert "_CITEKIT_COMPLETE" in result.stdout


def test_a_malformed_csl_json_item_is_exit_2_not_a_crash(runner: CliRunner, tmp_path: Path) -> None:
    lib = tmp_path / "l.json"
    lib.write_text('[{"id": "d", "type": "book", "issued": "2020"}]')
    for args in (["format", "--all"], ["cite", "d"], ["show", "d"]):
        result = runner.invoke(cli, ["--library", str(lib), *args])
        assert result.exit_code == 2, args
        assert result.stderr == (
            f"error: {lib}: item 1 (id 'd'): \"issued\" must be a date like "
            '{"date-parts": [[2020, 1, 31]]}; fix the file\n'
        )


DEPENDENT = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <info><title>Dep</title><id>http://x/dep</id>
    <link href="http://www.zotero.org/styles/no-such-parent" rel="independent-parent"/>
  </info>
</style>
"""


CSL_HEAD = '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">\n'


@pytest.mark.parametrize(
    ("text", "message"),
    (
        pytest.param("", "1:1: not a CSL style (not XML: Document is empty, line 1, column 1); "
                     "give a .csl file", id="empty file"),
        pytest.param("not xml <", "1:1: not a CSL style (not XML: Start tag expected, '<' not "
                     "found, line 1, column 1); give a .csl file", id="not XML"),
        pytest.param("<?xml version='1.0'?>\n<foo/>", '2:1: not a CSL style (the root is <foo>, '
                     'not <style xmlns="http://purl.org/net/xbiblio/csl">); give a .csl file',
                     id="XML but not CSL"),
        pytest.param(CSL_HEAD + "<bibliography><layout/></bibliography></style>",
                     "1:1: neither a <citation> nor an independent-parent link; a CSL style needs "
                     "one", id="no citation, no parent"),
        pytest.param(CSL_HEAD + "<citation><layout/></citation>\n<bibliography/></style>",
                     "3:1: <bibliography> has no <layout>; not a usable CSL style",
                     id="a bibliography without a layout"),
        pytest.param(DEPENDENT, "4:1: its parent style: unknown style 'no-such-parent'; run "
                     "`citekit styles no-such-parent` to search the styles",
                     id="dependent style whose parent is missing"),
    ),
)  # fmt: skip
def test_a_style_file_that_is_not_usable_is_exit_2(
    runner: CliRunner, sample: Path, tmp_path: Path, text: str, message: str
) -> None:
    # an empty or non-XML .csl crashed in lxml (exit 3); XML that is not CSL was called
    # "a dependent style without an independent parent"
    style = tmp_path / "s.csl"
    style.write_text(text)
    for cmd in ("format", "cite"):
        result = runner.invoke(
            cli, ["--library", str(sample), cmd, "pollmann2023japan", "--style", str(style)]
        )
        assert result.exit_code == 2
        assert result.stderr == f"error: {style}:{message}\n"


def test_a_missing_style_file_says_so(runner: CliRunner, sample: Path, tmp_path: Path) -> None:
    style = tmp_path / "nope.csl"
    result = runner.invoke(
        cli, ["--library", str(sample), "format", "pollmann2023japan", "--style", str(style)]
    )
    assert result.exit_code == 2
    assert result.stderr == f"error: {style}: no such style file; check the path\n"


def test_an_unknown_locale_is_exit_2_not_silently_en_us(runner: CliRunner, sample: Path) -> None:
    # citeproc-py falls back to en-US without a word for a locale it does not have
    for cmd in ("format", "cite"):
        result = runner.invoke(
            cli, ["--library", str(sample), cmd, "pollmann2023japan", "--locale", "EN-us"]
        )
        assert result.exit_code == 2
        assert result.stderr == (
            "error: unknown locale 'EN-us'; did you mean en-US, en-GB? use a code like en-GB "
            "or de-DE\n"
        )
    # a language alone, or an unlisted region of a known language, still works
    ok = runner.invoke(
        cli, ["--library", str(sample), "cite", "pollmann2023japan", "--locale", "de-XX"]
    )
    assert ok.exit_code == 0


def test_remove_from_a_csl_json_library_says_it_is_read_only(
    runner: CliRunner, tmp_path: Path
) -> None:
    # it read the JSON as BibTeX and said "no entry with key 'k'" about an existing key
    lib = tmp_path / "l.json"
    lib.write_text('[{"id": "k", "type": "book", "title": "T"}]')
    before = lib.read_bytes()
    result = runner.invoke(cli, ["--library", str(lib), "remove", "k", "--yes"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {lib}: a CSL-JSON library is read-only; remove it from a .bib library instead\n"
    )
    assert lib.read_bytes() == before


def test_cite_names_a_work_once_however_often_its_key_is_given(
    runner: CliRunner, sample: Path
) -> None:
    # `cite a A` printed "(Pollmann, 2023; Pollmann, 2023)": keys ignore case, as in BibTeX
    result = runner.invoke(
        cli,
        ["--library", str(sample), "cite", "pollmann2023japan", "POLLMANN2023JAPAN",
         "--style", "apa"],
    )  # fmt: skip
    assert (result.exit_code, result.stdout) == (0, "(Pollmann, 2023)\n")
