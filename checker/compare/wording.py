"""One-sentence summaries a reviewer can act on (figures, outlets, dates), in the reader's
language: every word comes from rules/<lang>/wording.yaml (templates, phrases, month names, the
number format, the names of ids), this module only fills them in.

The functions take `names`: a Wording, or a plain dict of display names (then the default
report language's wording, with those names over its own)."""
from __future__ import annotations

import functools
import math
import string
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from marshmallow import Schema, ValidationError, fields, validate

from checker.compare.context import ComparisonContext, figure_written
from checker.model import Claim, Interval
from checker.rulebook import LanguageRules
from checker.units import seconds_per  # noqa: F401 (report, timing and the examples import it from here)


class WordingSchema(Schema):
    number = fields.Dict(keys=fields.String(validate=validate.OneOf(["group", "decimal"])),
                         values=fields.String(), load_default=dict)
    months = fields.List(fields.String(), validate=validate.Length(equal=12))
    phrases = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    # a noun's singular and plural ("claim", "claims"); languages without a plural repeat it
    plurals = fields.Dict(keys=fields.String(), values=fields.List(fields.String(), validate=validate.Length(equal=2)),
                          load_default=dict)
    # a stance's verb in the present and the past ("confirms", "confirmed")
    verbs = fields.Dict(keys=fields.String(), values=fields.List(fields.String(), validate=validate.Length(equal=2)),
                        load_default=dict)
    summaries = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)
    names = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)  # ids -> words
    reasons = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)  # reason codes


