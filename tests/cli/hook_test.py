"""The hook as users run it: a subprocess, light imports, and pre-commit itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "tests" / "data" / "clean.bib"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def test_check_does_not_import_citeproc_lxml_or_bibtexparser() -> None:
    code = (
        "import sys\n"
        "from citekit.cli import main\n"
        "try:\n"
        f"    main(['check', {str(CLEAN)!r}])\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('citeproc', 'lxml', 'bibtexparser'))\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True)
    assert (out.returncode, out.stdout, out.stderr) == (0, "[]\n", "")


def test_fmt_does_not_import_citeproc_either() -> None:
    code = (
        "import sys\n"
        "from citekit.cli import main\n"
        "try:\n"
        f"    main(['fmt', '--check', {str(CLEAN)!r}])\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('citeproc', 'lxml')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True)
    assert (out.returncode, out.stdout) == (0, "[]\n")


def test_hook_declarations() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    for hook in ("citekit-check", "citekit-fmt"):
        block = text.split(f"id: {hook}", 1)[1].split("-   id:", 1)[0]
        assert "language: python" in block and "types: [bib]" in block
    assert "entry: citekit check" in text and "entry: citekit fmt" in text


def _packages_missing() -> list[str]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = project["tool"]["setuptools"]["packages"]
    where = project["tool"]["setuptools"].get("package-dir", {})
    return [p for p in listed if not (ROOT / where.get(p, p.replace(".", "/"))).is_dir()]


@pytest.mark.skipif(
    not shutil.which("pre-commit") or not os.environ.get("CITEKIT_TEST_PRE_COMMIT"),
    reason="needs pre-commit and the network (it pip-installs citekit); "
    "set CITEKIT_TEST_PRE_COMMIT=1 to run it",
)
@pytest.mark.skipif(bool(_packages_missing()), reason="pyproject lists packages not on this branch")
def test_pre_commit_try_repo(tmp_path: Path) -> None:  # pragma: no cover - needs pre-commit
    # pre-commit try-repo needs the hooks committed in a git repo, and a repo to run in
    work = tmp_path / "work"
    work.mkdir()
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    shutil.copy(CLEAN, work / "clean.bib")
    (work / "broken.bib").write_text("@misc{a,\n  pages = {1-2}\n  year = 2000\n}\n")
    run = [
        "pre-commit",
        "try-repo",
        str(ROOT),
        "citekit-check",
        "--files",
    ]
    ok = subprocess.run([*run, "clean.bib"], cwd=work, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run([*run, "broken.bib"], cwd=work, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "broken.bib:2:16: missing-comma" in bad.stdout
