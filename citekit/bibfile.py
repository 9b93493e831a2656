"""Read, parse, splice and safely write .bib files.

This is the only module that imports bibtexparser. A user's file is never re-serialised:
edits replace the exact source span of one entry, so comments, ``@string``s, field order,
alignment, quotes and line endings elsewhere stay byte-identical. Writes go to a temporary
file in the same folder, are fsynced and renamed over the original, under a lock that makes
concurrent writers take turns.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from citekit import latex
from citekit import scanner
from citekit.errors import BibSyntaxError
from citekit.errors import CitekitError
from citekit.model import Entry

if TYPE_CHECKING:
    from bibtexparser import model as bpm

BOM = "\ufeff"



@dataclass(frozen=True)
class Block:
    """A top-level piece of the file that is not an entry: @string, @preamble, @comment,
    text between entries, or a block that failed to parse."""

    kind: str  # "string", "preamble", "comment", "text", "failed"
    line: int
    span: tuple[int, int]
    key: str = ""  # for @string: the macro name
    value: str = ""  # for @string / @preamble: the raw value
    error: str = ""  # for failed blocks


@dataclass(frozen=True)
class BibFile:
    path: Path
    text: str
    entries: tuple[Entry, ...] = ()
    blocks: tuple[Block, ...] = ()
    duplicates: tuple[Entry, ...] = ()  # later entries whose key was already taken
    bom: bool = False
    newline: str = "\n"
    strings: Mapping[str, str] = field(default_factory=dict)  # macro name (lower) -> raw value
    # the exact scan (offsets of fields and syntax problems) when read via scan()
    syntax: scanner.Scan | None = field(default=None, compare=False, repr=False)

    @property
    def failed(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "failed")

    def find(self, key: str) -> Entry | None:
        """The entry with this key, compared case-insensitively as BibTeX does."""
        folded = key.casefold()
        for entry in self.entries:
            if entry.key.casefold() == folded:
                return entry
        return None

    def keys(self) -> set[str]:
        return {e.key.casefold() for e in self.entries} | {
            e.key.casefold() for e in self.duplicates
        }

    def require_closed(self) -> None:
        """Refuse to append to a file with an entry BibTeX never closes: bibtexparser reads
        \\{ as an escaped brace, BibTeX counts it, and then reads everything after the
        entry, an added one too, as part of it."""
        syntax = self.syntax or scanner.scan(self.text)
        for item in syntax.items:
            if any(i.code == "unbalanced-brace" and "never closed" in i.message
                   for i in item.issues):  # fmt: skip
                line, col = syntax.line_col(item.issues[0].pos)
                raise BibSyntaxError(
                    f"{self.path}:{line}:{col}: {item.issues[0].message}; BibTeX would read "
                    "what follows as part of it; fix it (citekit check shows details) and run "
                    "the command again"
                )

    def require_clean(self) -> None:
        """Refuse to edit a file that did not parse: an edit could land inside the damage."""
        for block in self.failed:
            raise BibSyntaxError(
                f"{self.path}:{block.line}:1: {block.error or 'this block does not parse'}; "
                "fix it (citekit check shows details) and run the command again"
            )


# --------------------------------------------------------------------------- decoding

_ENCODING_HINTS = (
    # (encoding, characters that betray it when the bytes are decoded that way)
    ("mac_roman", "éèêëàâäçîïôöùûüñÉÀÇÖÜß’“”–—…"),
    ("cp1252", "éèêëàâäçîïôöùûüñÉÀÇÖÜß’“”–—…"),
    ("latin-1", "éèêëàâäçîïôöùûüñÉÀÇÖÜß"),
)


def guess_encoding(data: bytes) -> str:
    """The likeliest legacy encoding of bytes that are not UTF-8 (a hint for messages)."""
    # Windows editors save "Unicode" as UTF-16: a BOM, or a NUL beside every ASCII byte
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(0) * 4 >= len(data[:200]):
        return "UTF-16"
    high = bytes(b for b in data if b >= 0x80)
    best, best_score = "latin-1", -1.0
    for encoding, plausible in _ENCODING_HINTS:
        try:
            decoded = high.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = sum(ch in plausible for ch in decoded) / max(len(decoded), 1)
        if score > best_score:
            best, best_score = encoding, score
    return {"mac_roman": "MacRoman", "cp1252": "Windows-1252", "latin-1": "Latin-1"}[best]


# the first bytes of files people mistake for a .bib (a download, an attachment)
_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx, .epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)


def binary_kind(data: bytes) -> str | None:
    """What non-text bytes are ("a PDF", "a PNG image", "binary data"), or None for text
    (UTF-16 text too: its NULs are not binary)."""
    head = data[:4096]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if guess_encoding(head) == "UTF-16":
        return None
    # control bytes other than tab, newlines and form feed never occur in text
    control = sum(1 for b in head if b < 0x20 and b not in b"\t\n\r\x0c")
    return "binary data" if control * 20 > len(head) else None


def iconv_name(encoding: str) -> str:
    """The name both GNU and macOS iconv accept for an encoding ``guess_encoding`` gives."""
    names = {"MacRoman": "MACINTOSH", "Windows-1252": "CP1252", "Latin-1": "LATIN1"}
    return names.get(encoding, encoding)


def decode(path: Path, data: bytes) -> tuple[str, bool]:
    """Text of a .bib file and whether it had a BOM; a clear error for non-UTF-8 bytes."""
    what = binary_kind(data)
    if what:
        # a PDF, an image, a zip: re-encoding advice would send the user the wrong way
        raise CitekitError(
            f"{path}: {what}, not a text file; citekit reads BibTeX, RIS, CSL-JSON, HTML or "
            "text (for a paper, add its DOI or URL)"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise CitekitError(
            f"{path}:{line}:{col}: not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}; "
            f"looks like {guess_encoding(data)}); re-save the file as UTF-8, e.g. "
            f"iconv -f {iconv_name(guess_encoding(data))} -t UTF-8"
        ) from None
    nul = text.find("\0") if b"\0" in data else -1  # a byte search is faster
    if nul >= 0:
        # valid UTF-8, but no text file has NULs: UTF-16 without a BOM, or not text at all
        line = text.count("\n", 0, nul) + 1
        col = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise CitekitError(
            f"{path}:{line}:{col}: a NUL byte, so not a UTF-8 text file (looks like "
            f"{guess_encoding(data)}); re-save the file as UTF-8, e.g. "
            f"iconv -f {iconv_name(guess_encoding(data))} -t UTF-8"
        )
    if text.startswith(BOM):
        return text[1:], True
    return text, False


def read(path: Path, *, exact: bool = False) -> BibFile:
    """The parsed file; ``exact`` uses citekit's own scanner (see ``scan``)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CitekitError(
            f"{path}: no such file; create it, or point --library at your .bib file"
        ) from None
    except IsADirectoryError:
        raise CitekitError(f"{path}: is a folder, not a .bib file") from None
    except OSError as e:
        raise CitekitError(f"{path}: cannot read it ({e.strerror})") from None
    text, bom = decode(path, data)
    return scan(path, text, bom=bom) if exact else parse(path, text, bom=bom)


