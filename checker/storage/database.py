"""Engines and sessions: SQLite as the embedded default (one file, WAL, foreign keys on),
PostgreSQL through the same models; the schema comes from the Alembic migrations."""
from __future__ import annotations

import functools
import os
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
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


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
