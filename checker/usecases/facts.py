"""Reading disputed facts from the store, for the API, the dashboard and the exports: a fact's
claims are compared by the compare stage itself, so a page says what a scan would."""
from __future__ import annotations

from checker.storage import repository

# --- disputed facts ---------------------------------------------------------------------------
#
# A fact's id is its comparison key as the store writes it ("quantity|crowd_disaster@indonesia|
# deaths"), UTF-8 and base64url-encoded without padding, then, for a figure or a date, a dot and
# the first event day of its happening (a key may hold several happenings: two earthquakes in one
# country). Only URL-safe characters, the same for the same key and happening whichever order the
# articles came in, and readable back into the key without a lookup table. An earlier event day
# arriving with a new article moves the happening's id, as it moves the report's fact id.

FACT_ID_PATTERN = r"^[A-Za-z0-9_-]+(\.\d{4}-\d{2}-\d{2})?$"


def fact_id(key: str, first_day: str | None) -> str:
    import base64

    encoded = base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii").rstrip("=")
    return encoded + (f".{first_day}" if first_day else "")


def parse_fact_id(ident: str) -> tuple[str, str | None] | None:
    """(key text, first event day or None) of a fact id; None when it is not one."""
    import base64
    import binascii
    import re

    if len(ident) > 800 or not re.match(FACT_ID_PATTERN, ident):
        return None
    encoded, _, day = ident.partition(".")
    try:
        key = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return key, (day or None)


def facts_of_key(session, key: str, include_undisputed: bool = False, claims=None, articles=None) -> list[dict]:
    """The facts of one stored comparison key: the compare stage's disputed facts over every
    stored claim of the key (or over `claims`, a bounded set of them: a dashboard page's
    timeline) and the findings citing them, and with `include_undisputed` the key's other
    happenings too, made by the same code. Each fact as the report's `facts` section gives it,
    with `id` the API's (see above), `report_id` the report's, `key` and `disputed`. `articles`:
    those the caller has read already (only the others are read)."""
    from checker.compare.context import ComparisonContext, is_share
    from checker.compare.disputes import _fact, _happenings, default_settings, disputed_facts, fact_key
    from checker.compare.findings import RANK
    from checker.compare.semantics import default_semantics
    from checker.compare.settings import FLAG_TYPES
    from checker.compare.wording import wording_of
    from checker.storage.codec import key_text

    claims = [c for c in (repository.claims_of_key(session, key) if claims is None else claims)
              if (k := fact_key(c)) is not None and key_text(k) == key]
    if not claims:
        return []
    findings = repository.findings_citing(session, claims)
    known = dict(articles or {})
    wanted = {c.article for c in claims} | {a for f in findings for a in f.articles}
    known.update(repository.articles_by_id(session, wanted - set(known)))
    articles = {a: known[a] for a in wanted if a in known}
    by_id = {c.id: c for c in claims}
    found = {f.id: f for f in findings}
    settings = default_settings()
    names = wording_of(dict(settings.names))  # merged once, not for each label a fact's values need
    facts = [dict(f, disputed=True) for f in disputed_facts(articles, claims, findings, settings, names)]
    if include_undisputed:
        covered = [{c for v in f["values"] for c in v["claims"]} for f in facts]
        context = ComparisonContext(settings, default_semantics(), articles, lambda a, b: a == b, lambda a: a)
        by_claim: dict = {}
        for finding in findings:
            for claim_id in finding.claims:
                by_claim.setdefault(claim_id, []).append(finding)
        plain = [c for c in claims if not is_share(c)]
        for cluster in _happenings(plain, settings.same_happening_days):
            if any({c.id for c in cluster} <= ids for ids in covered):
                continue
            touching = {f.id: f for c in cluster for f in by_claim.get(c.id, [])}
            fact = _fact(fact_key(cluster[0]), cluster, touching, by_claim, context, names)
            fact.pop("rank", None)
            facts.append(dict(fact, disputed=False))
    out = []
    for fact in facts:
        days = sorted(c.event.day for v in fact["values"] for cid in v["claims"]
                      if (c := by_id.get(cid)) is not None and c.event is not None and c.event.day is not None)
        first_day = days[0].isoformat() if days and fact["kind"] != "stance" else None
        rank = min((RANK.get(found[f].type, 9) for f in fact["findings"]
                    if f in found and found[f].type in FLAG_TYPES), default=9)
        out.append(dict(fact, id=fact_id(key, first_day), report_id=fact["id"], key=key, rank=rank))
    return out


def _fact_order(fact: dict) -> tuple:
    return (not fact["disputed"], fact["rank"], fact["label"], fact["id"])


def list_facts(session, *, page: int = 1, per_page: int = 50, include_undisputed: bool = False,
               **filters) -> repository.Page:
    """The stored facts, disputed first (conflicts and reversals, then corrections, then
    discrepancies), then by label: by default only the disputed ones."""
    facts = []
    for key in repository.fact_key_texts(session, disputed_only=not include_undisputed, **filters):
        facts += [f for f in facts_of_key(session, key, include_undisputed)
                  if include_undisputed or f["disputed"]]
    facts.sort(key=_fact_order)
    chosen = facts[(page - 1) * per_page: page * per_page]
    return repository.Page([{k: v for k, v in f.items() if k != "rank"} for f in chosen], len(facts), page, per_page)


def get_fact(session, ident: str) -> dict | None:
    parsed = parse_fact_id(ident)
    if parsed is None:
        return None
    for fact in facts_of_key(session, parsed[0], include_undisputed=True):
        if fact["id"] == ident:
            return {k: v for k, v in fact.items() if k != "rank"}
    return None
