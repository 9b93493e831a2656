"""``text-case`` as CSL 1.0.2 defines it, on every element that takes it.

citeproc-py title-cases word by word on whitespace only (so "Pd-N-heterocyclic" and
"2-groups" keep their lower-case parts), lower-cases ``nocase`` spans for ``lowercase``
and ``uppercase``, skips title case on labels and numbers (``ed.`` stays lower-case under
``text-case="title"``), and its ``sentence`` case lower-cases every word. Here:

- title: as citeproc-js 2.4.63 does it (see ``_Title``): the text is cut at quotes,
  hyphens, slashes, periods, commas, brackets and markup, and each lower-case word of two
  or more letters that is not a skip word gets a capital, as do the first word, a word
  after ``:``/``?``/``!`` and a skip word at the end ("Dept. of", "(Hyper)Elliptic",
  "k-SUM", "Www.Example.Com"); words with capitals (``iPhone``, ``NATO``) stay.
  Only for English items (the item's ``language``, else the style's default locale) when
  the variable is one citeproc-js reads per language (titles, publisher, place, genre …);
  other variables (``volume-title``, ``part-title``, terms) are title-cased whatever the
  item's language, as the reference processor does ("Die Geburt Der Tragödie").
- sentence / capitalize-first: the first word gets a capital if it is lower-case (an
  all-capitals string is lowered first for ``sentence``); capitalize-all: every word.
- ``<span class="nocase">`` text, markup tags and citekit's private-use markers are
  never touched.

Fixtures: textcase_TitleCapitalization, textcase_TitleWithEmDash, textcase_Uppercase,
textcase_SentenceCapitalization, textcase_NonEnglishChars, textcase_SkipNameParticlesInTitleCase,
textcase_StopWordBeforeHyphen.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.string import MixedString
from citeproc.string import NoCase
from citeproc.string import String

from citekit.csl.spec import element

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


def _letters(chars: _Chars, part: list[int]) -> str:
    return "".join(chars.chars[i] for i in part if chars.chars[i].isalpha())


def _capitalize(chars: _Chars, part: list[int]) -> None:
    for i in part:
        if chars.chars[i] in _KEEP_START or chars.chars[i].isdigit():
            return
        if chars.chars[i].isalpha():
            chars.map(i, "upper")
            return


# Title case splits the text, as citeproc-js does, at quotes, at these punctuation marks and
# at markup; each piece is split into words at white space.
_TITLE_BREAKS = frozenset("-\u2013\u2014/.,;?!:[]()")
# An opening quote: (the opener that may nest inside it, the closer that ends it). A
# straight quote opens after white space and closes elsewhere.
_OPENERS = {
    ' "': (" '", '"'), " '": (' "', "'"), "\u2018": ("\u2018", "\u2019"),
    "\u201c": ("\u201c", "\u201d"),
}
_CLOSERS = frozenset({'"', "'", "\u2019", "\u201d"})
_QUOTE_CHARS = frozenset({'"', "'", "\u2018", "\u2019", "\u201c", "\u201d"})
_SAME_QUOTE = {
    "\ue01d": '"', "\ue01e": "'", "\ue020": "\u201d", "\ue022": "\u2019",
    "\ue01f": "\u201c", "\ue021": "\u2018",
}
_WORD_SPACE = re.compile("[\u0020\u00a0\u2000-\u200b\u205f\u3000]")
# citeproc-js's skip words (one-word entries; "." in "vs." and "v." matches any letter).
_SKIP = re.compile(
    "(?:about|above|across|afore|after|against|al|along|alongside|amid|amidst|among|"
    "amongst|anenst|apropos|apud|around|as|aside|astride|at|athwart|atop|barring|before|"
    "behind|below|beneath|beside|besides|between|beyond|but|by|circa|despite|down|during|"
    "et|except|for|forenenst|from|given|in|inside|into|lest|like|modulo|near|next|"
    "notwithstanding|of|off|on|onto|out|over|per|plus|pro|qua|sans|since|than|through|"
    "throughout|thruout|till|to|toward|towards|under|underneath|until|unto|up|upon|"
    "versus|vs.|v.|vs|v|via|vis-à-vis|with|within|without|or|yet|so|and|nor|a|an|the|de|"
    "d'|von|van|c|ca)"
)


class _Title:
    """CSL title case as citeproc-js 2.4.63 applies it.

    The text is cut at quotes, the punctuation in ``_TITLE_BREAKS`` and markup into
    pieces, and each piece into words. A lower-case word gets a capital when it is longer
    than one letter and not a skip word, or when it is the first word, or the first after
    ``:``, ``?`` or ``!``; the last word gets one even if it is a skip word. Protected text
    (nocase, sup, sub, small caps) counts as words but is never changed. A quote that
    closes nothing, or opens and is never closed, gives the piece after it back its own
    first letter (``’t Hooft``).
    """

    def __init__(self, chars: _Chars) -> None:
        self.chars = chars
        self.first = True
        self.after_punct = False
        self.last: list[int] | None = None
        self.quotes: list[tuple[str, str, int | None]] = []  # (closer, nested opener, piece)

    def run(self) -> None:
        marks, pieces = self._cut()
        originals = [self.chars.chars[p[0]] if p else "" for p in pieces]
        if "".join(self.chars.chars[i] for i in pieces[0]).strip():
            # citeproc-js looks at the mark after a piece for the first piece only: a skip
            # word before a hyphen there gets a capital ("Pro-Environmental").
            self._piece(pieces[0], before_hyphen=bool(marks) and marks[0] == "-")
        for n, mark in enumerate(marks):
            piece = pieces[n + 1]
            if mark[-1:] in ("!", "?", ":"):
                self.after_punct = True
            self._piece(piece)
            restore = self._quote(mark, n + 1)
            if restore is not None and pieces[restore]:
                self.chars.chars[pieces[restore][0]] = originals[restore]
                self.last = None
        for _, _, at in self.quotes:
            if at is not None and pieces[at]:
                self.chars.chars[pieces[at][0]] = originals[at]
        if self.last:
            word = "".join(self.chars.chars[i] for i in self.last)
            if len(word) > 1 and _SKIP.fullmatch(word.lower()):
                self.chars.map(self.last[0], "upper")

    def _cut(self) -> tuple[list[str], list[list[int]]]:
        """The marks that cut the text and the pieces between them (one more piece)."""
        chars, free = self.chars.chars, self.chars.free
        marks: list[str] = []
        pieces: list[list[int]] = [[]]
        protected: bool | None = None
        i = 0
        while i < len(chars):
            c = chars[i]
            if c == "<" and not free[i]:  # markup in a term or affix: a cut of its own
                j = i
                while j < len(chars) and chars[j] != ">":
                    j += 1
                marks.append("<>")
                pieces.append([])
                protected = None
                i = j + 1
                continue
            quote = _SAME_QUOTE.get(c, c)
            if c in _TITLE_BREAKS or quote in _QUOTE_CHARS:
                if quote in "\"'" and i and chars[i - 1].isspace():
                    quote = " " + quote
                marks.append(quote)
                pieces.append([])
                protected = None
            elif "\ue000" <= c <= "\uf8ff":  # markup: a cut that is neither quote nor stop
                marks.append("")
                pieces.append([])
                protected = None
            else:
                if not _WORD_SPACE.match(c):
                    if protected is not None and protected != (not free[i]):
                        marks.append("")
                        pieces.append([])
                    protected = not free[i]
                pieces[-1].append(i)
            i += 1
        return marks, pieces

    def _piece(self, piece: list[int], *, before_hyphen: bool = False) -> None:
        chars, free = self.chars.chars, self.chars.free
        printed = any(not _WORD_SPACE.match(chars[i]) for i in piece)
        if not printed:
            return
        if any(not free[i] for i in piece if not _WORD_SPACE.match(chars[i])):
            self.last = None  # protected text: a word, but never changed
        else:
            words: list[list[int]] = [[]]
            for i in piece:
                if _WORD_SPACE.match(chars[i]):
                    words.append([])
                else:
                    words[-1].append(i)
            words = [w for w in words if w]
            for n, word in enumerate(words):
                self._word(word, force=before_hyphen and n == len(words) - 1)
        self.first = False
        self.after_punct = False

    def _word(self, word: list[int], *, force: bool = False) -> None:
        text = "".join(self.chars.chars[i] for i in word)
        lower = text.lower()
        long_word = len(text) > 1 and not _SKIP.fullmatch(lower)
        if long_word or force or self.first or self.after_punct:
            lone_greek = len(text) == 1 and "\u0370" <= text <= "\u03ff"
            if text == lower and not lone_greek:
                self.chars.map(word[0], "upper")
        self.first = False
        self.after_punct = False
        self.last = word

    def _quote(self, mark: str, piece: int) -> int | None:
        """Follow the quotes; the piece whose first letter goes back, if any."""
        if mark in _OPENERS:
            nested, closer = _OPENERS[mark]
            if not self.quotes or mark == self.quotes[-1][1]:
                self.quotes.append((closer, nested, piece))
                return None
            previous = self.quotes.pop()[2]  # a stray opener ends the one before it
            self.quotes.append((closer, nested, None))
            return previous
        if mark in _CLOSERS:
            if self.quotes and mark == self.quotes[-1][0]:
                self.quotes.pop()
                return None
            return piece
        return None


def title(chars: _Chars) -> None:
    _Title(chars).run()


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
