"""Loading a folder of article files into the store on a server's first start:
`python -m checker.dashboard.seeding [FOLDER] [--always]`.

Each file goes the way a POST to /api/v1/articles goes (ingest, compare with the store, store in
one transaction), so seeded articles get their findings against each other. Loading is skipped
when the store holds articles already (a restart is not a first start) unless --always; posting
the same content twice stores it once either way.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import sessionmaker

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
SEEDS_ACCOUNT = "seeds"  # whom the record names for the articles loaded here
DEFAULT_FOLDER = Path(__file__).resolve().parent.parent.parent / "seeds"


@dataclass(frozen=True)
class SeedOutcome:
    stored: tuple[str, ...]  # ids of articles stored now
    known: tuple[str, ...]  # ids of articles the store held already
    skipped: tuple[str, ...]  # "file: why" for files that could not be checked
    findings: int


def seed_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)


def load_folder(sessions: sessionmaker, rules, folder: Path, fetch=None) -> SeedOutcome:
    """Post each file of `folder` (never a URL: `fetch` settings are passed on unused)."""
    from checker.usecases.posting import Submission, post_article
    from checker.usecases.problems import Problem

    stored, known, skipped, findings = [], [], [], 0
    for path in seed_files(folder):
        html = path.suffix.lower() in (".html", ".htm")
        try:
            result = post_article(sessions, Submission(path.read_text(encoding="utf-8"), html, None, {}),
                                  rules, fetch, actor=SEEDS_ACCOUNT)
        except (Problem, UnicodeDecodeError) as exc:
            skipped.append(f"{path.name}: {getattr(exc, 'detail', exc)}")
            continue
        (stored if result.created else known).append(result.article_id)
        findings += len(result.report.get("findings", [])) if result.created else 0
    return SeedOutcome(tuple(stored), tuple(known), tuple(skipped), findings)


def store_is_empty(sessions: sessionmaker) -> bool:
    from checker.storage.repository import counts

    with sessions() as session:
        return counts(session)["articles"] == 0


def main(argv: list[str] | None = None) -> int:
    from checker.rulebook import default_rules
    from checker.storage.database import database_url, make_engine, migrate, session_factory

    parser = argparse.ArgumentParser(prog="python -m checker.dashboard.seeding", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER))
    parser.add_argument("--always", action="store_true", help="load even when the store holds articles")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"checker: seeds: {folder} is not a folder", file=sys.stderr)
        return 2
    engine = make_engine(database_url())
    migrate(engine)
    sessions = session_factory(engine)
    if not args.always and not store_is_empty(sessions):
        print("checker: seeds: the store holds articles already; not loading", file=sys.stderr)
        return 0
    outcome = load_folder(sessions, default_rules(), folder)
    for line in outcome.skipped:
        print(f"checker: seeds: skipped {line}", file=sys.stderr)
    print(f"checker: seeds: {len(outcome.stored)} articles stored, {len(outcome.known)} known already, "
          f"{outcome.findings} findings", file=sys.stderr)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
