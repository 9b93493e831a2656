"""Run citekit's CSL engine over the CSL processor test suite and report pass rates.

    python bench/csl_suite.py [--shared DIR] [--only PATTERN] [--verbose]

The suite lives outside the repository (``../shared/csl-test-suite/humans``); without it
this script says so and exits 0. Each fixture is rendered in-process with a time limit;
an exception or a timeout counts as a failure.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import html
import json
import re
import signal
import sys
from collections import Counter
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from citekit.csl.engine import Cite  # noqa: E402
from citekit.csl.engine import Engine  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"
TIMEOUT_S = 10

_SECTION = re.compile(r">>=+ *([A-Z-]+) *=+>>\n?(.*?)\n?<<=+ *\1 *=+<<", re.S)


@dataclass(frozen=True)
class Fixture:
    name: str
    mode: str
    result: str
    csl: str
    items: list[dict[str, Any]]
    citation_items: list[list[dict[str, Any]]] | None = None
    citations: list[Any] | None = None
    bibentries: list[list[str]] | None = None


@dataclass
class Outcome:
    name: str
    ok: bool
    expected: str
    got: str
    error: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def passed(self) -> list[str]:
        return [o.name for o in self.outcomes if o.ok]


def suite_dir(shared: Path) -> Path:
    return shared / "csl-test-suite" / "humans"


def parse(path: Path) -> Fixture:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    sections = {m.group(1): m.group(2) for m in _SECTION.finditer(text)}

    def load(key: str) -> Any:
        raw = sections.get(key)
        return json.loads(raw) if raw and raw.strip() else None

    items = load("INPUT") or []
    for n, item in enumerate(items, 1):
        item.setdefault("id", f"ITEM-{n}")  # as the suite's own runner names id-less items
    return Fixture(
        name=path.stem,
        mode=sections["MODE"].strip(),
        result=sections.get("RESULT", "").strip(),
        csl=sections["CSL"].strip(),
        items=items,
        citation_items=load("CITATION-ITEMS"),
        citations=load("CITATIONS"),
        bibentries=load("BIBENTRIES"),
    )


def fixtures(folder: Path, only: str | None = None) -> Iterator[Path]:
    for path in sorted(folder.glob("*.txt")):
        if only is None or fnmatch.fnmatch(path.stem, f"*{only}*"):
            yield path


def _cite(raw: dict[str, Any]) -> Cite:
    return Cite(
        key=str(raw["id"]),
        locator=str(raw.get("locator", "")),
        label=str(raw.get("label", "page")),
        prefix=str(raw.get("prefix", "")),
        suffix=str(raw.get("suffix", "")),
    )


def render(fx: Fixture) -> str:
    """Our output for a fixture, in the suite's RESULT layout."""
    engine = Engine.from_string(fx.csl)
    if fx.mode == "bibliography":
        items = fx.items
        if fx.bibentries:
            wanted = [str(k) for k in fx.bibentries[-1]]
            by_id = {str(i["id"]): i for i in fx.items}
            items = [by_id[k] for k in wanted if k in by_id]
        bib = engine.bibliography(items)
        lines = [f'  <div class="csl-entry">{e.html}</div>' for e in bib.entries]
        return "\n".join(['<div class="csl-bib-body">', *lines, "</div>"])
    if fx.citations:
        # Each element is [citation, before, after]; a repeated citationID replaces
        # the earlier citation in place, as an editor updating a document would.
        order: dict[str, list[Cite]] = {}
        notes: dict[str, int] = {}
        for n, entry in enumerate(fx.citations):
            citation = entry[0]
            cid = str(citation.get("citationID", n))
            order[cid] = [_cite(c) for c in citation["citationItems"]]
            notes[cid] = int((citation.get("properties") or {}).get("noteIndex") or 0)
        out = engine.citations(fx.items, list(order.values()), notes=list(notes.values()))
        return "\n".join(f"[{n}] {text}" for n, text in enumerate(out))
    if fx.citation_items:
        clusters = [[_cite(c) for c in cluster] for cluster in fx.citation_items]
    else:
        clusters = [[Cite(str(i["id"])) for i in fx.items]]
    return "\n".join(engine.citations(fx.items, clusters))


def _canonical(text: str, *, citations: bool, bibliography: bool = False) -> str:
    """Equivalent HTML spellings made equal: entities, the suite's `..[0]` markers, and
    in a bibliography the line breaks the suite puts between an entry's blocks."""
    text = html.unescape(text).replace("&", "&amp;")
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if citations:
        lines = [re.sub(r"^(?:\.\.|>>)\[(\d+)\]\s*", r"[\1] ", line) for line in lines]
    if bibliography:
        return re.sub(r'(?=<div class="csl-entry">)|(?<=</div>)(?=</div>$)', "\n",
                      "".join(lines)).strip()
    return "\n".join(lines)


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout(f"no result within {TIMEOUT_S} s")


def run_one(path: Path) -> Outcome:
    try:
        fx = parse(path)
    except (KeyError, ValueError) as e:
        return Outcome(path.stem, False, "", "", f"unreadable fixture: {e}")
    citations = fx.mode == "citation" and bool(fx.citations)
    bib = fx.mode == "bibliography"
    expected = _canonical(fx.result, citations=citations, bibliography=bib)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT_S)
    try:
        got = _canonical(render(fx), citations=citations, bibliography=bib)
    except Exception as e:  # noqa: BLE001 - a crash is a failed fixture, not a crashed run
        return Outcome(fx.name, False, expected, "", f"{type(e).__name__}: {e}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    return Outcome(fx.name, got == expected, expected, got)


def run(folder: Path, only: str | None = None) -> Report:
    report = Report()
    for path in fixtures(folder, only):
        report.outcomes.append(run_one(path))
    return report


def category(name: str) -> str:
    return name.split("_", 1)[0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--only", help="run fixtures whose name contains this glob")
    parser.add_argument("--verbose", "-v", action="store_true", help="show diffs")
    parser.add_argument("--list-passing", action="store_true",
                        help="print only the names of passing fixtures")
    args = parser.parse_args(argv)
    folder = suite_dir(args.shared)
    if not folder.is_dir():
        print(f"no CSL test suite at {folder}; nothing to run")
        return 0
    report = run(folder, args.only)
    if args.list_passing:
        print("\n".join(report.passed))
        return 0
    total: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for o in report.outcomes:
        total[category(o.name)] += 1
        good[category(o.name)] += o.ok
    for o in report.outcomes:
        if o.ok:
            continue
        print(f"FAIL {o.name}" + (f"  ({o.error})" if o.error else ""))
        if args.verbose:
            diff = difflib.unified_diff(o.expected.splitlines(), o.got.splitlines(),
                                        "expected", "got", lineterm="")
            print("\n".join("    " + line for line in diff))
    print()
    for cat in sorted(total):
        print(f"{cat:<14} {good[cat]:>4}/{total[cat]:<4} {100 * good[cat] / total[cat]:5.1f}%")
    n, ok = len(report.outcomes), len(report.passed)
    print(f"\npassed {ok}/{n} ({100 * ok / max(n, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # `| head` closed the pipe: not an error
        sys.stderr.close()
        raise SystemExit(0) from None
