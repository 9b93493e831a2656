"""The CSL test-suite fixtures that pass today keep passing (needs ../shared; skips without).

Update the pin with: python bench/csl_suite.py --list-passing > tests/csl/suite_passing.txt
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PINNED = Path(__file__).with_name("suite_passing.txt")


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_csl_suite", ROOT / "bench" / "csl_suite.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_pinned_fixtures_still_pass() -> None:
    bench = _bench()
    folder = bench.suite_dir(bench.DEFAULT_SHARED)
    if not folder.is_dir():
        pytest.skip(f"no CSL test suite at {folder}")
    names = PINNED.read_text(encoding="utf-8").split()
    assert names, "the pin list is empty"
    broken = []
    for name in names:
        outcome = bench.run_one(folder / f"{name}.txt")
        if not outcome.ok:
            broken.append(f"{name}: {outcome.error or 'output differs'}")
    assert broken == []
