"""The plain data that flows between the pipeline's stages.

Every stage takes and returns these frozen dataclasses; marshmallow lives only at the edges.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class Span:
    """A stretch of an article's clean body: [start, end) character offsets."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """An ingested article: metadata plus the body with page noise removed."""

    id: str
    body: str
    language: str  # a language of the rules: a folder rules/<code>/ with a manifest
    title: str = ""
    source: str = ""
    url: str = ""
    published: date | None = None


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of text[0] in Article.body
    end: int


@dataclass(frozen=True)
class Interval:
    """A numeric value as an interval; None on a side means unbounded there.

    `low_open`/`high_open` mark strict bounds ("more than 600.000" -> (600000, None)).
    """

    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"interval low {self.low} above high {self.high}")


@dataclass(frozen=True)
class Mention:
    """Something a recogniser found in a sentence.

    kind: number | quantity | date | duration | percent | actor | place | measure |
          stance | attribution | modality | negation
    start/end are offsets into Article.body (sentence.start + local offset).
    value: kind-specific normalised value:
      number/quantity/percent -> Interval
      date     -> DateValue
      duration -> DurationValue
      actor/place/measure -> canonical id (str)
      stance   -> "confirm" | "deny" | "non_denial" | "non_confirm" | "neutral"
      attribution -> "attribution"; modality -> "planned" | "alleged" | "estimate"
    """

    kind: str
    text: str
    start: int
    end: int
    value: object
    rule: str = ""  # name of the rule that produced it, for `checker parse`


_MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}


@dataclass(frozen=True)
class DateValue:
    """A date as an interval of days at a grain, as a quantity is an interval of numbers.

    grain: day | span (a run of days: "17-18 September") | part (a part of a period: "awal
    Maret", "late 2024") | week | month | quarter | half | year | decade. `day` is the first day;
    `last` the last day (inclusive) when it is not simply the end of `day`'s period at `grain`
    (spans and parts always set it). `exact` is False for parts of periods, whose bounds are a
    convention of the rules, not the writer's."""

    day: date  # first day of the interval
    grain: str = "day"
    relative: bool = False  # resolved against the publication date
    last: date | None = None
    exact: bool = True

    @property
    def end(self) -> date:
        """The interval's last day, inclusive."""
        if self.last is not None:
            return self.last
        if self.grain == "week":
            return self.day + timedelta(days=6)
        months = _MONTHS_IN.get(self.grain)
        if months is None:
            return self.day
        index = self.day.year * 12 + self.day.month - 1 + months
        return date(index // 12, index % 12 + 1, 1) - timedelta(days=1)

    def gap_days(self, other: "DateValue") -> int:
        """Days between the two intervals; 0 when they overlap (both can hold)."""
        if self.end < other.day:
            return (other.day - self.end).days
        if other.end < self.day:
            return (self.day - other.end).days
        return 0


@dataclass(frozen=True)
class DurationValue:
    """A length of time in seconds, as an interval (hedges apply like quantities)."""

    seconds: Interval
    unit: str  # the unit as written, normalised: year, month, week, day, hour, ...
    since: date | None = None  # "sejak Februari 2022": the anchor a duration runs from


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Proposition:
    """What a stance is about: a predicate of the predicate lexicon (deployment, attack,
    manufacture...) with its agent, theme and place, whatever the wording ("confirmed the
    deployment of North Korean units in Kursk", "North Korean soldiers are fighting alongside
    Russian forces" and "kehadiran pasukan Korut di Kursk" are one proposition). `agent` is an
    actor id, or the theme when no actor does it ("tear gas caused the deaths"); `country` is
    the place's country, the last part of the id. A stance about a figure ("killed 125, not
    174") has `figure` set: agent and predicate are then the fact's subject and measure, and
    the disputed value travels in the claim's value."""

    agent: str
    predicate: str
    theme: str | None = None
    place: str | None = None
    country: str | None = None
    figure: bool = False

    @property
    def id(self) -> str:
        """The comparison key's part: "<agent>.<predicate>.<country>", or
        "<subject>.<measure>.figure" for a stance about a figure."""
        return f"{self.agent}.{self.predicate}.{'figure' if self.figure else self.country or 'unknown'}"


UNTYPED_EVENT = "incident"  # the type of a happening named only by generic nouns ("the tragedy")


@dataclass(frozen=True)
class EventRef:
    """The happening a figure or date is about when no actor owns it: "the death toll" of a
    stadium crush. `type` is a canonical event type from the events rules (crowd_disaster,
    flood, explosion...), `place` the most specific place known for it, `country` the place's
    country (the part of the subject id), `day` its date when known. `phase` tells the parts of
    a happening that comes in waves apart: None for the happening (or its first wave), "sequel"
    for a later wave ("a second wave of blasts", "gempa susulan"), "all" for every wave together
    ("both waves", "kedua gelombang"); each counts its own figures."""

    type: str
    country: str
    place: str | None = None
    day: date | None = None
    phase: str | None = None

    @property
    def id(self) -> str:
        """The canonical subject id: events of one type in one country share it; compare
        tells different happenings apart by their dates and places."""
        return f"{self.type}@{self.country}"

    @property
    def typed(self) -> bool:
        return self.type != UNTYPED_EVENT


@dataclass(frozen=True)
class Mark:
    """A mention a claim was read from, as a span of its evidence sentence: the dashboard
    highlights from these and never runs a recogniser again. kind: figure | date | duration |
    stance | speaker | measure | incident."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """A checkable statement, normalised to one language-independent form."""

    id: str
    article: str
    kind: str  # quantity | stance | event_date | duration
    evidence: Evidence
    subject: str | None = None  # whose troops / whose stance: canonical actor id
    measure: str | None = None  # troops, deaths, ...
    value: Interval | None = None
    unit: str | None = None
    where: str | None = None  # canonical place id
    when: date | None = None  # reference date
    modality: str = "actual"  # actual | planned | alleged | estimate
    speaker: str | None = None  # canonical actor id, None = the outlet's own voice
    stance: str | None = None  # confirm | deny | non_denial | non_confirm | neutral (no comment)
    proposition: str | None = None  # e.g. "north_korea.troops_in.russia"
    event: EventRef | None = None  # set when the subject is an event, not an actor
    marks: tuple[Mark, ...] = ()  # the mentions it was read from, offsets in evidence.text
    extra: tuple[tuple[str, object], ...] = field(default=())  # kind-specific details

    def key(self) -> tuple:
        """The comparison key: claims are only ever compared within one key."""
        if self.kind == "quantity":
            return ("quantity", self.subject, self.measure)
        if self.kind == "stance":
            return ("stance", self.proposition)
        if self.kind == "duration":
            return ("duration", self.subject, self.measure)
        return ("event_date", self.subject, self.measure)


@dataclass(frozen=True)
class Finding:
    id: str  # stable fingerprint
    type: str  # conflict | reversal | discrepancy | update
    dimension: str  # quantity | stance | date | duration
    severity: str  # high | medium | low | info
    claims: tuple[str, ...]
    articles: tuple[str, ...]
    summary: str
    reasons: tuple[str, ...]
    # the sentences a finding without claims of its own rests on (near-duplicates):
    # (article, start, end, text), offsets in the article's body
    evidence: tuple[tuple[str, int, int, str], ...] = ()
