"""The `checker` command: extract, parse, scan, baseline, serve.

Exit codes: 0 nothing new flagged, 1 something flagged at or above --fail-on, 2 bad input or usage.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


class UsageError(Exception):
    """Bad input or usage: exit 2 with the message."""


def _rules():
    from checker.rulebook import default_rules

    return default_rules()


def article_paths(paths: list[str]) -> list[Path]:
    """Files named, and the article files inside folders named, in a stable order."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    if not found:
        raise UsageError(f"no article files in {' '.join(paths)}")
    return found


class Progress:
    """A progress bar on stderr, only on a terminal and never in CI."""

    def __init__(self, total: int):
        self.total = total
        self.on = total > 1 and sys.stderr.isatty() and not os.environ.get("CI")
        self.done = 0

    def step(self, label: str) -> None:
        self.done += 1
        if self.on:
            width = 30
            filled = width * self.done // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {label[:30]:<30}")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def read_articles(paths: list[str], jobs: int = 1, engine: str = "local", scheduler: str | None = None,
                  lines: bool = False):
    """(articles, claims, errors, lines): every readable file analysed (on `jobs` processes, or
    on a Dask cluster with engine "dask"); unreadable ones reported; with `lines`, each article's
    sentences as the near-duplicate check reads them, read beside its claims on the same process
    (a scan's comparison then need not recognise every sentence again on one). The result is in
    file order whatever the number of processes."""
    files = article_paths(paths)
    articles, claims, errors, read_lines = [], [], [], {}
    progress = Progress(len(files))
    ids = article_ids(files)
    for path, (analysed, error) in zip(files, _analysed(files, ids, jobs, engine, scheduler, lines)):
        if error is not None:
            errors.append(error)
        else:
            articles.append(analysed[0])
            claims += analysed[1]
            if analysed[2] is not None:
                read_lines[analysed[0].id] = analysed[2]
        progress.step(path.name)
    for message in errors:
        print(f"checker: skipped {message}", file=sys.stderr)
    if not articles:
        raise UsageError("no article could be read")
    return articles, claims, errors, read_lines


def _analyse_file(task: tuple[Path, str, bool]):
    """One file read and analysed: ((article, claims, its near-duplicate lines or None), None),
    or (None, why it was skipped)."""
    from checker.compare.near_duplicates import lines_of
    from checker.ingest import IngestError, read_article_file
    from checker.pipeline import analyse

    path, article_id, with_lines = task
    rules = _rules()
    try:
        article = read_article_file(path, rules, article_id=article_id)
    except IngestError as exc:
        return None, f"{path}: {exc}"
    article, claims = analyse(article, rules)
    lines = lines_of(article, rules.for_language(article.language)) \
        if with_lines and article.body and article.language in rules.languages else None
    return (article, claims, lines), None


