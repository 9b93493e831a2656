from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from citekit import bibfile
from citekit import library
from citekit.errors import CitekitError

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_twenty_concurrent_adds_all_land(tmp_path: Path) -> None:
    lib = tmp_path / "refs.bib"
    lib.write_text("% shared library\n@misc{seed, title = {Seed}}\n")
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "citekit",
                "--library",
                str(lib),
                "add",
                "--title",
                f"Concurrent Entry {i}",
                "--author",
                f"Writer{i}, Ann",
                "--date",
                "2024",
            ],
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for i in range(20)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 20, outs
    bib = bibfile.read(lib)
    assert not bib.failed and not bib.duplicates
    assert len(bib.entries) == 21
    assert {e.key for e in bib.entries} == {"seed"} | {
        f"writer{i}2024concurrent" for i in range(20)
    }
    assert lib.read_text().startswith("% shared library\n@misc{seed, title = {Seed}}\n\n@article{")


def test_prepare_rejects_a_duplicate_doi_within_one_batch(tmp_path: Path) -> None:
    bib = bibfile.parse(tmp_path / "x.bib", "")
    new = [
        library.NewEntry("article", {"title": "{Alpha}", "doi": "10.1080/ABC"}),
        library.NewEntry("article", {"title": "{Beta}", "doi": "https://doi.org/10.1080/abc"}),
    ]
    with pytest.raises(
        CitekitError, match=r"same work twice \(same DOI 10.1080/abc, first as 'alpha'\)"
    ):
        library.prepare(bib, new)


def test_keys_from_bibtex_are_kept_or_suffixed_with_force(tmp_path: Path) -> None:
    bib = bibfile.parse(tmp_path / "x.bib", "@misc{k, title={Old}}\n")
    new = [library.NewEntry("misc", {"title": "{New}"}, "K", "@misc{K, title={New}}")]
    with pytest.raises(CitekitError, match="already taken"):
        library.prepare(bib, new)
    result = library.prepare(bib, new, force=True)
    assert [(a.key, a.renamed_from) for a in result.added] == [("Ka", "K")]
    assert result.text.endswith("\n@misc{Ka, title={New}}\n")
    rekeyed = library.prepare(bib, new, rekey=True)
    assert rekeyed.added[0].key == "new"


@pytest.mark.parametrize(
    ("items", "problem"),
    (
        pytest.param('[{"id": "d", "title": "T"}]',
                     'item 1 (id \'d\'): no "type" (a CSL type such as "article-journal" or '
                     '"book")', id="no type"),
        pytest.param('[{"id": true, "type": "book"}]',
                     "item 1 (id True): the id must be a non-empty string or a number",
                     id="id not a string or number"),
        pytest.param('[{"id": "d", "type": "book", "issued": "2020-01-01"}]',
                     'item 1 (id \'d\'): "issued" must be a date like '
                     '{"date-parts": [[2020, 1, 31]]}', id="date as a string"),
        pytest.param('[{"id": "d", "type": "book", "issued": {"date-parts": [[]]}}]',
                     'item 1 (id \'d\'): "issued" must be a date like '
                     '{"date-parts": [[2020, 1, 31]]}', id="empty date-parts"),
        pytest.param('[{"id": "d", "type": "book", "author": "Doe, J"}]',
                     'item 1 (id \'d\'): "author" must be a list of names like '
                     '[{"family": "Doe", "given": "J"}]', id="author as a string"),
        pytest.param('[{"id": "d", "type": "book", "editor": [{"family": 5}]}]',
                     'item 1 (id \'d\'): "editor" must be a list of names like '
                     '[{"family": "Doe", "given": "J"}]', id="a name part not text"),
        pytest.param('[{"id": "d", "type": "book"}, {"id": "D", "type": "book"}]',
                     "item 2 (id 'D'): the id is already used by item 1",
                     id="ids differing in case"),
    ),
)  # fmt: skip
def test_a_malformed_csl_json_library_is_a_user_error(
    tmp_path: Path, items: str, problem: str
) -> None:
    # citeproc-py crashed on each of these (exit 3) when they reached it
    path = tmp_path / "lib.json"
    path.write_text(items)
    with pytest.raises(CitekitError) as e:
        library.load(path)
    assert str(e.value) == f"{path}: {problem}; fix the file"


def test_a_well_formed_csl_json_library_loads(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    path.write_text(
        '[{"id": 5, "type": "book", "author": [{"family": "Doe", "parse-names": true}],'
        ' "issued": {"date-parts": [["2020", 1]]}}]'
    )
    assert [e.key for e in library.load(path).entries] == ["5"]


def test_merge_refuses_a_field_whose_braces_do_not_balance(tmp_path: Path) -> None:
    path = tmp_path / "l.bib"
    path.write_text("@article{k, title={A Title Here}, author={Doe, J}, year=2020}\n")
    before = path.read_bytes()
    new = library.NewEntry(
        "article", {"title": "{A Title Here}", "author": "{Doe, J}", "year": "2020",
                    "doi": "10.1/x}"},
    )  # fmt: skip
    with pytest.raises(CitekitError) as e:
        library.add(path, [new], merge=True)
    assert str(e.value).startswith("doi '10.1/x}': its braces do not balance")
    assert path.read_bytes() == before


def test_an_unusable_key_from_a_file_suggests_rekey(tmp_path: Path) -> None:
    # the way out (--rekey) was not mentioned, and for --key it does not apply
    path = tmp_path / "l.bib"
    new = library.NewEntry("misc", {"title": "{X}"}, "bad\\key", "@misc{bad\\key, title={X}}")
    with pytest.raises(CitekitError) as e:
        library.add(path, [new])
    assert str(e.value) == (
        "'bad\\\\key' is not a usable citation key; use letters, digits and - _ : . / +; "
        "or add with --rekey for keys from the pattern"
    )
    typed = library.NewEntry("misc", {"title": "{X}"}, "a b")
    with pytest.raises(CitekitError, match=r"\+$"):
        library.add(path, [typed])
    assert not path.exists()


def test_add_refuses_a_library_with_an_entry_bibtex_never_closes(tmp_path: Path) -> None:
    # bibtexparser reads \{ as escaped, so the file looked clean; BibTeX would have read
    # the appended entry as part of the title above it
    path = tmp_path / "l.bib"
    path.write_text("@misc{k, title = {Hello \\{}, year = 2020}\n")
    before = path.read_bytes()
    for dry_run in (True, False):
        with pytest.raises(CitekitError) as e:
            library.add(path, [library.NewEntry("misc", {"title": "New"})], dry_run=dry_run)
        assert str(e.value) == (
            f"{path}:1:1: @misc 'k' is never closed; BibTeX would read what follows as part of "
            "it; fix it (citekit check shows details) and run the command again"
        )
    assert path.read_bytes() == before
