"""A real HTTP server on 127.0.0.1 serving recorded answers, and settings pointing at it.

No test touches the internet: every base URL is this server's.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs
from urllib.parse import urlsplit

import pytest

from citekit.importers import net

NET = Path(__file__).resolve().parents[1] / "data" / "net"

JSON = "application/json"
CSL = "application/vnd.citationstyles.csl+json"
ATOM = "application/atom+xml; charset=utf-8"
XML = "text/xml; charset=utf-8"
HTML = "text/html; charset=utf-8"


def _file(name: str) -> bytes:
    return (NET / name).read_bytes()


@dataclass
class Server:
    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        return {
            "CITEKIT_DOI_URL": f"{self.base}/doi",
            "CITEKIT_ARXIV_URL": f"{self.base}/arxiv/query",
            "CITEKIT_ISBN_URL": f"{self.base}/isbn/books",
            "CITEKIT_PUBMED_URL": f"{self.base}/pubmed/efetch.fcgi",
            "CITEKIT_NET_TIMEOUT": "0.3",
            "CITEKIT_NET_RETRIES": "1",
            "CITEKIT_NET_BACKOFF": "0",
        }

    def settings(self, **overrides: object) -> net.Settings:
        table = {"timeout": 0.3, "retries": 1, "backoff": 0}
        table.update(overrides)  # type: ignore[arg-type]
        return net.settings(table, {k: v for k, v in self.env().items() if k.endswith("_URL")})


def _route(server: Server, path: str, query: dict[str, list[str]]) -> tuple[int, str, bytes]:
    """(status, content type, body) for a request: the recorded answers."""
    q = {k: v[0] for k, v in query.items()}
    if path == "/doi/10.1017/S0020818300033324":
        return 200, CSL, _file("doi-fearon1995.json")
    if path == "/doi/10.9999/flaky":
        # fails once, then answers: a retry must get through
        if server.hits[path] == 1:
            return 503, "text/plain", b"busy"
        return 200, CSL, _file("doi-fearon1995.json")
    if path == "/doi/10.9999/broken":
        return 500, "text/html", b"<h1>Internal Server Error</h1>"
    if path == "/doi/10.9999/slow":
        time.sleep(1.0)
        return 200, CSL, _file("doi-fearon1995.json")
    if path == "/doi/10.9999/busy":
        return 429, "text/plain", b"slow down"  # with Retry-After: 7
    if path == "/doi/10.9999/forbidden":
        return 403, "text/plain", b"no"
    if path == "/doi/10.9999/cut":
        return 200, CSL, b"CUT"  # the handler promises more bytes than it sends
    if path == "/doi/10.9999/garbage":
        return 200, CSL, b"<html>\x00\x01 not json"
    if path == "/arxiv/query":
        ident = q.get("id_list", "")
        if ident == "1706.03762":
            return 200, ATOM, _file("arxiv-1706.03762.xml")
        if ident == "9999.99999":
            return 200, ATOM, _file("arxiv-error.xml")
        if ident == "2101.00666":
            return 200, ATOM, b"<feed><entry>unclosed"
        if ident == "2101.00500":
            return 500, "text/plain", b"oops"
        return 200, ATOM, _file("arxiv-empty.xml")
    if path == "/isbn/books":
        if q.get("bibkeys") == "ISBN:9780544935273":
            return 200, JSON, _file("openlibrary-9780544935273.json")
        if q.get("bibkeys") == "ISBN:9780306406157":
            return 200, JSON, b"[1, 2"
        if q.get("bibkeys") == "ISBN:9781566199094":
            return 500, "text/plain", b"oops"
        return 200, JSON, b"{}"
    if path == "/pubmed/efetch.fcgi":
        if q.get("id") == "32015507":
            return 200, XML, _file("pubmed-32015507.xml")
        if q.get("id") == "666":
            return 200, XML, b"<?xml version='1.0'?><PubmedArticleSet><PubmedArticle>"
        if q.get("id") == "500":
            return 500, "text/plain", b"oops"
        return 200, XML, _file("pubmed-empty.xml")
    if path.startswith("/pages/"):
        name = path.removeprefix("/pages/")
        if name == "slow.html":
            time.sleep(1.0)
        if name == "paper.pdf":
            return 200, "application/pdf", b"%PDF-1.7 ..."
        page = NET / "pages" / name
        if page.is_file():
            return 200, HTML, page.read_bytes()
    return 404, "text/html", b"<h1>Not Found</h1>"


@pytest.fixture(scope="session")
def _server() -> Iterator[Server]:
    server: Server

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            parts = urlsplit(self.path)
            server.requests.append((self.path, dict(self.headers.items())))
            server.hits[parts.path] = server.hits.get(parts.path, 0) + 1
            status, ctype, body = _route(server, parts.path, parse_qs(parts.query))
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                if status == 429:
                    self.send_header("Retry-After", "7")
                length = len(body) + (100 if body == b"CUT" else 0)
                self.send_header("Content-Length", str(length))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server = Server(f"http://127.0.0.1:{httpd.server_address[1]}")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server(_server: Server, monkeypatch: pytest.MonkeyPatch) -> Server:
    """The server, its counters reset, and CITEKIT_* pointing every service at it."""
    _server.requests.clear()
    _server.hits.clear()
    for name, value in _server.env().items():
        monkeypatch.setenv(name, value)
    return _server


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    # a test that forgets the server fixture gets a refused connection, never the internet
    for service in net.DEFAULT_URLS:
        monkeypatch.setenv(f"CITEKIT_{service.upper()}_URL", f"http://127.0.0.1:9/{service}")
    monkeypatch.setenv("CITEKIT_NET_RETRIES", "0")
