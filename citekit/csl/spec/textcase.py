"""``text-case`` as CSL 1.0.2 defines it, on every element that takes it.

citeproc-py title-cases word by word on whitespace only (so "Pd-N-heterocyclic" and
"2-groups" keep their lower-case parts), lower-cases ``nocase`` spans for ``lowercase``
and ``uppercase``, skips title case on labels and numbers (``ed.`` stays lower-case under
``text-case="title"``), and its ``sentence`` case lower-cases every word. Here:

- title: each lower-case word, and each lower-case part of a hyphenated word, gets a
  capital; stop words stay as written unless first, last, or after a colon; words with
  capitals (``iPhone``, ``NATO``) stay.
  Only for English items (the item's ``language``, else the style's default locale) when
  the variable is one citeproc-js reads per language (titles, publisher, place, genre …);
  other variables (``volume-title``, ``part-title``, terms) are title-cased whatever the
  item's language, as the reference processor does ("Die Geburt Der Tragödie").
- sentence / capitalize-first: the first word gets a capital if it is lower-case (an
  all-capitals string is lowered first for ``sentence``); capitalize-all: every word.
- ``<span class="nocase">`` text, markup tags and citekit's private-use markers are
  never touched.

Fixtures: textcase_TitleCapitalization, textcase_TitleWithEmDash, textcase_Uppercase,
textcase_SentenceCapitalization, textcase_NonEnglishChars, textcase_SkipNameParticlesInTitleCase.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.string import MixedString
from citeproc.string import NoCase
from citeproc.string import String

from citekit.csl.spec import element

# CSL 1.0.2's stop words, plus the prepositions and name particles that citeproc-js (the
# reference processor) also keeps lower-case.
STOP_WORDS = frozenset(
    "a an and as at but by down for from in into nor of on onto or over so the till to up "
    "via with yet "
    "about above across after against along amid among around before behind below beneath "
    "beside between beyond despite during except inside like near off out per since than "
    "through toward towards under until upon versus vs v within without "
    "de d' d’ von van".split()
)
_BREAKS_AFTER = ":?!."
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
# A word starting with an apostrophe ('t Hooft) or a digit (3rd) keeps its case.
_KEEP_START = frozenset("'’\ue01e\ue022")
# Markup from a field whose text no case change touches (CSL-JSON: sup, sub, small caps).
# A nodecor span is left as written too, as citeproc-js does.
_PROTECT = {"\ue014": "\ue015", "\ue016": "\ue017", "\ue018": "\ue019", "\ue024": "\ue025"}


class _Chars:
    """A string's characters, each with whether a case change may touch it."""

    def __init__(self, text: Any) -> None:
        self.segments = list(text) if isinstance(text, MixedString) else [text]
        self.chars: list[str] = []
        self.free: list[bool] = []
        closing: list[str] = []
        for seg in self.segments:
            nocase = isinstance(seg, NoCase)
            in_tag = False
            text = str(seg)
            entity_end = -1
            for n, c in enumerate(text):
                if c == "&":  # an HTML entity from a term (&amp;) is markup, not a word
                    m = _ENTITY.match(text, n)
                    entity_end = m.end() if m else -1
                in_entity = n < entity_end
                if c == "<":
                    in_tag = True
                elif c in _PROTECT:
                    closing.append(_PROTECT[c])
                elif closing and c == closing[-1]:
                    closing.pop()
                self.chars.append(c)
                self.free.append(
                    not (nocase or in_tag or in_entity or closing or "\ue000" <= c <= "\uf8ff")
                )
                if c == ">":
                    in_tag = False

    def rebuild(self) -> Any:
        out: list[Any] = []
        i = 0
        for seg in self.segments:
            n = len(str(seg))
            text = "".join(self.chars[i:i + n])
            out.append(NoCase(text) if isinstance(seg, NoCase) else String(text))
            i += n
        return MixedString(out) if len(out) != 1 else out[0]

    def map(self, i: int, how: str) -> None:
        if self.free[i]:
            self.chars[i] = self.chars[i].upper() if how == "upper" else self.chars[i].lower()

    def all(self, how: str) -> None:
        for i in range(len(self.chars)):
            self.map(i, how)

    def is_upper(self) -> bool:
        cased = [c for c, f in zip(self.chars, self.free, strict=True) if f and c.isalpha()]
        return bool(cased) and all(c.isupper() for c in cased)

    def words(self) -> list[list[int]]:
        """Indices of each whitespace-separated word's visible characters."""
        words: list[list[int]] = []
        current: list[int] = []
        in_tag = False
        for i, c in enumerate(self.chars):
            if c == "<" and not self.free[i]:
                in_tag = True
            if in_tag:
                if c == ">":
                    in_tag = False
                continue
            if c.isspace():
                if current:
                    words.append(current)
                current = []
            else:
                current.append(i)
        if current:
            words.append(current)
        return words