@dataclass(frozen=True)
class Wording:
    """A language's words for reports. Reads like the mapping of display names it carries."""

    language: str = ""
    months: tuple[str, ...] = ()
    group_mark: str = ","
    decimal_mark: str = "."
    phrases: Mapping[str, str] = field(default_factory=dict)
    plurals: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    verbs: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    summaries: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)
    reasons: Mapping[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        return self.names[key]

    def __contains__(self, key: object) -> bool:
        return key in self.names

    def get(self, key: str, default: object = None):
        return self.names.get(key, default)

    def phrase(self, key: str, **values) -> str:
        return self.phrases[key].format(**values)

    def summary(self, key: str, **values) -> str:
        text = self.summaries[key].format(**values)
        unnamed = self.phrases.get("unnamed_outlet")
        return text[:1].upper() + text[1:] if unnamed and text.startswith(unnamed) else text

    def with_names(self, names: Mapping[str, str]) -> "Wording":
        """These display names under the language's own (its own win: they are its words)."""
        return Wording(self.language, self.months, self.group_mark, self.decimal_mark, self.phrases, self.plurals,
                       self.verbs, self.summaries, {**names, **self.names}, self.reasons)


# what the templates may ask for: a missing key is an error when the rules load, not mid-report
SUMMARY_FIELDS = {
    "quantity_containment": {"a_source", "a_quantity", "b_whole", "b_source", "b_quantity"},
    "quantity_same_day": {"who", "fact", "a_value", "a_at", "b_value", "b_at"},
    "quantity_update": {"who", "fact", "a_value", "a_at", "b_value", "b_at"},
    "quantity_lowered": {"who", "fact", "a_value", "a_at", "b_value", "b_at"},
    "quantity_replaced": {"who", "fact", "a_value", "a_at", "b_value", "b_at"},
    "quantity_conflict": {"a_source", "a_quantity", "b_source", "b_quantity"},
    "quantity_conflict_same_day": {"a_source", "a_quantity", "b_source", "b_quantity"},
    "quantity_falling_toll": {"a_source", "a_quantity", "b_source", "b_quantity"},
    "quantity_contrasted": {"a_source", "a_quantity", "b_source", "b_quantity"},
    "quantity_discrepancy": {"a_source", "a_quantity", "b_source", "b_quantity", "dimensions"},
    "stance_conflict": {"a_who", "a_what", "a_at", "b_who", "b_what", "b_at"},
    "stance_figure_turn": {"who", "what", "a_at", "value", "measure", "b_at"},
    "stance_reversal": {"side", "a_verb", "what", "a_who", "a_at", "b_verb", "b_who", "b_at"},
    "date_correction": {"who", "what", "a_day", "a_at", "b_day", "b_at"},
    "date_conflict": {"a_source", "what", "a_day", "b_source", "b_day"},
    "duration_elapsed": {"source", "figure", "measure", "since", "elapsed", "unit", "published"},
    "behind": {"claims", "articles"},
}
PHRASE_FIELDS = {
    "unnamed_party": set(), "unstated_figure": set(), "unbounded_figure": set(), "unstated_proposition": set(),
    "undated": set(), "units": set(), "whole": set(), "time": set(), "event": set(), "it": set(), "and": set(),
    "more_than": {"n"}, "at_least": {"n"}, "fewer_than": {"n"}, "up_to": {"n"}, "range": {"low", "high"},
    "day": {"day", "month", "year"}, "days_in_month": {"first", "last", "month", "year"}, "kind": {"what"}, "kind_in": {"what", "place"},
    "measure_in": {"measure", "subject"}, "measure_of": {"measure", "subject"},
    "measure_among": {"measure", "group"},
    "source": {"outlet", "day"}, "source_inline": {"outlet", "day"}, "written": {"stated", "written"},
    "in_place": {"place"}, "of_subject": {"subject"}, "according_to": {"who"}, "modality": {"modality"},
    "proposition": {"subject", "topic"}, "proposition_in": {"proposition", "place"}, "figure_proposition": {"fact"}, "quoted": {"text"},
    "figure_at": {"fact", "value"}, "speaker_for": {"speaker", "side"}, "actor_event": {"subject", "event"},
    "event_of": {"subject", "event"}, "count": {"n", "noun"}, "any_value": set(), "unnamed_outlet": set(),
    # the labels of the report's disputed facts (checker.compare.disputes)
    "stances_on": {"proposition"}, "date_of_incident": {"subject", "event"},
    "date_of_actor_event": {"subject", "event"}, "fact_on_day": {"fact", "day"},
    # the Markdown report (checker.report.to_markdown)
    "report_title": set(), "report_counts": {"articles", "claims", "findings", "flagged", "facts"},
    "report_undated_one": {"ids"}, "report_undated_many": {"ids"}, "report_nothing": set(),
    "report_facts": set(), "report_facts_head": set(), "report_fact_findings": {"refs"}, "report_findings": set(),
    "report_findings_head": set(), "report_missing_claim": {"id"}, "report_no_reasons": set(),
    "report_reasons": {"reasons"},
}
PLURALS = {"claim", "article", "finding", "disputed_fact"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _check(kind: str, given: Mapping[str, str], wanted: dict[str, set[str]]) -> None:
    missing = sorted(set(wanted) - set(given))
    if missing:
        raise ValueError(f"{kind} lacks {', '.join(missing)}")
    for key, template in given.items():
        try:
            unknown = _fields(template) - wanted.get(key, set())
        except ValueError as exc:
            raise ValueError(f"{kind}.{key}: {exc}") from exc
        if unknown:
            raise ValueError(f"{kind}.{key} asks for {', '.join(sorted(unknown))}; it may use "
                             f"{', '.join(sorted(wanted.get(key, ()))) or 'nothing'}")


def compile_wording(datas: list[dict]) -> Wording:
    merged: dict = {}
    for data in datas:
        for key, value in data.items():
            merged[key] = {**merged.get(key, {}), **value} if isinstance(value, dict) else value
    _check("summaries", merged.get("summaries", {}), SUMMARY_FIELDS)
    _check("phrases", merged.get("phrases", {}), PHRASE_FIELDS)
    missing = sorted(PLURALS - set(merged.get("plurals", {})))
    if missing:
        raise ValueError(f"plurals lacks {', '.join(missing)}")
    if not merged.get("months"):
        raise ValueError("months: the twelve month names are required")
    number = merged.get("number", {})
    return Wording("", tuple(merged["months"]), number.get("group", ","), number.get("decimal", "."),
                   dict(merged.get("phrases", {})), {k: tuple(v) for k, v in merged.get("plurals", {}).items()},
                   {k: tuple(v) for k, v in merged.get("verbs", {}).items()}, dict(merged.get("summaries", {})),
                   dict(merged.get("names", {})), dict(merged.get("reasons", {})))


@functools.lru_cache(maxsize=1)
def default_wording() -> Wording:
    """The default report language's wording (the manifest that says `report_default`)."""
    from checker.rulebook import default_rules

    return report_wording(default_rules())


def report_wording(rules, language: str | None = None, names: Mapping[str, str] | None = None) -> Wording:
    """The wording of `language` (default: the rules' default report language), with `names`
    (default: the compare settings' display names) under its own."""
    code = language or rules.report_language
    wording = rules.for_language(code)["wording"]
    names = dict(rules.shared()["compare"].names) if names is None else dict(names)
    return Wording(code, *[getattr(wording, f) for f in ("months", "group_mark", "decimal_mark", "phrases",
                                                          "plurals", "verbs", "summaries")],
                   {**names, **wording.names}, wording.reasons)


def wording_of(names) -> Wording:
    """`names` as a Wording: itself, or the default wording with these display names."""
    if isinstance(names, Wording):
        return names
    return default_wording().with_names(names or {})


def run_wording_example(example: dict, rules: LanguageRules):
    """`day:` renders a date, `interval:` a figure ([low, high], with low_open/high_open),
    `fact:` [subject, measure], `proposition:` an id, `outlet:` an article's source, id and
    title; `expect` is the text."""
    w = rules["wording"].with_names(dict(rules["compare"].names))
    if "day" in example:
        actual = day_text(date.fromisoformat(str(example["day"])), w)
    elif "days" in example:
        actual = days_text(*(date.fromisoformat(str(d)) for d in example["days"]), w)
    elif "interval" in example:
        low, high = example["interval"]
        actual = interval_text(Interval(low, high, low_open=bool(example.get("low_open")),
                                        high_open=bool(example.get("high_open"))), names=w)
    elif "fact" in example:
        actual = fact_text(*example["fact"], w)
    elif "proposition" in example:
        actual = proposition_text(example["proposition"], w)
    elif "name" in example:
        actual = display_name(example["name"], w)
    elif "outlet" in example:  # {source, id, title}: how a summary names an article's outlet
        from checker.compare.context import file_name

        given = example["outlet"]
        actual = _outlet_words(given.get("source") or file_name(str(given.get("id", ""))),
                               " ".join(str(given.get("title") or "").split()), w)
    else:
        raise ValueError("a wording example needs day, interval, fact, proposition, name or outlet")
    return example["expect"], actual


def display_name(ident: str | None, names) -> str:
    w = wording_of(names)
    if not ident:
        return w.phrase("unnamed_party")
    if ident in w:
        return w[ident]
    if "+" in ident:  # places counted together: "Syria and Turkiye"
        return f" {w.phrase('and')} ".join(display_name(part, w) for part in ident.split("+"))
    if "@" in ident:  # an event subject: crowd_disaster@indonesia
        return subject_text(ident, w)
    return " ".join(word.capitalize() for word in ident.split("_"))


def subject_text(subject: str | None, names) -> str:
    """North Korea | the crowd disaster in Indonesia"""
    w = wording_of(names)
    if not subject:
        return w.phrase("unnamed_party")
    kind, at, country = subject.partition("@")
    if not at:
        return display_name(subject, w)
    place = display_name(country, w) if country and country != "unknown" else ""
    what = w.get(kind) or kind.replace("_", " ")
    article = w.phrases["kind"].partition("{what}")[0]  # "the " in English, nothing in Malay
    if not (what[:1].isupper() or (article and what.startswith(article))):
        what = w.phrase("kind", what=what)  # a kind of event, or a kind of body of a region (bpbd@east_java)
    return w.phrase("kind_in", what=what, place=place) if place else what


def measure_text(measure: str | None, names) -> str:
    w = wording_of(names)
    if measure and "/" in measure:  # the toll among a group: "deaths (civilians)"
        measure, group = measure.split("/", 1)
        return w.phrase("measure_among", measure=measure_text(measure, w), group=w.get("group." + group) or group)
    return (w.get("measure." + (measure or "")) or measure or w.phrase("units")).replace("_", " ")


def fact_text(subject: str | None, measure: str | None, names) -> str:
    """deaths in the crowd disaster in Indonesia | troops of North Korea"""
    w = wording_of(names)
    if subject and "@" in subject:
        return w.phrase("measure_in", measure=measure_text(measure, w), subject=subject_text(subject, w))
    return w.phrase("measure_of", measure=measure_text(measure, w), subject=display_name(subject, w))


def day_text(day: date | None, names=None) -> str:
    w = wording_of(names)
    if not day:
        return w.phrase("undated")
    return w.phrase("day", day=day.day, month=w.months[day.month - 1], year=day.year)


def days_text(first: date | None, last: date | None, names=None) -> str:
    """A day, or a run of days: "17–18 Sep 2024", "30 Sep 2024–2 Oct 2024"."""
    w = wording_of(names)
    if not first or last is None or last <= first:
        return day_text(first, w)
    if (first.year, first.month) == (last.year, last.month):
        return w.phrase("days_in_month", first=first.day, last=last.day, month=w.months[first.month - 1],
                        year=first.year)
    return w.phrase("range", low=day_text(first, w), high=day_text(last, w))


def number_text(x: float, names=None) -> str:
    w = wording_of(names)
    text = f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"
    return text.translate(str.maketrans({",": w.group_mark, ".": w.decimal_mark}))


def shown_range(low: float, high: float) -> tuple[float, float]:
    """A range as a reader is shown it: a hedged count's bounds ("about 4,645" is 4,180.5 to
    5,109.5) widened to whole numbers, so no one reads of 4,180.5 people; a narrow range
    ("1.5-6 metres") as it is."""
    if high - low >= 10:
        return float(math.floor(low)), float(math.ceil(high))
    return low, high


def interval_text(value: Interval | None, scale: float = 1.0, names=None) -> str:
    """8,000 | 9,000-11,000 | more than 600,000 | up to 50 (values divided by `scale`)."""
    w = wording_of(names)
    if value is None:
        return w.phrase("unstated_figure")
    low = None if value.low is None else value.low / scale
    high = None if value.high is None else value.high / scale
    if low is not None and high is not None:
        if low == high:
            return number_text(low, w)
        low, high = shown_range(low, high)
        return w.phrase("range", low=number_text(low, w), high=number_text(high, w))
    if low is not None:
        return w.phrase("more_than" if value.low_open else "at_least", n=number_text(low, w))
    if high is not None:
        return w.phrase("fewer_than" if value.high_open else "up_to", n=number_text(high, w))
    return w.phrase("unbounded_figure")


TITLE_CHARS = 60  # a title standing for an unnamed outlet is cut to this many characters


def outlet_text(claim: Claim, context: ComparisonContext, names=None) -> str:
    """The outlet of a claim's article as a reader names it: its source (or its file's name on
    the command line), else its title in quotes, else an unnamed outlet; never the store's digest."""
    return _outlet_words(context.outlet(claim), context.title_of(claim.article), names)


def article_outlet_text(article_id: str, context: ComparisonContext, names=None) -> str:
    return _outlet_words(context.outlet_of(article_id), context.title_of(article_id), names)


def _outlet_words(named: str, title: str, names) -> str:
    if named:
        return named
    w = wording_of(names)
    if not title:
        return w.phrase("unnamed_outlet")
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,.:;-–—") + "…"
    return w.phrase("quoted", text=title)


def source_text(claim: Claim, context: ComparisonContext, names=None) -> str:
    """Tribunnews (3 Nov 2024)"""
    w = wording_of(names)
    return w.phrase("source", outlet=outlet_text(claim, context, w), day=day_text(context.published(claim), w))


def source_inline(claim: Claim, context: ComparisonContext, names=None) -> str:
    """Tribunnews, 3 Nov 2024 (for use inside parentheses)"""
    w = wording_of(names)
    return w.phrase("source_inline", outlet=outlet_text(claim, context, w), day=day_text(context.published(claim), w))


def figure_text(claim: Claim, names=None) -> str:
    w = wording_of(names)
    written = figure_written(claim)
    stated = interval_text(claim.value, names=w)
    return w.phrase("written", stated=stated, written=written) if written and str(written) != stated else stated


def quantity_text(claim: Claim, context: ComparisonContext, names) -> str:
    w = wording_of(names)
    parts = [figure_text(claim, w), measure_text(claim.measure, w)]
    if claim.subject and "@" in claim.subject:
        parts.append(w.phrase("in_place", place=subject_text(claim.subject, w)))
    elif claim.subject:
        parts.append(w.phrase("of_subject", subject=display_name(claim.subject, w)))
    if claim.where and not (claim.subject and claim.subject.endswith("@" + claim.where)):
        # "deaths in the plane crash in South Korea", not "... in South Korea in South Korea"
        parts.append(w.phrase("in_place", place=display_name(claim.where, w)))
    if claim.modality != "actual":
        parts.append(w.phrase("modality", modality=w.get("modality." + claim.modality, claim.modality)))
    if claim.speaker:
        parts.append(w.phrase("according_to", who=display_name(claim.speaker, w)))
    return " ".join(parts)


def proposition_text(proposition: str | None, names) -> str:
    w = wording_of(names)
    if not proposition:
        return w.phrase("unstated_proposition")
    if proposition.endswith(".figure") and proposition.count(".") >= 2:  # a stance on a toll: "<subject>.<measure>.figure"
        fact_subject, measure, _ = proposition.rsplit(".", 2)
        return w.phrase("quoted", text=w.phrase("figure_proposition", fact=fact_text(fact_subject, measure, w)))
    subject, _, rest = proposition.partition(".")
    topic, _, place = rest.partition(".")
    # an unnamed agent may be named by what it did ("the operator's negligence", not "unnamed attackers")
    who = (w.get(f"{subject}.{topic}") if subject == "someone" else None) or display_name(subject, w)
    text = w.phrase("proposition", subject=who,
                    topic=w.get("topic." + topic) or topic.replace("_", " "))
    if place and place != "unknown":
        text = w.phrase("proposition_in", proposition=text, place=display_name(place, w))
    return w.phrase("quoted", text=text)


def stance_verb(stance: str | None, past: bool = False, names=None) -> str:
    w = wording_of(names)
    present, past_form = w.verbs.get(stance or "", w.verbs.get("state", (stance, stance)))
    return past_form if past else present


def who_text(claim: Claim, context: ComparisonContext, names) -> str:
    """Whose figure it is: the body that gave it, else the outlet in its own voice."""
    return display_name(claim.speaker, names) if claim.speaker else outlet_text(claim, context, names)


def count_text(n: int, noun: str, names=None) -> str:
    w = wording_of(names)
    one, many = w.plurals.get(noun, (noun, noun + "s"))
    return w.phrase("count", n=n, noun=one if n == 1 else many)


def listing(words: tuple[str, ...] | list[str], names=None) -> str:
    words = list(words)
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + f" {wording_of(names).phrase('and')} " + words[-1]
