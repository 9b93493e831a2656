"""The clipboard for real: a virtual X screen (Xvfb) and xclip, where they are installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from citekit import clipboard
from citekit.cli import cli
from citekit.errors import CitekitError


@pytest.fixture
def xdisplay(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if not (shutil.which("Xvfb") and shutil.which("xclip")):
        pytest.skip("Xvfb and xclip are not installed (apt-get install xvfb xclip)")
    display = f":{90 + os.getpid() % 500}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.05)
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    try:
        yield display
    finally:
        subprocess.run(["pkill", "-f", f"xclip.*{display}"], check=False)
        server.terminate()
        server.wait(timeout=10)


def _paste(target: str) -> str:
    return subprocess.run(
        ["xclip", "-o", "-selection", "clipboard", "-t", target],
        capture_output=True,
        timeout=10,
        check=True,
    ).stdout.decode()


def test_format_copy_puts_html_on_the_x_clipboard(
    xdisplay: str, runner: CliRunner, sample: Path
) -> None:
    result = runner.invoke(
        cli, ["--library", str(sample), "format", "pollmann2023japan", "--style", "apa", "--copy"]
    )
    assert result.exit_code == 0, result.output
    assert "copied to the clipboard (HTML via xclip)" in result.stderr
    pasted = _paste("text/html")
    assert pasted.startswith('<div class="csl-bib-body">')
    assert "<i>The Diplomat</i>" in pasted


def test_plain_text_copy(xdisplay: str) -> None:
    assert clipboard.copy("Pollmann, Mina. “Title.”") == "plain text via xclip"
    assert _paste("UTF8_STRING") == "Pollmann, Mina. “Title.”"


def test_no_clipboard_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(CitekitError, match="no clipboard here: install xclip"):
        clipboard.copy("x")
