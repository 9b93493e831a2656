"""Settings from ``[tool.citekit]`` in pyproject.toml or from citekit.toml."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Collection
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from citekit.errors import CitekitError

DEFAULT_KEY_PATTERN = "{auth}{year}{title}"


@dataclass(frozen=True)
class Config:
    library: Path | None = None  # None: CITEKIT_LIBRARY, else ./library.bib
    style: str = "belfer"
    locale: str | None = None
    key_pattern: str = DEFAULT_KEY_PATTERN
    # sub-tables ([tool.citekit.check], [tool.citekit.fmt], [tool.citekit.net]) as read;
    # each command validates its own table
    check: Mapping[str, Any] = field(default_factory=dict)
    fmt: Mapping[str, Any] = field(default_factory=dict)
    net: Mapping[str, Any] = field(default_factory=dict)
    source: Path | None = None  # the file these settings came from


_TYPES: dict[str, type] = {
    "library": str,
    "style": str,
    "locale": str,
    "key_pattern": str,
    "check": dict,
    "fmt": dict,
    "net": dict,
}


def find(start: Path) -> Path | None:
    """citekit.toml, or a pyproject.toml with [tool.citekit], in ``start`` or above."""
    for folder in (start, *start.parents):
        candidate = folder / "citekit.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and b"[tool.citekit" in pyproject.read_bytes():
            return pyproject
        if (folder / ".git").exists():
            break
    return None


def load(path: Path | None) -> Config:
    """Settings from ``path`` (found from the current folder when None); defaults if none."""
    if path is None:
        path = find(Path.cwd())
        if path is None:
            return Config()
    import tomllib  # only when there is a settings file

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CitekitError(f"{path}: no such settings file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise CitekitError(f"{path}: cannot read settings ({e})") from None
    except tomllib.TOMLDecodeError as e:
        m = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(e))
        where, what = (f"{path}:{m[2]}:{m[3]}", m[1]) if m else (str(path), str(e))
        raise CitekitError(f"{where}: not valid TOML ({what}); fix the file") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("citekit", {}) if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise CitekitError(f"{path}: [tool.citekit] must be a table of settings; fix the file")
        data = table
    return from_mapping(data, source=path)


def setting_key(
    raw_key: str, known: Collection[str], where: str, *, hyphens: bool = False
) -> str:
    """``raw_key`` as a known setting name (``-`` reads as ``_``); otherwise an error that
    starts with ``where`` and suggests the closest name (spelt with hyphens if asked)."""
    key = raw_key.replace("-", "_")
    if key in known:
        return key
    import difflib

    close = difflib.get_close_matches(key, sorted(known), n=1)
    suggestion = close[0].replace("_", "-") if close and hyphens else close[0] if close else ""
    hint = f"; did you mean {suggestion!r}?" if suggestion else ""
    raise CitekitError(f"{where}unknown setting {raw_key!r}{hint}")


def from_mapping(data: Mapping[str, Any], *, source: Path | None = None) -> Config:
    where = f"{source}: " if source else ""
    names = {f.name for f in dataclasses.fields(Config)} - {"source"}
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = setting_key(raw_key, names, where)
        if not isinstance(value, _TYPES[key]):
            raise CitekitError(
                f"{where}setting {raw_key!r} must be a {_TYPES[key].__name__}, "
                f"not {type(value).__name__}"
            )
        values[key] = value
    if "library" in values:
        library = Path(values["library"]).expanduser()
        if source is not None and not library.is_absolute():
            library = source.parent / library
        values["library"] = library
    return Config(**values, source=source)


def table_name(cfg: Config, table: str) -> str:
    """How errors name a sub-table: the settings file, then the table as written in it
    (``[fmt]`` in citekit.toml, ``[tool.citekit.fmt]`` in pyproject.toml)."""
    if cfg.source is None:
        return f"[tool.citekit.{table}]"
    header = f"[tool.citekit.{table}]" if cfg.source.name == "pyproject.toml" else f"[{table}]"
    return f"{cfg.source}: {header}"


def library_path(cfg: Config, option: Path | None) -> Path:
    """--library, else CITEKIT_LIBRARY, else the config's library, else ./library.bib."""
    if option is not None:
        return option
    env = os.environ.get("CITEKIT_LIBRARY")
    if env:
        return Path(env).expanduser()
    if cfg.library is not None:
        return cfg.library
    return Path("library.bib")
