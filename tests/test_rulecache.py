"""The compiled rule book kept between runs (checker.rulecache): read back only for the very rule
files and code it was compiled from, rebuilt when unreadable, never written when switched off, and
the book read back frames an article exactly as a freshly compiled one does."""
import os
import shutil
import time
from pathlib import Path

import pytest

from checker import rulecache
from checker.ingest import parse_article
from checker.pipeline import analyse
from checker.rulebook import RULES_DIR, compile_rules, load_rules

ARTICLE = """---
source: Test
published: 2022-11-21
language: id
---
Gempa Cianjur

Gempa mengguncang Cianjur, Jawa Barat, Senin (21/11/2022). BPBD mencatat 62 orang meninggal dan 250 rumah hancur.
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_RULES_CACHE", str(cache))
    return cache


@pytest.fixture(scope="module")
def rules_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(RULES_DIR, root)
    return root


def _build(root: Path, calls: list):
    def build():
        calls.append(root)
        return compile_rules(*load_rules(root))
    return build


def _claims(rules) -> list:
    article = parse_article(ARTICLE, article_id="a", rules=rules)
    return [(c.kind, c.subject, c.measure, c.value, c.speaker, c.when) for c in analyse(article, rules)[1]]


def test_a_stored_book_is_read_back_and_frames_as_a_fresh_one(folder, rules_copy):
    calls = []
    fresh = rulecache.cached(rules_copy, _build(rules_copy, calls))
    assert calls == [rules_copy] and len(list(folder.glob("rules-*.pickle"))) == 1
    again = rulecache.cached(rules_copy, _build(rules_copy, calls))
    assert calls == [rules_copy], "the second run compiled again instead of reading the stored book"
    assert again is not fresh
    assert _claims(again) == _claims(fresh) and any(c[2] == "houses_destroyed" for c in _claims(again))


def test_an_edited_rule_file_is_a_new_book(folder, rules_copy, tmp_path):
    root = tmp_path / "edited"
    shutil.copytree(rules_copy, root)
    calls = []
    rulecache.cached(root, _build(root, calls))
    before = rulecache.fingerprint(root)
    facts = root / "common" / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert rulecache.fingerprint(root) != before
    rulecache.cached(root, _build(root, calls))
    assert calls == [root, root], "an edited rule file was served from the old book"


def test_an_upgraded_dependency_is_a_new_book(rules_copy, monkeypatch):
    assert "pyahocorasick=" in rulecache.dependency_versions()  # the book holds its automata
    before = rulecache.fingerprint(rules_copy)
    monkeypatch.setattr(rulecache, "dependency_versions", lambda: "pyahocorasick=99.0")
    assert rulecache.fingerprint(rules_copy) != before


def test_an_unreadable_book_is_rebuilt(folder, rules_copy):
    calls = []
    folder.mkdir(parents=True)
    (folder / f"rules-{rulecache.fingerprint(rules_copy)}.pickle").write_bytes(b"cut short")
    book = rulecache.cached(rules_copy, _build(rules_copy, calls))
    assert calls == [rules_copy] and _claims(book)


def test_switched_off_compiles_every_time_and_writes_nothing(tmp_path, monkeypatch, rules_copy):
    monkeypatch.setenv("CHECKER_RULES_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    calls = []
    rulecache.cached(rules_copy, _build(rules_copy, calls))
    rulecache.cached(rules_copy, _build(rules_copy, calls))
    assert calls == [rules_copy, rules_copy]
    assert not (tmp_path / "xdg").exists()


def test_only_the_last_used_books_are_kept(folder, rules_copy):
    folder.mkdir(parents=True)
    for i in range(rulecache.KEEP + 3):
        book = folder / f"rules-old{i}.pickle"
        book.write_bytes(b"x")
        os.utime(book, (1000 + i, 1000 + i))  # other checkouts' books, old{i} used after old{i-1}
    cut = folder / "rules-cut.pickle.123.part"  # a writer killed halfway, long ago
    cut.write_bytes(b"x")
    os.utime(cut, (1000, 1000))
    rulecache.cached(rules_copy, _build(rules_copy, []))
    kept = sorted(p.name for p in folder.glob("rules-*.pickle"))
    # the new book and the last used others, KEEP in all: every edit is a new book, the folder stays bounded
    newest = [f"rules-old{i}.pickle" for i in range(4, rulecache.KEEP + 3)]
    assert kept == sorted([f"rules-{rulecache.fingerprint(rules_copy)}.pickle"] + newest)
    assert not cut.exists()
