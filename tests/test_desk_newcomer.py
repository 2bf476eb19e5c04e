"""What a newcomer meets first (issue 12's small things), each through the real command: `make run`
on its own port and showing the seeds as one story, `checker --version`, `--out` into a folder that
does not exist yet, and `checker serve` keeping its store out of the working tree."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import requests

from test_cli import ROOT, SEEDS, checker

MAKE_RUN_SECONDS = 240  # the seeds' scan, the seeds stored, gunicorn up, on a shared machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_version_is_the_installed_distributions():
    result = checker("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"checker {version('checker')}"


def test_out_into_a_missing_folder_makes_it(tmp_path):
    out = tmp_path / "new" / "deeper" / "claims.txt"
    result = checker("extract", SEEDS / "001_1e607148f1def720.txt", "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").strip()


def test_out_that_cannot_be_written_is_a_usage_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = checker("extract", SEEDS / "001_1e607148f1def720.txt", "--out", blocker / "claims.txt")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "--out" in result.stderr and "a-file" in result.stderr
    result = checker("extract", SEEDS / "001_1e607148f1def720.txt", "--out", tmp_path)
    assert result.returncode == 2 and "is a folder" in result.stderr


def _answering(base: str, process: subprocess.Popen, seconds: float, log) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited ({process.returncode}):\n{log()}")
        try:
            if requests.get(f"{base}/api/v1/health", timeout=5).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.3)
    raise AssertionError(f"no answer at {base} within {seconds}s:\n{log()}")


def _stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)  # the command's own process group, nothing else
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_serve_keeps_its_store_in_the_users_data_folder(tmp_path):
    home, work = tmp_path / "home", tmp_path / "clone"
    work.mkdir()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("CHECKER_DATABASE_URL", "XDG_DATA_HOME")}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT))
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--port", str(port)], cwd=work,
                                   env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _answering(f"http://127.0.0.1:{port}", process, 60, log.read_text)
    finally:
        _stop(process)
    assert list(work.iterdir()) == []  # nothing beside the working tree
    store = home / ".local" / "share" / "checker" / "checker.sqlite3"
    assert store.is_file() and str(store) in log.read_text()


def _make_run(data_dir: Path, env: dict) -> tuple[subprocess.Popen, Path]:
    log = data_dir / "make-run.log"
    with open(log, "w") as out:
        process = subprocess.Popen(["make", "-s", "run", f"VENV={sys.prefix}", f"CHECKER_DATA_DIR={data_dir}"],
                                   cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    return process, log


def _announced_port(log: Path, process: subprocess.Popen) -> int:
    deadline = time.monotonic() + MAKE_RUN_SECONDS
    while time.monotonic() < deadline:
        found = re.search(r"dashboard at http://localhost:(\d+)/", log.read_text())
        if found:
            return int(found.group(1))
        if process.poll() is not None:
            raise AssertionError(f"make run exited ({process.returncode}):\n{log.read_text()}")
        time.sleep(0.5)
    raise AssertionError(f"make run announced no address:\n{log.read_text()}")


def test_make_run_moves_off_a_taken_port_honours_checker_bind_and_shows_the_seeds_as_one_story(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHECKER_")}
    taken = socket.socket()
    try:
        try:
            taken.bind(("127.0.0.1", 8000))
            taken.listen()
        except OSError:
            pass  # taken already by someone else: the same situation for `make run`
        process, log = _make_run(tmp_path, env)
        try:
            port = _announced_port(log, process)
            assert port != 8000
            base = f"http://127.0.0.1:{port}"
            _answering(base, process, MAKE_RUN_SECONDS, log.read_text)
            stories = requests.get(f"{base}/api/v1/stories", timeout=30).json()
            items = stories.get("items", stories) if isinstance(stories, dict) else stories
            assert len(items) == 1, items
            name = items[0]["name"]
            # a readable name: words, not fact ids or hashes
            assert re.search(r"[A-Za-z]{4,} [A-Za-z]", name) and not re.search(r"[|_]|\b[0-9a-f]{12}\b", name), name
            html = requests.get(f"{base}/stories", timeout=30).text
            assert html.count('href="/stories/') == 1 and name.split()[0] in html
        finally:
            _stop(process)
    finally:
        taken.close()
    chosen = free_port()
    process, log = _make_run(tmp_path, dict(env, CHECKER_BIND=f"127.0.0.1:{chosen}"))
    try:
        assert _announced_port(log, process) == chosen
        _answering(f"http://127.0.0.1:{chosen}", process, MAKE_RUN_SECONDS, log.read_text)
    finally:
        _stop(process)


def test_the_server_says_at_once_when_its_address_is_taken(tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHECKER_")}
    env.update(CHECKER_BIND=f"127.0.0.1:{port}", CHECKER_DATA_DIR=str(tmp_path), CHECKER_PYTHON=sys.executable,
               CHECKER_LOAD_SEEDS="1")
    try:
        result = subprocess.run([str(ROOT / "docker" / "entrypoint.sh")], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=120)
    finally:
        taken.close()
    assert result.returncode != 0
    assert f"checker: cannot listen at 127.0.0.1:{port}" in result.stderr and "CHECKER_BIND" in result.stderr
    assert not (tmp_path / "checker.sqlite3").exists()  # refused before the seeds were loaded
