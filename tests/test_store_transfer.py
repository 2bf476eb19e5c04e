"""Moving a store: the seeds (with a syndicated copy) stored on SQLite, exported, imported into
PostgreSQL, exported again and brought back to a fresh SQLite file, through the real `checker
store` command: every table's row count and the content digest stay the same, and the moved store
still takes new posts (its sequences follow the imported ids)."""
from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from checker.storage import database
from checker.storage.transfer import TransferError, import_store, row_counts, store_digest

from conftest import require_postgres, stored_app
from test_storage import POSTGRES_SERVER

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def store(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", "store", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def postgres_url():
    require_postgres(POSTGRES_SERVER)
    name = f"checker_transfer_test_{uuid.uuid4().hex[:12]}"
    yield database.create_database(POSTGRES_SERVER, name)
    database.drop_database(POSTGRES_SERVER, name)


def facts(url: str) -> tuple[dict, str]:
    engine = database.make_engine(url)
    try:
        return row_counts(engine), store_digest(engine)
    finally:
        engine.dispose()


def test_a_store_moves_to_postgresql_and_back_with_nothing_lost(tmp_path, postgres_url):
    from checker.usecases.posting import Submission, post_article

    app = stored_app(tmp_path, "t", [p.read_text(encoding="utf-8") for p in SEEDS])
    state = app.extensions["checker"]
    copy = post_article(state.sessions, Submission(SEEDS[0].read_text(encoding="utf-8"), False, None,
                                                   {"source": "Koran Salinan"}), state.rules, state.fetch)
    assert copy.created
    state.engine.dispose()
    sqlite_url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    counts, digest = facts(sqlite_url)
    assert counts["articles"] == len(SEEDS) and counts["appearances"] == len(SEEDS) + 1
    assert counts["claims"] and counts["findings"] and counts["finding_articles"]

    exported = tmp_path / "store.jsonl"
    run = store("export", "--database", sqlite_url, "--out", exported)
    assert run.returncode == 0, run.stderr
    assert sum(1 for _ in exported.open(encoding="utf-8")) == sum(counts.values())
    run = store("import", exported, "--database", postgres_url)
    assert run.returncode == 0, run.stderr
    assert facts(postgres_url) == (counts, digest)

    back = tmp_path / "back.jsonl"
    assert store("export", "--database", postgres_url, "--out", back).returncode == 0
    assert back.read_bytes() == exported.read_bytes()
    returned = f"sqlite:///{tmp_path / 'returned.sqlite3'}"
    assert store("import", back, "--database", returned).returncode == 0
    assert facts(returned) == (counts, digest)
    shown = json.loads(store("digest", "--database", returned).stdout)
    assert shown == {"rows": counts, "sha256": digest}

    # the moved store takes a new appearance: its id sequence follows the imported rows
    from checker.api import create_app

    moved = create_app({"TESTING": True, "DATABASE_URL": postgres_url, "API_TOKEN": "t"})
    answer = moved.test_client().post("/api/v1/articles", json={
        "text": SEEDS[1].read_text(encoding="utf-8"), "source": "Koran Ketiga"}, headers={"Authorization": "Bearer t"})
    assert answer.status_code == 201, answer.get_json()
    moved.extensions["checker"].engine.dispose()


def test_an_import_refuses_a_store_that_is_not_empty_and_a_bad_line(tmp_path):
    app = stored_app(tmp_path, "t", [SEEDS[0].read_text(encoding="utf-8")])
    engine = app.extensions["checker"].engine
    with pytest.raises(TransferError, match="not empty"):
        import_store(engine, [])
    engine.dispose()
    empty = database.make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    database.migrate(empty)
    with pytest.raises(TransferError, match="line 1"):
        import_store(empty, ['{"table": "nope", "row": {}}'])
    with pytest.raises(TransferError, match="line 2"):
        import_store(empty, ["", "not json"])
    assert not any(row_counts(empty).values())  # all or nothing
    empty.dispose()
