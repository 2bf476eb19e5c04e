"""A large store filled quickly but honestly, through the repository's bulk insert
(checker.storage.repository.bulk_store), not through HTTP: a sample of distinct synthetic
articles goes through the real pipeline once, then is stored again and again under new ids,
outlets and dates (SAMPLE articles every STEP_DAYS days, so 100,000 articles cover about eight
years). The first COMPARED copies are each compared (by the real compare stage) with the latest
claims of their keys, so the store holds findings as the service would have made them; later
copies are stored without comparing (a post still meets all their claims), which keeps a
100,000-article fill to minutes."""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import replace
from datetime import date, timedelta

SAMPLE = 100  # distinct analysed articles the store is built from
STEP_DAYS = 3  # each round of the sample is dated this much later than the one before
OUTLETS = 40
COMPARED = 2_000
KEY_WINDOW = 5  # latest claims per key a compared copy meets (the synthetic corpus repeats its
# figures so often that a wider window only multiplies near-identical findings)


def period(count: int) -> tuple[date, date]:
    """The first and last day a fill of `count` articles is dated within."""
    from bench.corpus import START

    span = (count - 1) // SAMPLE * STEP_DAYS + (SAMPLE - 1) // 5  # the corpus dates 5 articles a day
    return START, START + timedelta(days=span)


def fill_store(sessions, rules, count: int, sample: int = SAMPLE, batch: int = 1_000, compared: int = COMPARED) -> dict:
    from bench.corpus import article
    from checker.compare import compare
    from checker.ingest import parse_article
    from checker.pipeline import analyse
    from checker.storage import repository

    analysed = [analyse(parse_article(article(n)[1], article_id=f"s{n}", rules=rules), rules) for n in range(sample)]
    recent: dict = defaultdict(lambda: deque(maxlen=KEY_WINDOW))
    metadata: dict = {}
    pending: list = []
    findings: dict = {}
    totals = defaultdict(int)

    def flush():
        repository.bulk_store(sessions, pending, list(findings.values()))
        totals["articles"] += len(pending)
        totals["claims"] += sum(len(c) for _, c in pending)
        totals["findings"] += len(findings)
        pending.clear()
        findings.clear()

    stored_findings: set = set()
    for index in range(count):
        base, claims = analysed[index % sample]
        shift = timedelta(days=(index // sample) * STEP_DAYS)
        body = f"{base.body}\nArsip {index}"  # a distinct text: the store keeps one article per text
        article_id = repository.content_id(body)
        published = base.published + shift if base.published else None
        copy = replace(base, id=article_id, body=body, published=published, source=f"Outlet {index % OUTLETS}")
        claims = [replace(c, id=f"{article_id}:{n}", article=article_id,
                          when=(c.when + shift) if c.when and published else c.when)
                  for n, c in enumerate(claims)]
        if index < compared:
            stored = [c for claim in claims for c in recent[claim.key()]]
            metadata[article_id] = replace(copy, body="")
            for finding in compare(claims, stored, {a: metadata[a] for a in {c.article for c in stored} | {article_id}},
                                   rules):
                if finding.id not in stored_findings:
                    stored_findings.add(finding.id)
                    findings[finding.id] = finding
            for claim in claims:
                recent[claim.key()].append(claim)
        pending.append((copy, claims))
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return dict(totals)
