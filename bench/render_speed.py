"""Time APA bibliographies of 1,000 items.

    python bench/render_speed.py [--items N] [--repeat R]

The items are generated (no ../shared needed): a mix of journal articles, books and
chapters with several authors, dates and page ranges, each with a distinct id.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from citekit.csl.engine import Engine  # noqa: E402

_FAMILIES = ["Smith", "Nguyen", "García", "Müller", "O'Brien", "Kowalski", "Ito", "Okafor"]
_GIVENS = ["Anna", "Bo", "Carlos", "Dana", "Eun-ji", "Farid", "Grace", "Hugo"]


def make_items(n: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for i in range(n):
        authors = [{"family": _FAMILIES[(i + k) % 8], "given": _GIVENS[(i * 3 + k) % 8]}
                   for k in range(1 + i % 4)]
        item: dict[str, Any] = {
            "id": f"item{i}",
            "author": authors,
            "title": f"A study of things, part {i}: what the \"data\" say about it",
            "issued": {"date-parts": [[1990 + i % 30, 1 + i % 12, 1 + i % 28]]},
        }
        kind = i % 3
        if kind == 0:
            item.update(type="article-journal", volume=str(i % 40 + 1), issue=str(i % 4 + 1),
                        page=f"{100 + i}-{120 + i}", **{"container-title": "Journal of Tests"})
        elif kind == 1:
            item.update(type="book", publisher="Example Press", edition=str(i % 3 + 1),
                        **{"publisher-place": "Boston"})
        else:
            item.update(type="chapter", publisher="Example Press", page=f"{i}-{i + 9}",
                        editor=[{"family": "Editor", "given": "Eve"}],
                        **{"container-title": "Handbook of Examples"})
        items.append(item)
    return items


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    items = make_items(args.items)
    engine = Engine("apa")
    best = wall = float("inf")
    for _ in range(args.repeat):
        # CPU time: the figure should not move with whatever else the machine runs.
        start, start_wall = time.process_time(), time.perf_counter()
        bib = engine.bibliography(items)
        best = min(best, time.process_time() - start)
        wall = min(wall, time.perf_counter() - start_wall)
        assert len(bib.entries) + len(bib.failures) == len(items)
    print(f"apa: {len(items)} entries in {best:.2f} s CPU ({wall:.2f} s wall, best of "
          f"{args.repeat}): {len(items) / best:.0f} entries/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