def _parts(chars: _Chars, word: list[int]) -> list[list[int]]:
    parts: list[list[int]] = [[]]
    for i in word:
        if chars.chars[i] in "-\u2010\u2011\u2013\u2014/" and parts[-1]:
            parts.append([])
        else:
            parts[-1].append(i)
    return [p for p in parts if p]


def _letters(chars: _Chars, part: list[int]) -> str:
    return "".join(chars.chars[i] for i in part if chars.chars[i].isalpha())


def _capitalize(chars: _Chars, part: list[int], *, latin: bool = False) -> None:
    for i in part:
        if chars.chars[i] in _KEEP_START or chars.chars[i].isdigit():
            return
        if chars.chars[i].isalpha():
            # citeproc-js leaves non-Latin letters (β-carotine) alone in title case.
            if not latin or chars.chars[i] < "\u0250":
                chars.map(i, "upper")
            return


def title(chars: _Chars) -> None:
    words = chars.words()
    with_letters = [n for n, w in enumerate(words) if _letters(chars, w)]
    first = with_letters[0] if with_letters else -1
    last = with_letters[-1] if with_letters else -1
    after_break = True
    for n, word in enumerate(words):
        for k, part in enumerate(_parts(chars, word)):
            letters = _letters(chars, part)
            if not letters:
                continue
            edge = n in (first, last) and (k == 0 or n == last)
            stop = letters.lower() in STOP_WORDS and not edge and not (after_break and k == 0)
            # A stop word stays as written: citeproc-js lowers no capital the field gives.
            if letters.islower() and not stop and (k == 0 or len(letters) > 1):
                # A lone letter after a hyphen is a label ("07-x"), not a word.
                _capitalize(chars, part, latin=True)
        text = "".join(chars.chars[i] for i in word).rstrip("\ue000\ue001\"'”’)")
        after_break = bool(text) and text[-1] in _BREAKS_AFTER


def _first_word(chars: _Chars) -> list[int]:
    for word in chars.words():
        if _letters(chars, word):
            return word
    return []


def _sentence(chars: _Chars) -> None:
    """Lower everything but all-capital words (acronyms), unless all of it is capitals."""
    if chars.is_upper():
        chars.all("lower")
        return
    for word in chars.words():
        letters = _letters(chars, word)
        if letters[1:].islower() or letters.islower():
            for i in word:
                chars.map(i, "lower")


def case(text: Any, how: str) -> Any:
    chars = _Chars(text)
    if how == "lowercase":
        chars.all("lower")
    elif how == "uppercase":
        chars.all("upper")
    elif how == "title":
        title(chars)
    elif how in ("sentence", "capitalize-first"):
        if how == "sentence":
            _sentence(chars)
        word = _first_word(chars)
        if _letters(chars, word).islower():
            _capitalize(chars, word)
    elif how == "capitalize-all":
        for word in chars.words():
            if _letters(chars, word).islower():
                _capitalize(chars, word)
    else:
        return text
    return chars.rebuild()


# The variables citeproc-js renders through its per-language transform: only these skip
# title case for a non-English item.
LANGUAGE_AWARE = frozenset(
    "event publisher publisher-place event-place title container-title collection-title "
    "authority genre title-short medium country jurisdiction archive archive-place".split()
)


class TextCase:
    def case(self, text: Any, language: str | None = None) -> Any:
        how = self.get("text-case")  # type: ignore[attr-defined]
        if how is None or not text:
            return text
        variable = self.get("variable")  # type: ignore[attr-defined]
        if how == "title" and (variable is None or variable in LANGUAGE_AWARE):
            if language is None:
                language = self.get_root().get("default-locale") or "en"  # type: ignore[attr-defined]
            if not language.lower().startswith("en"):
                return text
        return case(text, how)


@element("text")
class Text(TextCase, model.Text):
    pass


@element("label")
class Label(TextCase, model.Label):
    pass


@element("number")
class Number(TextCase, model.Number):
    pass


@element("date-part")
class DatePart(TextCase, model.Date_Part):
    pass


@element("name-part")
class NamePart(TextCase, model.Name_Part):
    pass
