"""Compare citekit's output with citeproc-js's, live, on .bib files neither has seen.

    python bench/fidelity_live.py [--shared DIR] [--corpus DIR] [--style NAME] [--file NAME]
                                  [--limit N] [--show-diffs] [--dump FILE]

bench/fidelity.py measures agreement on the items the reference output was made for; this
script measures whether it holds on other references too. Each .bib file of the corpus
(``../shared/corpus``) is turned into CSL-JSON by citekit's own converter (what
``citekit format`` renders: ``bibfile.read`` then ``convert.to_csl``, crossrefs and
@strings resolved). The items are then rendered by citeproc-js 2.4.63, the reference
processor, run by Node, and by citekit's ``Engine``, in the nine styles of
``../shared/reference/expected``, set up as that reference was made (see its README): one
bibliography of every item of a file in file order, and each item cited alone in a fresh
state (note number 1 for note styles). Both outputs go through the reference's
``normalize.html_to_text`` and are compared as text.

It prints, per style, the share of bibliography entries citeproc-js printed that citekit
prints the same, and the same for single-item citations. ``--show-diffs`` prints each
mismatch; ``--dump`` writes them all as JSON for grouping.

citeproc-js is installed once with npm into ``~/.cache/citekit-bench/citeproc-js`` (or
under ``$XDG_CACHE_HOME``). Without Node and npm, or without the corpus, the script says
so and exits 0: nothing else needs it, and no test runs it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from citekit import bibfile  # noqa: E402
from citekit.csl import convert  # noqa: E402
from citekit.csl import styles  # noqa: E402
from citekit.csl.engine import Cite  # noqa: E402
from citekit.csl.engine import Engine  # noqa: E402
from citekit.errors import CitekitError  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"
CITEPROC_JS = "citeproc@2.4.63"
NOTE_STYLES_CITE_IN_NOTE = 1
PLACEHOLDER = "[CSL STYLE ERROR: reference with no printed form.]"

# Reads {style, locales: {lang: xml}, items, note} on stdin; writes {bibliography: {id:
# html}, citations: {id: html}, error} on stdout. Entries are tied to their item through
# the html format's @bibliography/entry hook, as the reference output was.
RUNNER = r"""
const CSL = require("citeproc");
let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const req = JSON.parse(input);
  const items = {};
  for (const it of req.items) items[it.id] = it;
  const sys = {
    retrieveLocale: (lang) => req.locales[lang] || false,
    retrieveItem: (id) => JSON.parse(JSON.stringify(items[id])),
  };
  const out = { bibliography: {}, citations: {}, error: null };
  const html = CSL.Output.Formats.html;
  const entry = html["@bibliography/entry"];
  html["@bibliography/entry"] = function (state, str) {
    return "\u0000" + this.system_id + "\u0000" + entry.call(this, state, str);
  };
  try {
    const engine = new CSL.Engine(sys, req.style);
    const ids = Object.keys(items);
    if (engine.bibliography) {
      engine.updateItems(ids);
      const bib = engine.makeBibliography();
      for (const text of (bib ? bib[1] : [])) {
        const parts = text.split("\u0000");
        if (parts.length === 3) out.bibliography[parts[1]] = parts[2].trim();
      }
    }
    for (const id of ids) {
      try {
        engine.restoreProcessorState([]);
        const res = engine.processCitationCluster(
          { citationItems: [{ id }], properties: { noteIndex: req.note } }, [], []);
        out.citations[id] = res[1][0][1];
      } catch (e) {
        out.citations[id] = null;
      }
    }
  } catch (e) {
    out.error = String(e);
  }
  process.stdout.write(JSON.stringify(out));
});
"""


@dataclass
class Score:
    bib_ok: int = 0
    bib_total: int = 0
    cite_ok: int = 0
    cite_total: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.bib_ok += other.bib_ok
        self.bib_total += other.bib_total
        self.cite_ok += other.cite_ok
        self.cite_total += other.cite_total
        self.errors += other.errors


@dataclass(frozen=True)
class Diff:
    style: str
    file: str
    kind: str  # "bib" or "cite"
    key: str
    want: str
    got: str


def _html_to_text(reference: Path) -> Callable[[str], str]:
    spec = importlib.util.spec_from_file_location(
        "_reference_normalize", reference / "normalize.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.html_to_text  # type: ignore[no-any-return]


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citekit-bench" / "citeproc-js"


def install_citeproc_js() -> Path | None:
    """The folder holding citeproc-js and the runner, installing it once; None if no npm."""
    if not (shutil.which("node") and shutil.which("npm")):
        print("fidelity_live: needs Node and npm (to run citeproc-js); skipped")
        return None
    folder = _cache_dir()
    package = folder / "node_modules" / "citeproc" / "package.json"
    version = CITEPROC_JS.split("@")[1]
    if not package.is_file() or json.loads(package.read_text())["version"] != version:
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "package.json").is_file():
            (folder / "package.json").write_text('{"private": true}\n')
        print(f"installing {CITEPROC_JS} into {folder} ...", file=sys.stderr)
        done = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", CITEPROC_JS],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print(f"fidelity_live: npm install {CITEPROC_JS} failed; skipped\n{done.stderr}")
            return None
    (folder / "runner.js").write_text(RUNNER)
    return folder


def load_items(path: Path, limit: int | None) -> list[dict[str, Any]]:
    """The file's entries as CSL-JSON, as ``citekit format`` converts them."""
    bib = bibfile.read(path)
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for entry in bib.entries:
        if entry.key.casefold() in seen:
            continue  # keys are case-insensitive in citekit, not in citeproc-js
        seen.add(entry.key.casefold())
        items.append(convert.to_csl(entry, bib.strings, bib.find))
        if limit is not None and len(items) >= limit:
            break
    return items


