"""Render CSL-JSON items with a CSL style. The only module that imports citeproc-py.

The bibliography is rendered as a whole (year suffixes, ``———`` and numbering need every
item). When an item makes citeproc-py raise, it is set aside with its reason and the rest
are rendered, so one bad item cannot sink a bibliography.
"""

from __future__ import annotations

import copy
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


def _parent_of(path: Path) -> tuple[Path, str | None]:
    """For a dependent style, its independent parent and its default locale."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    locale = root.get("default-locale")
    links = root.findall(f"{{{CSL_NS}}}info/{{{CSL_NS}}}link")
    has_layout = root.find(f"{{{CSL_NS}}}citation") is not None
    if has_layout:
        return path, locale
    for link in links:
        if link.get("rel") == "independent-parent":
            name = (link.get("href") or "").rstrip("/").rsplit("/", 1)[-1]
            return styles.resolve(name), locale
    raise CitekitError(f"{path}: a dependent style without an independent parent")


def _lookup() -> Any:
    """citeproc-py's element classes for CSL tags, with citekit's fixes on top."""
    from citeproc import model

    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    for cls in model.CitationStylesElement.__subclasses__():
        namespace[cls.__name__.replace("_", "-").lower()] = cls
    for tag, cls in spec.load_all().items():
        namespace[tag] = cls
    return lookup


def _style_class() -> Any:
    cp = _citeproc()

    class Style(cp.CitationStylesStyle):  # type: ignore[misc]
        """citeproc-py's style with citekit's element classes."""

        def __init__(self, path: str | io.BytesIO, locale: str | None) -> None:
            parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
            parser.set_element_class_lookup(_lookup())
            self.parser = parser
            self.xml = etree.parse(path, parser)
            self.root = self.xml.getroot()
            if locale is None:
                locale = self.root.get("default-locale", "en-US")
            self.root.set_locale_list(locale, validate=False)

    return Style


class Engine:
    """A loaded style, ready to render items."""

    path: Path | None

    def __init__(self, style: str | Path, *, locale: str | None = None) -> None:
        path = style if isinstance(style, Path) else styles.resolve(style)
        path, dependent_locale = _parent_of(path)
        self._load(str(path), locale or dependent_locale, str(path))
        self.path = path

    @classmethod
    def from_string(cls, xml: str, *, locale: str | None = None) -> Engine:
        """A style given as CSL source text (an independent style)."""
        engine = cls.__new__(cls)
        engine._load(io.BytesIO(xml.encode("utf-8")), locale, "<string>")
        engine.path = None
        return engine

    def _load(self, source: str | io.BytesIO, locale: str | None, name: str) -> None:
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
        """Every item's bibliography entry, in the style's order."""
        failures: list[Failure] = []
        good = list(items)
        while True:
            try:
                rendered = self._render_bibliography(good)
                failures.extend(Failure(r.key, _EMPTY) for r in rendered if not r.html)
                entries = tuple(r for r in rendered if r.html)
                return Bibliography(entries, tuple(failures))
            except Exception:  # noqa: BLE001 - citeproc-py raises anything; isolate the item
                bad = self._find_bad(good)
                failures.extend(bad)
                bad_keys = {f.key for f in bad}
                good = [i for i in good if str(i.get("id")) not in bad_keys]
                if not bad:
                    raise

    def _render_bibliography(self, items: Sequence[Mapping[str, Any]]) -> list[Rendered]:
        if not self.has_bibliography:
            raise CitekitError(
                "this style has no bibliography; use `citekit cite` for its citations"
            )
        cp = _citeproc()
        by_lower = {str(i["id"]).lower(): str(i["id"]) for i in items}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bib = self._bibliography(items)
            for item in items:
                bib.register(cp.Citation([cp.CitationItem(str(item["id"]))]))
            bib.sort()
            rendered = bib.bibliography()
            keys = bib.keys
            if len(rendered) != len(keys):  # citeproc-py leaves out entries that print nothing
                empty = {i.key for i in bib.items if not self._style.render_bibliography([i])}
                keys = [k for k in keys if k not in empty]
        out = {key: spec.finish_output(str(html), self._style.root)
               for key, html in zip(keys, rendered, strict=True)}
        return [Rendered(by_lower.get(key, key), out.get(key, "")) for key in bib.keys]

    def _find_bad(self, items: Sequence[Mapping[str, Any]]) -> list[Failure]:
        bad: list[Failure] = []
        for item in items:
            try:
                self._render_bibliography([item])
            except CitekitError:
                raise
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
    return cp.CitationItem(c.key.lower(), **kwargs)


_EMPTY = "prints nothing in this style (no field it uses is set)"


def _reason(e: Exception) -> str:
    text = str(e) or type(e).__name__
    return re.sub(r"\s+", " ", f"{type(e).__name__}: {text}" if str(e) else text)
