"""Field values: BibTeX source <-> Unicode text.

``value(raw, strings)`` resolves a field as BibTeX does (``@string`` macros, month
macros, ``#`` concatenation) and strips its delimiters; ``to_unicode`` turns the LaTeX
inside into Unicode, optionally with CSL-JSON rich-text markup: ``<i>``, ``<b>``,
``<sup>``, ``<sub>``, small caps, and ``<span class="nocase">`` for brace-protected words
(``{NATO}``), which CSL styles must not re-case. A protected capital that starts a word
(``{B}leichenbacher``, ``{D}iffie-{H}ellman``) protects the whole word: its lower-case rest
reads the same under any case change BibTeX makes, and a CSL processor then cannot mangle
it (citeproc-js title-cases ``<span class="nocase">B</span>leichenbacher`` to
"BLeichenbacher"). ``to_latex`` goes the other way for values citekit writes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# BibTeX's predefined macros (plain.bst): the months
MONTH_MACROS = dict(zip(MONTHS, MONTH_NAMES, strict=True))

# --------------------------------------------------------------------------- resolving


def one_group(value: str) -> bool:
    """``{…}`` is one balanced brace group from its first to its last character."""
    depth = 0
    for i, ch in enumerate(value):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and i != len(value) - 1:
                return False
    return depth == 0 and value.startswith("{")


_CONCAT_MARKS = re.compile(r'[{}"#]')


def split_concatenation(raw: str) -> list[str]:
    """The parts of ``a # "b" # {c}`` at the top level."""
    if "#" not in raw:
        return [raw.strip()]
    if '"' not in raw:
        # no quotes: a '#' splits where the braces before it balance, which the counts in
        # each stretch between '#'s tell (cheaper than visiting every brace)
        pieces = raw.split("#")
        out: list[str] = []
        depth = first = 0
        for k, piece in enumerate(pieces[:-1]):
            depth += piece.count("{") - piece.count("}")
            if depth == 0:
                out.append("#".join(pieces[first : k + 1]).strip())
                first = k + 1
        out.append("#".join(pieces[first:]).strip())
        return out
    parts: list[str] = []
    depth = 0
    quoted = False
    start = 0
    # only the characters that matter, not every character of a long abstract
    for m in _CONCAT_MARKS.finditer(raw):
        ch = m.group()
        i = m.start()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0 and (i == 0 or raw[i - 1] != "\\"):
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            parts.append(raw[start:i].strip())
            start = i + 1
    parts.append(raw[start:].strip())
    return parts


def value(raw: str, strings: Mapping[str, str] | None = None, *, _depth: int = 0) -> str:
    """A field's content as LaTeX text, as BibTeX would assemble it."""
    strings = strings or {}
    out: list[str] = []
    for part in split_concatenation(raw.strip()):
        if not part:
            continue
        if part.startswith("{") and part.endswith("}"):
            out.append(part[1:-1])
        elif part.startswith('"') and part.endswith('"') and len(part) >= 2:
            out.append(part[1:-1])
        elif part.isdigit():
            out.append(part)
        else:
            macro = part.lower()
            if macro in strings and _depth < 20:
                body = strings[macro].strip()
                if "#" not in body and body[:1] == "{" and body[-1:] == "}":
                    out.append(body[1:-1])  # what value() makes of one {..}, without a call
                else:
                    out.append(value(body, strings, _depth=_depth + 1))
            elif macro in MONTH_MACROS:
                out.append(MONTH_MACROS[macro])
            else:
                out.append(part)  # an undefined macro: BibTeX warns and uses nothing
    return "".join(out)


def month_number(text: str) -> int | None:
    """1-12 from ``feb``, ``February``, ``2``, ``02``; None when it is not a month."""
    t = text.strip().strip("{}").strip().rstrip(".").lower()
    if t.isdigit():
        n = int(t)
        return n if 1 <= n <= 12 else None
    for i, name in enumerate(_MONTH_NAMES_LOWER):
        if t and (t == name or (len(t) >= 3 and name.startswith(t))):
            return i + 1
    return None


