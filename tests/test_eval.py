"""`make eval` (bench/eval.py): the strict matching on hand-made gold and report dicts, and the
engine's scores on corpus/stories held above floors."""
from __future__ import annotations

from datetime import date

import pytest
import yaml

from bench import eval as ev

IDS = ev.IdMap({
    "subject": {"kanjuruhan_crowd": "crowd_disaster@indonesia", "pager_explosions": "explosion@lebanon"},
    "measure": {"deaths": "deaths"},
    "speaker": {"indonesian_police": "polri", "israel": "israel", "dpa": None},
    "proposition": {"israel_behind_device_attacks": "israel.attack.lebanon"},
})
GOVERNMENTS = {"herzog": "israel", "abiad": "lebanon_health_ministry", "lebanon_health_ministry": "lebanon"}


def gold_toll(**over):
    g = {"article": "05_antara", "kind": "quantity", "subject": "kanjuruhan_crowd", "measure": "deaths",
         "value": [125, 125], "where": "malang", "when": date(2022, 10, 4), "speaker": "indonesian_police"}
    return {**g, **over}


def claim(**over):
    c = {"id": "05_antara:1", "article": "05_antara", "kind": "quantity", "subject": "crowd_disaster@indonesia",
         "measure": "deaths", "value": {"low": 125.0, "high": 125.0, "unit": None}, "where": None,
         "when": "2022-10-04", "speaker": "polri", "stance": None, "proposition": None}
    return {**c, **over}


def differs(gold, project):
    return ev.strict_differences(gold, project, IDS, GOVERNMENTS)


def fields(diff):
    return {d.split()[0] for d in diff}


# --- strict claims: each criterion can fail -----------------------------------------------------

def test_a_claim_that_agrees_on_every_criterion_matches_strictly():
    assert differs(gold_toll(), claim()) == []


def test_wrong_speaker_fails_strictly_and_passes_loosely():
    project = claim(speaker="indonesia")
    assert fields(differs(gold_toll(), project)) == {"speaker"}
    assert ev.loose_match(gold_toll(), project)


def test_a_gold_null_speaker_needs_a_project_null():
    assert fields(differs(gold_toll(speaker=None), claim())) == {"speaker"}
    assert differs(gold_toll(speaker=None), claim(speaker=None)) == []


def test_a_conduit_mapped_to_null_is_the_outlets_voice():
    assert differs(gold_toll(speaker="dpa"), claim(speaker=None)) == []
    assert fields(differs(gold_toll(speaker="dpa"), claim(speaker="dpa"))) == {"speaker"}


def test_wrong_reference_date_fails():
    assert fields(differs(gold_toll(), claim(when="2022-10-02"))) == {"when"}
    assert fields(differs(gold_toll(), claim(when=None))) == {"when"}


def test_an_unmapped_gold_id_never_matches_even_when_spelled_like_the_project():
    diff = differs(gold_toll(measure="injured_serious"), claim(measure="injured_serious"))
    assert fields(diff) == {"measure"} and "UNMAPPED" in diff[0]
    diff = differs(gold_toll(speaker="komnas_ham"), claim(speaker="komnas_ham"))
    assert fields(diff) == {"speaker"}


def test_wrong_subject_measure_or_article_fail():
    assert fields(differs(gold_toll(), claim(subject=None))) == {"subject"}
    assert fields(differs(gold_toll(), claim(measure="persons"))) == {"measure"}
    assert fields(differs(gold_toll(), claim(article="06_medcom"))) == {"article"}


def test_an_open_side_the_gold_closes_does_not_read_the_figure():
    open_high = claim(value={"low": 125.0, "high": None})
    assert fields(differs(gold_toll(), open_high)) == {"value"}
    assert not ev.loose_match(gold_toll(), open_high)
    # "more than 125" read as (125, open) is a reading of the gold's [126, open]
    assert differs(gold_toll(value=[126, None]), open_high) == []


def test_a_far_too_wide_interval_does_not_read_the_figure():
    assert not ev.overlaps({"low": 1000, "high": 9999}, 8000, 8000)
    assert ev.overlaps({"low": 7600, "high": 8400}, 8000, 8000)
    assert ev.overlaps({"low": 1000, "high": 9999}, 2000, 9999)  # "ribuan" both sides
    assert not ev.overlaps({"low": None, "high": None}, None, 5)
    assert not ev.overlaps({"low": 127, "high": 127}, 125, 125)


