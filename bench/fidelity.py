"""Compare citekit's output with citeproc-js's on biblatex's example database.

    python bench/fidelity.py [--shared DIR] [--style NAME] [--show-diffs]

Reads ``../shared/reference`` (see its README): the items, citeproc-js's output per style
and ``normalize.py``, which is imported from there at run time. Without it, says so and
exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from citekit.csl.engine import Cite  # noqa: E402
from citekit.csl.engine import Engine  # noqa: E402
from citekit.errors import CitekitError  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"


@dataclass
class StyleScore:
    style: str
    bib_ok: int
    bib_total: int
    cite_ok: int
    cite_total: int
    order_ok: int
    order_total: int


def _html_to_text(reference: Path) -> Callable[[str], str]:
    spec = importlib.util.spec_from_file_location("_reference_normalize",
                                                  reference / "normalize.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.html_to_text  # type: ignore[no-any-return]


def _pct(ok: int, total: int) -> float:
    return 100.0 * ok / total if total else 100.0


def score(style: str, items: list[dict[str, Any]], expected: dict[str, Any],
          to_text: Callable[[str], str], *, show_diffs: bool = False) -> StyleScore:
    engine = Engine(style)
    want = expected["bibliography"]["entries"]
    bib = engine.bibliography(items)
    ours = {e.key: to_text(e.html) for e in bib.entries}
    bib_ok = 0
    for key, entry in want.items():
        got = ours.get(key)
        if got == entry["text"]:
            bib_ok += 1
        elif show_diffs:
            print(f"  bib  {key}\n    want: {entry['text']}\n    got:  {got}")
    for failure in bib.failures:
        if show_diffs:
            print(f"  bib  {failure.key} failed: {failure.reason}")

    want_order = expected["bibliography"]["order"]
    our_order = [e.key for e in bib.entries if e.key in want]
    order_ok = sum(a == b for a, b in zip(our_order, want_order, strict=False))

    cites = expected["citations"]
    cite_ok = 0
    for key, entry in cites.items():
        try:
            got = to_text(engine.citation(items, [Cite(key)]))
        except CitekitError as e:
            got = f"<error: {e}>"
        if got == entry["text"]:
            cite_ok += 1
        elif show_diffs:
            print(f"  cite {key}\n    want: {entry['text']}\n    got:  {got}")
    return StyleScore(style, bib_ok, len(want), cite_ok, len(cites), order_ok, len(want_order))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--style", help="only this style (a file stem in expected/)")
    parser.add_argument("--show-diffs", action="store_true")
    args = parser.parse_args(argv)
    reference = args.shared / "reference"
    if not (reference / "expected").is_dir():
        print(f"no reference output at {reference}; nothing to compare")
        return 0
    to_text = _html_to_text(reference)
    items = json.loads((reference / "biblatex-examples.json").read_text(encoding="utf-8"))
    paths = sorted((reference / "expected").glob("*.json"))
    if args.style:
        paths = [p for p in paths if p.stem == args.style]
    bib_ok = bib_total = 0
    print(f"{'style':<40} {'bibliography':>13} {'citations':>10} {'order':>7}")
    for path in paths:
        expected = json.loads(path.read_text(encoding="utf-8"))
        if args.show_diffs:
            print(f"== {path.stem}")
        s = score(path.stem, items, expected, to_text, show_diffs=args.show_diffs)
        bib_ok += s.bib_ok
        bib_total += s.bib_total
        print(f"{s.style:<40} {_pct(s.bib_ok, s.bib_total):12.1f}% "
              f"{_pct(s.cite_ok, s.cite_total):9.1f}% {_pct(s.order_ok, s.order_total):6.1f}%")
    print(f"overall bibliography match: {_pct(bib_ok, bib_total):.1f}%")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # `| head` closed the pipe: not an error
        sys.stderr.close()
        raise SystemExit(0) from None
