from __future__ import annotations

import pytest

from citekit import scanner


def test_fields_with_exact_offsets() -> None:
    src = '@Article{k,\n  Title = "T" # jan,\n  year = {2000}\n}\n'
    (item,) = scanner.scan(src).items
    assert (item.kind, item.type, item.key) == ("entry", "Article", "k")
    assert [(f.name, f.value) for f in item.fields] == [("Title", '"T" # jan'), ("year", "{2000}")]
    for f in item.fields:
        assert src[f.value_start : f.value_end].rstrip() == f.value
        assert src[f.start :].startswith(f.name)


def test_blocks_of_every_kind() -> None:
    src = '% head\n@string{a = "A"}\n@preamble{"x"}\n@comment{c {d}}\n@misc(k, note = {n})\ntail\n'
    kinds = [i.kind for i in scanner.scan(src).items]
    assert kinds == ["text", "string", "preamble", "comment", "entry", "text"]


def test_at_sign_in_text_is_not_an_entry() -> None:
    scan = scanner.scan("mail me@example.org\n@misc{k}\n")
    assert [i.kind for i in scan.items] == ["text", "entry"]


@pytest.mark.parametrize(
    ("src", "code", "where"),
    (
        pytest.param(
            "@misc{k,\n  a = {x\n\n@misc{j}\n", "unbalanced-brace", (2, 7), id="unclosed value"
        ),
        pytest.param("@misc{k,\n  a = 1\n  b = 2}\n", "missing-comma", (2, 8), id="missing comma"),
        pytest.param("@misc{k, a = 1", "unbalanced-brace", (1, 1), id="entry open at end of file"),
        pytest.param("@misc{k, = 1}", "syntax-error", (1, 10), id="no field name"),
    ),
)
def test_issues_have_positions(src: str, code: str, where: tuple[int, int]) -> None:
    scan = scanner.scan(src)
    issue = next(i for i in scan.issues if i.code == code)
    assert scan.line_col(issue.pos) == where


def test_recovers_after_an_error() -> None:
    scan = scanner.scan("@misc{k,\n  a = {x\n\n@misc{j, b = {y}}\n")
    assert [i.key for i in scan.items] == ["k", "j"]
    assert scan.items[1].ok


@pytest.mark.parametrize(
    "src",
    (
        "",
        "@",
        "@{",
        "@misc",
        "@misc{",
        "@misc{k,",
        "@misc{k, a",
        "@misc{k, a =",
        '@misc{k, a = "',
        "}}}{{{",
        "@string{",
        "@preamble{",
        "@comment{",
    ),
)
def test_never_raises(src: str) -> None:
    scanner.scan(src)


def test_a_percent_line_inside_an_entry_loses_no_field() -> None:
    (item,) = scanner.scan("@misc{k,\n  % note\n  title = {T},\n  year = 2000,\n}\n").items
    assert [f.name for f in item.fields] == ["title", "year"]
    assert [i.code for i in item.issues] == ["syntax-error"]
