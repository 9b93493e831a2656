"""Render CSL-JSON items with a CSL style. The only module that imports citeproc-py.

The bibliography is rendered as a whole (year suffixes, ``———`` and numbering need every
item). When an item makes citeproc-py raise, it is set aside with its reason and the rest
are rendered, so one bad item cannot sink a bibliography.
"""

from __future__ import annotations

import copy
import difflib
import io
import re
import warnings
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from citekit.csl import spec
from citekit.csl import styles
from citekit.errors import CitekitError

CSL_NS = "http://purl.org/net/xbiblio/csl"


@dataclass(frozen=True)
class Rendered:
    key: str  # the item's id as given
    html: str  # the entry in HTML (citeproc-py's html formatter)


@dataclass(frozen=True)
class Failure:
    key: str
    reason: str


@dataclass(frozen=True)
class Cite:
    key: str
    locator: str = ""
    label: str = "page"
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Bibliography:
    entries: tuple[Rendered, ...]
    failures: tuple[Failure, ...]


def _citeproc() -> Any:
    import citeproc

    return citeproc


_ITEM_CLASS: list[Any] = []


def _item_class() -> Any:
    """citeproc-py's CitationItem, remembering its reference: citeproc-py looks the
    reference up through two properties on every variable access."""
    if not _ITEM_CLASS:
        cp = _citeproc()

        def reference(self: Any) -> Any:
            store = vars(self)
            ref = store.get("_citekit_ref")
            if ref is None:
                ref = store["_citekit_ref"] = self.citation.bibliography.source[self.key]
            return ref

        _ITEM_CLASS.append(type("Item", (cp.CitationItem,), {"reference": property(reference)}))
    return _ITEM_CLASS[0]


def _parent_of(path: Path) -> tuple[Path, str | None]:
    """For a dependent style, its independent parent and its default locale."""
    try:
        root = etree.parse(str(path)).getroot()
    except etree.XMLSyntaxError as e:
        line, col = e.position
        raise CitekitError(
            f"{path}:{line}:{col}: not a CSL style (not XML: {e.msg}); give a .csl file"
        ) from None
    if root.tag != f"{{{CSL_NS}}}style":
        raise CitekitError(
            f"{path}:{root.sourceline}:1: not a CSL style (the root is <{root.tag}>, not "
            f"<style xmlns=\"{CSL_NS}\">); give a .csl file"
        )
    locale = root.get("default-locale")
    links = root.findall(f"{{{CSL_NS}}}info/{{{CSL_NS}}}link")
    has_layout = root.find(f"{{{CSL_NS}}}citation") is not None
    if has_layout:
        for part in ("citation", "bibliography"):
            element = root.find(f"{{{CSL_NS}}}{part}")
            if element is not None and element.find(f"{{{CSL_NS}}}layout") is None:
                # citeproc-py crashes on it (exit 3) instead of saying so
                raise CitekitError(
                    f"{path}:{element.sourceline}:1: <{part}> has no <layout>; "
                    "not a usable CSL style"
                )
        return path, locale
    for link in links:
        if link.get("rel") == "independent-parent":
            name = (link.get("href") or "").rstrip("/").rsplit("/", 1)[-1]
            try:
                return styles.resolve(name), locale
            except CitekitError as e:
                raise CitekitError(f"{path}:{link.sourceline}:1: its parent style: {e}") from None
    raise CitekitError(
        f"{path}:{root.sourceline}:1: neither a <citation> nor an independent-parent link; "
        "a CSL style needs one"
    )


def _lookup() -> Any:
    """citeproc-py's element classes for CSL tags, with citekit's fixes on top."""
    from citeproc import model

    lookup = etree.ElementNamespaceClassLookup()
    namespace: Any = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    for cls in model.CitationStylesElement.__subclasses__():
        namespace[cls.__name__.replace("_", "-").lower()] = cls
    for tag, cls in spec.load_all().items():
        namespace[tag] = cls
    for tag in list(namespace):
        namespace[tag] = _cached(namespace[tag])
    return lookup


_CACHED: dict[type[Any], type[Any]] = {}


