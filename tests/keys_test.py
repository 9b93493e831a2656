from __future__ import annotations

import pytest

from citekit import keys
from citekit.errors import CitekitError

POLLMANN = {
    "author": "Pollmann, Mina",
    "title": "Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit",
    "date": "2023-02-07",
}


@pytest.mark.parametrize(
    ("fields", "pattern", "expected"),
    (
        pytest.param(POLLMANN, "{auth}{year}{title}", "pollmann2023japan", id="the seed"),
        pytest.param(
            {"author": "Müller, Jörg", "year": "2001", "title": "Über alles"},
            "{auth}{year}{title}",
            "muller2001uber",
            id="umlauts lose their dots",
        ),
        pytest.param(
            {"author": "Łukasiewicz, Jan", "year": "1951", "title": "Aristotle's Syllogistic"},
            "{auth}{year}{title}",
            "lukasiewicz1951aristotles",
            id="stroke letters",
        ),
        pytest.param(
            {"author": "van der Berg, Jan", "year": "2010", "title": "The Art of War"},
            "{auth}{year}{title}",
            "berg2010art",
            id="particle and stop words",
        ),
        pytest.param(
            {"title": "On the Origin of Species", "year": "1859"},
            "{auth}{year}{title}",
            "1859origin",
            id="no author",
        ),
        pytest.param(
            {"author": "A, B and C, D and E, F and G, H", "year": "2020", "title": "T x"},
            "{authors}:{year}",
            "aceetal:2020",
            id="authors with etal",
        ),
        pytest.param(
            {"author": "Doe, J", "title": "A Study of Things", "year": "2020"},
            "{auth}_{shorttitle}",
            "doe_studythings",
            id="short title",
        ),
        pytest.param({}, "{auth}{year}{title}", "ref", id="nothing at all"),
    ),
)
def test_base_key(fields: dict[str, str], pattern: str, expected: str) -> None:
    assert keys.base_key(fields, pattern) == expected


def test_collisions_get_letters_compared_case_insensitively() -> None:
    assert keys.make_key(POLLMANN, {"Pollmann2023Japan"}) == "pollmann2023japana"
    assert (
        keys.make_key(POLLMANN, {"pollmann2023japan", "pollmann2023japana"}) == "pollmann2023japanb"
    )
    # the same sequence as CSL year suffixes (csl/spec/disambiguate uses it)
    assert [keys.suffix(n) for n in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


def test_unknown_pattern_field_is_an_error() -> None:
    with pytest.raises(CitekitError, match=r"unknown field \{bogus\}"):
        keys.base_key(POLLMANN, "{bogus}")


@pytest.mark.parametrize("pattern", ["{auth", "auth}{year}", "{auth}{{year}}"])
def test_a_pattern_brace_without_its_pair_is_an_error(pattern: str) -> None:
    # "{auth" made every key the literal "auth", "autha", "authb", ...
    with pytest.raises(CitekitError) as e:
        keys.base_key(POLLMANN, pattern)
    assert str(e.value) == (
        f"key pattern {pattern!r}: a brace without its pair; fields are written like {{auth}}"
    )


@pytest.mark.parametrize("bad", ["has space", "a,b", "x{y}", 'q"', ""])
def test_check_key_rejects_unusable_keys(bad: str) -> None:
    with pytest.raises(CitekitError):
        keys.check_key(bad)


def test_plain_fields_decode_latex_but_keep_name_braces() -> None:
    out = keys.plain_fields({"title": r"{\"U}ber {NATO}", "author": "{WHO} and Doe, J"})
    assert out == {"title": "Über NATO", "author": "{WHO} and Doe, J"}
