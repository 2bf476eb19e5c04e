"""Faults end in a clear answer and lose nothing acknowledged.

- PostgreSQL stopped and restarted in the middle of a load run against the real server
  (gunicorn with gunicorn.conf.py, two workers): the database is a private cluster made for the
  test with initdb in a temporary folder, on a free port, so stopping it never disturbs the
  machine's shared server. Requests in the gap get a 503 problem document (never a 500, never a
  hang past the client's timeout), the service recovers by itself, and every article
  acknowledged before or after is stored whole.
- SQLite whose file cannot grow (SQLITE_FULL, what a full disk answers): a 503 problem, nothing
  half-written. (Opened read-only: tests/test_api_hostile.py.)
"""
from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import event, text

from checker.storage import database, repository

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "fault-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain; charset=utf-8"}
CLIENT_TIMEOUT = 30  # seconds: no request may hang longer
PG_BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateCluster:
    """A PostgreSQL cluster of the test's own: initdb in a temporary folder, started on a free
    loopback port with its socket in that folder; root runs the server as the postgres user."""

    def __init__(self):
        self.bin = PG_BINARIES[-1].parent
        self.folder = Path(tempfile.mkdtemp(prefix="checker-pg-"))
        self.data, self.log = self.folder / "data", self.folder / "server.log"
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            owner = pwd.getpwnam("postgres")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8")
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / tool), *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o",
                  f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def remove(self) -> None:
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:  # already stopped
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def cluster():
    if not PG_BINARIES:
        message = "PostgreSQL's server programs (initdb, pg_ctl) are not installed"
        if os.environ.get("CHECKER_REQUIRE_POSTGRES") == "1":
            pytest.fail(message + " (CHECKER_REQUIRE_POSTGRES=1: this run must test PostgreSQL)")
        pytest.skip(message)
    made = PrivateCluster()
    made.start()
    yield made
    made.remove()


def start_server(db_url: str, log: Path, rate_limited: bool = False) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, CHECKER_DATABASE_URL=db_url, CHECKER_API_TOKEN=TOKEN, CHECKER_BIND=f"127.0.0.1:{port}",
               CHECKER_WORKERS="2")
    if not rate_limited:
        env["CHECKER_WRITE_RATE_PER_MINUTE"] = "0"
    with log.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(errors="replace")[-3000:]
        try:
            if requests.get(base + "/health", timeout=10).status_code == 200:
                return process, base
        except requests.RequestException:  # not listening yet
            pass
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    raise AssertionError("server did not answer /health in time")


