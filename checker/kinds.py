"""The rule kinds: every kind of rule file, the engine that reads it, and where its files live.

One explicit list. Each entry is a `RuleKind`: its name (a rule file's `kind:`), the schema that
checks a file's fields when the rules load, the compile that turns the merged files of one
language into what the engine runs, and the example runner that turns one example into
(expected, actual) for the tests. `home` says where its files are: `language` kinds must be
in every language folder (or come from a fallback its manifest names), `shared` kinds in the
shared files (`language: all`, rules/common/ and rules/compare.yaml). The rule book
(checker/rulebook.py) reads this list when the rules load and refuses a language that lacks a
kind, naming the folder and the kind. Adding a kind is adding a line here; an engine module
registers nothing when it is imported.
"""
from __future__ import annotations

from checker import ingest, segment
from checker.compare import examples as compare_examples
from checker.compare import semantics, settings as compare_settings, wording
from checker.desk import stories
from checker.frame import compile_framing, events as frame_events, run_framing_example
from checker.frame.schema import FramingSchema
from checker.recognise import attribution, dates, lexicon, numbers, stances
from checker.rulebook import LANGUAGE, SHARED, RuleKind


def _cues(name: str, mention_kind: str) -> RuleKind:
    compile_cues, run_example = lexicon.cue_table(name, mention_kind)
    return RuleKind(name, lexicon.CueTableSchema, compile_cues, run_example)


KINDS: tuple[RuleKind, ...] = (
    # ingest: page noise (share prompts, "Baca juga") removed before anything reads the text
    RuleKind("noise", ingest.NoiseSchema, ingest.compile_noise, ingest.run_noise_example),
    RuleKind("segment", segment.SegmentSchema, segment.compile_segment, segment.run_segment_example),
    # recognise
    RuleKind("numbers", numbers.NumbersSchema, numbers.compile_numbers, numbers.run_numbers_example,
             from_manifest=(("decimal_mark", "decimal_mark"),)),
    # a language's calendar words are seeded from dateparser's data for it (dates.seed_vocabulary);
    # its dates.yaml adds to them or overrides them
    RuleKind("dates", dates.DatesSchema, dates.compile_dates, dates.run_dates_example,
             from_manifest=(("date_order", "numeric_order"),), seed=dates.seed_vocabulary),
    RuleKind("durations", dates.DurationsSchema, dates.compile_durations, dates.run_durations_example),
    RuleKind("actors", lexicon.ActorsSchema, lexicon.compile_actors, lexicon.run_actor_example,
             languages_field="languages", home=SHARED),
    RuleKind("places", lexicon.PlacesSchema, lexicon.compile_places, lexicon.run_place_example,
             languages_field="languages", home=SHARED),
    _cues("measures", "measure"),  # counted nouns and outcome phrases (troops, deaths, ...)
    _cues("modality", "modality"),  # planned / alleged / estimate cues, in priority order
    _cues("topics", "topic"),  # what a stance is about (deployment, attack, ...)
    _cues("events", "event"),  # nouns and verbs of dated events (statement, visit, attack, ...)
    RuleKind("stances", stances.StancesSchema, stances.compile_stances, stances.run_stance_example),
    RuleKind("attribution", attribution.AttributionSchema, attribution.compile_attribution,
             attribution.run_attribution_example),
    # frame
    RuleKind("framing", FramingSchema, compile_framing, run_framing_example,
             from_manifest=(("home_country", "home_country"),)),
    RuleKind("incidents", frame_events.IncidentsSchema, frame_events.compile_incidents,
             frame_events.run_incident_example, home=SHARED),
    # compare and report
    RuleKind("facts", semantics.FactsSchema, semantics.compile_semantics, semantics.run_semantics_example,
             home=SHARED),
    RuleKind("compare", compare_settings.CompareSchema, compare_settings.compile_settings,
             compare_examples.run_example, home=SHARED),
    RuleKind("wording", wording.WordingSchema, wording.compile_wording, wording.run_wording_example),
    # the reviewer's desk: which articles make one story
    RuleKind("stories", stories.StoriesSchema, stories.compile_settings, stories.run_stories_example,
             home=SHARED),
)
assert len({k.name for k in KINDS}) == len(KINDS), "a kind is listed twice"
assert {k.home for k in KINDS} <= {LANGUAGE, SHARED}
