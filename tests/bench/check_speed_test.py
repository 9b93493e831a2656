"""bench/check_speed.py times what it claims to: each run's exit code and output are
checked, so a competitor that tidied nothing (bibtex-tidy given `--no-modify PATH` reads
stdin and prints one newline) cannot count as fast."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_check_speed", ROOT / "bench" / "check_speed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and NamedTuple look their module up
    spec.loader.exec_module(module)
    return module


def test_timed_feeds_the_file_on_stdin_and_measures_the_output(tmp_path: Path) -> None:
    bench = _bench()
    source = tmp_path / "in.bib"
    source.write_text("@misc{a, title = {A}}\n" * 100, encoding="utf-8")
    echo = [sys.executable, "-c", "import sys; sys.stdout.write(sys.stdin.read())"]
    run = bench.timed(echo, repeat=2, stdin=source)
    assert run.codes == {0}
    assert run.output == source.stat().st_size
    assert run.wall > 0 and run.cpu >= 0
    assert bench.trouble(run, codes={0}, min_output=source.stat().st_size // 2) == ""


def test_a_run_that_did_no_work_does_not_count(tmp_path: Path) -> None:
    bench = _bench()
    source = tmp_path / "in.bib"
    source.write_text("@misc{a, title = {A}}\n" * 100, encoding="utf-8")
    newline = [sys.executable, "-c", "print()"]  # what `bibtex-tidy --no-modify PATH` did
    run = bench.timed(newline, repeat=1, stdin=source)
    why = bench.trouble(run, codes={0}, min_output=source.stat().st_size // 2)
    assert why.startswith("wrote 1 bytes")
    crash = bench.timed([sys.executable, "-c", "raise SystemExit(3)"], repeat=1)
    assert bench.trouble(crash, codes={0, 1}) == "exit code 3"


def test_the_big_file_has_the_entries_asked_for_with_unique_keys(tmp_path: Path) -> None:
    bench = _bench()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.bib").write_text(
        "@string{j = {J}}\n@article{x, journal = j}\n@book{y, title = {Y}}\n", encoding="utf-8"
    )
    (corpus / "macros.bib").write_text("@string{k = {K}}\n", encoding="utf-8")
    out = tmp_path / "big.bib"
    assert bench.build(corpus, 5, out) == 5
    keys = bench._ENTRY.findall(out.read_text(encoding="utf-8"))
    assert len(keys) == 5
    assert len({prefix + key for prefix, key in keys}) == 5
