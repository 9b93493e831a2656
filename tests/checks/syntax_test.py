from __future__ import annotations

import pytest

from citekit.model import Problem
from tests.checks.helpers import codes
from tests.checks.helpers import fixed
from tests.checks.helpers import found

CASES = (
    # (code, source, triggers)
    pytest.param(
        "syntax-error", "@article{a, title = , year = 2000}\n", True, id="value missing after ="
    ),
    pytest.param(
        "syntax-error", "@article{a,\n  title {T},\n}\n", True, id="= missing after a name"
    ),
    pytest.param(
        "syntax-error",
        "@article{a,\n  % a note\n  title = {T},\n}\n",
        True,
        id="a % comment inside an entry",
    ),
    pytest.param(
        "syntax-error", "@article{a, title = {T}, year = 2000}\n", False, id="well-formed entry"
    ),
    pytest.param(
        "unbalanced-brace",
        "@article{a,\n  title = {T,\n  year = 2000\n\n@book{b, title = {B}}\n",
        True,
        id="brace never closed before next entry",
    ),
    pytest.param(
        "unbalanced-brace",
        "@article{a,\n  title = {T}},\n  year = 2000\n}\n",
        True,
        id="one brace too many closes the entry early",
    ),
    pytest.param(
        "unbalanced-brace",
        "@article{a,\n  title = {T}\n",
        True,
        id="entry never closed at end of file",
    ),
    pytest.param(
        "unbalanced-brace",
        "@article{a, title = {{Nested} {Braces}}}\n",
        False,
        id="nested braces balance",
    ),
    pytest.param(
        "unbalanced-quote",
        '@article{a,\n  title = "T,\n  year = 2000\n}\n\n@book{b, title = {B}}\n',
        True,
        id="quote never closed",
    ),
    pytest.param(
        "unbalanced-quote",
        '@article{a, title = "A {"}quoted{"} title"}\n',
        False,
        id="quotes inside braces do not count",
    ),
    pytest.param(
        "missing-comma",
        "@article{a,\n  year = 2000\n  title = {T},\n}\n",
        True,
        id="bare value then next field",
    ),
    pytest.param(
        "missing-comma",
        "@article{a,\n  title = {T}\n  year = 2000\n}\n",
        True,
        id="braced value then next field",
    ),
    pytest.param(
        "missing-comma",
        "@article{a,\n  title = {T},\n  year = 2000\n}\n",
        False,
        id="commas present; none needed after last",
    ),
    pytest.param(
        "swallowed-field",
        "@article{a,\n  title = {T,\n  author = {X}\n}\n",
        True,
        id="value runs over the next field line",
    ),
    pytest.param(
        "swallowed-field",
        "@article{a,\n  abstract = {Let x = 3\n and y = 4.},\n}\n",
        False,
        id="an = in prose is not a field",
    ),
    pytest.param("missing-key", "@article{\n  title = {T},\n}\n", True, id="no key"),
    pytest.param(
        "missing-key", "@article{,\n  title = {T},\n}\n", True, id="empty key before comma"
    ),
    pytest.param("missing-key", "@article{k,\n  title = {T},\n}\n", False, id="has a key"),
    pytest.param(
        "garbage-text",
        "@article{a, title={T}}\n\nfoo = {bar},\n@book{b, title={B}}\n",
        True,
        id="field outside any entry",
    ),
    pytest.param(
        "garbage-text",
        "@article{a, title={T}}\n% a {commented} line\n# section\nplain words\n",
        False,
        id="comments and prose are fine",
    ),
)


@pytest.mark.parametrize(("code", "src", "triggers"), CASES)
def test_syntax_checks(code: str, src: str, triggers: bool) -> None:
    assert (code in codes(src, code)) is triggers


def test_missing_comma_points_where_the_comma_belongs() -> None:
    src = "@article{a,\n  year = 2000\n  title = {T},\n}\n"
    assert found(src, "missing-comma") == [
        Problem("missing-comma", 2, 14, "no comma between field 'year' and field 'title'")
    ]


def test_extra_brace_points_at_the_brace() -> None:
    src = "@manual{m,\n  org = {BSI}},\n  title = {T},\n}\n"
    (p,) = found(src, "unbalanced-brace")
    assert (p.line, p.col) == (2, 14)
    assert "one closing brace too many" in p.message


@pytest.mark.parametrize(
    ("src", "expected"),
    (
        pytest.param(
            "@article{a,\n  year = 2000\n  title = {T},\n}\n",
            "@article{a,\n  year = 2000,\n  title = {T},\n}\n",
            id="comma inserted after the value",
        ),
        pytest.param(
            "@article{a,\n  year = 2000,\n}\n", "@article{a,\n  year = 2000,\n}\n", id="noop"
        ),
    ),
)
def test_fix_missing_comma(src: str, expected: str) -> None:
    assert fixed(src, "missing-comma") == expected


def test_not_utf8_is_a_finding_with_offset_and_encoding(tmp_path) -> None:
    from citekit import checks

    path = tmp_path / "mac.bib"
    path.write_bytes("@article{a, title = {Caf\u00e9}}\n".encode("mac_roman"))
    bib, problem = checks.read(path)
    assert bib is None
    assert problem == Problem(
        "not-utf8",
        1,
        25,
        "not UTF-8: byte 0x8e at offset 24; looks like MacRoman; "
        "re-save it as UTF-8 (iconv -f MACINTOSH -t UTF-8)",
    )


def test_utf8_file_reads(tmp_path) -> None:
    from citekit import checks

    path = tmp_path / "ok.bib"
    path.write_text("\ufeff@article{a, title = {Caf\u00e9}}\n", encoding="utf-8")
    bib, problem = checks.read(path)
    assert problem is None and bib is not None and bib.bom