_MONTH_NAMES_LOWER = tuple(name.lower() for name in MONTH_NAMES)


# --------------------------------------------------------------------------- LaTeX -> Unicode

_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
    "c": "\u0327", "d": "\u0323", "b": "\u0331", "k": "\u0328", "r": "\u030a",
    "t": "\u0361",
}  # fmt: skip

_SYMBOLS = {
    "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "dj": "đ", "DJ": "Đ", "ng": "ŋ", "NG": "Ŋ",
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}",
    " ": " ", ",": "\u2009", ";": "\u2004", "/": "", "-": "", "\\": " ", "@": "",
    "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
    "textquoteright": "’", "textquoteleft": "‘", "textquotedblleft": "“",
    "textquotedblright": "”", "quotedblbase": "„", "guillemotleft": "«",
    "guillemotright": "»", "flqq": "«", "frqq": "»", "S": "§", "P": "¶",
    "copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™",
    "euro": "€", "texteuro": "€", "pounds": "£", "textsterling": "£", "yen": "¥",
    "textdegree": "°", "degree": "°", "textbackslash": "\\", "textasciitilde": "~",
    "textbraceleft": "{", "textbraceright": "}",
    "textasciicircum": "^", "textbar": "|", "textless": "<", "textgreater": ">",
    "textbullet": "•", "dag": "†", "ddag": "‡", "textdagger": "†", "textdaggerdbl": "‡",
    "textperiodcentered": "·", "textexclamdown": "¡", "textquestiondown": "¿",
    "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e", "XeTeX": "XeTeX",
    "today": "", "relax": "", "protect": "", "noopsort": "", "nobreakspace": "\u00a0",
    "textnbsp": "\u00a0", "quad": "\u2003", "qquad": "\u2003\u2003", "thinspace": "\u2009",
    "enspace": "\u2002", "hyphen": "-", "textunderscore": "_", "textsection": "§",
    "textparagraph": "¶", "textmu": "µ", "textonehalf": "½", "textonequarter": "¼",
    "textthreequarters": "¾", "texttimes": "×", "textdiv": "÷", "textpm": "±",
    "textminus": "−", "checkmark": "✓", "textasteriskcentered": "*", "ast": "*",
}  # fmt: skip

_MATH = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ",
    "varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ",
    "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
    "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
    "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "times": "×", "cdot": "·", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥",
    "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃",
    "equiv": "≡", "infty": "∞", "rightarrow": "→", "to": "→", "leftarrow": "←",
    "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔", "Leftrightarrow": "⇔",
    "mapsto": "↦", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "supset": "⊃",
    "supseteq": "⊇", "cup": "∪", "cap": "∩", "emptyset": "∅", "forall": "∀",
    "exists": "∃", "neg": "¬", "lnot": "¬", "wedge": "∧", "land": "∧", "vee": "∨",
    "lor": "∨", "oplus": "⊕", "otimes": "⊗", "partial": "∂", "nabla": "∇", "sum": "∑",
    "prod": "∏", "int": "∫", "sqrt": "√", "ell": "ℓ", "hbar": "ℏ", "circ": "∘",
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈",
    "rceil": "⌉", "ldots": "…", "cdots": "⋯", "vdash": "⊢", "models": "⊨", "bot": "⊥",
    "top": "⊤", "star": "⋆", "ast": "∗", "prime": "′", "mid": "∣", "log": "log",
    "exp": "exp", "sin": "sin", "cos": "cos", "max": "max", "min": "min", "lim": "lim",
    "mathcal": "", "mathbb": "", "mathrm": "", "mathit": "", "mathbf": "", "mathsf": "",
    "mathtt": "", "text": "", "textrm": "", "operatorname": "", "left": "", "right": "",
    "big": "", "Big": "", ",": "\u2009", ";": "\u2004", "!": "", " ": " ", "{": "{",
    "}": "}", "%": "%", "&": "&", "_": "_", "#": "#", "$": "$",
}  # fmt: skip

