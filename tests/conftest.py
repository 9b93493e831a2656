from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def shared() -> Path:
    """../shared beside the checkout; tests that need it skip cleanly without it."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not here (it only exists on the developers' machines)")
    return SHARED


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the shipped library.bib to edit."""
    dest = tmp_path / "library.bib"
    shutil.copyfile(ROOT / "library.bib", dest)
    return dest


@pytest.fixture(autouse=True)
def _no_user_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # tests never read the developer's own settings or library
    monkeypatch.delenv("CITEKIT_LIBRARY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)
