from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from citekit import __version__
from citekit.errors import CitekitError
from citekit.errors import NetworkError
from citekit.importers import net


def test_get_sends_user_agent_and_accept(server):
    answer = net.get(
        f"{server.base}/doi/10.1017/S0020818300033324",
        accept="application/x-test",
        settings=server.settings(),
    )
    assert answer.content_type == "application/vnd.citationstyles.csl+json"
    assert b"Rationalist explanations for war" in answer.body
    path, headers = server.requests[-1]
    assert path == "/doi/10.1017/S0020818300033324"
    assert headers["User-Agent"] == f"citekit/{__version__} (+https://citekit.dev)"
    assert headers["Accept"] == "application/x-test"


def test_404_is_one_clear_line_without_retrying(server):
    url = f"{server.base}/doi/10.9999/missing"
    with pytest.raises(NetworkError) as e:
        net.get(url, accept="*/*", settings=server.settings(retries=3))
    assert str(e.value) == f"{url}: not found (HTTP 404); check the identifier"
    assert server.hits["/doi/10.9999/missing"] == 1


def test_500_is_retried_with_exponential_back_off(server):
    url = f"{server.base}/doi/10.9999/broken"
    slept: list[float] = []
    with pytest.raises(NetworkError) as e:
        net.get(
            url, accept="*/*", settings=server.settings(retries=3, backoff=0.5), sleep=slept.append
        )
    assert str(e.value) == (f"{url}: HTTP 500 Internal Server Error after 4 tries; try again later")
    assert slept == [0.5, 1.0, 2.0]
    assert server.hits["/doi/10.9999/broken"] == 4


def test_a_retry_gets_through_a_passing_failure(server):
    answer = net.get(f"{server.base}/doi/10.9999/flaky", accept="*/*", settings=server.settings())
    assert answer.body.startswith(b"{")
    assert server.hits["/doi/10.9999/flaky"] == 2


def test_timeout_is_retried_then_reported(server):
    url = f"{server.base}/doi/10.9999/slow"
    with pytest.raises(NetworkError) as e:
        net.get(url, accept="*/*", settings=server.settings(timeout=0.1, retries=1))
    assert str(e.value) == f"{url}: no answer within 0.1 s after 2 tries; try again later"


def test_offline_is_one_clear_line():
    # port 9 (discard) on the loopback refuses connections
    with pytest.raises(NetworkError) as e:
        net.get("http://127.0.0.1:9/x", accept="*/*", settings=net.Settings(retries=0))
    assert str(e.value).startswith("http://127.0.0.1:9/x: cannot reach 127.0.0.1:9 (")
    assert str(e.value).endswith("); are you online?")


def test_response_text_uses_the_charset_then_utf8():
    assert net.Response("u", "é".encode("latin-1"), "text/html", "latin-1").text() == "é"
    assert net.Response("u", "é".encode(), "text/html", "bogus-charset").text() == "é"
    assert net.Response("u", b"\xff", "text/html").text() == "\ufffd"


def test_settings_defaults_are_the_public_endpoints():
    s = net.settings({}, {})
    assert s.urls == net.DEFAULT_URLS
    assert (s.timeout, s.retries, s.backoff) == (15.0, 2, 0.5)
    assert s.url("doi") == net.DEFAULT_URLS["doi"]


def test_settings_from_config_and_environment():
    s = net.settings(
        {"doi-url": "http://127.0.0.1:1/doi/", "timeout": 3, "retries": 0},
        {"CITEKIT_ISBN_URL": "http://127.0.0.1:2/isbn", "CITEKIT_NET_TIMEOUT": "0.5"},
    )
    assert s.url("doi") == "http://127.0.0.1:1/doi"
    assert s.url("isbn") == "http://127.0.0.1:2/isbn"
    assert (s.timeout, s.retries) == (0.5, 0)


