"""Racing posts never lose a finding: pairs of contradicting articles (8,000 against 12,000 North
Korean troops in Kursk, the same day) posted at the same moment to the real server (gunicorn,
two workers) on SQLite and on PostgreSQL. Once both are acknowledged, a conflict finding linked to
both is stored and returned to at least one of the two posts."""
from __future__ import annotations

import threading
from datetime import date, timedelta

import requests

from test_api import database_url  # noqa: F401  (the fixture: SQLite, then PostgreSQL when reachable)
from test_api_e2e import AUTH, start_server, stop

PAIRS = 50
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")


def pair_texts(n: int) -> tuple[str, str]:
    """Two outlets' figures for one day, a day of its own per pair (so each pair's partner is
    the nearest stored claim of its key, whatever the other pairs stored)."""
    day = date(2024, 1, 1) + timedelta(days=3 * n)
    spoken = f"{day.day} {MONTHS[day.month - 1]} {day.year}"

    def text(outlet: str, figure: str) -> str:
        return (f"---\nsource: {outlet}\npublished: {day.isoformat()}\n---\n"
                f"Pentagon mengatakan {figure} tentara Korea Utara telah tiba di Kursk pada {spoken}.\n")
    return text("Harian Satu", "8.000"), text("Harian Dua", "12.000")


def race(base: str, texts: tuple[str, str]) -> list[requests.Response]:
    barrier = threading.Barrier(len(texts))
    answers: list = [None] * len(texts)

    def post(n: int) -> None:
        barrier.wait()
        answers[n] = requests.post(base + "/articles", data=texts[n].encode(), timeout=120,
                                   headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
    threads = [threading.Thread(target=post, args=(n,)) for n in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_racing_contradictions_are_all_found(database_url):
    process, base = start_server(database_url)
    try:
        lost_reported, lost_stored = [], []
        for n in range(PAIRS):
            first, second = race(base, pair_texts(n))
            assert (first.status_code, second.status_code) == (201, 201), (first.text, second.text)
            ids = {first.json()["claims"][0]["article"], second.json()["claims"][0]["article"]}
            # a finding lists a bounded sample of its claims (the pairs share one dispute, the
            # same two outlets on one fact): the store links it to every article it involves
            linked = set.intersection(*({f["id"] for f in requests.get(
                base + "/findings", params={"article": a, "per_page": 200}, timeout=120).json()["items"]
                if f["type"] == "conflict"} for a in ids))
            if not [f for f in first.json()["findings"] + second.json()["findings"] if f["id"] in linked]:
                lost_reported.append(n)
            if not linked:
                lost_stored.append(n)
    finally:
        stop(process)
    assert (lost_reported, lost_stored) == ([], []), f"of {PAIRS} racing pairs"
