"""How fast are `citekit check` and `citekit fmt --check` on a ~10,000-entry file?

Builds the file in a temporary folder from ../shared/corpus (UTF-8 files, copied round
robin with keys made unique), times both commands as subprocesses the way a hook runs
them, times a hook run on one small file, and when `npx` is on PATH runs bibtex-tidy on
the same file in the same run and prints the ratios. Usage:

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

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
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


def timed(cmd: list[str], *, repeat: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Best wall time and best CPU time (user + sys) of ``repeat`` runs, in seconds. CPU
    time says more than wall time on a busy machine, where waiting for a core counts."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


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
        npx = shutil.which("npx")
        if npx:
            # fetch once outside the timing, then run on a copy (it rewrites its input)
            subprocess.run(
                [npx, "--yes", "bibtex-tidy", "--version"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            copy = Path(tmp) / "tidy.bib"
            shutil.copy(big, copy)
            results["bibtex-tidy (npx)"] = timed(
                [npx, "--yes", "bibtex-tidy", "--no-modify", "--quiet", str(copy)],
                repeat=args.repeat,
            )
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"{'':36} {'wall':>7} {'cpu':>7}")
        for name, (wall, cpu) in results.items():
            print(f"{name:36} {wall:6.2f}s {cpu:6.2f}s")
        tidy = results.get("bibtex-tidy (npx)")
        if tidy:
            for name in ("citekit check", "citekit fmt --check"):
                wall = tidy[0] / results[name][0]
                cpu = tidy[1] / results[name][1]
                verdict = "faster" if wall > 1 else "slower"
                print(f"{name} vs bibtex-tidy: {wall:.2f}x wall ({verdict}), {cpu:.2f}x cpu")
        else:
            print("npx not found: bibtex-tidy not timed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
