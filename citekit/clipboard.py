"""Put text on the system clipboard with the platform's own tool.

X11 (xclip, xsel), Wayland (wl-copy), macOS (pbcopy), Windows/WSL (clip.exe). These
tools offer one format per copy, so HTML goes up as text/html where the tool can label
it (xclip, wl-copy) and as plain text elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

from citekit.errors import CitekitError


def _commands(html: bool) -> list[tuple[str, list[str]]]:
    kind = "text/html" if html else "text/plain;charset=utf-8"
    cands: list[tuple[str, list[str]]] = []
    if os.environ.get("WAYLAND_DISPLAY"):
        cands.append(("wl-copy", ["wl-copy", "--type", kind]))
    if os.environ.get("DISPLAY"):
        target = "text/html" if html else "UTF8_STRING"
        cands.append(("xclip", ["xclip", "-selection", "clipboard", "-t", target]))
        cands.append(("xsel", ["xsel", "--clipboard", "--input"]))
    if sys.platform == "darwin":
        cands.append(("pbcopy", ["pbcopy"]))
    cands.append(("clip.exe", ["clip.exe"]))
    return cands


def copy(text: str, *, html: str | None = None) -> str:
    """Copy ``html`` (if the tool can label it) or ``text``; returns what was used."""
    for name, argv in _commands(html is not None):
        if shutil.which(argv[0]) is None:
            continue
        payload = html if html is not None and name in ("xclip", "wl-copy") else text
        # xclip and wl-copy leave a child behind that serves the clipboard; it must not
        # hold our pipes open, or we would wait for it
        with tempfile.TemporaryFile() as errors:
            try:
                subprocess.run(argv, input=payload.encode("utf-8"), check=True, timeout=10,
                               stdout=subprocess.DEVNULL, stderr=errors)
            except (OSError, subprocess.SubprocessError) as e:
                errors.seek(0)
                detail = errors.read().decode("utf-8", "replace").strip() or str(e)
                raise CitekitError(
                    f"the clipboard tool {name} failed ({detail}); nothing copied"
                ) from None
        what = "HTML" if payload is html else "plain text"
        return f"{what} via {name}"
    raise CitekitError(
        "no clipboard here: install xclip or xsel (X11), wl-clipboard (Wayland), or run on "
        "a desktop; the output above is not copied"
    )
