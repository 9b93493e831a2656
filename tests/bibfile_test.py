from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from citekit import bibfile
from citekit.errors import BibSyntaxError
from citekit.errors import CitekitError

CRLF_FILE = (
    "% my refs\r\n"
    '@string{dip = "The Diplomat"}\r\n'
    "\r\n"
    "@Article{a,\r\n"
    "    title   = {Alpha},\r\n"
    "    journal = dip,\r\n"
    "}\r\n"
    "\r\n"
    '@book{b, title = "Beta", year = 2001}\r\n'
)


def test_parse_gives_exact_spans_lines_and_fields() -> None:
    bib = bibfile.parse(Path("t.bib"), CRLF_FILE)
    a, b = bib.entries
    assert (a.key, a.type, a.line) == ("a", "article", 4)
    assert CRLF_FILE[a.span[0] : a.span[1]].startswith("@Article{a,")
    assert CRLF_FILE[a.span[0] : a.span[1]].endswith("dip,\r\n}")
    assert a.fields == {"title": "{Alpha}", "journal": "dip"}
    assert b.fields == {"title": '"Beta"', "year": "2001"}
    assert bib.strings == {"dip": '"The Diplomat"'}
    assert bib.newline == "\r\n"


def test_splice_one_entry_of_a_crlf_file_changes_nothing_else() -> None:
    bib = bibfile.parse(Path("t.bib"), CRLF_FILE)
    new = bibfile.splice(bib, bib.entries[1], "@book{b, title = {Gamma}}")
    assert new == CRLF_FILE.replace(
        '@book{b, title = "Beta", year = 2001}', "@book{b, title = {Gamma}}"
    )


def test_append_uses_the_files_newline_and_one_blank_line() -> None:
    bib = bibfile.parse(Path("t.bib"), CRLF_FILE)
    text = bibfile.append(bib, ["@misc{c,\n  title = {C},\n}"])
    assert text == CRLF_FILE + "\r\n@misc{c,\r\n  title = {C},\r\n}\r\n"


@pytest.mark.parametrize(
    "original",
    [
        pytest.param(CRLF_FILE, id="crlf with trailing newline"),
        pytest.param("@misc{a, title={A}}", id="no trailing newline"),
        pytest.param("@misc{a, title={A}}\n\n\n", id="trailing blank lines"),
        pytest.param("", id="empty file"),
        pytest.param("% only a comment\n", id="only a comment"),
        pytest.param("\ufeff@misc{a, title={A}}\n".removeprefix("\ufeff"), id="plain"),
    ],
)
def test_append_then_remove_gives_back_the_same_bytes(original: str) -> None:
    bib = bibfile.parse(Path("t.bib"), original)
    added = bibfile.append(bib, ["@misc{zz,\n  title = {Z},\n}"])
    assert added.startswith(original.rstrip("\r\n")) or not original.strip()
    bib2 = bibfile.parse(Path("t.bib"), added)
    assert bibfile.remove(bib2, bib2.find("zz")) == original or (
        not original.strip() and bibfile.remove(bib2, bib2.find("zz")) == original.rstrip("\r\n")
    )


def test_remove_takes_the_entry_and_its_separating_blank_line() -> None:
    text = "@misc{a, title={A}}\n\n@misc{b, title={B}}\n\n@misc{c, title={C}}\n"
    bib = bibfile.parse(Path("t.bib"), text)
    assert bibfile.remove(bib, bib.find("b")) == "@misc{a, title={A}}\n\n@misc{c, title={C}}\n"
    assert bibfile.remove(bib, bib.find("a")) == "@misc{b, title={B}}\n\n@misc{c, title={C}}\n"


def test_keys_are_found_case_insensitively_and_duplicates_kept() -> None:
    bib = bibfile.parse(Path("t.bib"), "@misc{Smith2020, title={A}}\n@misc{smith2020, title={B}}\n")
    assert bib.find("SMITH2020") is bib.entries[0]
    assert [d.key for d in bib.duplicates] == ["smith2020"]
    assert bib.keys() == {"smith2020"}


def test_failed_block_is_reported_with_its_line_and_refused_for_edits() -> None:
    bib = bibfile.parse(Path("t.bib"), "@misc{ok, title={A}}\n\n@misc{b, title = {open\n")
    assert [(b.kind, b.line) for b in bib.failed] == [("failed", 3)]
    with pytest.raises(BibSyntaxError, match=r"^t\.bib:3:1: Unexpectedly reached end of file; fix"):
        bib.require_clean()


