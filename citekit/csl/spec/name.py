"""``<name>``: one list of names, rendered as CSL 1.0.2 specifies.

citeproc-py ignores ``initialize="false"`` (it prints ``Pollmann, M.`` for MLA and Chicago),
garbles hyphenated and dotted given names (``L.-. ann``), puts a delimiter before the last of
two names, has no ``after-inverted-name``, formats particles with the wrong name part, prints
Asian names with a space, initializes lone given names (``B.`` for Banksy), and drops
``comma-suffix``. This class renders the list itself from the name parts.

It also keeps citekit's extension ``citekit:and-when-two`` (the word between exactly two
names; see ``styles/belfer.csl``).

Fixtures: name_InitialsInitializeFalse, name_InitialsInitializeFalseEmpty,
name_InitialsInitializeFalsePeriod, name_InitialsInitializeFalsePeriodSpace,
name_InitialsInitializeTrue*, name_FirstInitialFullForm, name_LongAbbreviation,
name_LowercaseSurnameSuffix, name_OnlyGivenname, name_AsianGlyphs, name_ArticularWithComma,
name_FormattingOfParticles, name_DelimiterAfterInverted, name_AfterInvertedName,
name_HyphenatedNonDroppingParticle1, name_HyphenatedNonDroppingParticle2, name_ParseNames.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Sequence
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from citekit.csl.spec import CITEKIT_NS
from citekit.csl.spec import element
from citekit.csl.spec import markup

AND_WHEN_TWO = f"{{{CITEKIT_NS}}}and-when-two"
# Set on the entry's layout: the first name list it rendered (names, joined text).
FIRST_NAMES = "citekit_first_names"
# Set on the bibliography's layout while it renders: may replace the first name list.
SUBSTITUTE_NAMES = "citekit_substitute_names"
# Set on a style's root while a sort key renders: the key's name overrides (see sort.py).
SORTING = "citekit_sort_options"

# Inheritable name options (CSL 1.0.2 "Inheritable Name Options") and their defaults.
DEFAULTS: dict[str, str | None] = {
    "and": None,
    "delimiter-precedes-et-al": "contextual",
    "delimiter-precedes-last": "contextual",
    "et-al-min": None,
    "et-al-use-first": None,
    "et-al-subsequent-min": None,
    "et-al-subsequent-use-first": None,
    "et-al-use-last": "false",
    "initialize": "true",
    "initialize-with": None,
    "name-as-sort-order": None,
    "sort-separator": ", ",
    "form": "long",
    "delimiter": ", ",
    "initialize-with-hyphen": "true",
    "demote-non-dropping-particle": "display-and-sort",
}
# On cs:citation, cs:bibliography and cs:style these two carry a "name-" prefix.
_PREFIXED = {"form": "name-form", "delimiter": "name-delimiter"}
_STYLE_ONLY = {"initialize-with-hyphen", "demote-non-dropping-particle"}

_ROMANESQUE = re.compile(
    r"^[\s\d\-\u0027\u2019.,\"“”‘«»()\[\]/&:;!?*@#%+=_~`^|\\a-zA-Z\u00c0-\u024f"
    r"\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u1e00-\u1fff"
    r"\u2000-\u206f\ue000-\uf8ff]*$"  # punctuation; private use = markup.py's placeholders
)


def romanesque(*parts: str | None) -> bool:
    """False for names written in scripts without spaces between name parts (CJK)."""
    return all(_ROMANESQUE.match(p) for p in parts if p)


# Field text arrives encoded by markup.py: its apostrophes and end-of-field mark.
_APOSTROPHES = ("'", "\u2019", markup.SQ, markup.RSQ)
_DOUBLE_QUOTES = ('"', markup.DQ)


_FIELD_EDGES = str.maketrans(
    {c: None for c in (getattr(markup, "FIELD_START", ""), markup.FIELD_END) if c}
)


def _unmark(text: str) -> str:
    """A name part without markup.py's start/end-of-field marks (kept for quotes only)."""
    return text.translate(_FIELD_EDGES)


def _particle_like(word: str) -> bool:
    """A lower-case word, or one after an apostrophe ("van", "'t")."""
    return word.lstrip("".join(_APOSTROPHES))[:1].islower()


def _joins(particle: str) -> bool:
    """A particle like ``al-`` or ``d’`` is written against the next word."""
    return particle.removesuffix(markup.FIELD_END).endswith(("-", *_APOSTROPHES))


def join_words(*words: str | None) -> str:
    out = ""
    for w in words:
        if not w:
            continue
        glued = _joins(out) or out[-1:].isspace()  # "al-One"; a name-part suffix of NBSP
        out = w if not out else out + ("" if glued else " ") + w
    return out


