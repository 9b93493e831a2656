"""How fast are `citekit check` and `citekit fmt --check` on a ~10,000-entry file?

Builds the file in a temporary folder from ../shared/corpus (UTF-8 files, copied round
robin with keys made unique), times both commands as subprocesses the way a hook runs
them, times a hook run on one small file, and when `npx` is on PATH runs bibtex-tidy on
the same file in the same run and prints the ratios.

bibtex-tidy reads the file on stdin and writes to stdout: given a path, it rewrites that
file in place (its default, whatever the file's permissions), and `--no-modify PATH`
leaves the path unread and waits on stdin instead, so a run "finishes" in its start-up
time having tidied nothing. Every timed run must exit as expected and write what the
work implies (bibtex-tidy: the tidied file, at least half the input's size), or the
script says so and prints no ratio. Usage:

    python bench/check_speed.py [--corpus DIR] [--entries N] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TIDY = "bibtex-tidy (npx)"
_ENTRY = re.compile(r"(@(?!string|comment|preamble)[A-Za-z]+[ \t]*\{[ \t]*)([^,\s}]+)", re.I)


def build(corpus: Path, entries: int, out: Path) -> int:
    """Concatenate UTF-8 corpus files until ``entries`` entries; returns the count."""
    texts = []
    for path in sorted(corpus.glob("*.bib")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        n = len(_ENTRY.findall(text))
        if n:  # skip macro-only files: they add parsing work but no entries
            texts.append((text, n))
    parts, total, copy = [], 0, 0
    while total < entries:
        for text, n in texts:
            copy += 1
            parts.append(_ENTRY.sub(lambda m, c=copy: f"{m.group(1)}{m.group(2)}-c{c}", text))
            total += n
            if total >= entries:
                break
    text = "\n".join(parts)
    starts = [m.start() for m in _ENTRY.finditer(text)]
    if len(starts) > entries:  # cut the last copy short at the wanted count
        text = text[: starts[entries]]
    out.write_text(text, encoding="utf-8")
    return min(total, entries)


class Run(NamedTuple):
    wall: float  # best of the runs, seconds
    cpu: float  # best user + sys time of the runs, seconds
    codes: frozenset[int]  # the exit codes seen
    output: int  # bytes the last run wrote to stdout


def timed(
    cmd: list[str], *, repeat: int, env: dict[str, str] | None = None, stdin: Path | None = None
) -> Run:
    """Best wall time and best CPU time (user + sys) of ``repeat`` runs. CPU time says more
    than wall time on a busy machine, where waiting for a core counts."""
    best_wall = best_cpu = float("inf")
    codes: set[int] = set()
    size = 0
    with tempfile.TemporaryFile() as out:
        for _ in range(repeat):
            out.seek(0)
            out.truncate()
            with open(stdin or os.devnull, "rb") as source:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                done = subprocess.run(
                    cmd, stdin=source, stdout=out, stderr=subprocess.DEVNULL, env=env
                )
                wall = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
            codes.add(done.returncode)
            size = out.tell()
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return Run(best_wall, best_cpu, frozenset(codes), size)


def trouble(run: Run, *, codes: set[int], min_output: int = 0) -> str:
    """Why a timed run does not count ('' when it does): an exit code outside ``codes``, or
    less output than the work implies."""
    if not run.codes <= codes:
        return f"exit code {', '.join(map(str, sorted(run.codes)))}"
    if run.output < min_output:
        return f"wrote {run.output} bytes, expected at least {min_output}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    citekit = [sys.executable, "-m", "citekit"]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.bib"
        n = build(args.corpus, args.entries, big)
        size = big.stat().st_size / 1e6
        print(f"file: {n} entries, {size:.1f} MB ({big.name}, built from {args.corpus})")
        small = ROOT / "tests" / "data" / "clean.bib"
        results = {
            "citekit check": timed([*citekit, "check", str(big)], repeat=args.repeat, env=env),
            "citekit fmt --check": timed(
                [*citekit, "fmt", "--check", str(big)], repeat=args.repeat, env=env
            ),
            "hook: citekit check (small file)": timed(
                [*citekit, "check", str(small)], repeat=args.repeat, env=env
            ),
        }
        # what each run must do to count: its exit codes (1: findings, would reformat)
        # and the least it writes to stdout
        wants = {name: ({0, 1}, 0) for name in results}
        npx = shutil.which("npx")
        tidy_cmd = [npx or "npx", "--yes", "bibtex-tidy", "--quiet"]
        if npx:
            # fetch once outside the timing
            subprocess.run(
                [*tidy_cmd, "--version"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            results[TIDY] = timed(tidy_cmd, repeat=args.repeat, stdin=big)
            wants[TIDY] = ({0}, big.stat().st_size // 2)  # the tidied file
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"{'':36} {'wall':>7} {'cpu':>7}")
        failed = {}
        for name, run in results.items():
            codes, least = wants[name]
            failed[name] = trouble(run, codes=codes, min_output=least)
            note = f"  (does not count: {failed[name]})" if failed[name] else ""
            print(f"{name:36} {run.wall:6.2f}s {run.cpu:6.2f}s{note}")
        tidy = results.get(TIDY)
        if tidy is None:
            print("npx not found: bibtex-tidy not timed")
        elif failed[TIDY]:
            print("bibtex-tidy did not tidy the file: no ratio")
        else:
            print(f"bibtex-tidy ran as: {' '.join(['npx', *tidy_cmd[1:]])} < {big.name}")
            for name in ("citekit check", "citekit fmt --check"):
                if failed[name]:
                    continue
                wall = tidy.wall / results[name].wall
                cpu = tidy.cpu / results[name].cpu
                verdict = "faster" if wall > 1 else "slower"
                print(f"{name} vs bibtex-tidy: {wall:.2f}x wall ({verdict}), {cpu:.2f}x cpu")
        if any(failed.values()):
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