@pytest.mark.parametrize(("table", "message"), (
    pytest.param({"doi_ulr": "x"}, "[tool.citekit.net]: unknown setting 'doi_ulr'; did you mean "
                 "'doi_url'?", id="typo"),
    pytest.param({"colour": 1}, "[tool.citekit.net]: unknown setting 'colour'", id="unknown"),
    pytest.param({"doi_url": "ftp://x"}, "[tool.citekit.net]: doi_url must be an http(s) URL, not "
                 "'ftp://x'", id="not http"),
    pytest.param({"timeout": "soon"}, "[tool.citekit.net]: timeout must be a number, not 'soon'",
                 id="not a number"),
    pytest.param({"retries": True}, "[tool.citekit.net]: retries must be a number, not True",
                 id="bool"),
    pytest.param({"retries": -1}, "[tool.citekit.net]: retries must be at least 0, not -1",
                 id="negative"),
    pytest.param({"timeout": 0}, "[tool.citekit.net]: timeout must be at least 0.001, not 0",
                 id="zero"),
))  # fmt: skip
def test_settings_are_validated(table, message):
    with pytest.raises(CitekitError) as e:
        net.settings(table, {})
    assert str(e.value) == message


def test_other_client_errors_are_not_retried(server):
    url = f"{server.base}/doi/10.9999/forbidden"
    with pytest.raises(NetworkError) as e:
        net.get(url, accept="*/*", settings=server.settings(retries=3))
    assert str(e.value) == f"{url}: HTTP 403 Forbidden"
    assert server.hits["/doi/10.9999/forbidden"] == 1


def test_a_cut_connection_is_retried_then_reported(server):
    url = f"{server.base}/doi/10.9999/cut"
    with pytest.raises(NetworkError) as e:
        net.get(url, accept="*/*", settings=server.settings(retries=1))
    assert str(e.value) == (
        f"{url}: the connection failed (IncompleteRead(3 bytes read, 100 more expected)) after "
        "2 tries; try again later"
    )
    assert server.hits["/doi/10.9999/cut"] == 2


def test_an_answer_too_large_is_refused(server, monkeypatch):
    monkeypatch.setattr(net, "MAX_BYTES", 10)
    url = f"{server.base}/doi/10.1017/S0020818300033324"
    with pytest.raises(NetworkError) as e:
        net.get(url, accept="*/*", settings=server.settings())
    assert str(e.value) == f"{url}: the answer is larger than 20 MB; not metadata"


@pytest.mark.parametrize(("error", "message"), (
    pytest.param(urllib.error.URLError(TimeoutError("timed out")), "no answer within 0.3 s",
                 id="connect timeout"),
    pytest.param(ConnectionResetError(104, "Connection reset by peer"),
                 "the connection failed (Connection reset by peer)", id="reset"),
    pytest.param(OSError(), "the connection failed (OSError)", id="bare OSError"),
))  # fmt: skip
def test_transient_failures_are_retried(monkeypatch, error, message):
    calls: list[float] = []

    def urlopen(request, timeout):
        calls.append(timeout)
        raise error

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    with pytest.raises(NetworkError) as e:
        net.get(
            "http://127.0.0.1:1/x",
            accept="*/*",
            settings=net.Settings(timeout=0.3, retries=2, backoff=0),
            sleep=lambda s: None,
        )
    assert str(e.value) == f"http://127.0.0.1:1/x: {message} after 3 tries; try again later"
    assert calls == [0.3, 0.3, 0.3]


def test_retry_after_is_honoured_up_to_a_minute(server):
    url = f"{server.base}/doi/10.9999/busy"
    slept: list[float] = []
    with pytest.raises(NetworkError) as e:
        net.get(url, accept="*/*", settings=server.settings(retries=2, backoff=0.5),
                sleep=slept.append)  # fmt: skip
    assert str(e.value) == f"{url}: HTTP 429 Too Many Requests after 3 tries; try again later"
    assert slept == [7.0, 7.0]
    assert net._retry_after("3600") == 60.0
    assert net._retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
