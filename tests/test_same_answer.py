"""One answer for the same articles: `checker scan` of a story and the same articles posted one
by one to the service (each compared with what the store holds),
in either order, give the same findings with the same ids. Run on every labelled story."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.usecases.fetch import FetchSettings
from checker.usecases.posting import Submission, post_article
from checker.cli import article_paths
from checker.compare import compare, compare_all
from checker.ingest import read_article_file
from checker.pipeline import analyse
from checker.rulebook import default_rules
from checker.storage import database, repository

ROOT = Path(__file__).resolve().parent.parent
STORIES = sorted(p for p in (ROOT.parent / "shared" / "stories").glob("*/articles") if p.is_dir()) or \
    sorted(p for p in (ROOT / "corpus" / "stories").glob("*/articles") if p.is_dir())


@pytest.fixture(scope="module")
def rules():
    return default_rules()


def scanned(folder: Path, rules):
    """As `checker scan` reads a folder: (articles, claims by article, findings)."""
    articles, claims = {}, {}
    for path in article_paths([str(folder)]):
        article, found = analyse(read_article_file(path, rules), rules)
        articles[article.id] = article
        claims[article.id] = found
    findings = compare_all([c for found in claims.values() for c in found], articles, rules)
    return articles, claims, findings


def shape(findings, rename=lambda claim_id: claim_id) -> dict:
    """What two runs must agree on, per finding id: type, dimension, severity, reasons and the
    claims behind it (claim ids renamed to one naming)."""
    return {f.id: (f.type, f.dimension, f.severity, tuple(sorted(f.reasons)), frozenset(map(rename, f.claims)))
            for f in findings}


@pytest.mark.parametrize("folder", STORIES, ids=[p.parent.name for p in STORIES])
def test_posting_one_by_one_in_any_order_finds_what_a_scan_finds(folder, rules):
    articles, claims, findings = scanned(folder, rules)
    expected = shape(findings)
    assert expected, f"{folder.parent.name}: the story raises no finding at all"
    every = {c.id: c for found in claims.values() for c in found}
    for order in (sorted(articles), sorted(articles, reverse=True)):
        seen, store, known = {}, [], set()
        for article_id in order:
            for finding in compare(claims[article_id], store, {a: articles[a] for a in known | {article_id}}, rules):
                seen[finding.id] = finding if finding.id not in seen else _merged(seen[finding.id], finding, every)
            store += claims[article_id]
            known.add(article_id)
        assert shape(seen.values()) == expected, order


def _merged(a, b, claims):
    from checker.compare.findings import merge

    return merge(a, b, claims)


@pytest.mark.parametrize("folder", STORIES, ids=[p.parent.name for p in STORIES])
def test_the_service_stores_what_a_scan_reports(folder, rules, tmp_path):
    articles, claims, findings = scanned(folder, rules)
    paths = {path.stem: path for path in article_paths([str(folder)])}
    # the store names an article by its text; the scan by its file: one naming for claims
    stored_id = {stem: repository.content_id(articles[stem].body) for stem in articles}
    rename = {f"{stored_id[stem]}:{c.id.rsplit(':', 1)[1]}": c.id for stem in articles for c in claims[stem]}
    expected = shape(findings)
    for name, order in (("forward", sorted(paths)), ("backward", sorted(paths, reverse=True))):
        engine = database.make_engine(f"sqlite:///{tmp_path / (name + '.sqlite3')}")
        database.migrate(engine)
        sessions = database.session_factory(engine)
        try:
            for stem in order:
                text = paths[stem].read_text(encoding="utf-8")
                post_article(sessions, Submission(text, paths[stem].suffix.lower() in (".html", ".htm"), None, {}),
                             rules, FetchSettings())
            with sessions() as session:
                stored = repository.list_findings(session, per_page=10_000).items
        finally:
            engine.dispose()
        assert shape(stored, lambda c: rename.get(c, c)) == expected, name
