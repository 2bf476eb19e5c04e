"""The compare.yaml corpus: claim pairs written as small dicts, and the outcome expected.

    - text: "what the pair is about"
      a: {low: 8000, high: 8000, where: kursk, when: 2024-11-03}
      b: {low: 9000, high: 11000, where: russia, modality: planned, speaker: united_states}
      expect: {type: discrepancy, reasons: [attribution, modality, scope]}   # or: none

`claims:` (a list) replaces a/b when a case needs more than two. Unset fields take the defaults
below; each claim gets its own article (a, b, c...) from its own outlet unless it names one.
An event subject (`flood@libya`) gets its EventRef from the id, with `event: {day, place}` when
given. `expect` may also check `severity`, `claims` (how many stand behind the finding) and
`articles` (their ids, or how many). `lang` says in which language the evidence is written.
"""
from __future__ import annotations

from datetime import date

from checker.compare.wording import seconds_per
from checker.model import Article, Claim, EventRef, Evidence, Interval

DEFAULTS = {"kind": "quantity", "subject": "north_korea", "measure": "troops", "modality": "actual",
            "when": date(2024, 11, 1)}


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _event(spec: dict) -> EventRef | None:
    subject = spec.get("subject") or ""
    if "@" not in subject:
        return None
    kind, _, country = subject.partition("@")
    given = spec.get("event") or {}
    return EventRef(kind, country, given.get("place"), _day(given.get("day")), given.get("phase"))


def example_claim(spec: dict, index: int) -> tuple[Claim, Article]:
    spec = {**DEFAULTS, **spec}
    letter = "abcdefghij"[index]
    article_id = str(spec.get("article", letter))
    when = _day(spec.get("when"))
    published = _day(spec.get("published", when))
    value = None
    if any(k in spec for k in ("low", "high")):
        # a duration's bounds are written in its unit (years), claims carry seconds
        scale = seconds_per(spec.get("unit", "second")) if spec["kind"] == "duration" else 1
        low, high = (None if spec.get(k) is None else spec[k] * scale for k in ("low", "high"))
        value = Interval(low, high, spec.get("low_open", False), spec.get("high_open", False))
    extra = [("published", published)]
    if spec.get("share"):
        extra.append(("role", "part"))
    for mark in ("earlier", "revised", "place_of_event", "contrasted", "recovered"):  # how the article placed the figure
        if spec.get(mark):
            extra.append((mark, True))
    if "stated" in spec:  # the day the sentence says a fixed fact was given ("On Saturday, ... had said")
        extra.append(("stated", _day(spec["stated"])))
    if "since" in spec:
        extra.append(("since", _day(spec["since"])))
    if "day_part" in spec:  # the part of its day the figure holds as of (framing `day_parts`)
        extra.append(("day_part", spec["day_part"]))
    if "figure" in spec:
        extra.append(("figure", spec["figure"]))
    start = int(spec.get("start", 10 * index))
    text = str(spec.get("evidence", f"claim {letter}"))
    claim = Claim(id=f"{article_id}:{index + 1}", article=article_id, kind=spec["kind"],
                  evidence=Evidence(text, start, start + len(text)), subject=spec.get("subject"),
                  measure=spec.get("measure"), value=value, unit=spec.get("unit", "count"),
                  where=spec.get("where"), when=when if spec["kind"] != "duration" else published,
                  modality=spec["modality"], speaker=spec.get("speaker"), stance=spec.get("stance"),
                  proposition=spec.get("proposition"), event=_event(spec), extra=tuple(extra))
    article = Article(id=article_id, body=text, language=str(spec.get("lang", "id")), title="",
                      source=str(spec.get("source", f"Outlet {article_id.upper()}")), published=published)
    return claim, article


def expected_outcomes(expect) -> list[dict]:
    if expect in (None, "none", []):
        return []
    items = expect if isinstance(expect, list) else [expect]
    return [{k: sorted(v) if k in ("reasons", "articles") and isinstance(v, list) else v
             for k, v in item.items()} for item in items]


def _observed(finding, key: str, expected):
    if key == "reasons":
        return sorted(finding.reasons)
    if key == "claims":
        return len(finding.claims)
    if key == "articles":
        return sorted(finding.articles) if isinstance(expected, list) else len(finding.articles)
    return getattr(finding, key)


def run_example(example: dict, language_rules):
    from checker.compare import compare_all

    specs = example.get("claims") or [s for s in (example.get("a"), example.get("b")) if s]
    built = [example_claim(spec, i) for i, spec in enumerate(specs)]
    articles = {}
    for claim, article in built:
        articles.setdefault(article.id, article)
    findings = compare_all([c for c, _ in built], articles, language_rules)
    expected = expected_outcomes(example.get("expect"))
    keys = sorted(set().union(*expected) if expected else {"type", "dimension", "reasons"})
    shape = expected[0] if expected else {}
    actual = [{k: _observed(f, k, shape.get(k)) for k in keys} for f in findings]
    expected = [{k: item.get(k) for k in keys} for item in expected]
    return sorted(expected, key=repr), sorted(actual, key=repr)