def test_decode_refuses_non_utf8_with_offset_and_encoding(tmp_path: Path) -> None:
    path = tmp_path / "mac.bib"
    path.write_bytes("@misc{a, author = {M}}\n@misc{b, title = {Caf\u00e9}}\n".encode("mac_roman"))
    with pytest.raises(CitekitError) as e:
        bibfile.read(path)
    assert str(e.value).startswith(
        f"{path}:2:22: not UTF-8 (byte 0x8e at offset 44; looks like MacRoman)"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    (
        pytest.param("@misc{a, title={Caf\u00e9}}\n".encode("utf-16"),
                     "1:1: not UTF-8 (byte 0xff at offset 0; looks like UTF-16); re-save the file "
                     "as UTF-8, e.g. iconv -f UTF-16 -t UTF-8", id="UTF-16 with a BOM"),
        # ASCII-only UTF-16 without a BOM is valid UTF-8 (with NULs): it read as no entries
        pytest.param("@misc{a, title={T}}\n".encode("utf-16-be"),
                     "1:1: a NUL byte, so not a UTF-8 text file (looks like UTF-16); re-save the "
                     "file as UTF-8, e.g. iconv -f UTF-16 -t UTF-8", id="UTF-16 without a BOM"),
        # the suggested command must run: GNU iconv knows neither MACROMAN nor WINDOWS1252
        pytest.param("@misc{a, title={Caf\u00e9 \u201cq\u201d}}\n".encode("mac_roman"),
                     "1:20: not UTF-8 (byte 0x8e at offset 19; looks like MacRoman); re-save the "
                     "file as UTF-8, e.g. iconv -f MACINTOSH -t UTF-8", id="MacRoman"),
        pytest.param("@misc{a, title={Caf\u00e9 \u201cq\u201d}}\n".encode("cp1252"),
                     "1:20: not UTF-8 (byte 0xe9 at offset 19; looks like Windows-1252); re-save "
                     "the file as UTF-8, e.g. iconv -f CP1252 -t UTF-8", id="Windows-1252"),
        # "re-save it as UTF-8 from MacRoman" for a PDF sent the user the wrong way
        pytest.param(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", " a PDF, not a text file; citekit reads "
                     "BibTeX, RIS, CSL-JSON, HTML or text (for a paper, add its DOI or URL)",
                     id="a PDF"),
        pytest.param(bytes(range(256)) * 4, " binary data, not a text file; citekit reads "
                     "BibTeX, RIS, CSL-JSON, HTML or text (for a paper, add its DOI or URL)",
                     id="binary data"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", " a PNG image, not a text file; "
                     "citekit reads BibTeX, RIS, CSL-JSON, HTML or text (for a paper, add its "
                     "DOI or URL)", id="a PNG, by its magic header"),
    ),
)  # fmt: skip
def test_decode_names_the_encoding_and_a_working_iconv(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "t.bib"
    path.write_bytes(data)
    with pytest.raises(CitekitError) as e:
        bibfile.read(path)
    assert str(e.value) == f"{path}:{message}"


def test_bom_is_kept_on_write(tmp_path: Path) -> None:
    path = tmp_path / "bom.bib"
    path.write_bytes(b"\xef\xbb\xbf@misc{a, title={A}}\n")
    bib = bibfile.read(path)
    assert bib.bom and bib.text == "@misc{a, title={A}}\n"
    bibfile.write_if_changed(bib, bib.text + "\n@misc{b, title={B}}\n")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf@misc{a,")


def test_atomic_write_keeps_permissions_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("old\n")
    os.chmod(path, 0o640)
    bibfile.atomic_write(path, "new\n")
    assert path.read_text() == "new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:  # pragma: no cover
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "refs.bib").write_text("x")
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(CitekitError, match="not writable"):
            bibfile.check_writable(folder / "refs.bib")
    finally:
        os.chmod(folder, 0o700)


def test_format_entry_braces_text_and_keeps_numbers() -> None:
    src = bibfile.format_entry("article", "k", {"title": "A & B", "year": "2020", "journal": "{J}"})
    assert src == "@article{k,\n  title = {A & B},\n  year = 2020,\n  journal = {J},\n}"


def test_indent_of_follows_the_file() -> None:
    bib = bibfile.parse(Path("t.bib"), CRLF_FILE)
    assert bibfile.indent_of(bib) == "    "
    assert bibfile.indent_of(bibfile.parse(Path("t.bib"), "")) == "  "


def test_write_if_changed_refuses_to_undo_a_concurrent_change(tmp_path: Path) -> None:
    # check --fix and fmt wrote without the lock and over whatever was there, so an entry
    # that a concurrent `citekit add` wrote in between was silently lost
    path = tmp_path / "l.bib"
    path.write_bytes(b"\xef\xbb\xbf@misc{a, title={A}}\r\n")
    bib = bibfile.read(path)
    path.write_bytes(path.read_bytes() + b"\r\n@misc{b, title={B}}\r\n")
    theirs = path.read_bytes()
    with pytest.raises(CitekitError) as e:
        bibfile.write_if_changed(bib, "@misc{a, title = {A}}\r\n")
    assert str(e.value) == (
        f"{path}: changed by another program while citekit worked on it; nothing written, "
        "run the command again"
    )
    assert path.read_bytes() == theirs


def test_write_if_changed_under_the_lock_it_already_holds(tmp_path: Path) -> None:
    path = tmp_path / "l.bib"
    path.write_text("@misc{a, title={A}}\n")
    with bibfile.locked(path):
        bib = bibfile.read(path)
        assert bibfile.write_if_changed(bib, "@misc{a, title = {A}}\n")
    assert path.read_text() == "@misc{a, title = {A}}\n"


def test_a_device_or_pipe_is_read_but_never_replaced(tmp_path: Path) -> None:
    # as root, `citekit --library /dev/null add ...` renamed a regular file over /dev/null
    fifo = tmp_path / "pipe.bib"
    os.mkfifo(fifo)
    message = (
        f"{fifo}: not a regular file (a device, pipe or folder), so citekit will not replace "
        "it; use a .bib file"
    )
    with pytest.raises(CitekitError) as e:
        bibfile.check_writable(fifo)
    assert str(e.value) == message
    with pytest.raises(CitekitError) as e:
        bibfile.write_if_changed(bibfile.BibFile(fifo, ""), "@misc{a}\n")
    assert str(e.value) == message
    with pytest.raises(CitekitError):
        bibfile.atomic_write(fifo, "@misc{a}\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
