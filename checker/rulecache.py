"""The compiled rule book kept on disk between runs. Loading and compiling every rule file takes
most of a short scan's time (about five seconds on two cores, against about one and a half to
read it back), so each process reads the book a previous one compiled from the very same rule
files and code, and compiles it only when there is none.

The file's name is a fingerprint of every rule file and every module of the checker, so an edit
to either is a new book and a stale one is never read. `CHECKER_RULES_CACHE` names the folder
(default: the user's cache folder); `off` compiles every time. The folder is the user's own: a
pickle is code, so never point it at a folder others can write to."""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import re
import sys
import time
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
CODE_DIR = Path(__file__).resolve().parent
KEEP = 12  # books kept (checkouts and branches at work side by side), the last used first: about 90 MB
STALE_SECONDS = 24 * 3600  # a half-written book (a writer killed halfway) older than this goes


def cache_dir() -> Path | None:
    """Where compiled books are kept, or None when caching is off."""
    setting = os.environ.get("CHECKER_RULES_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "fact-checker"
    try:
        return Path.home() / ".cache" / "fact-checker"
    except (RuntimeError, KeyError):  # no home (a container's bare user): compile every time
        return None


def dependency_versions() -> str:
    """The installed versions of the checker's own dependencies: the book holds their objects
    (compiled automata, patterns), which an upgrade may shape differently."""
    try:
        required = importlib.metadata.requires("checker") or []
    except importlib.metadata.PackageNotFoundError:  # run from a source tree never installed
        return ""
    names = sorted({re.split(r"[\s;<>=!~\[]", r, maxsplit=1)[0] for r in required if "extra ==" not in r})
    found = []
    for name in names:
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found)


def fingerprint(rules_root: Path) -> str:
    """A digest of every rule file under `rules_root` and every module of the checker, of where
    the rules stand (the book names its files by path), of the Python version (the pickle's own
    format) and of the installed dependencies' versions (their objects are in the book)."""
    digest = hashlib.sha256(f"{sys.version}\0{rules_root.resolve()}\0{dependency_versions()}\0".encode())
    for root, pattern in ((rules_root, "*.yaml"), (CODE_DIR, "*.py")):
        for path in sorted(root.rglob(pattern)):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cached(rules_root: Path, build: Callable[[], T]) -> T:
    """The book compiled from `rules_root`: read back when this very fingerprint was compiled
    before, else built and stored. A book that cannot be read (cut short, another Python) is
    built again; a folder that cannot be written only costs the next run its time."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"rules-{fingerprint(rules_root)}.pickle"
    try:
        with path.open("rb") as stored:
            book = pickle.load(stored)
        os.utime(path)  # used now: the last to be pruned
        return book
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - any unreadable book is rebuilt, never trusted
        pass
    book = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(pickle.dumps(book, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)  # whole or absent: a concurrent reader never sees half a book
        now = time.time()
        # every edit of a rule is a new book: only the last used stay, so the folder stays bounded
        books = sorted(((p.stat().st_mtime, p) for p in folder.glob("rules-*.pickle")), reverse=True)
        for _, old in books[KEEP:]:
            old.unlink(missing_ok=True)
        for part in folder.glob("rules-*.part"):  # a writer killed halfway left it
            if now - part.stat().st_mtime > STALE_SECONDS:
                part.unlink(missing_ok=True)
    except OSError:
        pass
    return book
