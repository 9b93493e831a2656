from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citekit.cli import cli

BROKEN = "@article{a,\n  title = {Salt & Pepper},\n  pages = {1-2}\n  year = 2020,\n}\n"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CITEKIT_LIBRARY", raising=False)
    return CliRunner()


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_check_clean_file_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "ok.bib"
    path.write_text("@misc{a, title = {T}}\n")
    result = runner.invoke(cli, ["check", str(path)])
    assert (result.exit_code, result.output) == (0, "")


def test_check_reports_and_exits_1(runner: CliRunner, bib: Path) -> None:
    result = runner.invoke(cli, ["check", str(bib)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{bib}:1:1: missing-field a: @article needs author\n"
        f"{bib}:1:1: missing-field a: @article needs journal (or journaltitle)\n"
        f"{bib}:2:17: unescaped-special a: unescaped '&' in title; write \\& "
        "(LaTeX stops with an error, or % hides the rest of the line)\n"
        f"{bib}:3:11: page-range a: pages '1-2': write ranges as 1--2\n"
        f"{bib}:3:16: missing-comma no comma between field 'pages' and field 'year'\n"
    )
    assert result.stderr == "5 findings (2 errors, 3 warnings)\n"


def test_warnings_alone_exit_0_unless_severity_warning(runner: CliRunner, bib: Path) -> None:
    args = ["check", "--select", "page-range", str(bib)]
    assert runner.invoke(cli, args).exit_code == 0
    assert runner.invoke(cli, [*args, "--severity", "warning"]).exit_code == 1


def test_github_format(runner: CliRunner, bib: Path) -> None:
    result = runner.invoke(
        cli, ["check", "--format", "github", "--select", "unescaped-special", str(bib)]
    )
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file={bib},line=2,col=17,title=unescaped-special::a: unescaped '&' in title; "
        "write \\& (LaTeX stops with an error, or %25 hides the rest of the line)\n"
    )


def test_json_format(runner: CliRunner, bib: Path) -> None:
    result = runner.invoke(cli, ["check", "--format", "json", "--select", "page-range", str(bib)])
    assert json.loads(result.stdout) == [
        {
            "path": str(bib),
            "code": "page-range",
            "line": 3,
            "col": 11,
            "message": "a: pages '1-2': write ranges as 1--2",
            "severity": "warning",
        }
    ]


def test_fix_rewrites_reports_and_exits_1(runner: CliRunner, bib: Path) -> None:
    result = runner.invoke(cli, ["check", "--fix", "--ignore", "missing-field", str(bib)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"{bib}: fixed 1 missing-comma, 1 unescaped-special, 1 page-range\n"
    assert bib.read_text() == (
        "@article{a,\n  title = {Salt \\& Pepper},\n  pages = {1--2},\n  year = 2020,\n}\n"
    )
    again = runner.invoke(cli, ["check", "--fix", "--ignore", "missing-field", str(bib)])
    assert (again.exit_code, again.output) == (0, "")


def test_not_utf8_is_a_finding_not_a_crash(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mac.bib"
    path.write_bytes("@misc{a, title = {Caf\u00e9}}\n".encode("mac_roman"))
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:1:22: not-utf8 not UTF-8: byte 0x8e at offset 21; looks like MacRoman; "
        "re-save it as UTF-8 (iconv -f MACINTOSH -t UTF-8)\n"
    )


def test_missing_file_is_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["check", str(tmp_path / "nope.bib")])
    assert result.exit_code == 2


def test_unknown_code_is_usage_error(runner: CliRunner, bib: Path) -> None:
    result = runner.invoke(cli, ["check", "--select", "page-rnage", str(bib)])
    assert result.exit_code == 2
    assert "unknown check code 'page-rnage'; did you mean 'page-range'?" in result.stderr


def test_settings_from_pyproject(runner: CliRunner, bib: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.citekit.check]\nselect = ["page-range"]\nlevels = { page-range = "error" }\n'
    )
    result = runner.invoke(cli, ["check", str(bib)])
    assert result.exit_code == 1
    assert result.stdout == f"{bib}:3:11: page-range a: pages '1-2': write ranges as 1--2\n"


def test_macros_defined_in_another_file_of_the_run(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "abbrev.bib").write_text("@string{jfp = {J. Funct. Prog.}}\n")
    (tmp_path / "refs.bib").write_text("@misc{a, journal = jfp}\n")
    alone = runner.invoke(cli, ["check", "--select", "undefined-string", "refs.bib"])
    together = runner.invoke(
        cli, ["check", "--select", "undefined-string", "abbrev.bib", "refs.bib"]
    )
    assert (alone.exit_code, together.exit_code) == (1, 0)


def test_check_defaults_to_the_library(runner: CliRunner, bib: Path) -> None:
    result = runner.invoke(cli, ["--library", str(bib), "check", "--select", "page-range"])
    assert result.stdout.startswith(f"{bib}:3:11: page-range")


