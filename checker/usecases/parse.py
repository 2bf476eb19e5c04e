"""POST /api/v1/parse: the recognisers alone, answered the way Duckling's /parse answers, so
other tools can use them: a list of entities, each with its `body` (the text as written), `start`
and `end` (offsets into the text given), `dim`, and a `value` that is either one value
(`{"type": "value", "value": ...}`) or an interval (`{"type": "interval", "from": ..., "to": ...}`).

Dates are whole days (`time`, with a `grain`: day, week, month, quarter, year, or an interval of
days for spans, parts of a period, halves and decades; an interval's `to` is exclusive, as in
Duckling). Figures are intervals of numbers (a hedge like "about 8,000" is one); a strict bound
("more than 600") says `"open": true`. Durations carry their unit as written and the length in
seconds under `normalized`. Everything else (actors, places, measures, stances, ...) is a value:
the rules' id of what was recognised.
"""
from __future__ import annotations

from datetime import date, timedelta

from checker.model import DateValue, DurationValue, Interval, Mention

DIMS = ("number", "quantity", "percent", "time", "duration", "actor", "place", "measure", "topic", "event",
        "incident", "stance", "attribution", "modality", "pronoun", "negation")
DUCKLING_GRAINS = ("day", "week", "month", "quarter", "year")


def dim_of(kind: str) -> str:
    return "time" if kind == "date" else kind


def _bound(value: float, open_: bool, **extra) -> dict:
    number = int(value) if float(value).is_integer() else value
    return {"value": number, **({"open": True} if open_ else {}), **extra}


def interval_value(value: Interval, **extra) -> dict:
    if value.low is not None and value.low == value.high and not (value.low_open or value.high_open):
        return {"type": "value", **_bound(value.low, False), **extra}
    out: dict = {"type": "interval", **extra}
    if value.low is not None:
        out["from"] = _bound(value.low, value.low_open)
    if value.high is not None:
        out["to"] = _bound(value.high, value.high_open)
    return out


def time_value(value: DateValue) -> dict:
    extra = {"relative": True} if value.relative else {}
    if not value.exact:
        extra["exact"] = False
    if value.grain in DUCKLING_GRAINS and value.last is None:
        return {"type": "value", "value": value.day.isoformat(), "grain": value.grain, **extra}
    after: date = value.end + timedelta(days=1)
    return {"type": "interval", "from": {"value": value.day.isoformat(), "grain": "day"},
            "to": {"value": after.isoformat(), "grain": "day"}, "written_grain": value.grain, **extra}


def duration_value(value: DurationValue) -> dict:
    seconds = interval_value(value.seconds)
    seconds.pop("type")
    out = {"type": "value" if "value" in seconds else "interval", "unit": value.unit,
           "normalized": {"unit": "second", **seconds}}
    if value.since is not None:
        out["since"] = value.since.isoformat()
    return out


def entity(mention: Mention, offset: int) -> dict:
    value = mention.value
    if isinstance(value, Interval):
        shaped = interval_value(value)
    elif isinstance(value, DateValue):
        shaped = time_value(value)
    elif isinstance(value, DurationValue):
        shaped = duration_value(value)
    else:
        shaped = {"type": "value", "value": value if isinstance(value, (str, int, float, bool)) else str(value)}
    return {"body": mention.text, "start": offset + mention.start, "end": offset + mention.end,
            "dim": dim_of(mention.kind), "latent": False, "value": shaped, "rule": mention.rule}


def parse_text(text: str, language_rules, reference: date | None, dims: set[str] | None) -> list[dict]:
    """Every mention the recognisers find in `text`, sentence by sentence, as entities in text order."""
    from checker.recognise import recognise
    from checker.segment import split_sentences

    found = []
    for sentence in split_sentences(text, language_rules):
        for mention in recognise(sentence, language_rules, reference).all():
            if dims is None or dim_of(mention.kind) in dims:
                found.append(entity(mention, sentence.start))
    return sorted(found, key=lambda e: (e["start"], -e["end"]))
