"""Fetching an article by URL without becoming a proxy into the server's own network:
timeouts (and an overall deadline), a size cap, a content-type check, a redirect limit, and no
private, loopback, link-local or otherwise non-public address unless the host is explicitly
allowed. Each hop's host is resolved once: the connection goes to the address that was checked
(the host name still names the server for TLS and the Host header), so a DNS answer that changes
between the check and the connection (DNS rebinding) cannot reach an inner address."""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from checker.usecases.problems import Problem

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


@dataclass(frozen=True)
class FetchSettings:
    allow_hosts: frozenset[str] = field(default_factory=frozenset)  # names allowed past the address check
    connect_timeout: float = 3.05
    read_timeout: float = 10.0
    max_bytes: int = 2 * 1024 * 1024
    max_redirects: int = 5
    deadline: float = 30.0  # seconds for the whole fetch, however slowly the page drips in


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    text: str
    html: bool


def _refuse(detail: str) -> Problem:
    return Problem(422, "URL refused", detail, field="url", slug="url-refused")


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_destination(url: str, settings: FetchSettings) -> str:
    """The address to connect to for `url`; a 422 problem unless it is http(s) to a public
    address or an allowed host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _refuse(f"{url!r} is not an http or https URL with a host")
    host = parts.hostname.lower()
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise Problem(422, "URL unreachable", f"cannot resolve host {host!r}: {exc}", field="url",
                      slug="url-unreachable")
    if not addresses:
        raise Problem(422, "URL unreachable", f"host {host!r} has no address", field="url", slug="url-unreachable")
    private = sorted({a for a in addresses if not _public(a)})
    if private and host not in settings.allow_hosts:
        raise _refuse(f"host {host!r} resolves to a non-public address ({private[0]}); "
                      "fetching private, loopback and link-local addresses is not allowed")
    return addresses[0]


class _Pinned:
    """A connection whose socket goes to `address` whatever its host name resolves to now."""

    address: str = ""

    def _new_conn(self):
        named = self._dns_host
        self._dns_host = self.address  # only the socket's connect reads it; TLS and Host use the name
        try:
            return super()._new_conn()
        finally:
            self._dns_host = named


class _PinnedAdapter(HTTPAdapter):
    def __init__(self, address: str):
        self.address = address
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        pinned = {"address": self.address}
        http = type("PinnedHTTPConnection", (_Pinned, HTTPConnection), pinned)
        https = type("PinnedHTTPSConnection", (_Pinned, HTTPSConnection), pinned)
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("PinnedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http}),
            "https": type("PinnedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https})}


def _media_type(response: requests.Response) -> str:
    return (response.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()


def fetch_article(url: str, settings: FetchSettings) -> FetchedPage:
    """The page at `url`, each redirect hop checked like the first request and connected to
    the address its check vetted."""
    deadline = time.monotonic() + settings.deadline
    current = url
    for _hop in range(settings.max_redirects + 1):
        address = check_destination(current, settings)
        with requests.Session() as session:
            session.trust_env = False  # an environment proxy would bypass the address check
            adapter = _PinnedAdapter(address)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            try:
                response = session.get(current, stream=True, allow_redirects=False,
                                       timeout=(settings.connect_timeout, settings.read_timeout),
                                       headers={"Accept": "text/html, text/plain;q=0.9"})
            except requests.RequestException as exc:
                raise Problem(502, "Fetch failed", f"fetching {current} failed: {type(exc).__name__}",
                              slug="fetch-failed")
            with response:
                if response.is_redirect and response.headers.get("Location"):
                    current = urljoin(current, response.headers["Location"])
                    continue
                return _read(current, response, settings, deadline)
    raise Problem(502, "Too many redirects", f"{url} redirected more than {settings.max_redirects} times",
                  slug="too-many-redirects")


def _read(url: str, response: requests.Response, settings: FetchSettings, deadline: float) -> FetchedPage:
    if response.status_code >= 400:
        raise Problem(502, "Fetch failed", f"{url} answered HTTP {response.status_code}", slug="fetch-failed")
    media = _media_type(response)
    if media not in HTML_TYPES + TEXT_TYPES:
        raise Problem(422, "URL content not supported",
                      f"{url} serves {media or 'no content type'}; only text/html and text/plain are read",
                      field="url", slug="url-content-not-supported")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise _too_large(url, settings)
    chunks, size = [], 0
    try:
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > settings.max_bytes:
                raise _too_large(url, settings)
            if time.monotonic() > deadline:
                raise Problem(504, "Fetch too slow", f"{url} did not arrive within {settings.deadline:g} s",
                              slug="fetch-too-slow")
            chunks.append(chunk)
    except requests.RequestException as exc:
        raise Problem(502, "Fetch failed", f"reading {url} failed: {type(exc).__name__}", slug="fetch-failed")
    raw = b"".join(chunks)
    encoding = response.encoding if "charset" in (response.headers.get("Content-Type") or "").lower() else "utf-8"
    try:
        text = raw.decode(encoding or "utf-8", errors="replace")
    except LookupError:
        text = raw.decode("utf-8", errors="replace")
    return FetchedPage(url, text, media in HTML_TYPES)


def _too_large(url: str, settings: FetchSettings) -> Problem:
    return Problem(422, "URL content too large", f"{url} is larger than {settings.max_bytes} bytes",
                   field="url", slug="url-content-too-large")
