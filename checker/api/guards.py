"""What every request passes before the routes, and every answer carries after them:

- a body limit that holds for chunked bodies too (werkzeug cuts a streamed body at the limit
  without a word; here it is read to one byte past the limit and refused with a 413 problem);
- no NUL character in a path or a query parameter (PostgreSQL text cannot hold one: a filter
  with it would end in a 500), a 400 problem instead;
- the usual security headers on every answer, API and docs page included (the dashboard sets its
  own, stricter ones first);
- writes are rate-limited per token (CHECKER_WRITE_RATE_PER_MINUTE; token buckets shared by every
  instance through the database when it is PostgreSQL, by the workers of one server through
  CHECKER_RATE_STORE on SQLite): past it, a 429 problem with Retry-After;
  POST /check and /parse, open to anyone, per client address (CHECKER_CHECK_RATE_PER_MINUTE);
- 406 for an Accept header the operation cannot serve; reads carry an ETag and Cache-Control
  (If-None-Match -> 304); a 204 carries no Content-Type;
- a database that does not answer or refuses to write (PostgreSQL stopped or restarting, SQLite
  on a read-only or full disk) is a 503 problem with Retry-After, not a 500: the transaction
  rolled back whole, so nothing is half-written, and the pool reconnects by itself.
"""
from __future__ import annotations

import io
import json
import math
import sqlite3
import threading
import time
from contextlib import closing

from flask import Flask, current_app, request
from sqlalchemy import text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from werkzeug.wsgi import get_current_url

from checker.api.problems import PROBLEM_PATH, Problem, problem_response

API_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    # JSON answers run nothing; the docs page has its own stylesheet inline and no script
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
}