# commands whose (first) argument is kept, wrapped in markup
_STYLED = {
    "textit": ("<i>", "</i>"), "emph": ("<i>", "</i>"), "textsl": ("<i>", "</i>"),
    "mkbibemph": ("<i>", "</i>"), "mkbibitalic": ("<i>", "</i>"),
    "textbf": ("<b>", "</b>"), "mkbibbold": ("<b>", "</b>"),
    "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
    "textsuperscript": ("<sup>", "</sup>"), "mkbibsuperscript": ("<sup>", "</sup>"),
    "textsubscript": ("<sub>", "</sub>"), "mkbibsubscript": ("<sub>", "</sub>"),
    "enquote": ("“", "”"), "mkbibquote": ("“", "”"),
}  # fmt: skip
# switches that style the rest of their group: {\it word}
_SWITCHES = {
    "it": ("<i>", "</i>"), "itshape": ("<i>", "</i>"), "em": ("<i>", "</i>"),
    "sl": ("<i>", "</i>"), "slshape": ("<i>", "</i>"),
    "bf": ("<b>", "</b>"), "bfseries": ("<b>", "</b>"),
    "sc": ('<span style="font-variant:small-caps;">', "</span>"),
    "scshape": ('<span style="font-variant:small-caps;">', "</span>"),
    "rm": ("", ""), "sf": ("", ""), "tt": ("", ""), "normalfont": ("", ""),
    "upshape": ("", ""), "mdseries": ("", ""), "small": ("", ""), "footnotesize": ("", ""),
    "scriptsize": ("", ""), "large": ("", ""), "Large": ("", ""), "tiny": ("", ""),
    "selectlanguage": ("", ""),
}  # fmt: skip
# commands whose arguments are dropped entirely
_DROP = {"noopsort", "label", "index", "footnote", "hspace", "vspace", "cite", "nocite"}

_NOCASE_OPEN = '<span class="nocase">'
_TAG = re.compile(r"</?(?:i|b|sup|sub|span)\b[^>]*>")


_MAX_DEPTH = 64


