"""The URL fetcher connects to the address it checked: a host whose DNS answer changes after
the check (DNS rebinding) is still reached at the first, vetted address, after every redirect
too; and a page that drips in slower than the overall deadline is given up with a 504."""
from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest

from checker.usecases.fetch import FetchSettings, fetch_article
from checker.api.problems import Problem

BODY = b"<html><body><p>Pentagon: 10.000 tentara.</p></body></html>"


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", f"http://rebind-again.test:{self.server.server_port}/page")
            self.end_headers()
            return
        if self.path == "/host":
            named = self.headers["Host"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(named)))
            self.end_headers()
            self.wfile.write(named)
            return
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"a " * 2000)
                self.wfile.flush()
                time.sleep(0.1)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *_args):
        pass


@pytest.fixture(scope="module")
def port():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port
    server.shutdown()
    server.server_close()


@pytest.fixture
def rebinding_dns(monkeypatch):
    """The resolver (the standard library's, not ours) answers each '.test' name first with the
    loopback page server, then with an address nothing listens on."""
    real = socket.getaddrinfo
    answers = []

    def getaddrinfo(host, port, *args, **kwargs):
        if isinstance(host, str) and host.endswith(".test"):
            address = "10.255.255.1" if host in answers else "127.0.0.1"
            answers.append(host)
            return real(address, port, *args, **kwargs)
        return real(host, port, *args, **kwargs)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


def test_the_connection_goes_to_the_checked_address(port, rebinding_dns):
    settings = FetchSettings(allow_hosts=frozenset({"rebind.test", "rebind-again.test"}), connect_timeout=1.0,
                             read_timeout=5.0)
    page = fetch_article(f"http://rebind.test:{port}/page", settings)
    assert "10.000 tentara" in page.text
    assert len(rebinding_dns) == 1  # resolved once, by the check; the connection asked no one
    rebinding_dns.clear()
    page = fetch_article(f"http://rebind.test:{port}/hop", settings)  # and after a redirect
    assert "10.000 tentara" in page.text and page.url.endswith("/page")
    assert rebinding_dns == ["rebind.test", "rebind-again.test"]


def test_a_page_dripping_past_the_deadline_is_given_up(port):
    settings = FetchSettings(allow_hosts=frozenset({"127.0.0.1"}), read_timeout=5.0, deadline=1.0)
    started = time.monotonic()
    with pytest.raises(Problem) as refused:
        fetch_article(f"http://127.0.0.1:{port}/drip", settings)
    assert refused.value.status == 504
    assert time.monotonic() - started < 3


def test_a_pinned_connection_asks_no_resolver_and_keeps_the_host_name(port):
    """The name is never looked up ('.invalid' has no address): the socket goes to the pinned
    address, and the server is still told the name it was asked for."""
    import requests

    from checker.usecases.fetch import _PinnedAdapter

    with requests.Session() as session:
        session.mount("http://", _PinnedAdapter("127.0.0.1"))
        answer = session.get(f"http://never-resolved.invalid:{port}/host", timeout=5)
    assert answer.text == f"never-resolved.invalid:{port}"