class StreamedBodyLimit:
    """WSGI middleware: a body without Content-Length (chunked) is read here, to at most `limit`
    bytes; one byte more answers 413, otherwise the app sees it with its length set."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    def __call__(self, environ, start_response):
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if environ.get("CONTENT_LENGTH") or not (chunked or environ.get("wsgi.input_terminated")):
            return self.app(environ, start_response)
        stream, body = environ["wsgi.input"], bytearray()
        while len(body) <= self.limit:
            piece = stream.read(min(64 * 1024, self.limit + 1 - len(body)))
            if not piece:
                break
            body += piece
        if len(body) > self.limit:
            root = get_current_url(environ, host_only=True).rstrip("/")
            document = {"type": root + PROBLEM_PATH + "request-entity-too-large", "title": "Request Entity Too Large",
                        "status": 413, "detail": f"the request body is larger than this server accepts "
                                                 f"({self.limit} bytes)", "instance": environ.get("PATH_INFO", "/")}
            payload = json.dumps(document).encode()
            start_response("413 Request Entity Too Large", [
                ("Content-Type", "application/problem+json"), ("Content-Length", str(len(payload))),
                ("Connection", "close"), *API_HEADERS.items()])
            return [payload]
        environ["wsgi.input"] = io.BytesIO(bytes(body))
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        environ["wsgi.input_terminated"] = False
        return self.app(environ, start_response)


def _refuse_nul():
    if "\x00" in request.path or any("\x00" in k or "\x00" in v for k, v in request.args.items(multi=True)):
        raise Problem(400, "Bad Request", "the path or a query parameter holds a NUL character", slug="nul-character")


class WriteRate:
    """A token bucket per account: `per_minute` writes, refilled continuously, at most `burst`
    at once. With `database` a PostgreSQL engine, the buckets live in that database, so a token's
    rate holds across every server on it (hosts behind one balancer), timed by the database's
    clock rather than each host's. Otherwise, with `store` (a SQLite file every worker of the
    server opens: gunicorn.conf.py makes one and names it in CHECKER_RATE_STORE) the buckets are
    shared by one server's workers; without either, each process keeps its own (the development
    server, tests)."""

    # A bucket that has refilled is the same as none, so buckets are not kept for ever (one per
    # client address that ever called /check would grow without end): in this process, the full
    # ones go whenever their number passes twice what was left last time (at least PRUNE_AT); in
    # the shared file, every PRUNE_EVERY-th write of a process deletes the rows idle for
    # IDLE_SECONDS (an hour, or longer if this limiter refills slower: others share the file).
    PRUNE_AT = 1024
    PRUNE_EVERY = 256
    IDLE_SECONDS = 3600.0

    def __init__(self, per_minute: int, burst: int, store: str | None = None, database=None):
        self.rate, self.burst, self.store = per_minute / 60.0, float(burst), store
        self.buckets: dict[str, tuple[float, float]] = {}  # account -> (level, when)
        self.lock = threading.Lock()
        self._prune_at, self._takes = self.PRUNE_AT, 0
        self.database = database if database is not None and database.dialect.name == "postgresql" else None
        if self.database is not None:
            with self.database.begin() as db:  # at start, as the file below; workers starting at once
                # would race to create it, so one at a time
                db.execute(text("SELECT pg_advisory_xact_lock(hashtext('checker.rate_buckets'))"))
                # unlogged: a rate needs no durability (after a crash the buckets start full)
                db.execute(text("CREATE UNLOGGED TABLE IF NOT EXISTS rate_buckets (account TEXT PRIMARY KEY, "
                                "level DOUBLE PRECISION NOT NULL, at DOUBLE PRECISION NOT NULL)"))
        elif store:
            with closing(self._connect()) as db:  # at start: an unusable store fails the worker's start, loudly
                db.execute("CREATE TABLE IF NOT EXISTS buckets (account TEXT PRIMARY KEY, level REAL, at REAL)")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.store, timeout=10, isolation_level=None)
        db.execute("PRAGMA synchronous=OFF")  # a rate needs no durability: a lost refill is harmless
        return db

    def _refill(self, level: float, at: float, now: float) -> tuple[float, float]:
        """(the level after this write, or as it was when refused; 0, or the seconds to wait)"""
        level = min(self.burst, level + (now - at) * self.rate)
        return (level - 1, 0.0) if level >= 1 else (level, (1 - level) / self.rate)

    def take(self, account: str) -> float:
        """0 when a write may go ahead now, else the seconds until one may."""
        if self.database is not None:
            try:
                return self._take_in_database(account)
            except SQLAlchemyError as error:  # the database away: count in this process meanwhile
                current_app.logger.warning("rate buckets unreachable in the database (%s); counting per worker",
                                           str(error).splitlines()[0][:200])
        elif self.store:
            try:
                return self._take_shared(account)
            except sqlite3.Error as error:  # the buckets' file unwritable: count in this process
                current_app.logger.warning("rate store %s unusable (%s); counting per worker", self.store, error)
        with self.lock:
            now = time.time()
            level, wait = self._refill(*self.buckets.get(account, (self.burst, now)), now)
            self.buckets[account] = (level, now)
            if len(self.buckets) > self._prune_at:
                self.buckets = {k: (lv, at) for k, (lv, at) in self.buckets.items()
                                if lv + (now - at) * self.rate < self.burst}
                self._prune_at = max(self.PRUNE_AT, 2 * len(self.buckets))
            return wait

    def _counted(self) -> bool:
        """Whether this write is the PRUNE_EVERY-th of this process: time to delete idle rows."""
        with self.lock:
            self._takes += 1
            return self._takes % self.PRUNE_EVERY == 0

    def _take_in_database(self, account: str) -> float:
        with self.database.begin() as db:
            # the refilled level, the row locked from here to the commit (one server at a time
            # reads and writes a bucket); the clock never goes back, though a server that waited
            # for the lock read it before another's write
            level = db.execute(text(
                "INSERT INTO rate_buckets AS b VALUES (:account, :burst, extract(epoch FROM clock_timestamp())) "
                "ON CONFLICT (account) DO UPDATE SET at = greatest(b.at, excluded.at), "
                "level = least(:burst, b.level + greatest(0, excluded.at - b.at) * :rate) RETURNING level"),
                {"account": account, "burst": self.burst, "rate": self.rate}).scalar_one()
            if level >= 1:
                db.execute(text("UPDATE rate_buckets SET level = level - 1 WHERE account = :account"),
                           {"account": account})
            if self._counted():
                db.execute(text("DELETE FROM rate_buckets WHERE at < extract(epoch FROM clock_timestamp()) - :idle"),
                           {"idle": max(self.IDLE_SECONDS, self.burst / self.rate)})
            return 0.0 if level >= 1 else (1 - level) / self.rate

    def _take_shared(self, account: str) -> float:
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")  # one worker at a time reads and writes a bucket
            now = time.time()
            row = db.execute("SELECT level, at FROM buckets WHERE account = ?", (account,)).fetchone()
            level, wait = self._refill(*(row or (self.burst, now)), now)
            db.execute("INSERT OR REPLACE INTO buckets VALUES (?, ?, ?)", (account, level, now))
            if self._counted():
                db.execute("DELETE FROM buckets WHERE at < ?", (now - max(self.IDLE_SECONDS, self.burst / self.rate),))
            db.execute("COMMIT")
            return wait


WRITES = ("POST", "PUT", "PATCH", "DELETE")
# Operations that store nothing and need no token, but cost a worker the whole pipeline: counted
# per client address (behind a proxy, the proxy's) under CHECKER_CHECK_RATE_PER_MINUTE.
OPEN_COMPUTE = ("/api/v1/check", "/api/v1/parse")


def _limit_open_compute():
    rate = current_app.extensions.get("checker_check_rate")
    if rate is None or request.method != "POST" or request.path not in OPEN_COMPUTE:
        return
    wait = rate.take(f"address:{request.remote_addr}")
    if wait:
        raise Problem(429, "Too Many Requests", f"this address's checks are over {rate.rate * 60:g} a minute; "
                      f"try again in {math.ceil(wait)} s", slug="too-many-requests",
                      headers={"Retry-After": str(math.ceil(wait))})


def _limit_writes():
    rate = current_app.extensions.get("checker_write_rate")
    if (rate is None or request.method not in WRITES or not request.path.startswith("/api/v1/")
            or request.path in OPEN_COMPUTE):
        return
    from checker.desk.accounts import authenticate

    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    state = current_app.extensions["checker"]
    account = authenticate(state.sessions, state.token, given) if scheme.lower() == "bearer" else None
    if account is None:
        return  # answered 401 by the route; only a known token's writes are counted
    wait = rate.take(account.name)
    if wait:
        raise Problem(429, "Too Many Requests", f"this token's writes are over {rate.rate * 60:g} a minute; "
                      f"try again in {math.ceil(wait)} s", slug="too-many-requests",
                      headers={"Retry-After": str(math.ceil(wait))})


# What an operation answers when it succeeds (errors are always problem documents); the rest
# of /api/v1 answers JSON.
OFFERED = {
    "desk_v1.story_csv": ("text/csv",), "desk_v1.finding_csv": ("text/csv",), "desk_v1.fact_csv": ("text/csv",),
    "desk_v1.claim_review": ("application/ld+json", "application/json"),
    "api_docs": ("text/html",), "problem_page": ("text/html",), "api_docs_static": ("*/*",),
}


def _refuse_unacceptable():
    """406 when the Accept header names no type the operation answers (no header: anything goes)."""
    if not request.path.startswith("/api/v1/") or "Accept" not in request.headers or request.url_rule is None:
        return
    offered = OFFERED.get(request.endpoint, ("application/json",))
    if offered == ("*/*",) or request.accept_mimetypes.best_match(offered):
        return
    raise Problem(406, "Not Acceptable", f"this operation answers {' or '.join(offered)}, which the Accept "
                  f"header ({request.headers['Accept'][:200]!r}) does not allow", slug="not-acceptable")


def _conditional_reads(response):
    """Reads carry an ETag of their body and must be revalidated (the store changes with any
    post): If-None-Match with the same ETag answers 304 without a body. A 204 has no body, so
    no body type either."""
    if response.status_code == 204:
        response.headers.pop("Content-Type", None)
        return response
    if (request.method not in ("GET", "HEAD") or response.status_code != 200 or response.is_streamed
            or not request.path.startswith("/api/v1/")):
        return response
    response.headers.setdefault("Cache-Control", "private, no-cache" if "Authorization" in request.headers
                                else "no-cache")
    response.add_etag()
    return response.make_conditional(request)


def _security_headers(response):
    for name, value in API_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _database_unavailable(error: OperationalError):
    from flask import current_app

    try:
        current_app.logger.warning("database unavailable: %s", str(error.orig or error).splitlines()[0][:200])
    except Exception:  # a failing log must not turn the answer into a 500
        pass
    return problem_response(503, "Service Unavailable", "the database is unavailable or refuses writes just now; "
                            "nothing of this request was stored: try again shortly", slug="database-unavailable",
                            headers={"Retry-After": "5"})


def register_guards(app: Flask) -> None:
    app.register_error_handler(OperationalError, _database_unavailable)
    app.before_request(_refuse_nul)
    app.before_request(_refuse_unacceptable)
    shared = {"store": app.config.get("RATE_STORE"), "database": app.extensions["checker"].engine}
    per_minute = int(app.config.get("WRITE_RATE_PER_MINUTE") or 0)
    if per_minute > 0:
        app.extensions["checker_write_rate"] = WriteRate(per_minute, max(1, per_minute // 6), **shared)
        app.before_request(_limit_writes)
    per_minute = int(app.config.get("CHECK_RATE_PER_MINUTE") or 0)
    if per_minute > 0:
        app.extensions["checker_check_rate"] = WriteRate(per_minute, max(1, per_minute // 6), **shared)
        app.before_request(_limit_open_compute)
    app.after_request(_conditional_reads)
    app.after_request(_security_headers)
    limit = app.config.get("MAX_CONTENT_LENGTH")
    if limit:
        app.wsgi_app = StreamedBodyLimit(app.wsgi_app, int(limit))
