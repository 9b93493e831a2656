"""checks.run / checks.fix / settings: selection, severities, inline ignores, fixing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from citekit import bibfile
from citekit import checks
from citekit.errors import CitekitError
from citekit.model import Problem
from tests.checks.helpers import parse

SRC = "@article{a,\n  title = {Salt & Pepper},\n  pages = {1-2},\n}\n"


def test_run_sorts_by_line_and_sets_severity() -> None:
    found = checks.run(parse(SRC))
    assert [(p.line, p.code, p.severity) for p in found] == [
        (1, "missing-field", "warning"),
        (1, "missing-field", "warning"),
        (1, "missing-field", "warning"),
        (2, "unescaped-special", "error"),
        (3, "page-range", "warning"),
    ]


def test_select_ignore_and_levels() -> None:
    bib = parse(SRC)
    assert [p.code for p in checks.run(bib, select=["page-range"])] == ["page-range"]
    assert "page-range" not in [p.code for p in checks.run(bib, ignore=["page-range"])]
    (p,) = checks.run(bib, select=["page-range"], levels={"page-range": "error"})
    assert p.severity == "error"


def test_select_all_still_leaves_opt_in_checks_out() -> None:
    assert "key-pattern" not in checks.codes(select=["ALL"])
    assert "key-pattern" in checks.codes(enable=["key-pattern"])


@pytest.mark.parametrize(
    ("comment", "left"),
    (
        pytest.param("% citekit: ignore[page-range]\n", ["unescaped-special"], id="one code"),
        pytest.param("% citekit: ignore[page-range, unescaped-special]\n", [], id="two codes"),
        pytest.param("% citekit: ignore\n", [], id="every code"),
        pytest.param(
            "% citekit: ignore[page-range]\n\n% another comment\n",
            ["unescaped-special", "page-range"],
            id="not right above the entry",
        ),
    ),
)
def test_inline_ignore(comment: str, left: list[str]) -> None:
    bib = parse(comment + SRC)
    assert [p.code for p in checks.run(bib, select=["page-range", "unescaped-special"])] == left


def test_inline_ignore_also_stops_fixes() -> None:
    src = "% citekit: ignore[page-range]\n" + SRC
    assert "1-2" in checks.fix(parse(src), select=["page-range"])


def test_fix_chains_fixers_on_fresh_offsets() -> None:
    text, counts = checks.fix_counts(parse(SRC))
    assert text == "@article{a,\n  title = {Salt \\& Pepper},\n  pages = {1--2},\n}\n"
    assert counts == {"unescaped-special": 1, "page-range": 1}


def test_fix_keeps_crlf_and_every_other_byte() -> None:
    src = SRC.replace("\n", "\r\n") + "\r\n% tail {comment}\r\n@misc{b,\r\n   note = {x}, }\r\n"
    out = checks.fix(parse(src), select=["page-range"])
    assert out == src.replace("{1-2}", "{1--2}")


def test_fix_on_a_clean_fixture_changes_nothing() -> None:
    for path in sorted((Path(__file__).parents[1] / "data").glob("clean*.bib")):
        bib = bibfile.read(path, exact=True)
        assert checks.fix(bib) == bib.text, path


def test_run_scans_a_bibtexparser_bibfile_itself() -> None:
    bib = bibfile.parse(Path("t.bib"), SRC)
    assert [p.code for p in checks.run(bib, select=["page-range"])] == ["page-range"]


@pytest.mark.parametrize(
    ("table", "message"),
    (
        pytest.param(
            {"selct": []}, "unknown setting 'selct'; did you mean 'select'?", id="typo in key"
        ),
        pytest.param(
            {"ignore": ["page-rnage"]},
            "unknown check code 'page-rnage'; did you mean 'page-range'?",
            id="typo in code",
        ),
        pytest.param(
            {"severity": "fatal"},
            "[tool.citekit.check] severity: must be 'error' or 'warning', not 'fatal'",
            id="bad severity",
        ),
        pytest.param(
            {"levels": {"page-range": "info"}},
            "[tool.citekit.check] levels.page-range: must be 'error' or 'warning', not 'info'",
            id="bad level",
        ),
        pytest.param({"datamodel": "apa"}, "datamodel must be one of", id="bad datamodel"),
        pytest.param({"select": 3}, "must be a list of check codes", id="not a list"),
    ),
)
def test_settings_are_validated(table: dict[str, object], message: str) -> None:
    with pytest.raises(CitekitError, match=re.escape(message)):
        checks.settings(table)


@pytest.mark.parametrize(
    ("table", "message"),
    (
        pytest.param({"selct": []}, "t/citekit.toml: [check]: unknown setting 'selct'; did you "
                     "mean 'select'?", id="unknown setting"),
        pytest.param({"ignore": ["page-rnage"]}, "t/citekit.toml: [check] ignore: unknown check "
                     "code 'page-rnage'; did you mean 'page-range'?", id="unknown code"),
        pytest.param({"select": 3}, "t/citekit.toml: [check] select must be a list of check codes",
                     id="not a list"),
        pytest.param({"style": 3}, "t/citekit.toml: [check] style must be a string",
                     id="not a string"),
    ),
)  # fmt: skip
def test_settings_errors_start_with_where(table: dict[str, object], message: str) -> None:
    with pytest.raises(CitekitError) as e:
        checks.settings(table, where="t/citekit.toml: [check]")
    assert str(e.value) == message


def test_settings_accept_strings_and_lists() -> None:
    s = checks.settings(
        {"select": "page-range, bad-doi", "enable": ["key-pattern"], "severity": "warning"}
    )
    assert s.select == ("page-range", "bad-doi")
    assert s.enable == ("key-pattern",) and s.severity == "warning"


def test_problem_shape() -> None:
    assert Problem("x", 1, 2, "m") == Problem("x", 1, 2, "m", "error")


def test_every_check_code_has_a_readme_section() -> None:
    docs = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^### `([a-z0-9-]+)`$", docs, re.M))
    assert set(checks.RULES) - sections == set()
    assert sections - set(checks.RULES) == set()
    for code in checks.FIXERS:
        body = docs.split(f"### `{code}`", 1)[1].split("\n### ", 1)[0]
        assert "`--fix`: yes" in body, code


def test_codes_are_kebab_case() -> None:
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) for code in checks.RULES)


def test_every_check_has_a_triggering_and_a_clean_case() -> None:
    from tests.checks import duplicates_test
    from tests.checks import fields_test
    from tests.checks import keys_test
    from tests.checks import syntax_test
    from tests.checks import text_test
    from tests.checks import values_test

    seen: dict[str, set[bool]] = {}
    for module in (syntax_test, duplicates_test, fields_test, values_test, text_test, keys_test):
        for param in module.CASES:
            code, _src, triggers = param.values
            seen.setdefault(code, set()).add(triggers)
    # tested with their own tables: key-pattern (keys_test), style-missing-field
    # (style_test), not-utf8 (syntax_test, from bytes)
    own_tables = {"key-pattern", "style-missing-field", "not-utf8"}
    for code in set(checks.RULES) - own_tables:
        assert seen.get(code) == {True, False}, code


def test_check_files_fixes_in_place_and_reports_what_changed(tmp_path: Path) -> None:
    path = tmp_path / "a.bib"
    path.write_text(SRC)
    (result,) = checks.check_files([path], select=["page-range"], fix=True)
    assert result.fixed == {"page-range": 1}
    assert result.problems == []
    assert "{1--2}" in path.read_text()
    (again,) = checks.check_files([path], select=["page-range"], fix=True)
    assert again.fixed == {}


def test_check_files_not_utf8_follows_selection_and_levels(tmp_path: Path) -> None:
    path = tmp_path / "latin.bib"
    path.write_bytes("@misc{a, title = {Caf\u00e9}}\n".encode("latin-1"))
    (result,) = checks.check_files([path], levels={"not-utf8": "warning"})
    assert [(p.code, p.severity) for p in result.problems] == [("not-utf8", "warning")]
    (ignored,) = checks.check_files([path], ignore=["not-utf8"])
    assert ignored.problems == []


def test_read_reports_utf16_without_a_bom(tmp_path) -> None:
    # ASCII-only UTF-16 decodes as UTF-8 (with NULs): it was one garbage-text warning, so a
    # UTF-16 file passed the hook
    path = tmp_path / "u16.bib"
    path.write_bytes("@article{a, title = {T}}\n".encode("utf-16-be"))
    bib, problem = checks.read(path)
    assert bib is None
    assert problem == Problem(
        "not-utf8",
        1,
        1,
        "a NUL byte at offset 0, so not a UTF-8 text file; looks like UTF-16; "
        "re-save it as UTF-8 (iconv -f UTF-16 -t UTF-8)",
    )


@pytest.mark.parametrize(
    ("data", "what"),
    (
        pytest.param(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "a PDF", id="PDF"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff", "a PNG image", id="PNG"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or a .docx, .xlsx, .epub)",
                     id="ZIP"),
        pytest.param(bytes(range(256)) * 4, "binary data", id="control bytes"),
    ),
)  # fmt: skip
def test_read_calls_a_binary_file_binary_not_macroman(tmp_path, data: bytes, what: str) -> None:
    # "looks like MacRoman; iconv ..." for a PDF sent the user the wrong way
    path = tmp_path / "paper.bib"
    path.write_bytes(data)
    assert checks.read(path) == (
        None,
        Problem(
            "not-utf8",
            1,
            1,
            f"looks like a binary file ({what}), not BibTeX text; is this the right file?",
        ),
    )


def test_read_of_text_is_not_binary(tmp_path) -> None:
    path = tmp_path / "ok.bib"
    path.write_bytes(b"@misc{a, title = {T}}\n")
    bib, problem = checks.read(path)
    assert problem is None and bib is not None