# --------------------------------------------------------------------------- parsing


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _newline(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


def _fields(block: bpm.Entry) -> dict[str, str]:
    fields: dict[str, str] = {}
    for f in block.fields:
        name = f.key.lower()
        if name not in fields:  # BibTeX keeps the first of duplicate fields
            fields[name] = str(f.value)
    return fields


def parse(path: Path, text: str, *, bom: bool = False) -> BibFile:
    """Parse text into entries and blocks, each with its exact source span."""
    # imported here: `citekit check` and `fmt` use scan() and should not pay for it
    import logging

    import bibtexparser
    from bibtexparser import model as bpm

    # bibtexparser logs every block it cannot parse to stderr; citekit reports those itself,
    # with positions, so its log lines would only be noise
    log = logging.getLogger("bibtexparser")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())

    library = bibtexparser.parse_string(text, parse_stack=[])  # type: ignore[attr-defined]
    starts = _line_starts(text)
    entries: list[Entry] = []
    duplicates: list[Entry] = []
    blocks: list[Block] = []
    strings: dict[str, str] = {}
    seen: set[str] = set()
    cursor = 0
    for b in library.blocks:
        line_offset = starts[min(b.start_line or 0, len(starts) - 1)]
        raw = b.raw or ""
        start = text.find(raw, max(cursor, line_offset)) if raw else -1
        if start < 0:
            start = text.find(raw, line_offset) if raw else line_offset
        if start < 0:
            start = line_offset
        end = start + len(raw)
        cursor = end
        line = bisect.bisect_right(starts, start)
        span = (start, end)
        if isinstance(b, bpm.Entry):
            # BibTeX compares keys case-insensitively; bibtexparser does not
            entry = Entry(b.key, b.entry_type.lower(), _fields(b), line, span)
            _keep(entry, seen, entries, duplicates)
        elif isinstance(b, bpm.DuplicateFieldKeyBlock) and isinstance(
            b.ignore_error_block, bpm.Entry
        ):
            # a repeated field: BibTeX keeps the first value; `check` reports it
            first = b.ignore_error_block
            entry = Entry(first.key, first.entry_type.lower(), _fields(first), line, span)
            _keep(entry, seen, entries, duplicates)
        elif isinstance(b, bpm.DuplicateBlockKeyBlock):
            inner = b.ignore_error_block
            if isinstance(inner, bpm.Entry):
                duplicates.append(
                    Entry(inner.key, inner.entry_type.lower(), _fields(inner), line, span)
                )
            else:
                blocks.append(Block("failed", line, span, error=str(b.error)))
        elif isinstance(b, bpm.String):
            strings[b.key.lower()] = str(b.value)
            blocks.append(Block("string", line, span, key=b.key, value=str(b.value)))
        elif isinstance(b, bpm.Preamble):
            blocks.append(Block("preamble", line, span, value=str(b.value)))
        elif isinstance(b, bpm.ExplicitComment):
            blocks.append(Block("comment", line, span, value=str(b.comment)))
        elif isinstance(b, bpm.ImplicitComment):
            blocks.append(Block("text", line, span, value=str(b.comment)))
        else:
            err = getattr(b, "error", None)
            error = str(getattr(err, "abort_reason", "") or err or "this block does not parse")
            blocks.append(Block("failed", line, span, error=_short_error(error)))
    return BibFile(
        path=path,
        text=text,
        entries=tuple(entries),
        blocks=tuple(blocks),
        duplicates=tuple(duplicates),
        bom=bom,
        newline=_newline(text),
        strings=strings,
    )


