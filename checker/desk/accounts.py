"""Who may write: per-user API tokens with a role, stored as digests and revocable; the
server's own CHECKER_API_TOKEN stays an admin token for small installs.

`reviewer` may post articles and record decisions; `admin` may also delete and manage tokens."""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

ROLES = ("reviewer", "admin")
CAN = {"reviewer": {"post", "decide"}, "admin": {"post", "decide", "delete", "tokens"}}
SERVER_TOKEN_ACCOUNT = "admin"  # the name writes made with CHECKER_API_TOKEN are recorded under
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")


@dataclass(frozen=True)
class Account:
    name: str
    role: str

    def may(self, action: str) -> bool:
        return action in CAN.get(self.role, ())


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def authenticate(sessions, server_token: str | None, given: str | None) -> Account | None:
    """The account a bearer token belongs to; None for no token, a wrong one or a revoked one."""
    from checker.storage import desk

    given = (given or "").strip()
    if not given:
        return None
    if server_token and hmac.compare_digest(given.encode(), server_token.encode()):
        return Account(SERVER_TOKEN_ACCOUNT, "admin")
    with sessions() as session:
        stored = desk.token_by_digest(session, digest(given))
    if stored is None or stored.revoked_at is not None:
        return None
    return Account(stored.name, stored.role)


class AccountError(ValueError):
    pass


def add_token(sessions, name: str, role: str, actor: str = "cli") -> str:
    """Make a token for `name` with `role`; the token itself, shown once and never stored."""
    from checker.storage import desk

    if not NAME_PATTERN.match(name):
        raise AccountError(f"name {name!r}: letters, digits and . _ @ - only, at most 100")
    if name == SERVER_TOKEN_ACCOUNT:
        raise AccountError(f"name {name!r} is the server token's; choose another")
    if role not in ROLES:
        raise AccountError(f"role {role!r}: one of {', '.join(ROLES)}")
    token = secrets.token_urlsafe(32)
    if not desk.add_token(sessions, name, role, digest(token), actor):
        raise AccountError(f"a token named {name!r} exists already (names are never reused)")
    return token
