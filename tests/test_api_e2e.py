"""The real server (gunicorn with gunicorn.conf.py, two workers) on a free loopback port, driven
with requests: the seeds posted one by one, one twice, one deleted; and a server killed in the
middle of posts leaves only whole articles behind."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from checker.storage import database, repository

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "e2e-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db_url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, CHECKER_DATABASE_URL=db_url, CHECKER_API_TOKEN=TOKEN,
               CHECKER_BIND=f"127.0.0.1:{port}", CHECKER_WORKERS="2")
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stderr.read().decode(errors='replace')}")
        try:
            if requests.get(base + "/health", timeout=10).status_code == 200:
                return process, base
        except requests.RequestException:  # not listening yet, or a worker still loading rules
            pass
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    raise AssertionError("server did not answer /health in time")


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    process, base = start_server(f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.sqlite3'}")
    yield base
    stop(process)


def post_seed(base: str, path: Path) -> requests.Response:
    return requests.post(base + "/articles", data=path.read_bytes(), timeout=120,
                         headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})


def test_seeds_fill_the_store_and_findings_appear(server):
    posted, answers = [], []
    for path in SEEDS:
        response = post_seed(server, path)
        assert response.status_code == 201, response.text
        report = response.json()
        new_id = report["claims"][0]["article"]
        posted.append(new_id)
        for finding in report["findings"]:
            assert new_id in finding["articles"]
            assert set(finding["articles"]) <= set(posted)  # only against what is stored
        answers.append(report)
    claims = {c["id"]: c for r in answers for c in r["claims"]}
    everything = [f for r in answers for f in r["findings"]]
    assert not any(len(set(f["articles"])) > 1 for f in answers[0]["findings"])  # nothing to contradict yet

    def values(f):
        return {v for c in f["claims"] for v in (claims[c]["value"]["low"], claims[c]["value"]["high"])}
    assert any(f["type"] == "discrepancy" and f["dimension"] == "quantity" and 8000 in values(f)
               and any(v and 9000 <= v <= 11000 for v in values(f)) for f in everything), everything
    assert any(f["type"] == "conflict" and f["dimension"] == "stance" for f in everything), everything
    for actor in ("russia", "north_korea"):
        assert any(f["type"] == "reversal" and {claims[c]["subject"] for c in f["claims"]} == {actor}
                   for f in everything), (actor, everything)
    stored = requests.get(server + "/findings", params={"per_page": 500}, timeout=10).json()
    assert {f["id"] for f in everything} <= {f["id"] for f in stored["items"]}

    # the same seed again: the stored one, nothing stored twice
    before = requests.get(server + "/claims", timeout=10).json()["total"]
    again = post_seed(server, SEEDS[2])
    assert again.status_code == 200
    assert again.json()["articles"] and posted[2] in {a["id"] for a in again.json()["articles"]}
    assert requests.get(server + "/claims", timeout=10).json()["total"] == before
    assert requests.get(server + "/articles", timeout=10).json()["total"] == len(SEEDS)

    # delete the last seed: its findings go, the others stay
    last = posted[-1]
    gone = {f["id"] for f in answers[-1]["findings"]}
    assert gone
    assert requests.delete(f"{server}/articles/{last}", headers=AUTH, timeout=10).status_code == 204
    left = {f["id"] for f in requests.get(server + "/findings", params={"per_page": 500}, timeout=10).json()["items"]}
    assert not gone & left and left
    assert requests.get(f"{server}/articles/{last}", timeout=10).status_code == 404
    assert requests.get(server + "/findings", params={"article": last}, timeout=10).json()["total"] == 0


def test_identical_posts_racing_store_one(server):
    text = SEEDS[1].read_text(encoding="utf-8") + "\n\nCatatan redaksi: versi balapan.\n"
    answers = []

    def post():
        answers.append(requests.post(server + "/articles", data=text.encode(), timeout=120,
                                     headers={**AUTH, "Content-Type": "text/plain"}).status_code)
    threads = [threading.Thread(target=post) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(answers) == [200] * 5 + [201]


def test_killed_mid_post_leaves_only_whole_articles(tmp_path):
    url = f"sqlite:///{tmp_path / 'killed.sqlite3'}"
    process, base = start_server(url)
    texts = [SEEDS[n % len(SEEDS)].read_text(encoding="utf-8") + f"\n\nPembaruan nomor {n}.\n" for n in range(40)]
    done = []

    def post_all(chunk):
        for text in chunk:
            try:
                r = requests.post(base + "/articles", data=text.encode(), timeout=60,
                                  headers={**AUTH, "Content-Type": "text/plain"})
                if r.status_code == 201:
                    done.append(r.json()["claims"][0]["article"])
            except requests.RequestException:
                return  # the server is gone
    threads = [threading.Thread(target=post_all, args=(texts[n::4],)) for n in range(4)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 60
    while len(done) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop(process, signal.SIGKILL)  # no shutdown: workers die wherever they are
    for t in threads:
        t.join()
    engine = database.make_engine(url)
    with database.session_factory(engine)() as session:
        assert repository.incomplete_articles(session) == []
        stored = {a.id for a in repository.list_articles(session, per_page=500).items}
    engine.dispose()
    assert set(done) <= stored  # every answered 201 survived the kill
    assert len(stored) < len(texts)  # the kill did land in the middle