def _analysed(files: list[Path], ids: dict[Path, str], jobs: int, engine: str = "local",
              scheduler: str | None = None, lines: bool = False):
    """_analyse_file of each file, in order; extraction is per article and pure, so it runs in a
    pool of `jobs` processes forked after the rules are compiled (each inherits them), or over
    partitions on a Dask cluster (checker/cli_dask.py), and the comparison, which needs every
    claim, runs after, in this process."""
    tasks = [(path, ids[path], lines) for path in files]
    if engine == "dask":
        from checker.cli_dask import DaskMissing, analysed_on_dask

        try:
            yield from analysed_on_dask(tasks, scheduler)
        except DaskMissing as exc:
            raise UsageError(str(exc)) from None
        return
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        yield from map(_analyse_file, tasks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _rules()
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        yield from pool.map(_analyse_file, tasks, chunksize=max(1, len(tasks) // (jobs * 8)))


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: the number of processes must be a whole number of at least 1")
    return value


def article_ids(files: list[Path]) -> dict[Path, str]:
    """Each file's article id: its stem, or where two files share a stem (story.txt in two
    folders), its path from their common folder without the suffix, so neither is lost."""
    by_stem: dict[str, list[Path]] = {}
    for path in files:
        by_stem.setdefault(path.stem, []).append(path)
    ids = {}
    for stem, paths in by_stem.items():
        if len(paths) == 1:
            ids[paths[0]] = stem
            continue
        resolved = [p.resolve() for p in paths]
        common = Path(os.path.commonpath([str(p.parent) for p in resolved]))
        for path, full in zip(paths, resolved):
            ids[path] = full.relative_to(common).with_suffix("").as_posix()
    return ids


def _out_path(out: str) -> Path:
    """The --out file, its folder made when missing; a path that cannot be written is a usage
    error naming it, not a traceback."""
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot make its folder {path.parent}: {exc.strerror or exc}")
    if path.is_dir():
        raise UsageError(f"--out {out}: is a folder; give a file name")
    return path


def write_output(text: str, out: str | None) -> None:
    if out:
        path = _out_path(out)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--out {out}: cannot write: {exc.strerror or exc}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_extract(args) -> int:
    from checker.report import build_report, claims_table

    articles, claims, errors, _ = read_articles(args.paths)
    if args.format == "json":
        text = json.dumps(build_report(articles, claims, []), ensure_ascii=False, indent=2)
    else:
        text = claims_table(claims, articles)
    write_output(text, args.out)
    return 2 if errors else 0


def _jsonable(value):
    from dataclasses import asdict, is_dataclass

    if is_dataclass(value):
        return {k: _jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def cmd_parse(args) -> int:
    from checker.frame import frame_mentions
    from checker.model import Article, Sentence
    from checker.recognise import recognise
    from checker.recognise.numbers import parse_number

    rules = _rules()
    language = _known_language(args.lang, "--lang", rules) or _detect_language(args.text, rules)
    language_rules = rules.for_language(language)
    ref = None
    if args.ref:
        try:
            ref = date.fromisoformat(args.ref)
        except ValueError:
            raise UsageError(f"--ref {args.ref!r}: not a date (use YYYY-MM-DD)")
    sentence = Sentence(args.text, 0, len(args.text))
    mentions = recognise(sentence, language_rules, ref)
    number = parse_number(args.text, language_rules)
    # what framing makes of the text read as a one-sentence article: the incident it is about,
    # who speaks, the reference day and what a stance is about
    article = Article(id="parse", body=args.text, language=language, published=ref)
    claims = frame_mentions(article, [mentions], language_rules)
    result = {
        "text": args.text, "language": language, "ref": ref.isoformat() if ref else None,
        "number": number,
        "mentions": [{"kind": m.kind, "text": m.text, "start": m.start, "end": m.end,
                      "value": _jsonable(m.value), "rule": m.rule} for m in mentions.all()],
        "claims": [{"kind": c.kind, "subject": c.subject, "event": _jsonable(c.event),
                    "measure": c.measure, "value": _jsonable(c.value), "where": c.where,
                    "when": _jsonable(c.when), "modality": c.modality, "speaker": c.speaker,
                    "stance": c.stance, "proposition": c.proposition,
                    "marks": [_jsonable(m) for m in c.marks]} for c in claims],
    }
    write_output(json.dumps(result, ensure_ascii=False, indent=2), None)
    return 0


def _known_language(code: str | None, option: str, rules) -> str | None:
    """A language code the rules have (a folder of rules/ with a manifest), or a usage error."""
    if code is not None and code not in rules.languages:
        raise UsageError(f"{option} {code!r}: no such language; the rules have {', '.join(rules.codes)}")
    return code


def _detect_language(text: str, rules) -> str:
    from checker.ingest import IngestError, identify_language, parse_article

    try:
        return parse_article(text, article_id="parse", rules=rules).language
    except IngestError:  # nothing left once page noise is removed: identify the text as it is
        return identify_language(text, rules)


def scan_report(paths, report_language: str | None = None, jobs: int = 1, engine: str = "local",
                scheduler: str | None = None):
    """(the report of a scan, its summaries and labels in `report_language`; the unreadable
    files): extraction on `jobs` processes (or a Dask cluster), then the comparison of every
    claim by key."""
    from checker.compare import as_compared, compare_all
    from checker.compare.wording import report_wording
    from checker.report import build_report

    rules = _rules()
    language = _known_language(report_language, "--report-lang", rules)  # before reading: fail fast
    articles, claims, errors, lines = read_articles(paths, jobs, engine, scheduler, lines=True)
    by_id = {a.id: a for a in articles}
    findings = compare_all(claims, by_id, rules, report_language=language, lines=lines)
    # the report shows each claim as it was compared: "the tragedy" as the happening it is about
    return build_report(articles, as_compared(claims, by_id, rules), findings,
                        names=report_wording(rules, language)), errors


def _load_baseline(path: str):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"--baseline {path}: cannot read a JSON report: {exc}")


FAIL_LEVELS = {"conflict": {"conflict", "reversal"},
               "correction": {"conflict", "reversal", "correction"},
               "discrepancy": {"conflict", "reversal", "correction", "discrepancy"},
               "never": set()}  # an update is information: it never fails a scan


def _known(path: str) -> set[str]:
    """The fingerprints a baseline file holds; one made by an earlier checker is bad input."""
    from checker.report import OutdatedBaseline, known_fingerprints

    try:
        return known_fingerprints(_load_baseline(path))
    except OutdatedBaseline as exc:
        raise UsageError(f"--baseline {path}: {exc}")


def _decisions(args) -> dict:
    """Review decisions from --decisions, else from the baseline file when it holds some."""
    from checker.desk.decisions import DecisionsFileError, read_decisions

    found = {}
    for option, path in (("--baseline", args.baseline), ("--decisions", args.decisions)):
        if path:
            try:
                found.update(read_decisions(path))
            except DecisionsFileError as exc:
                raise UsageError(f"{option} {exc}")
    return found


def cmd_scan(args) -> int:
    from checker.compare.wording import report_wording
    from checker.desk.decisions import apply_decisions
    from checker.report import reviewer_confirmed, to_junit, to_markdown

    known = _known(args.baseline) if args.baseline else None  # before the scan: fail fast
    decisions = _decisions(args)
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler is the address of a Dask scheduler: it goes with --engine dask")
    report, errors = scan_report(args.paths, args.report_lang, args.jobs, args.engine, args.scheduler)
    if decisions:
        report = apply_decisions(report, decisions)
    if known is not None:
        findings = [f for f in report["findings"] if f["id"] not in known]
        left = {f["id"] for f in findings}
        report = dict(report, findings=findings,
                      facts=[fact for fact in report.get("facts", []) if left & set(fact["findings"])])
    if args.format == "json":
        text = json.dumps(report, ensure_ascii=False, indent=2)
    elif args.format == "junit":
        text = to_junit(report)
    else:
        text = to_markdown(report, report_wording(_rules(), args.report_lang))
    write_output(text, args.out)
    flagged = [f for f in report["findings"] if f["type"] in FAIL_LEVELS[args.fail_on] and not reviewer_confirmed(f)]
    if errors:
        return 2  # a file was skipped: the scan did not see all it was given
    return 1 if flagged else 0


def cmd_baseline(args) -> int:
    from checker.report import baseline_file

    report, _ = scan_report(args.paths)
    write_output(json.dumps(baseline_file(report), indent=2), args.out)
    return 0


def user_store_url(environ=os.environ) -> str:
    """The store `checker serve` and the store commands use when CHECKER_DATABASE_URL is not
    set: an SQLite file in the user's data folder ($XDG_DATA_HOME/checker, else
    ~/.local/share/checker), not in whatever folder the command ran from (often a clone, where
    git and a later `git clean` meet it)."""
    if environ.get("CHECKER_DATABASE_URL"):
        return environ["CHECKER_DATABASE_URL"]
    base = Path(environ.get("XDG_DATA_HOME") or Path(environ.get("HOME") or Path.home()) / ".local" / "share")
    folder = base / "checker"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'checker.sqlite3'}"


def _store(args):
    """Sessions on the store the server uses (--database, else user_store_url()), migrated."""
    from checker.storage.database import make_engine, migrate, session_factory

    engine = make_engine(args.database or user_store_url())
    migrate(engine)
    return session_factory(engine)


def cmd_tokens(args) -> int:
    from checker.desk.accounts import AccountError, add_token
    from checker.storage import desk

    if args.action in ("add", "revoke") and not args.name:
        raise UsageError(f"tokens {args.action}: give the token's NAME")
    sessions = _store(args)
    if args.action == "add":
        try:
            token = add_token(sessions, args.name, args.role)
        except AccountError as exc:
            raise UsageError(f"tokens add: {exc}")
        print(f"checker: token for {args.name} ({args.role}); shown once, stored only as a digest:", file=sys.stderr)
        print(token)
    elif args.action == "revoke":
        if not desk.revoke_token(sessions, args.name, "cli"):
            raise UsageError(f"tokens revoke: no active token named {args.name!r}")
        print(f"checker: revoked {args.name}", file=sys.stderr)
    else:
        with sessions() as session:
            for token in desk.list_tokens(session):
                state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
                print(f"{token.name}\t{token.role}\t{token.created_at:%Y-%m-%d}\t{state}")
    return 0


def cmd_decisions(args) -> int:
    import yaml

    from checker.desk.decisions import decisions_file, extraction_error_examples
    from checker.storage import desk

    sessions = _store(args)
    with sessions() as session:
        if args.action == "export":
            text = yaml.safe_dump({"examples": extraction_error_examples(session)}, allow_unicode=True,
                                  sort_keys=False, width=100)
        else:
            text = json.dumps(decisions_file(desk.all_decisions(session)), ensure_ascii=False, indent=2)
    write_output(text, args.out)
    return 0


def cmd_store(args) -> int:
    from checker.storage.database import make_engine, migrate
    from checker.storage.transfer import TransferError, export_store, import_store, row_counts, store_digest

    engine = make_engine(args.database or user_store_url())
    try:
        if args.action == "export":
            if args.out:
                with open(_out_path(args.out), "w", encoding="utf-8") as out:
                    counts = export_store(engine, out)
            else:
                counts = export_store(engine, sys.stdout)
        elif args.action == "import":
            migrate(engine)
            try:
                with open(args.file, encoding="utf-8") as lines:
                    counts = import_store(engine, lines)
            except OSError as exc:
                raise UsageError(f"{args.file}: cannot read: {exc.strerror or exc}")
            except (TransferError, UnicodeDecodeError) as exc:
                raise UsageError(f"{args.file}: {exc}")
        else:
            counts = row_counts(engine)
            print(json.dumps({"rows": counts, "sha256": store_digest(engine)}, indent=2))
            return 0
    finally:
        engine.dispose()
    print("checker: " + ", ".join(f"{n} {name}" for name, n in counts.items()), file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    from checker.api import serve

    os.environ["CHECKER_DATABASE_URL"] = user_store_url()
    print(f"checker: store {os.environ['CHECKER_DATABASE_URL']}", file=sys.stderr)
    serve(args.host, args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    from checker import __version__

    parser = argparse.ArgumentParser(prog="checker", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the claims found in articles")
    p.add_argument("paths", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--out", metavar="FILE")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("parse", help="print the mentions the recognisers find in a text")
    p.add_argument("text")
    p.add_argument("--lang", metavar="CODE", help="a language of the rules (a folder of rules/); default: identified")
    p.add_argument("--ref", metavar="DATE", help="reference date for relative dates (YYYY-MM-DD)")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("scan", help="report contradictions between articles")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=["json", "markdown", "junit"], default="markdown")
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--baseline", metavar="FILE", help="report only findings not in this report")
    p.add_argument("--fail-on", choices=["conflict", "correction", "discrepancy", "never"], default="conflict")
    p.add_argument("--report-lang", metavar="CODE",
                   help="the language of summaries and reports (a folder of rules/ with a wording); default English")
    p.add_argument("--decisions", metavar="FILE", help="reviewers' decisions (GET /api/v1/decisions): "
                   "dismissed findings are left out, confirmed ones reported as known and never fail")
    p.add_argument("--jobs", type=_jobs, default=default_jobs(), metavar="N",
                   help="processes extracting claims (default: the cores); the report is the same for any N")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where claims are extracted: here (--jobs processes) or on a Dask cluster "
                   "(install checker[dask]); the report is the same")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="the Dask scheduler (tcp://host:8786) for --engine dask; default a local cluster of 2 processes")
    p.set_defaults(func=cmd_scan)

    p = sub.add_parser("baseline", help="write the fingerprints of today's findings")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", metavar="FILE")
    p.set_defaults(func=cmd_baseline)

    p = sub.add_parser("tokens", help="per-user API tokens: add NAME --role reviewer|admin, revoke NAME, list")
    p.add_argument("action", choices=["add", "revoke", "list"])
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=["reviewer", "admin"], default="reviewer")
    p.add_argument("--database", metavar="URL",
                   help="the store's URL (default: CHECKER_DATABASE_URL, else the user's store)")
    p.set_defaults(func=cmd_tokens)

    p = sub.add_parser("decisions", help="reviewers' decisions: list (the --decisions file of scan), or "
                       "export extraction errors as claim-pair examples")
    p.add_argument("action", choices=["list", "export"])
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--database", metavar="URL",
                   help="the store's URL (default: CHECKER_DATABASE_URL, else the user's store)")
    p.set_defaults(func=cmd_decisions)


    p = sub.add_parser("store", help="move a store: export it as JSON lines, import it elsewhere")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("export", help="write the whole store as JSON lines")
    a.add_argument("--out", metavar="FILE")
    b = actions.add_parser("import", help="load an export into an empty store (migrated first)")
    b.add_argument("file", metavar="FILE")
    c = actions.add_parser("digest", help="print the store's row counts and content digest")
    for action in (a, b, c):
        action.add_argument("--database", metavar="URL", help="default: CHECKER_DATABASE_URL, else the user's store")
    p.set_defaults(func=cmd_store)

    p = sub.add_parser("serve", help="run the API and dashboard for development")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5000)
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"checker: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a rule file that cannot load is bad input, not a crash
        from checker.rulebook import RuleFileError

        if isinstance(exc, RuleFileError):
            print(f"checker: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