def stop_server(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def text_of(n: int) -> str:
    from bench.corpus import article

    return article(n, target_bytes=1200)[1]


def test_postgresql_stopped_and_restarted_under_load(cluster, tmp_path):
    process, base = start_server(cluster.url, tmp_path / "server.log")
    answers: list[tuple[int, object, dict | None, float, float]] = []  # (n, status, body, began, seconds)
    lock = threading.Lock()
    stop_load = threading.Event()
    counter = iter(range(10**6))

    def client():
        with requests.Session() as session:
            while not stop_load.is_set():
                with lock:
                    n = next(counter)
                began = time.monotonic()
                try:
                    r = session.post(base + "/articles", data=text_of(n).encode(), headers=AUTH,
                                     timeout=CLIENT_TIMEOUT)
                    status, body = r.status_code, (r.json() if r.content else None)
                    if status == 201:
                        body["posted"] = r.headers["Location"].rsplit("/", 1)[-1]
                    if status == 503:
                        assert r.headers.get("Retry-After") and r.headers["Content-Type"] == "application/problem+json"
                except (requests.RequestException, AssertionError, ValueError) as error:
                    status, body = type(error).__name__, None
                with lock:
                    answers.append((n, status, body, began, time.monotonic() - began))
                time.sleep(0.05)

    try:
        threads = [threading.Thread(target=client, daemon=True) for _ in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(6)
        stopped = time.monotonic()
        cluster.stop("fast")  # every connection of the pool dies; new ones are refused
        time.sleep(5)
        during = requests.get(base + "/health", timeout=CLIENT_TIMEOUT)
        cluster.start()
        restarted = time.monotonic()
        time.sleep(8)
        stop_load.set()
        for thread in threads:
            thread.join(timeout=CLIENT_TIMEOUT + 10)
        health = requests.get(base + "/health", timeout=CLIENT_TIMEOUT).status_code
    finally:
        stop_load.set()
        stop_server(process)
    log = (tmp_path / "server.log").read_text(errors="replace")

    statuses = {}
    for _, status, _, _, _ in answers:
        statuses[status] = statuses.get(status, 0) + 1
    print(f"posts by answer: {statuses}; slowest {max(s for *_, s in answers):.2f} s")
    assert set(statuses) <= {201, 503}, (statuses, log[-3000:])  # no 500, no timeout, no reset connection
    assert max(seconds for *_, seconds in answers) < CLIENT_TIMEOUT
    assert during.status_code == 503 and during.json()["type"].endswith("/problems/database-unavailable")
    assert statuses.get(503, 0) >= 1, statuses  # the gap was met
    assert any(began < stopped and status == 201 for _, status, _, began, _ in answers)
    recovered = [n for n, status, _, began, _ in answers if status == 201 and began > restarted]
    assert recovered, statuses  # the service came back by itself, with no restart of its own
    assert health == 200

    acknowledged = {body["posted"]: ({c["id"] for c in body["claims"] if c["article"] == body["posted"]},
                                     {f["id"] for f in body["findings"]})
                    for _, status, body, _, _ in answers if status == 201}
    refused = [n for n, status, _, _, _ in answers if status == 503]
    engine = database.make_engine(cluster.url)
    try:
        with database.session_factory(engine)() as session:
            assert repository.incomplete_articles(session) == []  # nothing half-written
            for article_id, (claims, findings) in acknowledged.items():
                view = repository.article_view(session, article_id)
                assert view is not None, article_id  # every acknowledged article is there
                assert claims and {c.id for c in view.claims if c.article == article_id} == claims  # whole
                assert findings <= {f.id for f in view.findings}  # and what it was told it contradicts
            stored = session.scalar(text("select count(*) from articles"))
    finally:
        engine.dispose()
    # a refused post either left nothing or (its commit reached the server just before the
    # connection died) the whole article: the store holds the acknowledged and no more than those
    assert len(acknowledged) <= stored <= len(acknowledged) + len(refused)


def test_sqlite_that_cannot_grow_answers_503_and_writes_nothing_half(tmp_path):
    """SQLite answers SQLITE_FULL ("database or disk is full") when its file cannot grow: here the
    file is held at its size with max_page_count, as a full disk would hold it."""
    from checker.api import create_app

    url = f"sqlite:///{tmp_path / 'full.sqlite3'}"
    app = create_app({"TESTING": True, "DATABASE_URL": url, "API_TOKEN": "t", "WRITE_RATE_PER_MINUTE": 0})
    client = app.test_client()
    auth = {"Authorization": "Bearer t", "Content-Type": "text/plain; charset=utf-8"}
    assert client.post("/api/v1/articles", data=text_of(1).encode(), headers=auth).status_code == 201
    engine = app.extensions["checker"].engine
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()  # new connections take the cap
    event.listen(engine, "connect", lambda dbapi, _: dbapi.execute(f"PRAGMA max_page_count = {pages}"))
    with database.session_factory(engine)() as session:
        before = repository.counts(session)
    answers = [client.post("/api/v1/articles", data=(text_of(n) * 4).encode(), headers=auth) for n in range(2, 6)]
    assert {a.status_code for a in answers} == {503}, [a.get_json() for a in answers]
    body = answers[0].get_json()
    assert answers[0].mimetype == "application/problem+json" and answers[0].headers["Retry-After"]
    assert body["type"].endswith("/problems/database-unavailable") and "nothing" in body["detail"]
    assert client.get("/api/v1/articles").get_json()["total"] == 1  # reads go on
    with database.session_factory(engine)() as session:
        assert repository.counts(session) == before
        assert repository.incomplete_articles(session) == []
    engine.dispose()