def _keep(entry: Entry, seen: set[str], entries: list[Entry], duplicates: list[Entry]) -> None:
    """An entry whose key (compared case-insensitively, as BibTeX does) was already
    taken is a duplicate; the first one keeps the key."""
    folded = entry.key.casefold()
    if entry.key and folded in seen:
        duplicates.append(entry)
    else:
        seen.add(folded)
        entries.append(entry)


def scan(path: Path, text: str, *, bom: bool = False) -> BibFile:
    """Like ``parse``, but with citekit's scanner instead of bibtexparser: several times
    faster, keeps every syntax problem with its offset (``bib.syntax``), and treats keys
    that differ only in case as duplicates, as BibTeX does. Used by check and fmt."""
    syntax = scanner.scan(text)
    entries: list[Entry] = []
    duplicates: list[Entry] = []
    blocks: list[Block] = []
    strings: dict[str, str] = {}
    seen: set[str] = set()
    for item, line in zip(syntax.items, syntax.lines, strict=True):
        span = (item.start, item.end)
        if item.kind == "entry":
            fs = item.fields
            fields = {f[0].lower(): f[1] for f in fs}  # name -> value
            if len(fields) != len(fs):
                fields = {}
                for f in fs:
                    fields.setdefault(f.name.lower(), f.value)  # BibTeX keeps the first
            # _keep, inline: this loop runs for every entry of a big file
            key = item.key
            entry = Entry(key, item.type.lower(), fields, line, span)
            folded = key.casefold()
            if key and folded in seen:
                duplicates.append(entry)
            else:
                seen.add(folded)
                entries.append(entry)
        elif item.kind == "string":
            for f in item.fields:
                strings[f.name.lower()] = f.value
                blocks.append(Block("string", line, span, key=f.name, value=f.value))
        elif item.kind == "preamble":
            value = item.fields[0].value if item.fields else ""
            blocks.append(Block("preamble", line, span, value=value))
        else:
            blocks.append(Block(item.kind, line, span, value=text[item.start : item.end]))
        if item.issues:
            message = "; ".join(issue.message for issue in item.issues)
            blocks.append(Block("failed", line, span, error=message))
    return BibFile(
        path=path,
        text=text,
        entries=tuple(entries),
        blocks=tuple(blocks),
        duplicates=tuple(duplicates),
        bom=bom,
        newline=_newline(text),
        strings=strings,
        syntax=syntax,
    )


