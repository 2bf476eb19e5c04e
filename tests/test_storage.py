"""Storage against SQLite, and again against PostgreSQL where one is reachable: one transaction
per article, dedupe on content, the claims a post is compared with, deletes that take findings along."""
from __future__ import annotations

import os
import threading
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from checker.model import Article, Claim, Evidence, Finding, Interval
from checker.storage import database, repository
from checker.storage.codec import claim_from_dict, claim_to_dict, key_text
from checker.storage.models import Base, ClaimRecord, FactValueRecord
from conftest import require_postgres

POSTGRES_SERVER = os.environ.get("CHECKER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")




@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'store.sqlite3'}"
        engine = database.make_engine(url)
        database.migrate(engine)
        yield engine
        engine.dispose()
        return
    require_postgres(POSTGRES_SERVER)
    name = f"checker_test_{uuid.uuid4().hex[:12]}"
    url = database.create_database(POSTGRES_SERVER, name)
    engine = database.make_engine(url)
    database.migrate(engine)
    yield engine
    engine.dispose()
    database.drop_database(POSTGRES_SERVER, name)


@pytest.fixture
def sessions(engine):
    sessions = database.session_factory(engine)
    yield sessions
    with sessions.begin() as session:  # each test starts from an empty store
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(table.delete())


def make_article(body: str, published=date(2024, 11, 1), source="Outlet A") -> Article:
    return Article(id=repository.content_id(body), body=body, language="id", source=source,
                   published=published)


def troops(article: Article, n: int, low: float, high: float | None = None, **kw) -> Claim:
    return Claim(id=f"{article.id}:{n}", article=article.id, kind="quantity",
                 evidence=Evidence(f"{low} tentara", 0, 10), subject="north_korea", measure="troops",
                 value=Interval(low, low if high is None else high), where="kursk",
                 when=article.published, extra=(("figure", str(low)), ("published", article.published),
                                                ("pair", ("a", 1))), **kw)


def finding_between(a: Claim, b: Claim) -> Finding:
    return Finding(id=f"f-{a.id}-{b.id}", type="conflict", dimension="quantity", severity="high",
                   claims=(a.id, b.id), articles=(a.article, b.article), summary="Figures differ.",
                   reasons=("values",))


def test_codec_round_trips_claims():
    article = make_article("8.000 tentara")
    claim = troops(article, 0, 8000, 9000, speaker="pentagon", modality="estimate")
    assert claim_from_dict(claim_to_dict(claim)) == claim
    stance = Claim(id="x:1", article="x", kind="stance", evidence=Evidence("membantah", 3, 12),
                   subject="russia", stance="deny", proposition="north_korea.troops_in.russia",
                   value=Interval(600000, None, low_open=True))
    assert claim_from_dict(claim_to_dict(stance)) == stance
    assert key_text(stance.key()) == "stance|north_korea.troops_in.russia"
    assert key_text(("quantity", None, "troops")) == "quantity||troops"


def test_content_id_ignores_whitespace_only():
    assert repository.content_id("Satu  dua\n\ntiga ") == repository.content_id("Satu dua tiga")
    assert repository.content_id("Satu dua tiga") != repository.content_id("Satu dua empat")
    assert len(repository.content_id("x")) == 16


