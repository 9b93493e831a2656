from __future__ import annotations

from pathlib import Path

import pytest

from citekit import bibfile
from citekit import dedupe

LIB = """@article{pollmann2023japan,
  author = {Pollmann, Mina},
  title = {Japan, China Hold Foreign Minister Call Days after {NATO} Chief's Visit},
  journal = {The Diplomat},
  date = {2023-02-07},
}

@book{allison2017,
  author = {Allison, Graham},
  title = {Destined for War},
  isbn = {0-544-93527-6},
  year = 2017,
}

@article{intro,
  title = {Introduction},
  journal = {Journal A},
  doi = {10.1000/A},
}
"""


def _bib() -> bibfile.BibFile:
    return bibfile.parse(Path("lib.bib"), LIB)


@pytest.mark.parametrize(("fields", "expected"), (
    pytest.param({"title": "Japan, China hold foreign minister call days after NATO chief's "
                  "visit", "author": "Pollmann, M.", "date": "2023"},
                 ("pollmann2023japan", "title 100% alike, same year, first author"),
                 id="sentence case, initials"),
    pytest.param({"title": "Japan, China Hold Foreign Minister Call Days After NATO Chiefs Visit",
                  "journal": "The Diplomat"},
                 ("pollmann2023japan", "title 99% alike, same container"), id="container"),
    pytest.param({"title": "Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit",
                  "date": "2022"}, None, id="another year"),
    pytest.param({"title": "Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit",
                  "author": "Smith, Jane"}, None, id="another author"),
    pytest.param({"title": "Japan, China Hold Foreign Minister Call Days after NATO Chief's Visit"},
                 None, id="title alone is not enough"),
    pytest.param({"title": "Introduction", "doi": "10.1000/B", "journal": "Journal A"}, None,
                 id="another DOI"),
    pytest.param({"title": "Another", "isbn": "978-0-544-93527-3"},
                 ("allison2017", "same ISBN 9780544935273"), id="ISBN-13 of an ISBN-10"),
    pytest.param({"title": "Another", "doi": "https://doi.example/10.1000/a"},
                 ("intro", "same DOI 10.1000/a"), id="DOI"),
    pytest.param({"title": ""}, None, id="nothing to go on"),
))  # fmt: skip
def test_find(fields, expected):
    match = dedupe.find(_bib(), fields)
    assert (match and (match.key, match.reason)) == expected


@pytest.mark.parametrize(("value", "expected"), (
    ("0-544-93527-6", "9780544935273"),
    ("ISBN 978-0-544-93527-3", "9780544935273"),
    ("0-544-93527-5", ""),
    ("979-10-90636-07-1", "9791090636071"),
    ("977-0-544-93527-3", ""),
    ("", ""),
))  # fmt: skip
def test_normalize_isbn(value, expected):
    assert dedupe.normalize_isbn(value) == expected
