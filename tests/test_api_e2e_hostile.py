"""Hostile clients against the real server (gunicorn with gunicorn.conf.py, two workers, on a
loopback port): clients trickling their headers do not starve the others, a chunked body over
the limit is refused (not cut and stored), and gunicorn's own 414 is a problem document."""
from __future__ import annotations

import socket
import time
from urllib.parse import urlsplit

import pytest
import requests

from test_api_e2e import AUTH, start_server, stop


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    process, base = start_server(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.sqlite3'}")
    yield base
    stop(process)


def _address(base: str) -> tuple[str, int]:
    parts = urlsplit(base)
    return parts.hostname, parts.port


def test_clients_trickling_headers_do_not_starve_the_others(server):
    slow = []
    try:
        for _ in range(6):  # more than the two workers a sync server had
            s = socket.create_connection(_address(server), timeout=30)
            s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
            slow.append(s)
        for round_ in range(3):
            for s in slow:
                s.sendall(b"X-Slow: %d\r\n" % round_)  # a header now and then, never the end
            started = time.monotonic()
            answer = requests.get(server + "/health", timeout=10)
            assert answer.status_code == 200
            assert time.monotonic() - started < 5
            time.sleep(0.5)
    finally:
        for s in slow:
            s.close()


def test_a_chunked_body_over_the_limit_is_refused_not_cut(server):
    limit = 2 * 1024 * 1024
    text = ("Pentagon mengatakan 8.000 tentara Korea Utara tiba di Kursk pada 4 November 2024. " * 30000)
    assert len(text.encode()) > limit

    def chunks():
        data = text.encode()
        for start in range(0, len(data), 64 * 1024):
            yield data[start:start + 64 * 1024]
    answer = requests.post(server + "/articles", data=chunks(), timeout=60,
                           headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
    assert answer.status_code == 413
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert requests.get(server + "/articles", timeout=60).json()["total"] == 0
    # under the limit, chunked is read whole
    small = text[:20000].encode()
    answer = requests.post(server + "/articles", data=iter([small[:9000], small[9000:]]), timeout=120,
                           headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
    assert answer.status_code == 201, answer.text
    stored = requests.get(server + answer.headers["Location"].split("/api/v1", 1)[1], timeout=60).json()
    assert stored["claims"]


def test_gunicorns_own_414_is_a_problem_document(server):
    answer = requests.get(server + "/articles", params={"source": "x" * 10000}, timeout=60)
    assert answer.status_code == 414
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert answer.json()["status"] == 414