def _locales(style_xml: str) -> dict[str, str]:
    import citeproc
    from lxml import etree

    folder = Path(citeproc.__file__).parent / "data" / "locales"
    root = etree.fromstring(style_xml.encode("utf-8"))
    wanted = {"en-US", root.get("default-locale") or "en-US"}
    return {
        lang: (folder / f"locales-{lang}.xml").read_text(encoding="utf-8")
        for lang in wanted
        if (folder / f"locales-{lang}.xml").is_file()
    }


def run_citeproc_js(
    folder: Path, style_xml: str, items: list[dict[str, Any]], *, note: bool
) -> dict[str, Any]:
    request = {
        "style": style_xml,
        "locales": _locales(style_xml),
        "items": items,
        "note": NOTE_STYLES_CITE_IN_NOTE if note else 0,
    }
    done = subprocess.run(
        ["node", str(folder / "runner.js")],
        cwd=folder,
        input=json.dumps(request),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return {"bibliography": {}, "citations": {}, "error": done.stderr.strip()[-500:]}
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def compare(
    style: str,
    file: str,
    items: list[dict[str, Any]],
    folder: Path,
    to_text: Callable[[str], str],
) -> tuple[Score, list[Diff]]:
    path = styles.resolve(style)
    style_xml = path.read_text(encoding="utf-8")
    engine = Engine(style)
    note = 'class="note"' in style_xml
    js = run_citeproc_js(folder, style_xml, items, note=note)
    score = Score()
    diffs: list[Diff] = []
    if js["error"]:
        score.errors.append(f"{style} {file}: citeproc-js: {js['error']}")
        return score, diffs

    if engine.has_bibliography:
        bib = engine.bibliography(items)
        ours = {e.key: to_text(e.html) for e in bib.entries}
        for key, html in js["bibliography"].items():
            want = to_text(html)
            if PLACEHOLDER in want:
                continue
            got = ours.get(key, "")
            score.bib_total += 1
            if got == want:
                score.bib_ok += 1
            else:
                diffs.append(Diff(style, file, "bib", key, want, got))

    by_key = {str(i["id"]): i for i in items}
    for key, html in js["citations"].items():
        if html is None:
            continue
        want = to_text(html)
        if PLACEHOLDER in want:
            continue
        try:
            got = to_text(engine.citation([by_key[key]], [Cite(key)]))
        except CitekitError as e:
            got = f"<error: {e}>"
        score.cite_total += 1
        if got == want:
            score.cite_ok += 1
        else:
            diffs.append(Diff(style, file, "cite", key, want, got))
    return score, diffs


def _pct(ok: int, total: int) -> str:
    return f"{100.0 * ok / total:6.1f}%" if total else "     -"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--corpus", type=Path, help="folder of .bib files (default: shared)")
    parser.add_argument("--style", action="append", help="only this style (repeatable)")
    parser.add_argument("--file", action="append", help="only this .bib file (repeatable)")
    parser.add_argument("--limit", type=int, help="at most N entries from each file")
    parser.add_argument("--show-diffs", action="store_true")
    parser.add_argument("--dump", type=Path, help="write every mismatch to this JSON file")
    args = parser.parse_args(argv)

    reference = args.shared / "reference"
    corpus = args.corpus or args.shared / "corpus"
    if not (reference / "expected").is_dir() or not corpus.is_dir():
        print(f"no reference at {reference} or no corpus at {corpus}; nothing to compare")
        return 0
    folder = install_citeproc_js()
    if folder is None:
        return 0
    to_text = _html_to_text(reference)
    style_names = sorted(p.stem for p in (reference / "expected").glob("*.json"))
    if args.style:
        style_names = [s for s in style_names if s in args.style]

    files: list[tuple[str, list[dict[str, Any]]]] = []
    for path in sorted(corpus.glob("*.bib")):
        if args.file and path.name not in args.file and path.stem not in args.file:
            continue
        try:
            items = load_items(path, args.limit)
        except CitekitError as e:
            print(f"skipped {path.name}: {e}", file=sys.stderr)
            continue
        if items:
            files.append((path.name, items))
    count = sum(len(items) for _, items in files)
    print(f"{count} items from {len(files)} files of {corpus}, citeproc-js {CITEPROC_JS[9:]}")

    all_diffs: list[Diff] = []
    total = Score()
    print(f"{'style':<40} {'bibliography':>13} {'citations':>10}")
    for style in style_names:
        score = Score()
        for name, items in files:
            s, diffs = compare(style, name, items, folder, to_text)
            score.add(s)
            all_diffs += diffs
            if args.show_diffs:
                for d in diffs:
                    print(f"  {d.kind:<4} {d.file} {d.key}\n    want: {d.want}\n    got:  {d.got}")
        total.add(score)
        print(
            f"{style:<40} {_pct(score.bib_ok, score.bib_total):>12} "
            f"{_pct(score.cite_ok, score.cite_total):>10}"
            f"   ({score.bib_total} entries, {score.cite_total} citations)"
        )
        for error in score.errors:
            print(f"  {error}")
    print(
        f"overall: bibliography {_pct(total.bib_ok, total.bib_total).strip()}, "
        f"citations {_pct(total.cite_ok, total.cite_total).strip()}"
    )
    if args.dump:
        args.dump.write_text(
            json.dumps([vars(d) for d in all_diffs], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # `| head` closed the pipe: not an error
        sys.stderr.close()
        raise SystemExit(0) from None