def test_fmt_check_diff_and_write(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "f.bib"
    path.write_text('@MISC{a, Title = "T"}\n')
    check = runner.invoke(cli, ["fmt", "--check", str(path)])
    assert (check.exit_code, check.stderr) == (1, f"would reformat {path}\n")
    diff = runner.invoke(cli, ["fmt", "--diff", str(path)])
    assert diff.exit_code == 0
    assert diff.stdout.splitlines()[2:] == [
        "@@ -1 +1,3 @@",
        '-@MISC{a, Title = "T"}',
        "+@misc{a,",
        "+  title = {T},",
        "+}",
    ]
    assert path.read_text() == '@MISC{a, Title = "T"}\n'
    write = runner.invoke(cli, ["fmt", str(path)])
    assert (write.exit_code, write.stderr) == (0, f"{path}: reformatted\n")
    assert path.read_text() == "@misc{a,\n  title = {T},\n}\n"
    again = runner.invoke(cli, ["fmt", "--check", str(path)])
    assert (again.exit_code, again.stderr) == (0, "nothing to reformat\n")


def test_fmt_keeps_bom_and_refuses_non_utf8(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "bom.bib"
    good.write_bytes("\ufeff@MISC{a}\n".encode())
    bad = tmp_path / "mac.bib"
    bad.write_bytes("@misc{a, title = {Caf\u00e9}}\n".encode("mac_roman"))
    result = runner.invoke(cli, ["fmt", str(good), str(bad)])
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr
    assert good.read_bytes() == "\ufeff@misc{a}\n".encode()


def test_fix_keeps_crlf_bom_and_every_other_byte(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "crlf.bib"
    src = (
        "% kept {as is}\r\n@article{a,\r\n  title = {T},\r\n   pages = {1-2},\r\n}\r\n"
        '\r\n@misc{b,  note = "x" }\r\n'
    )
    path.write_bytes(("\ufeff" + src).encode("utf-8"))
    result = runner.invoke(cli, ["check", "--fix", "--select", "page-range", str(path)])
    assert result.exit_code == 1
    assert path.read_bytes() == ("\ufeff" + src.replace("1-2", "1--2")).encode("utf-8")


def test_check_calls_a_pdf_binary(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "paper.bib"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:1:1: not-utf8 looks like a binary file (a PDF), not BibTeX text; "
        "is this the right file?\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    (
        pytest.param(["check", "lib.json"], "citekit check works on", id="check a .json path"),
        pytest.param(["--library", "lib.json", "check"], "citekit check works on",
                     id="check a CSL-JSON library by default"),
        pytest.param(["fmt", "refs.bib", "lib.JSON"], "citekit fmt formats", id="fmt any case"),
        pytest.param(["--library", "lib.json", "fmt"], "citekit fmt formats",
                     id="fmt a CSL-JSON library by default"),
    ),
)  # fmt: skip
def test_a_csl_json_file_is_a_user_error(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    # linted as BibTeX it was one garbage-text warning and exit 0
    (tmp_path / "refs.bib").write_text("@MISC{a}\n")
    name = args[-1] if args[-1].lower().endswith(".json") else "lib.json"
    (tmp_path / name).write_text('[{"id": "a", "type": "book", "title": "T"}]\n')
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {name}: CSL-JSON, not BibTeX; {message} .bib files only\n"
    assert (tmp_path / "refs.bib").read_text() == "@MISC{a}\n"


@pytest.mark.parametrize(
    ("name", "text", "args", "message"),
    (
        pytest.param("citekit.toml", "[fmt]\nindent = 1000000\n", ["fmt", "refs.bib"],
                     "citekit.toml: [fmt] indent: a number of spaces from 0 to 16, or a tab "
                     '("\\t"), not 1000000', id="fmt in citekit.toml"),
        pytest.param("pyproject.toml", "[tool.citekit.fmt]\nindnt = 2\n", ["fmt", "refs.bib"],
                     "pyproject.toml: [tool.citekit.fmt]: unknown setting 'indnt'; did you mean "
                     "'indent'?", id="fmt in pyproject.toml"),
        pytest.param("citekit.toml", '[check]\nseverity = "fatal"\n', ["check", "refs.bib"],
                     "citekit.toml: [check] severity: must be 'error' or 'warning', not 'fatal'",
                     id="check in citekit.toml"),
    ),
)  # fmt: skip
def test_settings_errors_name_the_file_and_table(
    runner: CliRunner, tmp_path: Path, name: str, text: str, args: list[str], message: str
) -> None:
    (tmp_path / "refs.bib").write_text("@MISC{a}\n")
    (tmp_path / name).write_text(text)
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {tmp_path / name}: {message.split(': ', 1)[1]}\n"
