"""BibTeX name lists: ``Family, Given and von Last, Jr, First and {Corporate Name}``.

Splitting follows BibTeX's rules: ``and`` at brace depth 0 separates names; a name has
0, 1 or 2 commas (``First von Last``, ``von Last, First``, ``von Last, Jr, First``); the
``von`` part is the run of words that start lower-case; a name wholly in braces is a
literal (an organisation) and is never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citekit import latex
from citekit.latex import to_unicode


@dataclass(frozen=True)
class Name:
    family: str = ""
    given: str = ""
    particle: str = ""  # "van der", "von", "de"
    suffix: str = ""  # "Jr.", "III"
    literal: str = ""  # an organisation, kept whole

    def csl(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.literal}
        out: dict[str, str] = {"family": self.family}
        if self.given:
            out["given"] = self.given
        if self.particle:
            # biblatex's default (useprefix=false): "von" is left out when sorting and
            # in inverted names, which is CSL's dropping particle
            out["dropping-particle"] = self.particle
        if self.suffix:
            out["suffix"] = self.suffix
        return out

    @property
    def sort_family(self) -> str:
        return self.literal or self.family


OTHERS = "others"


def _split_top(text: str, sep: re.Pattern[str]) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = sep.match(text, i)
            if m and m.end() > i:
                parts.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    parts.append(text[start:])
    return parts


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_COMMA = re.compile(r",")
_SPACE = re.compile(r"[\s~]+")


def split(text: str) -> list[str]:
    """The raw names of an ``and`` list (``others`` kept as is)."""
    text = " ".join(text.split())
    if not text:
        return []
    return [p.strip() for p in _split_top(f" {text} ", _AND) if p.strip()]


def _is_von(word: str) -> bool:
    """A word starts lower-case at brace depth 0 (or its first special char is lower)."""
    depth = 0
    i = 0
    while i < len(word):
        ch = word[i]
        if ch == "{":
            depth += 1
            if word.startswith("{\\", i) and depth == 1:
                # {\"u}ber: a special character decides by its letter
                letter = to_unicode(word[i:]).strip()
                return bool(letter) and letter[0].islower()
        elif ch == "}":
            depth -= 1
        elif ch.isalpha() and depth == 0:
            return ch.islower()
        elif ch == "\\" and depth == 0:
            letter = to_unicode(word[i:]).strip()
            return bool(letter) and letter[0].islower()
        i += 1
    return False


def _words(text: str) -> list[str]:
    return [w for w in _split_top(text.strip(), _SPACE) if w]


def _u(words: list[str]) -> str:
    return to_unicode(" ".join(words)).strip()


def parse_one(raw: str) -> Name:
    raw = raw.strip().rstrip(",").strip()
    if raw.startswith("{") and raw.endswith("}") and latex.one_group(raw):
        return Name(literal=to_unicode(raw[1:-1]).strip())
    parts = [p.strip() for p in _split_top(raw, _COMMA)]
    if len(parts) == 1:
        words = _words(parts[0])
        if not words:
            return Name()
        if len(words) == 1:
            return Name(family=_u(words))
        # First von Last: von starts at the first lower-case word that is not last
        von_start = next((i for i, w in enumerate(words[:-1]) if _is_von(w)), None)
        if von_start is None:
            return Name(family=_u(words[-1:]), given=_u(words[:-1]))
        von_end = von_start
        for i in range(len(words) - 2, von_start - 1, -1):
            if _is_von(words[i]):
                von_end = i
                break
        return Name(
            family=_u(words[von_end + 1 :]),
            given=_u(words[:von_start]),
            particle=_u(words[von_start : von_end + 1]),
        )
    family_words = _words(parts[0])
    suffix = _u(_words(parts[1])) if len(parts) >= 3 else ""
    given = _u(_words(parts[-1])) if len(parts) >= 2 else ""
    if len(parts) > 3:
        given = _u(_words(", ".join(parts[2:])))
    von_end = -1
    for i, w in enumerate(family_words[:-1]):
        if _is_von(w):
            von_end = i
    return Name(
        family=_u(family_words[von_end + 1 :]),
        given=given,
        particle=_u(family_words[: von_end + 1]),
        suffix=suffix,
    )


def parse(text: str) -> tuple[list[Name], bool]:
    """The names of a list and whether it ends with ``and others``."""
    names: list[Name] = []
    others = False
    for raw in split(text):
        if raw.lower() == OTHERS:
            others = True
            continue
        name = parse_one(raw)
        if name.family or name.literal or name.given:
            names.append(name)
    return names, others


def format_name(family: str, given: str = "") -> str:
    """A name as BibTeX source, ``Family, Given``; organisations stay braced."""
    family = family.strip()
    given = given.strip()
    if not given:
        return "{" + family + "}" if " " in family and "{" not in family else family
    return f"{family}, {given}"
