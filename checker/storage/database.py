"""Engines and sessions: SQLite as the embedded default (one file, WAL, foreign keys on),
PostgreSQL through the same models; the schema comes from the Alembic migrations."""
from __future__ import annotations

import functools
import os
import threading
import weakref
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DATABASE_URL = "sqlite:///checker.sqlite3"
REPO_ROOT = Path(__file__).resolve().parent.parent.parent
MIGRATIONS_DIR = REPO_ROOT / "migrations"


def database_url(environ=None) -> str:
    environ = os.environ if environ is None else environ
    return environ.get("CHECKER_DATABASE_URL") or DEFAULT_DATABASE_URL


SQLITE_CACHE_KB = int(os.environ.get("CHECKER_SQLITE_CACHE_KB", "32768"))
SQLITE_MMAP_MB = int(os.environ.get("CHECKER_SQLITE_MMAP_MB", "1024"))
SQLITE_CHECKPOINT_SECONDS = float(os.environ.get("CHECKER_SQLITE_CHECKPOINT_SECONDS", "0.5"))
SQLITE_WAL_PAGES = 16_000  # a commit checkpoints only past this (64 MB of log): a checkpointer fallen behind


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers run beside the one writer; the busy timeout makes racing writers wait
    # for the lock instead of failing; foreign keys make deletes cascade.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # a post reads a few thousand claim rows scattered over the file: a 32 MB page cache per
    # connection (SQLite's default is 2 MB) keeps the indexes' upper pages and the rows met
    # lately (2,200 random claims of a 100,000-article store: 34-100 ms with 2 MB, 16-29 ms)
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")
    # reads go through a map of the file: its pages live once, in the kernel's page cache, shared
    # by every connection and worker, instead of a private copy in each connection's cache that
    # fills as the file grows (a 10-minute soak, 1,100 posts: a worker's own memory grew 86 MB
    # without it, on a slope; 18 MB with it, levelling off as the bounded caches fill)
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_MB * 2**20}")
    # the write-ahead log is copied into the file by each engine's checkpointer thread, not by
    # the commit that happens to cross SQLite's 1,000 pages (see Checkpointer); a commit does it
    # only when the log has grown past SQLITE_WAL_PAGES, the checkpointer having fallen behind
    cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_WAL_PAGES if SQLITE_CHECKPOINT_SECONDS > 0 else 1000}")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # a file's pool hands out the connection used last, its page cache warm (the default hands
        # them round in turn, each colder than the last); an in-memory database has one connection
        in_memory = parsed.database in (None, "", ":memory:") or parsed.query.get("mode") == "memory"
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                               **({} if in_memory else {"pool_use_lifo": True}))
        event.listen(engine, "connect", _sqlite_pragmas)
        if not in_memory and SQLITE_CHECKPOINT_SECONDS > 0:
            Checkpointer(engine, SQLITE_CHECKPOINT_SECONDS).start()
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


class Checkpointer(threading.Thread):
    """Copies an SQLite file's write-ahead log into the file every `seconds`, on a connection of
    its own (a passive checkpoint: it waits for no reader or writer). Left to SQLite, the commit
    that takes the log past 1,000 pages copies them, inside a request, holding the one writer's
    lock, at a cost that grows with the file (its pages are further apart): a post into a
    100,000-article store writes ~200 pages of indexes, so every fifth post paid for the four
    before it. The log is read by every reader until copied, so it is copied soon; a commit
    still checkpoints past SQLITE_WAL_PAGES. Stops when the engine is disposed or collected."""

    def __init__(self, engine: Engine, seconds: float):
        super().__init__(name="sqlite-checkpointer", daemon=True)
        self._engine = weakref.ref(engine)
        self._seconds = seconds
        self._done = threading.Event()
        event.listen(engine, "engine_disposed", lambda _engine: self._done.set())

    def run(self) -> None:
        connection = None
        try:
            while not self._done.wait(self._seconds):
                engine = self._engine()
                if engine is None:
                    return
                if connection is None:  # its own, outside the pool: made in this thread, used only here
                    args, options = engine.dialect.create_connect_args(engine.url)
                    connection = engine.dialect.loaded_dbapi.connect(*args, **{**options, "timeout": 30})
                del engine
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").close()
                except Exception:  # a file gone or busy: tried again next time
                    pass
        except Exception:  # the file cannot be opened: commits checkpoint as SQLite does
            pass
        finally:
            if connection is not None:
                connection.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def _alembic_config(url: str):
    from alembic.config import Config

    config = Config(str(REPO_ROOT / "alembic.ini")) if (REPO_ROOT / "alembic.ini").exists() else Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


# the advisory lock that serialises migrations on PostgreSQL (any fixed 64-bit number)
MIGRATION_LOCK = int.from_bytes(b"chkmigr1", "big", signed=True)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic, on the engine's own connection. Several
    processes may start at once on one PostgreSQL database (two servers, each migrating as it
    starts): each waits for a transaction-scoped advisory lock first, so one upgrades and the
    others, once it commits, find the schema at head. SQLite's first write is its lock."""
    from alembic import command

    config = _alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    config = _alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def ping(engine: Engine) -> bool:
    """True when the database answers a trivial query."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # any driver error means "not answering"
        return False


# --- throwaway PostgreSQL databases (tests, CI) -----------------------------------------------

def _server_engine(server_url: str) -> Engine:
    return create_engine(make_url(server_url).set(database="postgres"), isolation_level="AUTOCOMMIT")


def create_database(server_url: str, name: str) -> str:
    """Create database `name` on the PostgreSQL server of `server_url`; its URL."""
    engine = _server_engine(server_url)
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, name: str) -> None:
    engine = _server_engine(server_url)
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@functools.lru_cache(maxsize=8)
def postgres_reachable(server_url: str) -> bool:
    return ping(_server_engine(server_url))
