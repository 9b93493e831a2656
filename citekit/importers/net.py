"""The only network code in citekit: ``get(url, accept=..., settings=...) -> Response``.

A plain ``urllib.request`` client with a timeout, retries with exponential back-off on
5xx answers, 429 and timeouts, a ``User-Agent`` naming citekit, and one clear line for
every failure (``NetworkError``). Base URLs, timeout and retries come from
``[tool.citekit.net]`` and ``CITEKIT_*`` environment variables (see ``settings``).
"""

from __future__ import annotations

import http.client
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from citekit import __version__
from citekit.config import setting_key
from citekit.errors import CitekitError
from citekit.errors import NetworkError

USER_AGENT = f"citekit/{__version__} (+https://citekit.dev)"

# each service's public endpoint; tests and mirrors point these elsewhere
DEFAULT_URLS = {
    "doi": "https://doi.org",
    "arxiv": "https://export.arxiv.org/api/query",
    "isbn": "https://openlibrary.org/api/books",
    "pubmed": "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi",
}

MAX_BYTES = 20 * 1024 * 1024  # a web page or API answer larger than this is not metadata


@dataclass(frozen=True)
class Settings:
    urls: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_URLS))
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 0.5  # seconds before the first retry; doubles each time

    def url(self, service: str) -> str:
        return self.urls.get(service, DEFAULT_URLS[service]).rstrip("/")


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    body: bytes
    content_type: str = ""
    charset: str = ""

    def text(self) -> str:
        for encoding in (self.charset, "utf-8"):
            if encoding:
                try:
                    return self.body.decode(encoding)
                except (LookupError, UnicodeDecodeError):
                    continue
        return self.body.decode("utf-8", errors="replace")


_KEYS = {f"{s}_url" for s in DEFAULT_URLS} | {"timeout", "retries", "backoff"}


def settings(
    table: Mapping[str, Any],
    env: Mapping[str, str] | None = None,
    *,
    where: str = "[tool.citekit.net]",
) -> Settings:
    """Validated settings from ``[tool.citekit.net]`` (errors start with ``where``, the
    table as the settings file names it); ``CITEKIT_DOI_URL``, ``CITEKIT_NET_TIMEOUT``,
    ``CITEKIT_NET_RETRIES`` … override the file."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        values[setting_key(raw_key, _KEYS, f"{where}: ")] = value
    for service in DEFAULT_URLS:
        if env.get(f"CITEKIT_{service.upper()}_URL"):
            values[f"{service}_url"] = env[f"CITEKIT_{service.upper()}_URL"]
    for name in ("timeout", "retries", "backoff"):
        if env.get(f"CITEKIT_NET_{name.upper()}"):
            values[name] = env[f"CITEKIT_NET_{name.upper()}"]
    urls = dict(DEFAULT_URLS)
    for service in DEFAULT_URLS:
        url = values.get(f"{service}_url")
        if url is None:
            continue
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            raise CitekitError(f"{where}: {service}_url must be an http(s) URL, not {url!r}")
        urls[service] = url
    return Settings(
        urls=urls,
        timeout=_number(where, "timeout", values.get("timeout", 15.0), float, minimum=0.001),
        retries=int(_number(where, "retries", values.get("retries", 2), int, minimum=0)),
        backoff=_number(where, "backoff", values.get("backoff", 0.5), float, minimum=0.0),
    )


def _number(where: str, name: str, value: Any, kind: type, *, minimum: float) -> float:
    try:
        if isinstance(value, bool):
            raise ValueError
        number = float(kind(value))
    except (TypeError, ValueError):
        raise CitekitError(f"{where}: {name} must be a number, not {value!r}") from None
    if number < minimum:
        raise CitekitError(f"{where}: {name} must be at least {minimum:g}, not {value!r}")
    return number


def _retryable(status: int) -> bool:
    return status == 429 or status >= 500


def get(
    url: str,
    *,
    accept: str,
    settings: Settings,
    sleep: Callable[[float], None] = time.sleep,
) -> Response:
    """The body at ``url``; raises ``NetworkError`` with one line saying what went wrong."""
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": accept}, method="GET"
    )
    host = urlsplit(url).netloc or url
    attempts = settings.retries + 1
    last = ""
    asked = 0.0  # what the service's Retry-After asked for
    for attempt in range(attempts):
        if attempt:
            sleep(max(settings.backoff * 2 ** (attempt - 1), asked))
        try:
            with urllib.request.urlopen(request, timeout=settings.timeout) as answer:
                body = answer.read(MAX_BYTES + 1)
                if len(body) > MAX_BYTES:
                    raise NetworkError(f"{url}: the answer is larger than 20 MB; not metadata")
                headers: Message = answer.headers
                length = headers.get("Content-Length", "")
                if length.isdigit() and len(body) < int(length):
                    raise http.client.IncompleteRead(body, int(length) - len(body))
                return Response(
                    answer.geturl(),
                    body,
                    headers.get_content_type(),
                    headers.get_content_charset() or "",
                )
        except urllib.error.HTTPError as e:
            if e.code == 404:
                raise NetworkError(f"{url}: not found (HTTP 404); check the identifier") from None
            if not _retryable(e.code):
                raise NetworkError(f"{url}: HTTP {e.code} {e.reason}") from None
            last = f"HTTP {e.code} {e.reason}"
            asked = _retry_after(e.headers.get("Retry-After", "") if e.headers else "")
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, TimeoutError):
                last = f"no answer within {settings.timeout:g} s"
                continue
            raise NetworkError(
                f"{url}: cannot reach {host} ({_reason(reason)}); are you online?"
            ) from None
        except TimeoutError:
            last = f"no answer within {settings.timeout:g} s"
        except (OSError, http.client.HTTPException) as e:
            # a connection dropped mid-answer is worth another try
            last = f"the connection failed ({_reason(e)})"
    tries = f"{attempts} tr{'y' if attempts == 1 else 'ies'}"
    raise NetworkError(f"{url}: {last} after {tries}; try again later")


def _retry_after(value: str) -> float:
    # seconds only (an HTTP date is rare from APIs); never wait longer than a minute
    return min(float(value), 60.0) if value.strip().isdigit() else 0.0


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__
