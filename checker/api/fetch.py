"""Fetching an article by URL without becoming a proxy into the server's own network:
timeouts, a size cap, a content-type check, a redirect limit, and no private, loopback,
link-local or otherwise non-public address unless the host is explicitly allowed."""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests

from checker.api.problems import Problem

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


@dataclass(frozen=True)
class FetchSettings:
    allow_hosts: frozenset[str] = field(default_factory=frozenset)  # names allowed past the address check
    connect_timeout: float = 3.05
    read_timeout: float = 10.0
    max_bytes: int = 2 * 1024 * 1024
    max_redirects: int = 5


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


def check_destination(url: str, settings: FetchSettings) -> None:
    """Raise a 422 problem unless `url` is http(s) to a public address or an allowed host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _refuse(f"{url!r} is not an http or https URL with a host")
    host = parts.hostname.lower()
    if host in settings.allow_hosts:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise Problem(422, "URL unreachable", f"cannot resolve host {host!r}: {exc}", field="url",
                      slug="url-unreachable")
    private = sorted(a for a in addresses if not _public(a))
    if private:
        raise _refuse(f"host {host!r} resolves to a non-public address ({private[0]}); "
                      "fetching private, loopback and link-local addresses is not allowed")


def _media_type(response: requests.Response) -> str:
    return (response.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()


def fetch_article(url: str, settings: FetchSettings) -> FetchedPage:
    """The page at `url`, each redirect hop checked like the first request."""
    with requests.Session() as session:
        session.trust_env = False  # an environment proxy would bypass the address check
        current = url
        for _hop in range(settings.max_redirects + 1):
            check_destination(current, settings)
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
                return _read(current, response, settings)
        raise Problem(502, "Too many redirects", f"{url} redirected more than {settings.max_redirects} times",
                      slug="too-many-redirects")


def _read(url: str, response: requests.Response, settings: FetchSettings) -> FetchedPage:
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