def parts_of(name: Mapping[str, Any]) -> dict[str, str]:
    """The name's parts; particles are split off ``family``/``given`` when not given apart."""
    p = {k: _unmark(str(v)) for k, v in name.items() if isinstance(v, str | int) and v != ""}
    if "literal" in p or "family" not in p:
        return p
    parse = name.get("parse-names") is not False
    family = p["family"]
    if family[:1] in _DOUBLE_QUOTES and family[-1:] in _DOUBLE_QUOTES and len(family) > 2:
        # "\"van Happel\"": a quoted family name is taken as it is (bugreports_parseName)
        p["family"], parse = family[1:-1], False
    given = p.get("given", "")
    if parse and "suffix" not in p and re.search(r",!? ", given):
        # "John, III" or "John,! Jr." (the "!" asks for a comma before the suffix)
        given, _, suffix = given.partition(",")
        p["given"] = given
        if suffix.startswith("!"):
            p["comma-suffix"], suffix = "true", suffix[1:]
        p["suffix"] = suffix.strip()
    if not name.get("non-dropping-particle") and parse:
        words = p["family"].split(" ")
        lead = []
        while len(words) > 1 and words[0] and (_particle_like(words[0]) or _joins(words[0])):
            lead.append(words.pop(0))
        spaced = bool(lead)
        if not lead and len(words) == 1:
            m = re.match(rf"^([a-z]+[-{''.join(_APOSTROPHES)}])(\S.*)$", words[0])
            if m:
                lead, words = [m.group(1)], [m.group(2)]
        if lead:
            particle = join_words(*lead)
            if spaced and _joins(particle):
                particle += " "  # "de' Frinkle" keeps its space; "d'Wander" has none
            p["non-dropping-particle"] = particle
            p["family"] = " ".join(words)
    given = p.get("given", "")
    if given and not name.get("dropping-particle") and parse:
        words = given.split(" ")
        tail: list[str] = []
        while len(words) > 1 and words[-1][:1].islower():
            tail.insert(0, words.pop())
        if tail:
            p["dropping-particle"] = " ".join(tail)
            p["given"] = " ".join(words)
    if name.get("comma-suffix"):
        p["comma-suffix"] = "true"
    return p


_TOKEN = re.compile(r"([^\s.\-]+)(\.?)(-?)")


def initialize(given: str, mark: str, *, hyphen: bool = True, full: bool = True) -> str:
    """``given`` with initials followed by ``mark``.

    With ``full`` (``initialize="true"``) every word becomes an initial; without it, only
    what already is one (``M``, ``M.``, ``Ph.``) is normalized to use ``mark``.
    """
    out = ""
    prev_initial = False
    after_hyphen = False
    for word in given.split():
        for m in _TOKEN.finditer(word):
            text, period, dash = m.group(1), m.group(2), m.group(3)
            if after_hyphen and text[:1].islower() and full:
                after_hyphen = bool(dash)  # "Guo-ping" -> "G": lower-case tails go
                continue
            if period or len(text) == 1 or (full and text[:1].isupper()):
                piece = (text if period or not full else _initial(text)) + mark
                initial = True
            else:
                piece, initial = text, False
            if out:
                if after_hyphen and hyphen:
                    out = out.rstrip() + "-"
                elif not (prev_initial and (initial or mark.endswith(" "))):
                    out = out.rstrip() + " "
            out += piece
            prev_initial = initial
            after_hyphen = bool(dash)
    return out.strip()


def _initial(word: str) -> str:
    """``J`` for John; ``Ts`` for TSerendorjiin (a Mongolian digraph initial)."""
    if len(word) > 2 and word[0].isupper() and word[1].isupper() and word[2].islower():
        return word[0] + word[1].lower()
    return word[0]


class NameOptions:
    """The effective name options of one ``<name>`` at render time."""

    def __init__(self, name: Any, context: Any, sort_options: Mapping[str, Any] | None) -> None:
        self._name = name
        self._sort = sort_options or {}
        ctx = context if context is not None else name
        found = ctx.xpath_search(
            "./ancestor-or-self::*[self::cs:citation or self::cs:bibliography][1]"
        )
        self._section = found[0] if found else None
        self._root = name.get_root()

    def __getitem__(self, key: str) -> Any:
        if key in self._sort:
            return self._sort[key]
        if key not in _STYLE_ONLY:
            value = self._name.get(key)
            if value is not None:
                return value
            outer = _PREFIXED.get(key, key)
            if self._section is not None and self._section.get(outer) is not None:
                return self._section.get(outer)
        outer = _PREFIXED.get(key, key)
        value = self._root.get(outer)
        return value if value is not None else DEFAULTS[key]

    def int(self, key: str) -> int | None:
        value = self[key]
        try:
            return int(value) if value is not None else None
        except ValueError:
            return None