def test_stance_speaker_matches_through_its_government():
    gold = {"article": "10_ind", "kind": "stance", "speaker": "israel", "stance": "deny",
            "proposition": "israel_behind_device_attacks", "when": date(2024, 9, 22)}
    project = claim(article="10_ind", kind="stance", speaker="herzog", stance="deny",
                    proposition="israel.attack.lebanon", when="2024-09-22", value=None)
    assert differs(gold, project) == []
    assert fields(differs(gold, dict(project, speaker="hezbollah"))) == {"speaker"}
    assert fields(differs(gold, dict(project, stance="confirm"))) == {"stance"}
    assert fields(differs(gold, dict(project, proposition="israel.deployment.lebanon"))) == {"proposition"}
    assert fields(differs(gold, dict(project, when="2024-09-18"))) == {"when"}
    unmapped = dict(gold, proposition="gold_apollo_made_exploded_pagers")
    assert fields(differs(unmapped, dict(project, proposition="gold_apollo_made_exploded_pagers"))) == {"proposition"}
    # loose: the polarity only
    assert ev.loose_match(gold, dict(project, speaker=None, proposition=None))
    assert not ev.loose_match(gold, dict(project, stance="confirm"))


def test_a_government_chain_walks_up_several_bodies():
    assert ev.government_chain(GOVERNMENTS, "abiad") == ["lebanon_health_ministry", "lebanon"]
    assert ev.government_chain({"a": "b", "b": "a"}, "a") == ["b"]  # a loop ends


def test_gold_neutral_is_the_projects_non_confirm_or_non_denial():
    gold = {"article": "02", "kind": "stance", "speaker": "israel", "stance": "neutral",
            "proposition": "israel_behind_device_attacks", "when": date(2024, 9, 17)}
    project = claim(article="02", kind="stance", speaker="israel", stance="non_confirm",
                    proposition="israel.attack.lebanon", when="2024-09-17")
    assert differs(gold, project) == []
    assert fields(differs(gold, dict(project, stance="deny"))) == {"stance"}


def test_event_date_needs_the_mapped_subject_and_the_date():
    gold = {"article": "01", "kind": "event_date", "subject": "pager_explosions", "when": date(2024, 9, 17)}
    project = claim(article="01", kind="event_date", subject="explosion@lebanon", when="2024-09-17",
                    measure="attack", speaker="israel")
    assert differs(gold, project) == []
    assert fields(differs(gold, dict(project, when="2024-09-18"))) == {"when"}
    assert fields(differs(gold, dict(project, subject="israel"))) == {"subject"}
    assert ev.loose_match(gold, dict(project, subject="israel"))
    assert not ev.loose_match(gold, dict(project, when="2024-09-18"))


def test_a_month_grain_gold_date_holds_the_projects_day():
    assert ev.same_when("2014-10", "2014-10-01")
    assert not ev.same_when("2014-10", "2014-11-01")
    assert ev.same_when(None, None) and not ev.same_when(None, "2014-10-01")


def test_duration_values_compare_across_units():
    gold = {"article": "06", "kind": "duration", "value": [11, 11], "unit": "months"}
    assert differs(gold, claim(article="06", kind="duration", value={"low": 11, "high": 11, "unit": "month"})) == []
    in_days = {"low": 334.8, "high": 334.8, "unit": "day"}
    assert differs(gold, claim(article="06", kind="duration", value=in_days)) == []
    assert fields(differs(gold, claim(article="06", kind="duration",
                                      value={"low": 11, "high": 11, "unit": "year"}))) == {"value"}


def test_each_project_claim_matches_one_gold_claim_at_most():
    golds = [gold_toll(), gold_toll()]
    res = ev.score_claims(golds, [claim()], IDS, GOVERNMENTS, misses := [])
    assert res["quantity"] == {"gold": 2, "project": 1, "strict": 1, "loose": 1}
    assert len(misses) == 1 and "taken by another gold claim" in misses[0]


def test_precision_counts_every_project_claim_of_the_kind():
    extra = claim(id="05_antara:2", value={"low": 3, "high": 3})
    res = ev.score_claims([gold_toll()], [claim(), extra], IDS, GOVERNMENTS, [])
    assert res["quantity"] == {"gold": 1, "project": 2, "strict": 1, "loose": 1}


# --- findings ---------------------------------------------------------------------------------

CLAIMS = {"a:1": claim(id="a:1", article="a", value={"low": 127, "high": 127}),
          "b:1": claim(id="b:1", article="b", value={"low": 174, "high": 174}),
          "b:2": claim(id="b:2", article="b", value={"low": 34, "high": 34})}


def finding(type_, claims, articles, dimension="quantity"):
    return {"id": "f", "type": type_, "dimension": dimension, "claims": claims, "articles": articles,
            "summary": "s"}


def score(labels, findings, articles=("a", "b", "c")):
    return ev.score_findings(labels, findings, CLAIMS, list(articles), [])


