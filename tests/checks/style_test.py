from __future__ import annotations

import pytest

from citekit.checks import Options
from citekit.checks import style
from citekit.errors import CitekitError
from tests.checks.helpers import codes
from tests.checks.helpers import found

BELFER = Options(
    style_name="belfer", style_fields={"*": ("author", "title"), "book": ("publisher",)}
)

CASES = (
    pytest.param(
        "@book{a, author={A}, title={T}, year=2000}\n",
        True,
        id="book without the publisher the style prints",
    ),
    pytest.param("@article{a, title={T}, journal={J}, year=2000}\n", True, id="no author"),
    pytest.param(
        "@book{a, author={A}, title={T}, publisher={P}, year=2000}\n",
        False,
        id="everything the style prints",
    ),
    pytest.param(
        "@article{a, author={A}, title={T}}\n", False, id="publisher is only asked of books"
    ),
)


@pytest.mark.parametrize(("src", "triggers"), CASES)
def test_style_missing_field(src: str, triggers: bool) -> None:
    assert bool(codes(src, "style-missing-field", options=BELFER)) is triggers


def test_message_names_fields_and_csl_type() -> None:
    (p,) = found("@book{a, author={A}, title={T}}\n", "style-missing-field", options=BELFER)
    assert p.message == "a: belfer prints publisher for book, and this entry has none"


def test_without_a_style_nothing_is_reported() -> None:
    assert codes("@book{a}\n", "style-missing-field") == []


def test_load_reads_the_bibliography_layout() -> None:
    fields = style.load("belfer")
    assert fields["*"] == ("author", "title")
    assert "publisher" in fields["book"]


def test_load_unknown_style_is_a_user_error() -> None:
    with pytest.raises(CitekitError, match="unknown style"):
        style.load("no-such-style-anywhere")
