from __future__ import annotations

from citekit.csl.spec.superscripts import SUPERSCRIPTS
from citekit.csl.spec.superscripts import superscripts


def test_table_comes_from_unicode() -> None:
    assert SUPERSCRIPTS["ª"] == "a" and SUPERSCRIPTS["²"] == "2" and SUPERSCRIPTS["ʳ"] == "r"
    assert "a" not in SUPERSCRIPTS


def test_each_superscript_character_becomes_sup() -> None:
    assert superscripts("1ʳᵉ éd.", None) == "1<sup>r</sup><sup>e</sup> éd."
    assert superscripts("plain", None) == "plain"