def _short_error(error: str) -> str:
    error = " ".join(error.split()).strip().rstrip(".")
    m = re.search(r"due to syntactical error in bibtex: (.*)", error)
    if m:
        return m.group(1).strip().rstrip(".")
    return error




# --------------------------------------------------------------------------- editing


def splice(bib: BibFile, old: Entry, new_source: str) -> str:
    if old.span is None:
        raise ValueError("only entries read from a file can be replaced")
    start, end = old.span
    return bib.text[:start] + new_source + bib.text[end:]


def splice_spans(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each ``[start, end)`` replaced; edits must not overlap (an edit that
    overlaps an earlier one is dropped, so a second pass can redo it on fresh offsets)."""
    out: list[str] = []
    pos = 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def remove(bib: BibFile, old: Entry) -> str:
    """Text without ``old``; the blank line that separated it goes with it, so that
    adding an entry and removing it again gives back the original bytes."""
    if old.span is None:
        raise ValueError("only entries read from a file can be removed")
    start, end = old.span
    text = bib.text
    nl = bib.newline
    if end == len(text) and text[:start].endswith(nl + nl):
        # the last entry of a file that ends without a newline: append() wrote "\n\n" + it
        return text[: start - 2 * len(nl)]
    # take the entry's own line break
    for brk in ("\r\n", "\n"):
        if text.startswith(brk, end):
            end += len(brk)
            break
    # and the separator before it (an added entry is preceded by one blank line)
    if text[:start].endswith(nl + nl) or (start == len(nl) and text.startswith(nl)):
        start -= len(nl)
    elif start == 0 and text.startswith(nl, end):
        end += len(nl)
    return text[:start] + text[end:]


def append(bib: BibFile, sources: Iterable[str]) -> str:
    """Text with new entries added at the end, each after one blank line, in the file's
    own newline style. Only bytes after the old end change, and ``remove`` of an added
    entry gives the old bytes back (a file without a final newline keeps none)."""
    nl = bib.newline
    text = bib.text
    for source in sources:
        source = source.replace("\r\n", "\n").rstrip("\n").replace("\n", nl)
        if not text:
            text = source + nl
        elif text.endswith(("\n", "\r")):
            text += nl + source + nl
        else:
            text += nl + nl + source
    return text


def indent_of(bib: BibFile) -> str:
    """The indentation the file's entries use for fields (two spaces when unknown)."""
    counts: dict[str, int] = {}
    for entry in bib.entries[:50]:
        if entry.span is None:
            continue
        source = bib.text[entry.span[0] : entry.span[1]]
        for m in re.finditer(r"\n([ \t]+)\w[\w:.-]*\s*=", source):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "  "


def format_entry(
    entry_type: str,
    key: str,
    fields: Mapping[str, str],
    *,
    indent: str = "  ",
    newline: str = "\n",
) -> str:
    """BibTeX source for a new entry. Values are written as given (already braced or
    bare macros/numbers); plain values get braces."""
    lines = [f"@{entry_type}{{{key},"]
    for name, value in fields.items():
        lines.append(f"{indent}{name} = {braced(value, name=name)},")
    lines.append("}")
    return newline.join(lines)


_BARE = re.compile(r"^(\d+|[A-Za-z][\w:.+/-]*)$")


def braced(value: str, *, name: str = "") -> str:
    """A value as BibTeX source: bare numbers stay bare, text gets braces. Raises when
    the braces do not balance: written out, they would break the file."""
    # a line break is a space to BibTeX, but bibtexparser and citekit's own scanner
    # read "@" at the start of a line as a new entry, even inside braces
    value = re.sub(r"\r?\n(?=[ \t]*@)", " ", value.strip())
    if value.isdigit():
        return value
    if (value.startswith("{") and value.endswith("}") and latex.one_group(value)) or (
        value.startswith('"') and value.endswith('"') and len(value) > 1
    ):
        source = value
    else:
        source = "{" + value + "}"
    if not latex.one_group("{" + source[1:-1] + "}"):
        what = f"{name} {value!r}" if name else repr(value)
        raise CitekitError(
            f"{what}: its braces do not balance, which would break the .bib file; "
            "pair or remove them (in a URL, write %7B and %7D)"
        )
    return source


# --------------------------------------------------------------------------- writing


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder that holds ``path`` while editing it.

    The lock is taken on the folder itself (flock on a directory descriptor), so no lock
    file is left behind; the file is replaced by rename, so locking the file would not
    serialise writers."""
    folder = path.resolve().parent
    if folder in _HELD:  # this process holds it already (an edit calls write_if_changed)
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as e:
        raise CitekitError(f"{folder}: cannot open the folder ({e.strerror})") from None
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows has no flock; writes stay atomic
            yield
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        _HELD.add(folder)
        try:
            yield
        finally:
            _HELD.discard(folder)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


_HELD: set[Path] = set()


def atomic_write(path: Path, text: str, *, bom: bool = False) -> None:
    """Replace ``path`` with ``text`` all at once: temp file, fsync, rename."""
    import tempfile  # only when writing: `check` without --fix never needs it

    require_regular(path)
    data = ((BOM if bom else "") + text).encode("utf-8")
    folder = path.resolve().parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise CitekitError(
            f"{path}: cannot write in {folder} ({e.strerror}); check the folder's permissions"
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path.resolve())
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        what = "the disk is full" if e.errno == errno.ENOSPC else e.strerror
        raise CitekitError(f"{path}: could not write ({what}); the file is unchanged") from None
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_if_changed(bib: BibFile, text: str) -> bool:
    """Write ``text`` over the file ``bib`` was read from, under the lock, unless another
    program (a concurrent `citekit add`, an editor) changed the file since: writing then
    would silently undo that change."""
    if text == bib.text:
        return False
    require_regular(bib.path)
    with locked(bib.path):
        try:
            current = bib.path.read_bytes()
        except OSError:
            current = b""
        if current != ((BOM if bib.bom else "") + bib.text).encode("utf-8"):
            raise CitekitError(
                f"{bib.path}: changed by another program while citekit worked on it; "
                "nothing written, run the command again"
            )
        atomic_write(bib.path, text, bom=bib.bom)
    return True


def require_regular(path: Path) -> None:
    """Refuse to replace a device, pipe or socket: reading one is fine (`<(...)`), but the
    rename would put a regular file in its place (as root, over /dev/null itself)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing or unreadable: the caller says which
    if not stat.S_ISREG(mode):
        raise CitekitError(
            f"{path}: not a regular file (a device, pipe or folder), so citekit will not "
            "replace it; use a .bib file"
        )


def check_writable(path: Path) -> None:
    """Fail early, before any work, when the library cannot be replaced."""
    require_regular(path)
    folder = path.resolve().parent
    if folder.exists() and not folder.is_dir():
        raise CitekitError(f"{path}: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise CitekitError(f"{path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CitekitError(
            f"{path}: the folder {folder} is not writable; citekit writes a temporary file "
            "beside the library and renames it, so it needs write access to the folder"
        )
