"""Citation keys: ``make_key(fields, existing, pattern)``.

The default pattern ``{auth}{year}{title}`` gives ``pollmann2023japan``: the first
author's family name, the year, the first significant word of the title, in lower-case
ASCII. Non-ASCII letters are transliterated by dropping their accents (``Müller`` ->
``muller``, ``Łódź`` -> ``lodz``, ``Straße`` -> ``strasse``), the way Better BibTeX does
by default. On a collision the key gets ``a``, ``b``, … ``z``, ``aa``…; keys are compared
case-insensitively, as BibTeX does.

Pattern fields: ``{auth}`` first author's family name, ``{authors}`` up to three family
names (``etal`` after), ``{year}``, ``{title}`` first significant title word,
``{shorttitle}`` first three, ``{journal}`` first significant word of the container,
``{type}`` the entry type. Anything else in the pattern is kept as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from collections.abc import Mapping

from citekit import latex
from citekit import names
from citekit.errors import CitekitError

# Letters NFKD does not decompose into a base letter.
_TRANSLIT = {
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
    "ı": "i", "ŋ": "ng", "Ŋ": "NG", "ħ": "h", "Ħ": "H",
}  # fmt: skip

STOP_WORDS = frozenset(
    """a an the and or but nor for so yet of in on at to by from with as into onto upon
    about over under after before between among against during without within via per vs
    is are was were be been it its this that these those how what why when where which who
    whom whose do does did not no than then there their our your his her my we you they i
    le la les l un une des du de der die das dem den ein eine el los las lo y e et und""".split()
)

_FIELD = re.compile(r"\{(\w+)\}")
_KEY_CHARS = re.compile(r"[^a-z0-9_:.+/-]")


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and digits only, accents dropped (see module doc)."""
    text = "".join(_TRANSLIT.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _significant_words(text: str) -> list[str]:
    words = re.findall(r"[^\W_]+(?:'[^\W_]+)?", text)
    folded = [ascii_fold(w) for w in words]
    return [w for w, raw in zip(folded, words, strict=True) if w and raw.lower() not in STOP_WORDS]


def _year(fields: Mapping[str, str]) -> str:
    for name in ("year", "date", "issued"):
        m = re.search(r"\d{4}", fields.get(name, ""))
        if m:
            return m.group(0)
    return ""


def parts(fields: Mapping[str, str]) -> dict[str, str]:
    """The pattern fields for an entry whose ``fields`` are plain Unicode text."""
    people = fields.get("author") or fields.get("editor") or ""
    parsed, _ = names.parse(people)
    families = [ascii_fold(n.family or n.literal.split()[0] if n.literal else n.family)
                for n in parsed]
    families = [f for f in families if f]
    authors = "".join(families[:3]) + ("etal" if len(families) > 3 else "")
    title_words = _significant_words(fields.get("title", ""))
    container = fields.get("journaltitle") or fields.get("journal") or fields.get("booktitle", "")
    container_words = _significant_words(container)
    return {
        "auth": families[0] if families else "",
        "authors": authors,
        "year": _year(fields),
        "title": title_words[0] if title_words else "",
        "shorttitle": "".join(title_words[:3]),
        "journal": container_words[0] if container_words else "",
        "type": ascii_fold(fields.get("ENTRYTYPE", "")),
    }


def validate_pattern(pattern: str) -> None:
    known = set(parts({}))
    for m in _FIELD.finditer(pattern):
        if m.group(1) not in known:
            raise CitekitError(
                f"key pattern {pattern!r}: unknown field {{{m.group(1)}}}; "
                f"use {', '.join('{' + k + '}' for k in sorted(known))}"
            )
    if re.search(r"[{}]", _FIELD.sub("", pattern)):
        # a typo like "{auth" would otherwise become the literal key "auth" every time
        raise CitekitError(
            f"key pattern {pattern!r}: a brace without its pair; fields are written like {{auth}}"
        )


def base_key(fields: Mapping[str, str], pattern: str = "{auth}{year}{title}") -> str:
    validate_pattern(pattern)
    values = parts(fields)
    key = _FIELD.sub(lambda m: values[m.group(1)], pattern)
    key = _KEY_CHARS.sub("", key.lower())
    if not key or not re.search(r"[a-z]", key):
        # nothing to build a key from: fall back to the title or a neutral stem
        key = (values["title"] or "ref") + values["year"]
    return key


def suffix(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, ..."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def unique(key: str, existing: Collection[str]) -> str:
    """``key``, or ``key`` plus the first free suffix; compared case-insensitively."""
    taken = {k.casefold() for k in existing}
    if key.casefold() not in taken:
        return key
    n = 0
    while f"{key}{suffix(n)}".casefold() in taken:
        n += 1
    return f"{key}{suffix(n)}"


def make_key(
    fields: Mapping[str, str],
    existing: Collection[str] = (),
    pattern: str = "{auth}{year}{title}",
) -> str:
    """A new key for an entry with plain-text ``fields`` (use ``plain_fields``)."""
    return unique(base_key(fields, pattern), existing)


def plain_fields(
    fields: Mapping[str, str], strings: Mapping[str, str] | None = None
) -> dict[str, str]:
    """BibTeX source values as plain text, for ``make_key``. Names keep their braces
    (an organisation stays one name)."""
    out: dict[str, str] = {}
    for name, raw in fields.items():
        if name in ("author", "editor"):
            out[name] = latex.value(raw, strings)
        else:
            out[name] = latex.plain(raw, strings)
    return out


_VALID = re.compile(r"^[^\s\"#%'(),={}\\]+$")


def check_key(key: str) -> None:
    if not _VALID.match(key):
        raise CitekitError(
            f"{key!r} is not a usable citation key; use letters, digits and - _ : . / +"
        )