@element("name")
class Name(model.Name):
    def et_al(self) -> Any:
        found = self.xpath_search("./following-sibling::cs:et-al[1]")
        if found:
            return found[0].render()
        term = self.get_single_term(name="et-al")
        return term

    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        if sort_options is None:
            sort_options = getattr(self.get_root(), SORTING, None)
        names = item.reference.get(variable.replace("-", "_"), None) or []
        if not isinstance(names, list):
            return None
        opts = NameOptions(self, context, sort_options)
        self._sorting = sort_options
        overrides = _overrides(item, context if context is not None else self, sort_options)
        shown, et_al, last = self.truncate(names, opts, item, context, overrides)
        if opts["form"] == "count":
            return len(shown) + (1 if last is not None else 0)
        texts = [
            self.one(n, i, opts, overrides.get("given", {}).get(i)) for i, n in enumerate(shown)
        ]
        if last is not None:
            texts.append(self.one(last, len(names) - 1, opts, None))
        joined = self.join_names(texts, names, shown, et_al, last, opts, sort_options)
        if not sort_options:
            joined = _record(self, variable, texts, joined) or joined
        return String(joined)

    def truncate(
        self,
        names: Sequence[Any],
        opts: NameOptions,
        item: Any,
        context: Any,
        overrides: Mapping[str, Any],
    ) -> tuple[list[Any], bool, Any]:
        et_al_min = opts.int("et-al-min")
        use_first = opts.int("et-al-use-first")
        if _subsequent(item, context if context is not None else self):
            et_al_min = opts.int("et-al-subsequent-min") or et_al_min
            use_first = opts.int("et-al-subsequent-use-first") or use_first
        if "names" in overrides and use_first is not None:
            use_first = max(use_first, overrides["names"])
        if et_al_min is None or use_first is None or len(names) < et_al_min:
            return list(names), False, None
        if use_first >= len(names):
            return list(names), False, None
        shown = list(names[:use_first])
        if str(opts["et-al-use-last"]).lower() == "true" and use_first <= len(names) - 2:
            return shown, True, names[-1]
        return shown, True, None

    def join_names(
        self,
        texts: list[str],
        names: Sequence[Any],
        shown: Sequence[Any],
        et_al: bool,
        last: Any,
        opts: NameOptions,
        sort_options: Any,
    ) -> str:
        delimiter = str(opts["delimiter"])
        if not texts:
            return ""
        if last is not None:
            return delimiter.join(texts[:-1]) + delimiter + "\u2026 " + texts[-1]
        inverted = [self.inverted(i, opts) and _personal(n) for i, n in enumerate(shown)]
        if et_al:
            term = "" if sort_options else self.et_al()
            text = delimiter.join(texts)
            if not term:
                return text
            rule = opts["delimiter-precedes-et-al"]
            use = _precedes(rule, len(texts) >= 2, inverted[-1])
            first = re.sub(r"<[^>]*>", "", str(term))[:1]
            space = " " if romanesque(first) else ""  # "Zither等" in CJK styles
            return text + (delimiter if use else space) + str(term)
        and_ = opts["and"]
        if self.get(AND_WHEN_TWO) and len(texts) == 2:
            and_ = self.get(AND_WHEN_TWO)
        if len(texts) == 1 or and_ is None or sort_options:
            return delimiter.join(texts)
        if and_ == "symbol":
            word = str(self.preformat("&"))
        else:
            word = str(self.get_single_term(name="and"))
        rule = opts["delimiter-precedes-last"]
        use = _precedes(rule, len(texts) >= 3, inverted[-2])
        head = delimiter.join(texts[:-1])
        return head + (delimiter if use else " ") + word + " " + texts[-1]

    def inverted(self, index: int, opts: NameOptions) -> bool:
        order = opts["name-as-sort-order"]
        return opts["form"] != "short" and (order == "all" or (order == "first" and index == 0))

    def one(self, name: Any, index: int, opts: NameOptions, given_level: int | None) -> str:
        """One name, with its name-part formatting."""
        p = parts_of(name)
        fmt = {part.get("name"): part for part in self.findall("cs:name-part", self.nsmap)}
        esc = self.preformat
        if "literal" in p or "family" not in p:
            text = p.get("literal") or p.get("given") or ""
            return _affix(fmt.get("family"), _format(fmt.get("family"), esc(text)))
        family, given = p["family"], p.get("given", "")
        dp, ndp, suffix = (
            p.get("dropping-particle"),
            p.get("non-dropping-particle"),
            p.get("suffix"),
        )
        form = opts["form"]
        mark = opts["initialize-with"]
        # disambiguation: level 1 adds the given name as the style writes it, 2 in full
        if given_level:
            form = "long" if form == "short" else form
            mark = None if given_level >= 2 else mark
        if given and mark is not None:
            full = str(opts["initialize"]).lower() != "false"
            hyphen = str(opts["initialize-with-hyphen"]).lower() != "false"
            given = initialize(given, mark, hyphen=hyphen, full=full)

        def fam(text: str) -> str:
            return _format(fmt.get("family"), esc(text))

        def giv(text: str) -> str:
            return _format(fmt.get("given"), esc(text)) if text else ""

        roman = romanesque(family, given)
        if form == "short":
            return _affix(fmt.get("family"), join_words(fam(ndp or ""), fam(family)))
        if not roman:
            return _affix(fmt.get("family"), fam(family)) + _affix(fmt.get("given"), giv(given))
        if self.inverted(index, opts):
            sep = opts["sort-separator"]
            demote = str(opts["demote-non-dropping-particle"]) == "display-and-sort" or (
                bool(self._sorting) and opts["demote-non-dropping-particle"] == "sort-only"
            )
            if demote:
                head = fam(family)
                tail = (
                    join_words(giv(given), giv(dp or ""), fam(ndp or ""))
                    if (dp or ndp)
                    else giv(given)
                )
            else:
                head = join_words(fam(ndp or ""), fam(family))
                tail = join_words(giv(given), giv(dp or ""))
            out = _affix(fmt.get("family"), head)
            if tail:
                out += sep + _affix(fmt.get("given"), tail)
            if suffix:
                out += sep + esc(suffix)
            return out
        fam_block = join_words(esc(dp or ""), fam(ndp or ""), fam(family))
        if suffix:
            comma = p.get("comma-suffix") == "true"
            fam_block += ("," if comma else "") + " " + esc(suffix)
        return join_words(
            _affix(fmt.get("given"), giv(given)), _affix(fmt.get("family"), fam_block)
        )