def _cached(cls: type[Any]) -> type[Any]:
    """``cls`` with memoised XPath look-ups.

    citeproc-py re-runs an XPath query for every macro call and every inherited name
    option, which is most of its rendering time. A style's tree never changes once
    loaded, so each (element, query) answer is computed once. Element proxies are kept
    alive for the style's lifetime (see ``Engine``), so ``id(element)`` stays unique."""
    if cls not in _CACHED:

        def xpath_search(self: Any, expression: str) -> Any:
            root = self.getroottree().getroot()
            cache = root.__dict__.get("_citekit_xpath")
            if cache is None:
                return cls.xpath_search(self, expression)
            key = (id(self), expression)
            found = cache.get(key)
            if found is None:
                found = cache[key] = cls.xpath_search(self, expression)
            return found

        namespace: dict[str, Any] = {"xpath_search": xpath_search}
        if hasattr(cls, "calls_variable"):
            # also a pure function of the tree, asked again for every group of every item

            def calls_variable(self: Any) -> Any:
                root = self.getroottree().getroot()
                cache = root.__dict__.get("_citekit_xpath")
                if cache is None:
                    return cls.calls_variable(self)
                key = (id(self), None)
                if key not in cache:
                    cache[key] = cls.calls_variable(self)
                return cache[key]

            namespace["calls_variable"] = calls_variable
        _CACHED[cls] = type(cls.__name__, (cls,), namespace)
    return _CACHED[cls]


def _style_class() -> Any:
    cp = _citeproc()

    def __init__(self: Any, path: str | io.BytesIO, locale: str | None) -> None:
        parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
        parser.set_element_class_lookup(_lookup())
        self.parser = parser
        self.xml = etree.parse(path, parser)
        self.root = self.xml.getroot()
        # keep every element's proxy alive, so the XPath cache can key on identity
        self.root._citekit_elements = list(self.root.iter())
        self.root._citekit_xpath = {}
        if locale is None:
            locale = self.root.get("default-locale", "en-US")
        self.root.set_locale_list(locale, validate=False)

    # citeproc-py's style object, built with citekit's element classes
    return type("Style", (cp.CitationStylesStyle,), {"__init__": __init__})


