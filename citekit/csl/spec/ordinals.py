"""Ordinals as CSL 1.0.1 defines them: ``match`` rules, gendered forms, style overrides.

citeproc-py picks the first ``ordinal-NN`` term whatever its ``gender-form``, so French
"1re octobre" should be "1er" (mois is masculine) and Spanish "2.ª número" should be
"2.º"; it also mixes a style's own ordinal terms with the locale file's, which CSL says
the style's replace. Here, for a number n and the gender of the term it counts (the
variable's term, or the month for a day):

- ``ordinal-10``..``ordinal-99`` match n's last two digits, ``ordinal-00``..``09`` its
  last digit, unless ``match`` says ``whole-number`` or ``last-two-digits``; a two-digit
  match wins over a one-digit one, then the plain ``ordinal`` term;
- a term with the wanted ``gender-form`` wins over one without;
- when a ``<locale>`` in the style defines ordinal terms, only those count.

Fixtures: number_SeparateOrdinalNamespaces, number_LimitOrdinalsToDayOne (with
spec.note_fields).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from citeproc import model

from citekit.csl.spec import element


@dataclass(frozen=True)
class _Ordinal:
    number: int | None  # None for the plain "ordinal" term
    match: str
    gender: str | None
    text: str


def _terms(root: Any) -> list[_Ordinal]:
    cached = getattr(root, "_citekit_ordinals", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    style_level: list[_Ordinal] = []
    files: list[_Ordinal] = []
    for locale in root.locales:
        found = style_level if locale.getroottree().getroot() is root else files
        expr = "./cs:terms/cs:term[starts-with(@name, 'ordinal')]"
        for term in locale.xpath_search(expr):
            name = term.get("name")
            number = int(name[8:]) if name[8:].isdigit() else None
            if name != "ordinal" and number is None:
                continue
            default = "last-two-digits" if number is not None and number >= 10 else "last-digit"
            text = str(term.single) if term.find("cs:single", term.nsmap) is not None \
                else (term.text or "")
            found.append(_Ordinal(number, term.get("match", default), term.get("gender-form"),
                                  text))
    cached = style_level or files
    root._citekit_ordinals = cached
    return cached


def _matches(term: _Ordinal, n: int) -> int:
    """How well ``term`` fits n: 2 (two digits or whole number), 1 (last digit), 0 (no)."""
    if term.number is None:
        return 0
    if term.match == "whole-number":
        return 2 if n == term.number else 0
    if term.match == "last-two-digits":
        return 2 if n % 100 == term.number else 0
    return 1 if n % 10 == term.number else 0


def suffix(root: Any, n: int, gender: str | None) -> str:
    """The ordinal suffix of ``n`` for a term of ``gender`` (None: neuter)."""
    best: tuple[int, bool] | None = None
    text = ""
    for term in _terms(root):
        if term.gender not in (None, gender):
            continue
        fit = _matches(term, n)
        if term.number is not None and not fit:
            continue
        rank = (fit, term.gender is not None)
        if best is None or rank > best:
            best, text = rank, term.text
    return text


def gender_of(root: Any, term_name: str) -> str | None:
    term = root.get_term(term_name)
    return None if term is None else term.get("gender")


def ordinal(root: Any, n: int, term_name: str | None) -> str:
    return f"{n}{suffix(root, n, gender_of(root, term_name) if term_name else None)}"


@element("number")
class Number(model.Number):
    def format_number(self, number: Any) -> Any:
        if self.get("form") != "ordinal":
            return super().format_number(number)
        try:
            n = int(number)
        except ValueError:
            return number
        variable = self.get("variable")
        return ordinal(self.get_root(), n, None if variable == "locator" else variable)
