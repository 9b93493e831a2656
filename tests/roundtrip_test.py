"""Round trips on the real-world files in ../shared/corpus (skipped where it is absent)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from citekit import bibfile
from citekit.cli import cli

from .conftest import SHARED

CORPUS = sorted((SHARED / "corpus").glob("*.bib")) if (SHARED / "corpus").is_dir() else []
UTF8 = [p for p in CORPUS if "macroman" not in p.name]


@pytest.mark.parametrize("src", UTF8, ids=[p.name for p in UTF8])
def test_add_then_remove_is_byte_identical(
    shared: Path, src: Path, tmp_path: Path, runner: CliRunner
) -> None:
    lib = tmp_path / src.name
    shutil.copyfile(src, lib)
    original = lib.read_bytes()
    added = runner.invoke(
        cli,
        [
            "--library",
            str(lib),
            "add",
            "--force",
            "--title",
            "Citekit Round Trip Probe",
            "--author",
            "Probe, Ann",
            "--date",
            "2026",
            "--key",
            "citekitprobe2026",
        ],
    )
    assert added.exit_code == 0, added.output
    after = lib.read_bytes()
    # the diff of an add is only the new entry, at the end
    assert after.startswith(original.rstrip(b"\r\n"))
    tail = after[len(original.rstrip(b"\r\n")) :].decode()
    assert "@article{citekitprobe2026," in tail and tail.count("@") == 1
    assert bibfile.read(lib).find("citekitprobe2026") is not None
    removed = runner.invoke(cli, ["--library", str(lib), "remove", "citekitprobe2026", "--yes"])
    assert removed.exit_code == 0, removed.output
    assert lib.read_bytes() == original


def test_macroman_file_is_refused_and_untouched(
    shared: Path, tmp_path: Path, runner: CliRunner
) -> None:
    lib = tmp_path / "jabref272_macroman.bib"
    shutil.copyfile(shared / "corpus" / "jabref272_macroman.bib", lib)
    before = lib.read_bytes()
    for args in (["add", "--title", "T"], ["format", "--all"], ["list"]):
        result = runner.invoke(cli, ["--library", str(lib), *args])
        assert result.exit_code == 2
        assert "not UTF-8" in result.stderr and "MacRoman" in result.stderr
        assert "Traceback" not in result.output
    assert lib.read_bytes() == before


@pytest.mark.parametrize("style", ["apa", "chicago-notes-bibliography"])
def test_biblatex_examples_format_without_a_crash(
    shared: Path, style: str, runner: CliRunner
) -> None:
    lib = shared / "corpus" / "biblatex-examples.bib"
    result = runner.invoke(cli, ["--library", str(lib), "format", "--all", "--style", style])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 2)
    # every entry is either printed or reported by key with its reason
    printed = len(result.stdout.splitlines())
    reported = result.stderr.count(": not rendered: ")
    assert printed + reported >= 90
    assert printed >= 85