class _Decoder:
    def __init__(self, text: str, *, markup: bool) -> None:
        self.s = text
        self.i = 0
        self.markup = markup

    def tag(self, t: str) -> str:
        return t if self.markup else ""

    def read_group(self) -> str:
        """The raw text of a {...} group at self.i (which is at '{'), without braces."""
        depth = 0
        start = self.i
        while self.i < len(self.s):
            ch = self.s[self.i]
            if ch == "\\":
                self.i += 2
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    self.i += 1
                    return self.s[start + 1 : self.i - 1]
            self.i += 1
        return self.s[start + 1 :]  # unbalanced: take the rest

    def skip_spaces(self) -> None:
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
            self.i += 1

    def read_arg(self) -> str:
        self.skip_spaces()
        if self.i >= len(self.s):
            return ""
        if self.s[self.i] == "{":
            return self.read_group()
        if self.s[self.i] == "\\":
            start = self.i
            self.i += 1
            while self.i < len(self.s) and self.s[self.i].isalpha():
                self.i += 1
            if self.i == start + 1:
                self.i += 1
            return self.s[start : self.i]
        self.i += 1
        return self.s[self.i - 1]

    def read_command(self) -> str:
        """The command name after a backslash at self.i."""
        self.i += 1
        start = self.i
        if self.i < len(self.s) and self.s[self.i].isalpha():
            while self.i < len(self.s) and self.s[self.i].isalpha():
                self.i += 1
            name = self.s[start : self.i]
            # a control word eats the spaces after it, as TeX does
            while self.i < len(self.s) and self.s[self.i] in " \t":
                self.i += 1
            return name
        if self.i < len(self.s):
            self.i += 1
            return self.s[start]
        return ""

    def command(self, name: str, depth: int) -> str:
        if name in _ACCENTS and (len(name) == 1):
            arg = self.read_arg()
            base = self.sub(arg, depth + 1) if arg.startswith("\\") or len(arg) > 1 else arg
            base = {"ı": "i", "ȷ": "j"}.get(base, base)
            if not base:
                return _ACCENTS[name]
            return unicodedata.normalize("NFC", base[0] + _ACCENTS[name] + base[1:])
        if name in _SYMBOLS:
            return _SYMBOLS[name]
        if name in _STYLED:
            open_, close = _STYLED[name]
            inner = self.sub(self.read_arg(), depth + 1)
            if open_.startswith("<"):
                return self.tag(open_) + inner + self.tag(close)
            return open_ + inner + close
        if name in _SWITCHES:
            open_, close = _SWITCHES[name]
            rest = self.sub(self.s[self.i :], depth + 1)
            self.i = len(self.s)
            return self.tag(open_) + rest + self.tag(close) if rest else ""
        if name in ("url", "path", "nolinkurl", "detokenize"):
            return self.read_arg()
        if name == "href":
            self.read_arg()
            return self.sub(self.read_arg(), depth + 1)
        if name in _DROP:
            self.skip_spaces()
            if self.i < len(self.s) and self.s[self.i] == "{":
                self.read_group()
            return ""
        if name in _MATH and _MATH[name]:
            return _MATH[name]
        # unknown command: keep what it applies to, lose the command
        self.skip_spaces()
        if self.i < len(self.s) and self.s[self.i] == "{":
            return self.sub(self.read_group(), depth + 1)
        return ""

    def math(self, depth: int) -> str:
        end = self.s.find("$", self.i)
        if end < 0:
            end = len(self.s)
        body = self.s[self.i : end]
        self.i = end + 1
        return _math_to_unicode(body, markup=self.markup)

    def sub(self, text: str, depth: int) -> str:
        if depth > _MAX_DEPTH:
            # hostile or broken nesting: deeper braces change nothing a reader would see,
            # and recursing on would hit Python's limit (a crash, exit 3)
            return re.sub(r"[{}]", "", text)
        saved = (self.s, self.i)
        self.s, self.i = text, 0
        try:
            return self.run(depth)
        finally:
            self.s, self.i = saved

    def run(self, depth: int = 0) -> str:
        out: list[str] = []
        s = self.s
        while self.i < len(s):
            ch = s[self.i]
            if ch == "\\":
                out.append(self.command(self.read_command(), depth))
            elif ch == "{":
                group = self.read_group()
                if group.startswith("\\") and depth == 0:
                    # {\"u}, {\em x}: a special character or switch, not case protection
                    out.append(self.sub(group, depth + 1))
                elif depth == 0 and group:
                    text = self.sub(group, depth + 1)
                    out.append(self.tag(_NOCASE_OPEN) + text + self.tag("</span>"))
                else:
                    out.append(self.sub(group, depth + 1))
            elif ch == "}":
                self.i += 1
            elif ch == "$":
                self.i += 1
                if self.i < len(s) and s[self.i] == "$":
                    self.i += 1
                out.append(self.math(depth))
            elif ch == "~":
                out.append("\u00a0")
                self.i += 1
            elif ch == "-" and s.startswith("---", self.i):
                out.append("—")
                self.i += 3
            elif ch == "-" and s.startswith("--", self.i):
                out.append("–")
                self.i += 2
            elif ch == "`" and s.startswith("``", self.i):
                out.append("“")
                self.i += 2
            elif ch == "'" and s.startswith("''", self.i):
                out.append("”")
                self.i += 2
            elif ch == "!" and s.startswith("!`", self.i):
                out.append("¡")
                self.i += 2
            elif ch == "?" and s.startswith("?`", self.i):
                out.append("¿")
                self.i += 2
            elif ch in "\r\n\t":
                out.append(" ")
                self.i += 1
            else:
                out.append(ch)
                self.i += 1
        return "".join(out)


