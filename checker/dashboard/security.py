"""What keeps the dashboard safe to open on hostile articles and to post to.

- Headers: a Content-Security-Policy with no script source at all (the pages need none), no
  framing, no sniffing.
- CSRF: a double-submit token. The form carries a random token that must equal the one in a
  SameSite=Strict, HttpOnly cookie; a page on another origin can neither read the cookie nor make
  the browser send it, and no server-side state is needed, so any gunicorn worker can check a
  form another one served. A foreign Origin header is refused outright.
"""
from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

CSRF_COOKIE = "checker_csrf"
CSRF_FIELD = "csrf_token"

CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self' data:; "
                           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_token_valid(cookie_token: str | None, form_token: str | None) -> bool:
    if not cookie_token or not form_token:
        return False
    return hmac.compare_digest(cookie_token.encode(), form_token.encode())


def same_origin(origin_header: str | None, host_url: str) -> bool:
    """No Origin header (an older browser, a same-origin GET-turned-POST) passes to the token
    check; a present one must name this server."""
    if not origin_header:
        return True
    given, own = urlsplit(origin_header), urlsplit(host_url)
    return (given.scheme, given.netloc) == (own.scheme, own.netloc)


def safe_href(url: str | None) -> str:
    """Only http(s) links reach an href: an article's `javascript:` URL stays text."""
    if not url:
        return ""
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else ""
