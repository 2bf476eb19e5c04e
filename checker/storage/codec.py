"""Claims and findings to and from JSON-safe dicts, so the store can hand the compare stage the
same frozen dataclasses the pipeline made. Dates and tuples are tagged so they come back as
themselves rather than as strings and lists."""
from __future__ import annotations

from datetime import date

from checker.model import Claim, EventRef, Evidence, Finding, Interval, Mark


def _encode(value):
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, Interval):
        return {"$interval": interval_to_dict(value)}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)  # an engine's private type: kept readable, not round-tripped


def _decode(value):
    if isinstance(value, dict):
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$tuple" in value:
            return tuple(_decode(v) for v in value["$tuple"])
        if "$interval" in value:
            return interval_from_dict(value["$interval"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def interval_to_dict(value: Interval) -> dict:
    return {"low": value.low, "high": value.high, "low_open": value.low_open, "high_open": value.high_open}


def interval_from_dict(data: dict) -> Interval:
    return Interval(data["low"], data["high"], bool(data.get("low_open")), bool(data.get("high_open")))


def key_text(key: tuple) -> str:
    """A comparison key as one indexable string: ("quantity", "north_korea", "troops") ->
    "quantity|north_korea|troops" (a missing part is empty)."""
    return "|".join("" if part is None else str(part) for part in key)


def value_text(value: Interval | None) -> str:
    """An interval as one comparable string ("" for none): "8000.0|12000.0|00"."""
    if value is None:
        return ""
    low, high = ("" if v is None else repr(float(v)) for v in (value.low, value.high))
    return f"{low}|{high}|{int(bool(value.low_open))}{int(bool(value.high_open))}"


def fact_columns(data: dict) -> dict:
    """A stored claim's (claim_to_dict's) speaker, stance and value as the claims table's columns."""
    value = data.get("value")
    return {"speaker": (data.get("speaker") or "")[:100], "stance": data.get("stance") or "",
            "value": value_text(interval_from_dict(value)) if value is not None else ""}


def claim_to_dict(claim: Claim) -> dict:
    return {
        "id": claim.id, "article": claim.article, "kind": claim.kind,
        "evidence": {"text": claim.evidence.text, "start": claim.evidence.start, "end": claim.evidence.end},
        "subject": claim.subject, "measure": claim.measure,
        "value": interval_to_dict(claim.value) if claim.value is not None else None,
        "unit": claim.unit, "where": claim.where, "when": _encode(claim.when),
        "modality": claim.modality, "speaker": claim.speaker, "stance": claim.stance,
        "proposition": claim.proposition,
        "extra": [[name, _encode(value)] for name, value in claim.extra],
        "marks": [[m.kind, m.start, m.end] for m in claim.marks],
        "event": event_to_dict(claim.event),
    }


def event_to_dict(event: EventRef | None) -> dict | None:
    if event is None:
        return None
    return {"type": event.type, "country": event.country, "place": event.place,
            "day": event.day.isoformat() if event.day else None,
            **({"phase": event.phase} if event.phase else {})}


def event_from_dict(data: dict | None) -> EventRef | None:
    if not data:
        return None  # claims stored before events were kept have none
    day = data.get("day")
    return EventRef(data["type"], data["country"], data.get("place"), date.fromisoformat(day) if day else None,
                    data.get("phase"))


def claim_from_dict(data: dict) -> Claim:
    evidence = data["evidence"]
    return Claim(
        id=data["id"], article=data["article"], kind=data["kind"],
        evidence=Evidence(evidence["text"], evidence["start"], evidence["end"]),
        subject=data.get("subject"), measure=data.get("measure"),
        value=interval_from_dict(data["value"]) if data.get("value") is not None else None,
        unit=data.get("unit"), where=data.get("where"), when=_decode(data.get("when")),
        modality=data.get("modality") or "actual", speaker=data.get("speaker"),
        stance=data.get("stance"), proposition=data.get("proposition"),
        extra=tuple((name, _decode(value)) for name, value in data.get("extra", [])),
        marks=tuple(Mark(kind, start, end) for kind, start, end in data.get("marks", [])),
        event=event_from_dict(data.get("event")),
    )


def finding_to_dict(finding: Finding) -> dict:
    return {"id": finding.id, "type": finding.type, "dimension": finding.dimension,
            "severity": finding.severity, "claims": list(finding.claims),
            "articles": list(finding.articles), "summary": finding.summary,
            "reasons": list(finding.reasons)}


def finding_from_dict(data: dict) -> Finding:
    return Finding(id=data["id"], type=data["type"], dimension=data["dimension"],
                   severity=data["severity"], claims=tuple(data["claims"]),
                   articles=tuple(data["articles"]), summary=data["summary"],
                   reasons=tuple(data["reasons"]))