def _math_to_unicode(body: str, *, markup: bool) -> str:
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            # a trailing backslash (e.g. math cut short by an unbalanced $) is kept as is
            m = re.match(r"\\([A-Za-z]+|.)", body[i:], re.S)
            if m is None:
                out.append(ch)
                i += 1
                continue
            name = m.group(1)
            i += m.end()
            out.append(_MATH.get(name, _SYMBOLS.get(name, name)))
        elif ch in "^_":
            i += 1
            if i < len(body) and body[i] == "{":
                depth, j = 0, i
                while j < len(body):
                    if body[j] == "{":
                        depth += 1
                    elif body[j] == "}":
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                arg, i = body[i + 1 : j], j + 1
            else:
                arg, i = body[i : i + 1], i + 1
            inner = _math_to_unicode(arg, markup=markup)
            tag = "sup" if ch == "^" else "sub"
            out.append(f"<{tag}>{inner}</{tag}>" if markup else inner)
        elif ch in "{}":
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def to_unicode(text: str, *, markup: bool = False) -> str:
    """LaTeX field text as Unicode; with ``markup``, CSL-JSON rich text (see module doc)."""
    if not any(c in text for c in "\\{}$~-`'!?\r\n\t"):
        return text
    # BibTeX reads any run of white space, line breaks included, as one space
    result = _Decoder(re.sub(r"[ \t\r\n]+", " ", text), markup=markup).run()
    if markup:
        # empty or adjacent nocase spans add nothing
        result = result.replace(_NOCASE_OPEN + "</span>", "")
        if _NOCASE_OPEN in result:
            result = _WORD_AFTER_NOCASE.sub(_whole_word, result)
    return unicodedata.normalize("NFC", result)


# A nocase span ending in a letter, and the letters that go on the word after it.
_WORD_AFTER_NOCASE = re.compile(r'(<span class="nocase">[^<]*[^\W\d_])</span>([^\W\d_]+)')


def _whole_word(m: re.Match[str]) -> str:
    rest = m.group(2)
    if not rest.islower():  # "{B}LEICH": BibTeX lowers the rest; keep it outside the span
        return m.group(0)
    return f"{m.group(1)}{rest}</span>"


def strip_markup(text: str) -> str:
    return _TAG.sub("", text)


def plain(raw: str, strings: Mapping[str, str] | None = None) -> str:
    """A field as plain Unicode text with single spaces: for keys, search, matching."""
    return " ".join(to_unicode(value(raw, strings)).split())


# --------------------------------------------------------------------------- Unicode -> LaTeX

_SPECIALS = {
    "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "$": r"\$",
    # ~ is a non-breaking space to LaTeX and ^ a math superscript: neither reads back as typed
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}  # fmt: skip


def to_latex(text: str) -> str:
    """Text as a BibTeX value body: specials escaped, braces balanced, Unicode kept
    (files are UTF-8). Rich-text markup from importers becomes LaTeX commands."""
    # unbalanced braces would break the file. BibTeX counts \{ and \} as braces too, so
    # stray ones become commands without braces; balanced ones stay, protecting case
    if not _balanced(text):
        text = text.replace("{", "\0L").replace("}", "\0R")
    text = text.replace("\\", r"\textbackslash{}")
    text = text.replace("\0L", r"\textbraceleft{}").replace("\0R", r"\textbraceright{}")
    out = re.sub(r"[&%#_$~^]", lambda m: _SPECIALS[m.group(0)], text)
    out = re.sub(r"<i>(.*?)</i>", r"\\textit{\1}", out)
    out = re.sub(r"<b>(.*?)</b>", r"\\textbf{\1}", out)
    out = re.sub(r"<sup>(.*?)</sup>", r"\\textsuperscript{\1}", out)
    out = re.sub(r"<sub>(.*?)</sub>", r"\\textsubscript{\1}", out)
    out = re.sub(r'<span class="nocase">(.*?)</span>', r"{\1}", out)
    return out


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += 1 if ch == "{" else -1 if ch == "}" else 0
        if depth < 0:
            return False
    return depth == 0
