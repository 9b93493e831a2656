from __future__ import annotations

from pathlib import Path

import pytest

from citekit import cli as cli_module
from citekit import library


def test_a_crash_is_exit_3_with_one_line_and_a_traceback_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sample: Path
) -> None:
    def boom(path: Path) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(library, "load", boom)
    with pytest.raises(SystemExit) as e:
        cli_module.main(["--library", str(sample), "list"])
    assert e.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("citekit: internal error (a bug, not your input): RuntimeError: kaboom;")
    where = Path(err.split("the traceback is in ")[1].split(" ")[0])
    assert "Traceback" in where.read_text() and "kaboom" in where.read_text()
    where.unlink()


def test_debug_prints_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sample: Path
) -> None:
    monkeypatch.setattr(library, "load", lambda path: 1 / 0)
    with pytest.raises(SystemExit):
        cli_module.main(["--debug", "--library", str(sample), "list"])
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_user_error_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as e:
        cli_module.main(["--library", str(tmp_path / "nope" / "x.bib"), "add", "--title", "T"])
    assert e.value.code == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'nope' / 'x.bib'}: the folder {tmp_path / 'nope'} does not exist\n"
    )


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        cli_module.main(["format", "--to", "pdf", "x"])
    assert e.value.code == 2
    assert "Invalid value for '--to'" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        cli_module.main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out == "citekit, version 0.1.0\n"


def test_ctrl_c_is_exit_130_not_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sample: Path
) -> None:
    # click's standalone mode turned it into "Aborted!" and exit 1, which a pre-commit
    # hook reads as "check found problems"
    def interrupted(path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(library, "load", interrupted)
    with pytest.raises(SystemExit) as e:
        cli_module.main(["--library", str(sample), "list"])
    assert e.value.code == 130
    assert capsys.readouterr().err.endswith("interrupted\n")


def test_success_is_exit_0(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    with pytest.raises(SystemExit) as e:
        cli_module.main(["--library", str(sample), "list", "--to", "keys"])
    assert e.value.code == 0
    assert capsys.readouterr().out.startswith("pollmann2023japan\n")


def test_library_under_a_file_is_exit_2_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # it said "the folder .../notes.txt does not exist", but it does: as a file
    (tmp_path / "notes.txt").write_text("x")
    lib = tmp_path / "notes.txt" / "x.bib"
    with pytest.raises(SystemExit) as e:
        cli_module.main(["--library", str(lib), "add", "--title", "T"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err == f"error: {lib}: {tmp_path / 'notes.txt'} is a file, not a folder\n"


def test_a_closed_stdout_discards_output_instead_of_crashing(
    monkeypatch: pytest.MonkeyPatch, sample: Path
) -> None:
    # `citekit list >&-`: sys.stdout is None and the first write crashed (exit 3)
    import sys

    monkeypatch.setattr(sys, "stdout", None)
    with pytest.raises(SystemExit) as e:
        cli_module.main(["--library", str(sample), "list"])
    assert e.value.code == 0