class Engine:
    """A loaded style, ready to render items."""

    path: Path | None

    def __init__(self, style: str | Path, *, locale: str | None = None) -> None:
        path = style if isinstance(style, Path) else styles.resolve(style)
        path, dependent_locale = _parent_of(path)
        self._load(str(path), locale or dependent_locale, str(path), check_locale=locale)
        self.path = path

    @classmethod
    def from_string(cls, xml: str, *, locale: str | None = None) -> Engine:
        """A style given as CSL source text (an independent style)."""
        engine = cls.__new__(cls)
        engine._load(io.BytesIO(xml.encode("utf-8")), locale, "<string>", check_locale=locale)
        engine.path = None
        return engine

    def _load(
        self, source: str | io.BytesIO, locale: str | None, name: str, *, check_locale: str | None
    ) -> None:
        if check_locale is not None:
            _check_locale(check_locale)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                self._style = _style_class()(source, locale)
            except ValueError as e:
                raise CitekitError(f"{e}; see `citekit format --help` for locales") from None
            except etree.XMLSyntaxError as e:
                raise CitekitError(f"{name}: not a valid CSL file ({e})") from None

    @property
    def has_bibliography(self) -> bool:
        return bool(self._style.has_bibliography())

    def _bibliography(self, items: Sequence[Mapping[str, Any]]) -> Any:
        cp = _citeproc()
        from citekit.csl.spec import variables

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = variables.source(  # every CSL name/date variable parsed
                [spec.prepare_item(copy.deepcopy(dict(i))) for i in items]
            )
        bib = cp.CitationStylesBibliography(self._style, source, cp.formatter.html)
        return bib

    def bibliography(self, items: Sequence[Mapping[str, Any]]) -> Bibliography:
        """Every item's bibliography entry, in the style's order.

        Items are sorted together and rendered one by one in that order, so an item that
        makes citeproc-py raise (or renders to nothing) is set aside with its reason and
        the others still print. Whole-bibliography steps (year suffixes, repeated-author
        dashes) work on the list, before or after this loop, never inside it."""
        if not self.has_bibliography:
            raise CitekitError(
                "this style has no bibliography; use `citekit cite` for its citations"
            )
        failures: list[Failure] = []
        good = list(items)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                bib = self._sorted(good)
            except Exception:  # noqa: BLE001 - citeproc-py raises anything; isolate the item
                bad = self._find_bad(good)
                if not bad:
                    raise
                failures.extend(bad)
                bad_keys = {f.key for f in bad}
                good = [i for i in good if str(i.get("id")) not in bad_keys]
                bib = self._sorted(good)
            by_lower = {str(i["id"]).lower(): str(i["id"]) for i in good}
            layout = self._style.root.bibliography.layout
            entries: list[Rendered] = []
            for cite in bib.items:
                key = by_lower.get(cite.key, cite.key)
                vars(cite)["in_bibliography"] = True  # a term starting it gets a capital
                try:
                    layout.repressed = {}
                    text = layout.format(layout.wrap(layout.render_children(cite)))
                except Exception as e:  # noqa: BLE001 - the reason is reported per item
                    failures.append(Failure(key, _reason(e)))
                    continue
                if text is None or not str(text).strip():
                    failures.append(Failure(key, _EMPTY))
                    continue
                entries.append(Rendered(key, spec.finish_output(str(text), self._style.root)))
        return Bibliography(tuple(entries), tuple(failures))

    def _sorted(self, items: Sequence[Mapping[str, Any]]) -> Any:
        cp = _citeproc()
        bib = self._bibliography(items)
        for item in items:
            bib.register(cp.Citation([_item_class()(str(item["id"]))]))
        bib.sort()
        return bib

    def _find_bad(self, items: Sequence[Mapping[str, Any]]) -> list[Failure]:
        """The items that make sorting raise, each tried alone against one shared source."""
        cp = _citeproc()
        bad: list[Failure] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bib = self._bibliography(items)
            for item in items:
                cite = _item_class()(str(item["id"]))
                bib.register(cp.Citation([cite]))
                try:
                    self._style.sort_bibliography([cite])
                except Exception as e:  # noqa: BLE001 - the reason is reported per item
                    bad.append(Failure(str(item.get("id")), _reason(e)))
        return bad

    def citation(self, items: Sequence[Mapping[str, Any]], cites: Sequence[Cite]) -> str:
        """One in-text citation (or note) citing ``cites`` together."""
        return self.citations(items, [cites])[0]

    def citations(
        self,
        items: Sequence[Mapping[str, Any]],
        clusters: Sequence[Sequence[Cite]],
        *,
        notes: Sequence[int] | None = None,
    ) -> list[str]:
        """Citations in document order, so later ones see the earlier (ibid, subsequent).

        ``notes`` gives each citation's footnote number (for ``near-note`` and
        ``first-reference-note-number``); 0 or none means in-text.
        """
        cp = _citeproc()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bib = self._bibliography(items)
            numbers = list(notes or []) + [0] * (len(clusters) - len(notes or []))
            citations = [
                cp.Citation([_citation_item(cp, c) for c in cites], note_index=note)
                for cites, note in zip(clusters, numbers, strict=False)
            ]
            for citation in citations:
                bib.register(citation)
            out = []
            for citation, cites in zip(citations, clusters, strict=True):
                try:
                    html = str(bib.cite(citation, lambda item: None))
                    out.append(spec.finish_output(html, self._style.root))
                except Exception as e:  # noqa: BLE001 - citeproc-py raises anything
                    keys = ", ".join(c.key for c in cites)
                    raise CitekitError(
                        f"cannot cite {keys} in this style: {_reason(e)}"
                    ) from None
            return out


def _citation_item(cp: Any, c: Cite) -> Any:
    kwargs: dict[str, Any] = {}
    if c.locator:
        locator = spec.prepare_affix(c.locator, field="locator")
        kwargs["locator"] = cp.Locator(c.label or "page", locator)
    if c.prefix:
        kwargs["prefix"] = spec.prepare_affix(c.prefix)
    if c.suffix:
        kwargs["suffix"] = spec.prepare_affix(c.suffix)
    return _item_class()(c.key.lower(), **kwargs)


_EMPTY = "prints nothing in this style (no field it uses is set)"


def _check_locale(locale: str) -> None:
    """citeproc-py silently falls back to en-US for a locale it does not have."""
    from citeproc import model

    language = locale.split("-")[0]
    if locale not in model.LANGUAGE_NAMES and language not in model.PRIMARY_DIALECTS:
        known = {name.lower(): name for name in model.LANGUAGE_NAMES}
        close = [known[n] for n in difflib.get_close_matches(locale.lower(), sorted(known), n=3)]
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise CitekitError(f"unknown locale {locale!r}; {hint}use a code like en-GB or de-DE")


def _reason(e: Exception) -> str:
    text = str(e) or type(e).__name__
    return re.sub(r"\s+", " ", f"{type(e).__name__}: {text}" if str(e) else text)