def test_a_finding_counts_strictly_only_when_its_claims_cover_the_gold_values():
    label = {"articles": ["a", "b"], "dimension": "quantity", "expect": ["conflict"], "values": [127, 174]}
    assert score([label], [finding("conflict", ["a:1", "b:1"], ["a", "b"])])["strict"] == 1
    wrong_values = score([label], [finding("conflict", ["a:1", "b:2"], ["b", "a"])])
    assert (wrong_values["strict"], wrong_values["loose"]) == (0, 1)
    wrong_type = score([label], [finding("discrepancy", ["a:1", "b:1"], ["a", "b"])])
    assert (wrong_type["strict"], wrong_type["loose"]) == (0, 1)
    other_dimension = score([label], [finding("conflict", ["a:1", "b:1"], ["a", "b"], "date")])
    assert (other_dimension["loose"], other_dimension["unlabelled_flags"]) == (0, 1)


def test_a_one_article_label_takes_only_findings_inside_that_article():
    label = {"articles": ["b"], "dimension": "quantity", "expect": ["conflict"], "values": [174, 34]}
    assert score([label], [finding("conflict", ["b:1", "b:2"], ["b"])])["strict"] == 1
    assert score([label], [finding("conflict", ["b:1", "b:2"], ["a", "b"])])["loose"] == 0


def test_traps_are_flagged_only_by_a_flag_on_their_values():
    trap = {"articles": ["a", "b"], "dimension": "quantity", "expect": [], "values": [127, 174]}
    assert score([trap], [finding("conflict", ["a:1", "b:1"], ["a", "b"])])["traps_flagged"] == 1
    assert score([trap], [finding("update", ["a:1", "b:1"], ["a", "b"])])["traps_flagged"] == 0
    other_values = score([trap], [finding("conflict", ["a:1", "b:2"], ["a", "b"])])
    assert (other_values["traps_flagged"], other_values["unlabelled_flags"]) == (0, 0)


def test_unlabelled_flags_are_counted_per_article():
    res = score([], [finding("conflict", ["a:1", "b:1"], ["a", "b"]), finding("update", ["a:1"], ["a"])])
    assert res["unlabelled_flags"] == 1
    assert res["unlabelled_by_article"] == {"a": 1, "b": 1}
    assert res["unlabelled_per_article"] == pytest.approx(0.33)


def test_a_story_scores_from_a_given_report(tmp_path):
    story = tmp_path / "s"
    (story / "articles").mkdir(parents=True)
    (story / "articles" / "05_antara.txt").write_text("x", encoding="utf-8")
    (story / "gold.yaml").write_text(yaml.safe_dump({"claims": [gold_toll()], "findings": []}), encoding="utf-8")
    report = {"articles": [{"id": "05_antara"}], "claims": [claim(article="05_antara.txt")], "findings": []}
    res = ev.score_story(story, IDS, GOVERNMENTS, report)
    assert res["claims"]["quantity"]["strict"] == 1 and res["misses"] == []


# --- the engine on corpus/stories: floors -------------------------------------------------------
# FLOORS, each set a little below what the engine reached when last raised (strict claim recall
# 0.52, precision 0.41; loose 0.87 and 0.68; quantities strict 0.48, loose 0.93; event dates strict
# 0.50; findings strict 0.95, loose 0.97; 1 of 55 traps flagged, 0.34 unlabelled flags an
# article, which CEILINGS bound from above). Raise them as the engine improves; lowering one needs
# a reason in the commit that does it.
FLOOR_CLAIMS_STRICT_RECALL = 0.49
FLOOR_CLAIMS_STRICT_PRECISION = 0.38
FLOOR_CLAIMS_LOOSE_RECALL = 0.84
FLOOR_CLAIMS_LOOSE_PRECISION = 0.65
FLOOR_QUANTITY_STRICT_RECALL = 0.45
FLOOR_QUANTITY_LOOSE_RECALL = 0.89
FLOOR_EVENT_DATE_STRICT_RECALL = 0.46
FLOOR_FINDINGS_STRICT_RECALL = 0.90
FLOOR_FINDINGS_LOOSE_RECALL = 0.93
CEILING_TRAPS_FLAGGED = 2
CEILING_UNLABELLED_PER_ARTICLE = 0.45


@pytest.fixture(scope="module")
def corpus_scores():
    return ev.evaluate(ev.story_dirs([]), ev.IdMap.load(ev.IDS_FILE))


def test_every_story_of_the_corpus_scans(corpus_scores):
    assert set(corpus_scores["stories"]) >= {"kanjuruhan", "derna-floods", "lebanon-pagers-2024"}
    assert not [n for n, r in corpus_scores["stories"].items() if r.get("error")]


