"""Style readiness (opt-in, ``--style NAME``): fields a CSL style prints that an entry lacks.

In CSL every variable is "print if present", so what a style expects is a heuristic: its
bibliography layout is walked with its macros, and a core variable (author, title,
container, date, publisher, volume, pages...) counts as expected for a CSL type when it is
rendered under no condition other than the item's type and outside any nested ``<group>``
(a variable behind ``<if variable="DOI">``, or in a group that vanishes when empty, is the
style coping with its absence). Entries are mapped with ``csl.convert.to_csl``, the same
mapping ``citekit format`` renders with, so "missing" means missing from what the style gets.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from citekit.bibfile import BibFile
from citekit.checks.registry import Options
from citekit.checks.registry import check
from citekit.checks.registry import lookup
from citekit.errors import CitekitError
from citekit.model import Problem

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

_NS = "{http://purl.org/net/xbiblio/csl}"
ANY = "*"

# CSL variable -> the BibTeX/biblatex field(s) that fill it, for messages
_FIELD_OF = {
    "issued": "year (or date)",
    "container-title": "journal/booktitle",
    "page": "pages",
    "publisher-place": "address (or location)",
    "collection-title": "series",
    "issue": "number (or issue)",
    "DOI": "doi",
    "URL": "url",
    "ISBN": "isbn",
    "ISSN": "issn",
    "accessed": "urldate",
    "genre": "type",
    "number-of-pages": "pagetotal",
    "chapter-number": "chapter",
    "event-title": "eventtitle",
    "event-place": "venue",
    "number-of-volumes": "volumes",
}
# In CSL every variable is "print if present"; what a style *expects* is read from where it
# prints it. Only the core of a reference is asked for: a style that mentions an archive,
# a composer or a medium for some type does not make every entry incomplete without one.
_CORE = frozenset(
    "author editor title container-title issued publisher publisher-place volume issue page "
    "genre number".split()
)


def _tag(el: ET.Element) -> str:
    return el.tag.removeprefix(_NS)


def _types_of(branch: ET.Element) -> tuple[frozenset[str] | None, bool]:
    """The types a condition selects (None: not a pure type test) and whether it negates."""
    attrs = {k: v for k, v in branch.attrib.items() if k != "match"}
    if set(attrs) != {"type"}:
        return None, False
    types = frozenset(attrs["type"].split())
    match = branch.get("match", "all")
    if match == "none":
        return types, True
    if match == "all" and len(types) > 1:
        return frozenset(), False  # an item has one type: "all of several" never holds
    return types, False


class _Walker:
    def __init__(self, root: ET.Element) -> None:
        self.macros = {m.get("name", ""): m for m in root.iter(f"{_NS}macro")}
        self.found: dict[str, set[str]] = {}
        self.depth = 0

    def add(self, types: frozenset[str] | None, variable: str) -> None:
        if variable not in _CORE:
            return
        for t in types if types is not None else (ANY,):
            self.found.setdefault(t, set()).add(variable)

    def walk(
        self,
        el: ET.Element,
        types: frozenset[str] | None,
        optional: bool,
        *,
        structural: bool = False,
    ) -> None:
        tag = _tag(el)
        if tag == "substitute":
            return  # substitutes stand in for something absent
        if tag in ("text", "number", "date", "names") and not optional:
            variables = (el.get("variable") or "").split()
            if variables:
                self.add(types, variables[0])
        if tag == "text" and el.get("macro") in self.macros and self.depth < 30:
            self.depth += 1
            self.walk(self.macros[el.get("macro", "")], types, optional, structural=True)
            self.depth -= 1
        if tag == "choose":
            self.choose(el, types, optional)
            return
        # a group vanishes when its variables are empty: the style prints them if present
        # and copes without, so they are not needed; but a group that is the whole body
        # of the layout or of a macro is only layout (delimiters), not such a test
        if tag == "group" and not structural:
            optional = True
        inner = tag in ("layout", "macro") or (tag == "group" and structural)
        for child in el:
            self.walk(
                child,
                types,
                optional,
                structural=inner and len(el) == 1 or tag in ("layout", "macro"),
            )

    def choose(self, el: ET.Element, types: frozenset[str] | None, optional: bool) -> None:
        taken: set[str] = set()
        impure = False
        for branch in el:
            tag = _tag(branch)
            if tag == "else":
                if impure:
                    branch_types, branch_optional = types, True
                elif types is None:
                    # everything not taken above: only known when the style lists types
                    branch_types, branch_optional = None, bool(taken) or optional
                else:
                    branch_types, branch_optional = types - taken, optional
            else:
                selected, negate = _types_of(branch)
                if selected is None:
                    impure = True
                    branch_types, branch_optional = types, True
                elif negate:
                    branch_types, branch_optional = types, True
                else:
                    taken |= selected
                    branch_types = selected if types is None else types & selected
                    branch_optional = optional
            for child in branch:
                self.walk(child, branch_types, branch_optional)


def load(name: str) -> dict[str, tuple[str, ...]]:
    """CSL type (or ``*``) -> variables the style's bibliography prints unconditionally."""
    from citekit.csl import styles

    path = styles.resolve(name)
    root = _parse(path)
    layout = root.find(f"{_NS}bibliography/{_NS}layout")
    if layout is None:
        parent = root.find(f"{_NS}info/{_NS}link[@rel='independent-parent']")
        if parent is not None:
            root = _parse(styles.resolve(parent.get("href", "").rsplit("/", 1)[-1]))
            layout = root.find(f"{_NS}bibliography/{_NS}layout")
    if layout is None:
        layout = root.find(f"{_NS}citation/{_NS}layout")
    if layout is None:
        raise CitekitError(f"style {name!r} has no layout to check against")
    walker = _Walker(root)
    walker.walk(layout, None, False)
    return {t: tuple(sorted(v)) for t, v in walker.found.items()}


def _parse(path: Path) -> ET.Element:
    import xml.etree.ElementTree as ET  # only for --style: keep the hook's imports small

    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        raise CitekitError(f"{path}: cannot read the style ({e})") from None


def _needed(fields: Mapping[str, tuple[str, ...]], csl_type: str) -> set[str]:
    return set(fields.get(ANY, ())) | set(fields.get(csl_type, ()))


@check("style-missing-field", severity="warning", opt_in=True)
def style_missing_field(bib: BibFile, opts: Options) -> Iterator[Problem]:
    """A field the chosen CSL style prints for the entry's type (opt-in, ``--style``)."""
    if not opts.style_fields:
        return
    from citekit.csl import convert

    find = lookup(bib)

    for entry in bib.entries:
        item = convert.to_csl(entry, bib.strings, find)
        missing = sorted(v for v in _needed(opts.style_fields, item["type"]) if v not in item)
        if missing:
            shown = ", ".join(_FIELD_OF.get(v, v) for v in missing)
            yield Problem(
                "style-missing-field",
                entry.line,
                1,
                f"{entry.key}: {opts.style_name} prints {shown} for {item['type']}, "
                "and this entry has none",
            )