def test_migrations_match_the_models(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    names = set(inspect(engine).get_table_names())
    assert {"articles", "claims", "findings", "finding_articles", "alembic_version"} <= names
    indexes = {i["name"]: i["column_names"] for i in inspect(engine).get_indexes("claims")}
    assert indexes["ix_claims_key_published_id"] == ["key", "published", "id"]


def test_store_and_read_back(sessions):
    first = make_article("Pentagon: 10.000 tentara")
    second = make_article("Kyiv: 8.000 tentara di Kursk", published=date(2024, 11, 3), source="Outlet B")
    a, b = troops(first, 0, 10000), troops(second, 0, 8000)
    assert repository.store_analysis(sessions, first, [a], []).created
    outcome = repository.store_analysis(sessions, second, [b], [finding_between(b, a)])
    assert outcome == repository.StoreOutcome(second.id, True, (finding_between(b, a),))
    with sessions() as session:
        view = repository.article_view(session, second.id)
        assert view.article == second
        assert [c.id for c in view.claims] == [b.id, a.id]  # its own, then the cited ones
        assert view.claims[0] == b
        assert set(view.articles) == {first.id, second.id}
        assert [f.id for f in view.findings] == [f"f-{b.id}-{a.id}"]
        assert repository.article_view(session, "nope") is None
        assert repository.counts(session) == {"articles": 2, "claims": 2, "findings": 1}


def test_same_content_is_stored_once(sessions):
    article = make_article("Sama persis: 8.000 tentara")
    again = Article(**{**article.__dict__, "source": "Another outlet"})
    assert repository.store_analysis(sessions, article, [troops(article, 0, 8000)], []).created
    outcome = repository.store_analysis(sessions, again, [troops(again, 0, 8000)], [])
    assert outcome == repository.StoreOutcome(article.id, False)
    with sessions() as session:
        assert repository.counts(session)["articles"] == 1
        assert repository.get_article(session, article.id).source == "Outlet A"


def test_racing_identical_posts_store_one(sessions):
    article = make_article("Berlomba: 12.000 tentara")
    claims = [troops(article, n, 12000 + n) for n in range(20)]
    results, errors = [], []
    barrier = threading.Barrier(6)

    def post():
        try:
            barrier.wait()
            results.append(repository.store_analysis(sessions, article, claims, []))
        except Exception as exc:  # a race must never surface as an error
            errors.append(exc)
    threads = [threading.Thread(target=post) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(r.created for r in results) == [False] * 5 + [True]
    with sessions() as session:
        assert repository.counts(session) == {"articles": 1, "claims": 20, "findings": 0}


def test_failure_halfway_leaves_nothing(sessions):
    article = make_article("Setengah jalan")
    good = troops(article, 0, 100)
    clash = troops(article, 0, 200)  # same claim id twice: the claims insert fails
    with pytest.raises(IntegrityError):
        repository.store_analysis(sessions, article, [good, clash], [])
    with sessions() as session:
        assert repository.counts(session) == {"articles": 0, "claims": 0, "findings": 0}
        assert repository.incomplete_articles(session) == []


def test_delete_takes_claims_and_findings(sessions):
    first, second = make_article("Satu 10.000"), make_article("Dua 8.000")
    third = make_article("Tiga 9.000")
    a, b, c = troops(first, 0, 10000), troops(second, 0, 8000), troops(third, 0, 9000)
    repository.store_analysis(sessions, first, [a], [])
    repository.store_analysis(sessions, second, [b], [finding_between(b, a)])
    repository.store_analysis(sessions, third, [c], [finding_between(c, a), finding_between(c, b)])
    assert repository.delete_article(sessions, second.id)
    assert not repository.delete_article(sessions, second.id)
    with sessions() as session:
        assert repository.counts(session) == {"articles": 2, "claims": 2, "findings": 1}
        remaining = repository.list_findings(session).items
        assert [f.articles for f in remaining] == [(third.id, first.id)]
        assert repository.list_findings(session, article=second.id).total == 0


def test_a_finding_about_a_deleted_article_is_not_stored(sessions):
    first, second = make_article("Ada 10.000"), make_article("Lalu 8.000")
    a, b = troops(first, 0, 10000), troops(second, 0, 8000)
    repository.store_analysis(sessions, first, [a], [])
    repository.delete_article(sessions, first.id)  # between the comparison and the write
    assert repository.store_analysis(sessions, second, [b], [finding_between(b, a)]).created
    with sessions() as session:
        assert repository.counts(session) == {"articles": 1, "claims": 1, "findings": 0}


def test_candidates_are_the_neighbourhood_and_every_speakers_latest_stance(sessions, monkeypatch):
    monkeypatch.setattr(repository, "NEIGHBOURHOOD", 3)
    start = date(2024, 1, 1)
    proposition = "north_korea.deployment.russia"
    for day in range(30):
        article = make_article(f"Hari {day}", published=start + timedelta(days=day))
        stance = Claim(id=f"{article.id}:1", article=article.id, kind="stance", evidence=Evidence("x", 0, 1),
                       proposition=proposition, speaker=("russia", "ukraine", "united_states")[day % 3],
                       stance="deny" if day < 15 else "confirm")
        repository.store_analysis(sessions, article, [troops(article, 0, 1000 + day), stance], [])
    undated = make_article("Tanpa tanggal", published=None)
    repository.store_analysis(sessions, undated, [troops(undated, 0, 7)], [])
    around = start + timedelta(days=10)

    def days(found):
        published = {a.id: a.published for a in repository.articles_by_id(session, {c.article for c in found}).values()}
        return sorted((published[c.article] - start).days if published[c.article] else -1 for c in found)

    with sessions() as session:
        figures = repository.candidate_claims(session, [("quantity", "north_korea", "troops")], around)
        assert all(c.key() == ("quantity", "north_korea", "troops") for c in figures)
        assert days(figures) == [-1, 8, 9, 10, 11, 12, 13]  # the nearest 3 on each side, and the undated
        stances = repository.candidate_claims(session, [("stance", proposition)], around)
        # the nearest 3 on each side, and each speaker's latest denial (days 12-14) and confirmation (27-29)
        assert days(stances) == [8, 9, 10, 11, 12, 13, 14, 27, 28, 29]
        assert repository.candidate_claims(session, [("stance", "nothing")], None) == []


def test_deleting_the_latest_claim_of_a_value_names_the_one_before(sessions):
    first, second = make_article("Awal 900", published=date(2024, 1, 1)), make_article("Akhir 900", published=date(2024, 2, 1))
    for article in (first, second):
        repository.store_analysis(sessions, article, [troops(article, 0, 900)], [])
    repository.delete_article(sessions, second.id)
    with sessions() as session:
        assert {r.claim_id for r in session.scalars(select(FactValueRecord))} == {f"{first.id}:0"}


BUSY_FACT = {  # one proposition: Russia's early denial, then thousands of other bodies' confirmations
    "denial": ("2024-10-01", "Kremlin membantah laporan tentang pengerahan pasukan Korea Utara ke Rusia."),
    "confirmation": ("2024-10-02", "Pentagon mengonfirmasi bahwa pasukan Korea Utara telah dikerahkan ke Rusia."),
    "turn": ("2024-12-01", "Kremlin mengonfirmasi bahwa pasukan Korea Utara telah dikerahkan ke Rusia."),
}


def _front(published: str, source: str, body: str) -> str:
    return f"---\nsource: {source}\npublished: {published}\nlanguage: id\n---\n{body}\n"


def test_an_old_denial_on_a_busy_fact_is_still_found(sessions, rules):
    """Russia denies; 3,000 later articles give the Pentagon's confirmation; then Russia
    confirms: the reversal against the denial is found, though the denial is thousands of
    claims away in time (no neighbour window reaches it; its distinct value does)."""
    from dataclasses import replace

    from checker.ingest import parse_article
    from checker.pipeline import analyse
    from checker.usecases.posting import Submission, post_article

    day, text = BUSY_FACT["denial"]
    denial = post_article(sessions, Submission(_front(day, "Outlet D", text), False, None, {}), rules, None)
    assert denial.created
    day, text = BUSY_FACT["confirmation"]
    base, claims = analyse(parse_article(_front(day, "Outlet P", text), article_id="p", rules=rules), rules)
    assert [c.stance for c in claims] == ["confirm"]
    copies = []
    for n in range(3000):
        body = f"{base.body}\nSalinan {n}"
        article = replace(base, id=repository.content_id(body), body=body, source=f"Outlet {n % 40}",
                          published=base.published + timedelta(days=n // 50))
        copies.append((article, [replace(c, id=f"{article.id}:{k}", article=article.id) for k, c in enumerate(claims)]))
    repository.bulk_store(sessions, copies, [])
    day, text = BUSY_FACT["turn"]
    turn = post_article(sessions, Submission(_front(day, "Outlet C", text), False, None, {}), rules, None)
    reversals = [f for f in turn.report["findings"] if f["type"] == "reversal"]
    assert len(reversals) == 1 and denial.article_id in reversals[0]["articles"], turn.report["findings"]


def test_candidate_lookup_uses_the_key_index(tmp_path):
    # Checked on SQLite only: PostgreSQL's planner picks by table statistics, not by schema.
    engine = database.make_engine(f"sqlite:///{tmp_path / 'plan.sqlite3'}")
    database.migrate(engine)
    query = select(ClaimRecord).where(ClaimRecord.key == "quantity|a|b").order_by(
        ClaimRecord.published.desc()).limit(5)
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        plan = " ".join(str(row) for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    engine.dispose()
    assert "ix_claims_key_published_id" in plan


def _claims_searches(tmp_path, statement) -> list[str]:
    """The steps of SQLite's plan for a neighbourhood statement of three keys that read claims."""
    engine = database.make_engine(f"sqlite:///{tmp_path / 'plan.sqlite3'}")
    database.migrate(engine)
    with engine.connect() as connection:
        plan = [row[3] for row in connection.execute(text("EXPLAIN QUERY PLAN " + str(statement)),
                                                     {"k0": "a", "k1": "b", "k2": "c", "pivot": date(2024, 1, 1), "n": 5})]
    engine.dispose()
    return [step for step in plan if "claims" in step]


def test_the_neighbourhoods_of_many_keys_are_one_statement_read_from_the_covering_index(tmp_path):
    searches = _claims_searches(tmp_path, repository._nearest(3))
    assert len(searches) == 9 and all("COVERING INDEX ix_claims_key_published_id" in step for step in searches), searches


def test_a_posts_candidates_are_read_with_their_texts_through_the_key_index(tmp_path):
    # the rows a neighbourhood names, read through the index that found them: no probe per
    # claim into the id index (as large as the store)
    searches = _claims_searches(tmp_path, repository._nearest(3, with_data=True))
    assert len(searches) == 9 and all("USING INDEX ix_claims_key_published_id" in step for step in searches), searches


def test_candidates_read_with_their_texts_are_the_candidates(sessions):
    start = date(2024, 1, 1)
    proposition = "north_korea.deployment.russia"
    for day in range(8):
        article = make_article(f"Hari {day}", published=start + timedelta(days=day))
        stance = Claim(id=f"{article.id}:1", article=article.id, kind="stance", evidence=Evidence("x", 0, 1),
                       proposition=proposition, speaker=("russia", "ukraine")[day % 2],
                       stance="deny" if day < 4 else "confirm")
        repository.store_analysis(sessions, article, [troops(article, 0, 1000 + day), stance], [])
    keys = [("quantity", "north_korea", "troops"), ("stance", proposition), ("stance", "nothing")]
    with sessions() as session:
        ids = repository.candidate_claim_ids(session, keys, start + timedelta(days=3))
        found = repository.candidate_claims_by_id(session, keys, start + timedelta(days=3))
        assert set(found) == ids and len(ids) == 16
        assert found == repository.claims_by_id(session, ids)


def test_listing_filters_and_pages(sessions):
    for n in range(7):
        article = make_article(f"Daftar {n}", published=date(2024, 5, 1 + n),
                               source="Outlet A" if n % 2 else "Outlet B")
        repository.store_analysis(sessions, article, [troops(article, 0, n)], [])
    with sessions() as session:
        page = repository.list_articles(session, per_page=3, page=2)
        assert page.total == 7 and len(page.items) == 3
        assert [a.published.day for a in page.items] == [4, 3, 2]
        assert repository.list_articles(session, source="Outlet A").total == 3
        assert repository.list_articles(session, published_from=date(2024, 5, 3),
                                        published_to=date(2024, 5, 4)).total == 2
        assert repository.list_articles(session, language="en").total == 0
        assert repository.list_claims(session, subject="north_korea", kind="quantity").total == 7
        assert repository.list_claims(session, measure="deaths").total == 0
        one = page.items[0].id
        assert [c.article for c in repository.list_claims(session, article=one).items] == [one]


def test_migration_gives_every_stored_article_its_first_appearance(tmp_path):
    from sqlalchemy import text

    from checker.storage import appearances

    engine = database.make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    database.migrate(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO articles (id, content_sha256, source, url, published, language, title, body, claim_count, "
            "stored_at) VALUES ('a1', 'h1', 'Wire', 'https://wire.example/1', '2024-11-01', 'id', '', 'x', 0, "
            "'2024-11-01 00:00:00')"))
    database.migrate(engine)
    with database.session_factory(engine)() as session:
        [first] = appearances.of_articles(session, ["a1"])["a1"]
    assert (first.source, first.url, first.published) == ("Wire", "https://wire.example/1", date(2024, 11, 1))
    # a post of the same appearance after the migration is recognised as a repeat
    posted = Article(id="a1", body="x", language="id", source="Wire", url="https://wire.example/1",
                     published=date(2024, 11, 1))
    assert appearances.add(database.session_factory(engine), "a1", posted) == (first, False)
    engine.dispose()


def test_migration_gives_stored_claims_their_fact_values(tmp_path):
    import json

    from sqlalchemy import text

    engine = database.make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    database.migrate(engine, "0003")
    article = make_article("Lama", published=date(2024, 11, 1))
    claims = [troops(article, 0, 8000), troops(article, 1, 8000),
              Claim(id=f"{article.id}:2", article=article.id, kind="stance", evidence=Evidence("x", 0, 1),
                    proposition="north_korea.deployment.russia", speaker="russia", stance="deny")]
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO articles (id, content_sha256, source, url, published, language, title, body, claim_count, "
            "stored_at) VALUES (:id, 'h1', 'Wire', '', '2024-11-01', 'id', '', 'x', 3, '2024-11-01 00:00:00')"),
            {"id": article.id})
        for n, claim in enumerate(claims):
            connection.execute(text(
                "INSERT INTO claims (id, article_id, position, kind, key, published, subject, measure, data) "
                "VALUES (:id, :article, :n, :kind, :key, '2024-11-01', NULL, NULL, :data)"),
                {"id": claim.id, "article": article.id, "n": n, "kind": claim.kind, "key": key_text(claim.key()),
                 "data": json.dumps(claim_to_dict(claim))})
    database.migrate(engine)
    with database.session_factory(engine)() as session:
        values = {(r.key, r.speaker, r.stance, r.value, r.claim_id) for r in session.scalars(select(FactValueRecord))}
        columns = {r.id: (r.speaker, r.stance, r.value) for r in session.scalars(select(ClaimRecord))}
    assert values == {("quantity|north_korea|troops", "", "", "8000.0|8000.0|00", f"{article.id}:1"),
                      ("stance|north_korea.deployment.russia", "russia", "deny", "", f"{article.id}:2")}
    assert columns[f"{article.id}:2"] == ("russia", "deny", "")
    engine.dispose()


def test_a_sqlite_file_is_read_through_a_shared_map_and_each_connection_has_its_cache(tmp_path):
    # the map keeps a worker's own memory flat as the file grows (bench/soak.py); the private
    # cache still holds what a post reads again
    engine = database.make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA mmap_size").scalar() == database.SQLITE_MMAP_MB * 2**20 > 0
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -database.SQLITE_CACHE_KB
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()


def test_a_sqlite_log_is_copied_into_the_file_by_the_checkpointer_not_by_commits(tmp_path):
    # a commit checkpoints only once the log has grown far past SQLite's 1,000 pages; the
    # engine's own thread copies it, and stops when the engine is disposed
    import threading

    engine = database.make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    try:
        database.migrate(engine)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == database.SQLITE_WAL_PAGES > 1000
        [checkpointer] = [t for t in threading.enumerate() if isinstance(t, database.Checkpointer)
                          and t._engine() is engine]
        assert checkpointer.is_alive()
        sessions = database.session_factory(engine)
        article = make_article("Ada 10.000")
        assert repository.store_analysis(sessions, article, [troops(article, 0, 10000)], []).created
    finally:
        engine.dispose()
    checkpointer.join(timeout=30)
    assert not checkpointer.is_alive()
