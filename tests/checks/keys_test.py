from __future__ import annotations

import pytest

from citekit.checks import Options
from tests.checks.helpers import codes

CASES = (
    pytest.param("bad-key", "@misc{M\u00fcller2020, title={T}}\n", True, id="non-ASCII key"),
    pytest.param("bad-key", "@misc{a\\b, title={T}}\n", True, id="backslash in key"),
    pytest.param(
        "bad-key",
        "@misc{dblp:conf/x-1.2_b+, title={T}}\n",
        False,
        id="letters digits and - _ : . / +",
    ),
)


@pytest.mark.parametrize(("code", "src", "triggers"), CASES)
def test_key_checks(code: str, src: str, triggers: bool) -> None:
    assert (code in codes(src, code)) is triggers


ENTRY = (
    "@article{{{key}, author={{Pollmann, Mina}}, title={{Japan and the War}}, "
    "journal={{J}}, year=2023}}\n"
)


@pytest.mark.parametrize(
    ("key", "triggers"),
    (
        pytest.param("pollmann2023japan", False, id="follows the pattern"),
        pytest.param("pollmann2023japanb", False, id="with a uniqueness suffix"),
        pytest.param("PM23", True, id="another scheme"),
    ),
)
def test_key_pattern(key: str, triggers: bool) -> None:
    src = ENTRY.format(key=key)
    assert bool(codes(src, "key-pattern")) is triggers


def test_key_pattern_is_opt_in() -> None:
    from citekit import checks
    from tests.checks.helpers import parse

    assert checks.run(parse(ENTRY.format(key="PM23"))) == []
    assert [
        p.code for p in checks.run(parse(ENTRY.format(key="PM23")), enable=["key-pattern"])
    ] == ["key-pattern"]


def test_key_pattern_uses_the_configured_pattern() -> None:
    src = ENTRY.format(key="2023pollmann")
    assert codes(src, "key-pattern", options=Options(key_pattern="{year}{auth}")) == []
