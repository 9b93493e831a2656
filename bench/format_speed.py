"""Time `citekit format --all` on 1,000 entries and print entries/s.

Reference: plain citeproc-py rendering the same 1,000 CSL-JSON items with the same
style through its own API (no citekit layer), in the same run. The ratio says what
citekit's layer (BibTeX parsing, LaTeX decoding, CSL fixes, output) costs or saves.

    python bench/format_speed.py [--style apa] [--entries 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from citekit import library  # noqa: E402

SHARED = ROOT.parent / "shared"

FIRST = ["Mina", "Graham", "Dana", "Terence", "Matthew", "Jörg", "Ingrid", "Ahmed", "Li", "Ana"]
LAST = [
    "Pollmann",
    "Allison",
    "Struckman",
    "Roehrig",
    "Bunn",
    "Müller",
    "de Geer",
    "Khan",
    "Wei",
    "García",
]
WORDS = [
    "Nuclear",
    "Strategy",
    "Japan",
    "China",
    "Alliance",
    "Security",
    "Deterrence",
    "Policy",
    "Energy",
    "Climate",
    "Vaccination",
    "Season",
    "Ukraine",
    "War",
    "Dispute",
    "Islands",
]
TYPES = [
    (
        "article",
        "journal = {{Asian Security}}, volume = {{{n}}}, number = {{2}}, pages = {{{n}--{m}}}",
    ),
    ("article", "journal = {{The Diplomat}}, entrysubtype = {{magazine}}"),
    ("book", "publisher = {{Harvard University Press}}, address = {{Cambridge, MA}}"),
    (
        "incollection",
        "booktitle = {{The Oxford Handbook of {w}}}, publisher = {{Oxford UP}}, "
        "pages = {{{n}--{m}}}",
    ),
    ("techreport", "institution = {{Belfer Center}}, number = {{{n}}}"),
    ("online", "url = {{https://example.org/{n}}}, urldate = {{2024-01-{d:02d}}}"),
]


def synthetic(n: int) -> str:
    out = []
    for i in range(n):
        kind, extra = TYPES[i % len(TYPES)]
        authors = " and ".join(
            f"{LAST[(i + j) % len(LAST)]}, {FIRST[(i * 3 + j) % len(FIRST)]}"
            for j in range(1 + i % 4)
        )
        title = " ".join(WORDS[(i * k) % len(WORDS)] for k in (1, 3, 5, 7))
        fields = extra.format(n=i + 1, m=i + 20, d=1 + i % 28, w=WORDS[i % len(WORDS)])
        out.append(
            f"@{kind}{{k{i},\n  author = {{{authors}}},\n  title = {{{title} {{NATO}} {i}}},\n"
            f"  date = {{{1990 + i % 35}-{1 + i % 12:02d}-{1 + i % 28:02d}}},\n  {fields},\n}}\n"
        )
    return "\n".join(out)


def corpus_based(n: int) -> str | None:
    src = SHARED / "corpus" / "biblatex-examples.bib"
    if not src.is_file():
        return None
    lib = library.load(src)
    text = src.read_text(encoding="utf-8")
    # the file's @strings and entries, repeated with fresh keys until there are n
    blocks = [text[e.span[0] : e.span[1]] for e in lib.entries if e.span]
    head = "".join(f"{text[b.span[0] : b.span[1]]}\n" for b in lib.bib.blocks if b.kind == "string")
    out = [head]
    for i in range(n):
        entry = lib.entries[i % len(lib.entries)]
        block = blocks[i % len(blocks)]
        out.append(
            block.replace(entry.key, f"{entry.key}-{i}", 1).replace(
                "crossref = {", "xcrossref = {"
            )
            + "\n"
        )
    return "\n".join(out)


def time_citekit(bib: Path, style: str) -> tuple[float, int, set[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "citekit",
            "--library",
            str(bib),
            "format",
            "--all",
            "--style",
            style,
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    elapsed = time.perf_counter() - start
    failed = {line.split(": ")[1] for line in proc.stderr.splitlines() if "not rendered" in line}
    return elapsed, len(proc.stdout.splitlines()), failed


def time_citeproc(items: list[dict], style: str) -> tuple[float, int]:
    from citeproc import NAMES
    from citeproc import VARIABLES
    from citeproc import Citation
    from citeproc import CitationItem
    from citeproc import CitationStylesBibliography
    from citeproc import CitationStylesStyle
    from citeproc import formatter
    from citeproc.source.json import CiteProcJSON

    from citekit.csl import styles

    # plain citeproc-py crashes on CSL variables it does not know (e.g. contributor):
    # give it only what it understands
    known = {v.replace("_", "-") for v in VARIABLES} | {"id", "type", "DOI", "ISBN", "URL"}
    names = {v.replace("_", "-") for v in NAMES}
    items = [{k: v for k, v in i.items() if k in known or (k in names)} for i in items]
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON(json.loads(json.dumps(items)))
        csl = CitationStylesStyle(str(styles.resolve(style)), validate=False)
        bib = CitationStylesBibliography(csl, source, formatter.html)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        bib.sort()
        done = 0
        try:
            done = len(bib.bibliography())
        except Exception as e:  # noqa: BLE001 - plain citeproc-py may crash; say so
            print(f"  (plain citeproc-py crashed: {type(e).__name__}: {e})")
    return time.perf_counter() - start, done


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--style", default="apa")
    ap.add_argument("--entries", type=int, default=1000)
    ap.add_argument("--synthetic", action="store_true", help="do not use ../shared/corpus")
    args = ap.parse_args()
    text = None if args.synthetic else corpus_based(args.entries)
    origin = "biblatex-examples.bib entries, repeated" if text else "synthetic entries"
    text = text or synthetic(args.entries)
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp) / "bench.bib"
        bib.write_text(text, encoding="utf-8")
        lib = library.load(bib)
        print(f"{len(lib.entries)} {origin}; style {args.style}")
        elapsed, printed, failed = time_citekit(bib, args.style)
        rate = len(lib.entries) / elapsed
        print(
            f"citekit format --all: {elapsed:.2f} s, {rate:.0f} entries/s "
            f"({printed} printed, {len(failed)} reported)"
        )
        # plain citeproc-py stops at the first item it cannot render: leave those out
        items = [i for i in lib.csl_items(lib.entries) if i["id"] not in failed]
        ref_elapsed, done = time_citeproc(items, args.style)
        print(
            f"reference, plain citeproc-py on the same CSL-JSON: {ref_elapsed:.2f} s "
            f"({done} rendered)"
        )
        print(f"ratio citekit/citeproc-py time: {elapsed / ref_elapsed:.2f}")


if __name__ == "__main__":
    main()