def _record(name: Any, variable: str, texts: list[str], joined: str) -> str | None:
    """Note the entry's first name list; subsequent-author-substitute may replace it."""
    layout = getattr(name.get_root(), "citekit_layout", None)
    if layout is None or getattr(layout, FIRST_NAMES, None) is not None:
        return None
    setattr(layout, FIRST_NAMES, (variable, tuple(texts), joined))
    hook = getattr(layout, SUBSTITUTE_NAMES, None)
    return hook(variable, tuple(texts), joined) if callable(hook) else None


def _personal(name: Any) -> bool:
    """A name that inverts: not a literal (institutional) name, not CJK."""
    p = parts_of(name)
    return "literal" not in p and "family" in p and romanesque(p["family"], p.get("given"))


def _format(part: Any, text: str) -> str:
    if part is None or not text:
        return text
    return str(part.format(part.case(String(text))))


def _affix(part: Any, text: str) -> str:
    if part is None or not text:
        return text
    return str(part.get("prefix", "")) + text + str(part.get("suffix", ""))


def _precedes(rule: str, contextual: bool, after_inverted: bool) -> bool:
    if rule == "always":
        return True
    if rule == "never":
        return False
    if rule == "after-inverted-name":
        return after_inverted
    return contextual


def _subsequent(item: Any, context: Any) -> bool:
    """Whether ``item`` was cited before (et-al-subsequent-* apply)."""
    if context.xpath_search("./ancestor-or-self::cs:bibliography"):
        return False
    citation = context.xpath_search("./ancestor-or-self::cs:citation")
    if not citation:
        return False
    cites = getattr(citation[0], "cites", None) or []
    return any(c.key == item.key for c in cites)


def _bib_shows_names(context: Any) -> bool:
    """Whether the bibliography shows the names disambiguation added to the citations.

    citeproc-js 2.4.63 carries them over when the citation also adds given names
    (``disambiguate-add-givenname``): MLA prints "Bellare, Mihir, Zvika Brakerski, et al."
    beside "Bellare, Mihir, Viet Hoang, et al.", both cited "Bellare et al.". With
    ``disambiguate-add-names`` alone the bibliography keeps its own et-al.
    """
    citation = context.get_root().find("cs:citation", context.nsmap)
    return citation is not None and citation.get("disambiguate-add-givenname") == "true"


def _overrides(item: Any, context: Any, sort_options: Any) -> Mapping[str, Any]:
    """Per-item name expansion chosen by disambiguation (see ``disambiguate.py``)."""
    if sort_options:
        return {}  # sort keys use the names as the key's own options give them
    if not context.xpath_search("./ancestor-or-self::cs:citation"):
        if not _bib_shows_names(context):
            return {}
        # only the entry's first name list is the one its citation disambiguated (MLA
        # "edited by Luca Oneto et al.", not the editors the author list got)
        layout = getattr(context.get_root(), "citekit_layout", None)
        if layout is not None and getattr(layout, FIRST_NAMES, None) is not None:
            return {}
    try:
        bibliography = item.bibliography
    except (VariableError, AttributeError, KeyError):
        return {}
    state = getattr(bibliography, "citekit_names", {}).get(item.key)
    return state if isinstance(state, Mapping) else {}