def test_the_engine_stays_above_the_floors(corpus_scores):
    totals = corpus_scores["totals"]
    claims, finds = totals["all_claims"], totals["findings"]
    assert claims["strict_recall"] >= FLOOR_CLAIMS_STRICT_RECALL
    assert claims["strict_precision"] >= FLOOR_CLAIMS_STRICT_PRECISION
    assert claims["loose_recall"] >= FLOOR_CLAIMS_LOOSE_RECALL
    assert claims["loose_precision"] >= FLOOR_CLAIMS_LOOSE_PRECISION
    assert totals["claims"]["quantity"]["strict_recall"] >= FLOOR_QUANTITY_STRICT_RECALL
    assert totals["claims"]["quantity"]["loose_recall"] >= FLOOR_QUANTITY_LOOSE_RECALL
    assert totals["claims"]["event_date"]["strict_recall"] >= FLOOR_EVENT_DATE_STRICT_RECALL
    assert finds["strict_recall"] >= FLOOR_FINDINGS_STRICT_RECALL
    assert finds["loose_recall"] >= FLOOR_FINDINGS_LOOSE_RECALL
    assert finds["traps_flagged"] <= CEILING_TRAPS_FLAGGED
    assert finds["unlabelled_per_article"] <= CEILING_UNLABELLED_PER_ARTICLE


def test_the_id_table_has_the_gold_fields_and_id_targets():
    table = yaml.safe_load(ev.IDS_FILE.read_text(encoding="utf-8"))
    assert set(table) <= set(ev.ID_FIELDS)
    for field, section in table.items():
        for gold, target in (section or {}).items():
            targets = target if isinstance(target, list) else [target]
            assert targets and all(t is None or isinstance(t, str) for t in targets), f"{field}.{gold}"


def test_the_id_table_maps_to_ids_the_project_has(rules):
    """A stale target (an id renamed in the rules) fails here rather than silently scoring 0."""
    table = yaml.safe_load(ev.IDS_FILE.read_text(encoding="utf-8"))
    lang = rules.for_language("en")
    actors, places = lang["actors"], lang["places"]
    place_ids = set(getattr(places, "parents", {})) | set(getattr(places, "regions", ()))
    measures = set(lang["measures"].priority)
    incidents = set(yaml.safe_load((ev.HERE.parent / "rules" / "common" / "incidents.yaml")
                                   .read_text(encoding="utf-8"))["types"])

    def targets(field):
        for gold, target in (table.get(field) or {}).items():
            for t in target if isinstance(target, list) else [target]:
                if t is not None:
                    yield gold, t

    def is_actor(ident):
        return ident.split("@", 1)[0] in actors.roles and ("@" not in ident or ident.split("@", 1)[1] in place_ids)

    # a body no rule knows is named by a person or name the stories introduce (person_id)
    from checker.frame.persons import _NAME_RUN, person_id
    named = {person_id(m.group()) for path in ev.STORIES.glob("*/articles/*")
             for m in _NAME_RUN.finditer(path.read_text(encoding="utf-8"))}
    bad = [(g, t) for g, t in targets("speaker") if not is_actor(t) and t not in named]
    # a part of a venue ("kanjuruhan/north_stand"): a place and a part the framing rules name
    parts = {part for path in (ev.HERE.parent / "rules").glob("*/framing.yaml")
             for part in (yaml.safe_load(path.read_text(encoding="utf-8")).get("venue_parts") or {})}
    bad += [(g, t) for g, t in targets("where")
            if t not in place_ids and not (t.rpartition("/")[0] in place_ids and t.rpartition("/")[2] in parts)]
    # the toll among a group ("deaths/children"): a measure and a group of the framing rules' share_groups
    groups = {group for path in (ev.HERE.parent / "rules").glob("*/framing.yaml")
              for group in (yaml.safe_load(path.read_text(encoding="utf-8")).get("share_groups") or {})}
    # the age of a child told among the dead ("age_girl"): one per child the framing rules describe
    measures |= {f"age_{child}" for path in (ev.HERE.parent / "rules").glob("*/framing.yaml")
                 for child in (yaml.safe_load(path.read_text(encoding="utf-8")).get("child_victims") or {})}
    bad += [(g, t) for g, t in targets("measure")
            if t not in measures and not (t.partition("/")[0] in measures and t.partition("/")[2] in groups)]
    for g, t in targets("subject"):
        kind, _, country = t.partition("@")
        if not ((kind in incidents and country in place_ids) if country else is_actor(t)):
            bad.append((g, t))
    assert not bad
