"""The compare stage on claims built by hand: the seeds' situations, the traps that
must not be flagged, fingerprint stability and the incremental contract."""
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from checker.compare import compare, compare_all, related_keys
from checker.compare.settings import compile_settings
from checker.model import Article, Claim, EventRef, Evidence, Interval
from checker.rulebook import RuleFileError, load_rule_file

RULES = Path(__file__).resolve().parent.parent / "rules"
SETTINGS = compile_settings([load_rule_file(RULES / "compare.yaml").data])

PARENTS = {"kursk": "russia", "moscow": "russia", "russia": "europe", "kyiv": "ukraine"}
GOVERNMENTS = {"kremlin": "russia", "peskov": "russia", "nebenzia": "russia", "gerasimov": "russia",
               "putin": "russia", "pentagon": "united_states", "rutte": "nato", "kim_song": "north_korea"}


def within(inner: str, outer: str) -> bool:
    while inner:
        if inner == outer:
            return True
        inner = PARENTS.get(inner)
    return False


def government_of(actor: str) -> str:
    return GOVERNMENTS.get(actor, actor)


ARTICLES = {
    "tribun": Article("tribun", "", "id", source="Tribunnews", published=date(2024, 11, 3)),
    "kontan": Article("kontan", "", "id", source="Kontan", published=date(2024, 10, 28)),
    "cnbc": Article("cnbc", "", "id", source="CNBC Indonesia", published=date(2024, 10, 24)),
    "kompas": Article("kompas", "", "id", source="Kompas", published=date(2024, 10, 16)),
    "detik": Article("detik", "", "id", source="Detik", published=date(2025, 4, 26)),
    "antara": Article("antara", "", "id", source="Antara", published=date(2025, 4, 28)),
}


def claim(id_, article, kind="quantity", start=0, text=None, **kw):
    text = text or f"evidence of {id_}"
    kw.setdefault("when", ARTICLES[article].published if article in ARTICLES else None)
    return Claim(id=id_, article=article, kind=kind, evidence=Evidence(text, start, start + len(text)), **kw)


def troops(id_, article, low, high, **kw):
    return claim(id_, article, subject="north_korea", measure="troops", value=Interval(low, high), **kw)


def stance(id_, article, speaker, polarity, when, start=0):
    return claim(id_, article, kind="stance", start=start, subject=government_of(speaker), speaker=speaker,
                 stance=polarity, proposition="north_korea.deployment.russia", when=when)


def run(claims, articles=ARTICLES):
    return compare_all(claims, articles, SETTINGS, within=within, government_of=government_of)


KURSK = troops("tribun:1", "tribun", 8000, 8000, where="kursk", start=120,
               text="Sebanyak 8.000 tentara Korea Utara berada di Kursk.", extra=(("figure", "8.000"),))
PLANNED = troops("kontan:1", "kontan", 9000, 11000, where="russia", modality="planned", speaker="pentagon",
                 start=40, text="Pentagon: sekitar 10.000 tentara akan dikirim ke Rusia.",
                 extra=(("figure", "sekitar 10.000"),))


def test_kursk_actual_vs_russia_planned_is_a_discrepancy_of_scope_and_modality():
    [finding] = run([KURSK, PLANNED])
    assert (finding.type, finding.dimension, finding.severity) == ("discrepancy", "quantity", "low")
    assert {"scope", "modality"} <= set(finding.reasons)
    assert set(finding.claims) == {"tribun:1", "kontan:1"}
    assert set(finding.articles) == {"tribun", "kontan"}
    for part in ("Tribunnews (3 Nov 2024)", "8,000", "Kursk", "Kontan (28 Oct 2024)", "planned", "Russia"):
        assert part in finding.summary
    assert finding.summary[0].isupper() and finding.summary.endswith(".")


def test_compatible_sub_scope_is_not_flagged():
    whole = troops("kontan:1", "kontan", 10000, 10000, where="russia")
    assert run([KURSK, whole]) == []


def test_same_scope_same_week_different_figures_conflict():
    other = troops("tribun:2", "kontan", 12000, 12000, where="kursk", when=date(2024, 11, 1))
    [finding] = run([KURSK, other])
    assert finding.type == "conflict" and finding.severity == "high" and "value" in finding.reasons


def test_nato_confirms_while_kremlin_denies_the_same_week_is_a_conflict():
    nato = stance("kontan:2", "kontan", "rutte", "confirm", date(2024, 10, 28))
    kremlin = stance("cnbc:1", "cnbc", "kremlin", "deny", date(2024, 10, 24))
    [finding] = run([nato, kremlin])
    assert (finding.type, finding.dimension) == ("conflict", "stance")
    assert "NATO" in finding.summary and "confirms" in finding.summary and "denies" in finding.summary


def test_russia_denied_in_october_and_confirmed_in_april_is_one_reversal():
    claims = [stance("cnbc:1", "cnbc", "kremlin", "deny", date(2024, 10, 24)),
              stance("kompas:1", "kompas", "nebenzia", "deny", date(2024, 10, 16)),
              stance("detik:1", "detik", "gerasimov", "confirm", date(2025, 4, 26))]
    [finding] = run(claims)
    assert (finding.type, finding.severity) == ("reversal", "medium")
    assert finding.claims == ("kompas:1", "cnbc:1", "detik:1")  # every statement behind the turn
    # the turn itself speaks for it: the last denial, then the confirmation
    assert "Russia denied" in finding.summary and "24 Oct 2024" in finding.summary
    assert "26 Apr 2025" in finding.summary and "3 claims in 3 articles" in finding.summary


def test_north_korea_dismissed_then_confirmed_is_a_reversal():
    claims = [stance("kompas:2", "kompas", "kim_song", "deny", date(2024, 10, 16)),
              stance("antara:1", "antara", "north_korea", "confirm", date(2025, 4, 28))]
    [finding] = run(claims)
    assert finding.type == "reversal" and finding.articles == ("kompas", "antara")


def test_putins_non_denial_is_neither_denial_nor_confirmation():
    putin = stance("cnbc:2", "cnbc", "putin", "non_denial", date(2024, 10, 25))
    nato = stance("kontan:2", "kontan", "rutte", "confirm", date(2024, 10, 28))
    later = stance("detik:1", "detik", "gerasimov", "confirm", date(2025, 4, 26))
    assert run([putin, nato, later]) == []


def test_shares_of_a_figure_never_produce_findings():
    related = troops("tribun:9", "tribun", 50000, 50000, where="kursk", extra=(("role", "part"),))
    other = troops("kontan:9", "kontan", 1000, 1000, where="kursk", extra=(("role", "part"),))
    assert run([KURSK, related]) == [] and run([related, other]) == []


def test_a_share_naming_its_group_meets_the_same_groups_share_only():
    """ "including nine civilians" against another body's "seven of them civilians": the toll
    among civilians is a fact of its own (deaths/civilians), never set against the whole toll."""
    def dead(id_, article, low, speaker, group=None):
        return claim(id_, article, subject="explosion@indonesia", measure="deaths" + (f"/{group}" if group else ""),
                     value=Interval(low, low), speaker=speaker, when=date(2025, 4, 26),
                     extra=(("role", "part" if group else "total"),))
    army, army_civilians = dead("antara:1", "antara", 13, "tni"), dead("antara:2", "antara", 9, "tni", "civilians")
    rights_civilians = dead("detik:2", "detik", 7, "komnas_ham", "civilians")
    rights_soldiers = dead("detik:3", "detik", 4, "komnas_ham", "soldiers")
    [finding] = run([army, army_civilians, rights_civilians, rights_soldiers])
    assert (finding.dimension, finding.type) == ("quantity", "conflict")
    assert set(finding.claims) == {"antara:2", "detik:2"}
    assert "civilians" in finding.summary


def test_update_by_the_same_authority_a_week_later_is_informational():
    first = troops("kompas:3", "kompas", 10000, 10000, speaker="south_korea", when=date(2024, 10, 18))
    second = troops("cnbc:3", "cnbc", 11000, 11000, speaker="south_korea", when=date(2024, 10, 25))
    [finding] = run([second, first])
    assert (finding.type, finding.severity) == ("update", "info")
    assert finding.claims == ("kompas:3", "cnbc:3")


def test_event_dates_within_a_day_agree_and_further_apart_conflict():
    def dated(id_, article, day):
        return claim(id_, article, kind="event_date", subject="north_korea", measure="statement", when=day)
    near = [dated("kontan:5", "kontan", date(2024, 11, 3)), dated("tribun:5", "tribun", date(2024, 11, 4))]
    assert run(near) == []
    far = [dated("kontan:5", "kontan", date(2024, 11, 3)), dated("tribun:5", "tribun", date(2024, 11, 6))]
    [finding] = run(far)
    assert (finding.type, finding.dimension) == ("conflict", "date")


YEAR = 365.25 * 86400


@pytest.mark.parametrize("published,value,flagged", [
    (date(2024, 10, 28), Interval(2.7 * YEAR, 3 * YEAR, high_open=True), False),  # hampir tiga tahun
    (date(2025, 4, 20), Interval(3 * YEAR, None, low_open=True), False),  # more than three years
    (date(2026, 10, 15), Interval(2.7 * YEAR, 3 * YEAR, high_open=True), True),  # almost three, too late
])
def test_durations_against_their_anchor(published, value, flagged):
    article = Article("war", "", "id", source="Kompas", published=published)
    duration = claim("war:1", "war", kind="duration", measure="war", value=value, unit="year",
                     when=published, extra=(("since", date(2022, 2, 1)),))
    findings = run([duration], {"war": article})
    assert bool(findings) == flagged
    if flagged:
        assert findings[0].dimension == "duration" and "years had passed" in findings[0].summary


def all_seed_situations():
    return [KURSK, PLANNED, troops("tribun:2", "kontan", 12000, 12000, where="kursk", start=300),
            stance("kontan:2", "kontan", "rutte", "confirm", date(2024, 10, 28), start=500),
            stance("cnbc:1", "cnbc", "kremlin", "deny", date(2024, 10, 24)),
            stance("kompas:1", "kompas", "nebenzia", "deny", date(2024, 10, 16)),
            stance("detik:1", "detik", "gerasimov", "confirm", date(2025, 4, 26)),
            stance("cnbc:2", "cnbc", "putin", "non_denial", date(2024, 10, 25), start=700)]


def test_fingerprints_do_not_depend_on_order_or_claim_numbering():
    claims = all_seed_situations()
    expected = {f.id for f in run(claims)}
    assert len(expected) >= 4
    shuffled = claims[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert {f.id for f in run(shuffled)} == expected
    renumbered = [Claim(**{**c.__dict__, "id": f"{c.article}:{100 + i}"}) for i, c in enumerate(claims)]
    assert {f.id for f in run(renumbered)} == expected


def test_a_finding_is_named_by_its_disagreement_not_by_its_evidence():
    moved = troops("tribun:1", "tribun", 8000, 8000, where="kursk", start=999)
    assert run([KURSK, PLANNED])[0].id == run([moved, PLANNED])[0].id  # the same two sources
    other_source = troops("tribun:1", "tribun", 8000, 8000, where="kursk", speaker="ukraine")
    assert run([KURSK, PLANNED])[0].id != run([other_source, PLANNED])[0].id
    renamed = {**ARTICLES, "tribun-copy": Article("tribun-copy", "", "id", source="Tribunnews",
                                                  published=date(2024, 11, 3))}
    copy = Claim(**{**KURSK.__dict__, "id": "tribun-copy:1", "article": "tribun-copy"})
    assert run([KURSK, PLANNED])[0].id == run([copy, PLANNED], renamed)[0].id  # article ids do not count


def test_incremental_compare_finds_what_a_scan_finds_for_the_new_article():
    claims = all_seed_situations()
    full = {f.id for f in run(claims)}
    new = [c for c in claims if c.article == "detik"]
    stored = [c for c in claims if c.article != "detik"]
    found = compare(new, stored, ARTICLES, SETTINGS, within=within, government_of=government_of)
    assert found and all(any(cid in {c.id for c in new} for cid in f.claims) for f in found)
    assert {f.id for f in found} <= full
    # adding articles one at a time, in any order, finds exactly what a full scan finds
    scan = {(f.id, f.type) for f in run(claims)}
    for seed in range(6):
        order = list(ARTICLES)
        random.Random(seed).shuffle(order)
        seen, store = set(), []
        for article in order:
            batch = [c for c in claims if c.article == article]
            seen |= {(f.id, f.type) for f in compare(batch, store, ARTICLES, SETTINGS, within=within,
                                                     government_of=government_of)}
            store += batch
        assert seen == scan, order


def test_claims_of_other_keys_are_never_compared():
    deaths = [claim(f"kompas:{i}", "kompas", subject="north_korea", measure="deaths",
                    value=Interval(i, i)) for i in range(10, 400)]
    assert compare([KURSK], deaths + [PLANNED], ARTICLES, SETTINGS, within=within,
                   government_of=government_of)[0].claims == ("kontan:1", "tribun:1")


def test_related_keys_bring_the_wholes_and_parts_of_a_measure():
    keys = related_keys({("quantity", "russia", "deaths"), ("stance", "x.y.z")}, SETTINGS)
    assert ("quantity", "russia", "casualties") in keys and ("quantity", "russia", "identified_dead") in keys
    assert ("stance", "x.y.z") in keys and ("quantity", "russia", "troops") not in keys


def test_a_bad_compare_file_names_the_file_and_line(tmp_path):
    bad = tmp_path / "compare.yaml"
    text = (RULES / "compare.yaml").read_text(encoding="utf-8").replace("conflict: high", "conflict: urgent")
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        load_rule_file(bad)
    assert "compare.yaml" in str(error.value) and "severity" in str(error.value)


intervals = st.tuples(st.integers(0, 20000), st.integers(0, 5000)).map(lambda t: Interval(t[0], t[0] + t[1]))


@hyp_settings(max_examples=150, deadline=None)
@given(intervals, intervals)
def test_overlapping_figures_never_flag_and_order_never_matters(a, b):
    first = troops("tribun:1", "tribun", a.low, a.high, where="russia")
    second = troops("kontan:1", "kontan", b.low, b.high, where="russia")
    forward, backward = run([first, second]), run([second, first])
    assert [f.id for f in forward] == [f.id for f in backward]
    overlapping = a.low <= b.high and b.low <= a.high
    assert bool(forward) != overlapping


# --- what a figure's behaviour makes of differing figures (rules/common/facts.yaml) ---------------

STADIUM = EventRef("crowd_disaster", "indonesia", "malang", date(2022, 10, 1))
TOLL_ARTICLES = {
    "cnn": Article("cnn", "", "id", source="CNN Indonesia", published=date(2022, 10, 2)),
    "inanews": Article("inanews", "", "id", source="INAnews", published=date(2022, 10, 2)),
    "kompas": Article("kompas", "", "id", source="Kompas", published=date(2022, 10, 2)),
    "antara": Article("antara", "", "en", source="Antara", published=date(2022, 10, 4)),
    "medcom": Article("medcom", "", "id", source="Medcom", published=date(2022, 10, 4)),
    "minews": Article("minews", "", "id", source="Mata Indonesia", published=date(2022, 10, 5)),
}


def toll(id_, article, n, speaker=None, measure="deaths", start=0, **kw):
    kw.setdefault("when", TOLL_ARTICLES[article].published)
    return claim(id_, article, start=start, subject="crowd_disaster@indonesia", measure=measure,
                 value=Interval(n, n), speaker=speaker, event=STADIUM, **kw)


def run_tolls(claims):
    return compare_all(claims, TOLL_ARTICLES, SETTINGS, within=within, government_of=government_of)


def test_two_bodies_tolls_the_same_morning_conflict_once_however_often_repeated():
    police = [toll("cnn:1", "cnn", 127, "indonesia_police"), toll("cnn:2", "cnn", 127, "indonesia_police", start=90),
              toll("cnn:3", "cnn", 127, "indonesia_police", start=180)]
    agency = [toll("inanews:1", "inanews", 174, "bpbd"), toll("kompas:4", "kompas", 174, "bpbd")]
    [finding] = run_tolls(police + agency)
    assert (finding.type, finding.severity) == ("conflict", "high")
    assert set(finding.claims) == {"cnn:1", "cnn:2", "cnn:3", "inanews:1", "kompas:4"}
    assert set(finding.articles) == {"cnn", "inanews", "kompas"}
    assert "for the same day" in finding.summary and "5 claims in 3 articles" in finding.summary


def test_a_toll_that_grows_is_a_timeline_and_one_that_falls_needs_a_look():
    grows = [toll("kompas:1", "kompas", 125, "regional_health_office"), toll("medcom:1", "medcom", 131, "kompolnas")]
    assert run_tolls(grows) == []
    same_body = [toll("antara:1", "antara", 125, "indonesia_police"), toll("minews:1", "minews", 131, "indonesia_police")]
    [update] = run_tolls(same_body)
    assert (update.type, update.severity) == ("update", "info") and "revised its figure" in update.summary
    lowered = [toll("cnn:1", "cnn", 127, "indonesia_police"), toll("antara:1", "antara", 125, "indonesia_police")]
    [correction] = run_tolls(lowered)
    assert (correction.type, correction.severity) == ("correction", "medium")
    assert "lowered its figure" in correction.summary
    other_body_lower = [toll("inanews:1", "inanews", 298, "bpbd", measure="injured"),
                        toll("medcom:2", "medcom", 260, "regency_government", measure="injured")]
    [discrepancy] = run_tolls(other_body_lower)
    assert discrepancy.type == "discrepancy" and "time" in discrepancy.reasons


def test_inside_one_article_only_two_named_bodies_disagree():
    quoted = [toll("cnn:1", "cnn", 3, "hezbollah"), toll("cnn:2", "cnn", 8, "lebanon_health_ministry", start=100)]
    [finding] = run_tolls(quoted)
    assert finding.type == "conflict" and finding.articles == ("cnn",)
    revision = [toll("minews:1", "minews", 125, "indonesia_police"),
                toll("minews:2", "minews", 131, "indonesia_police", start=100)]
    assert run_tolls(revision) == []  # "rose from 125 to 131": the article tells one body's revision
    own_and_quoted = [toll("cnn:1", "cnn", 127), toll("cnn:2", "cnn", 174, "bpbd", start=100)]
    assert run_tolls(own_and_quoted) == []
    breakdown = [toll("kompas:1", "kompas", 125), toll("kompas:2", "kompas", 13, start=100),
                 toll("inanews:1", "inanews", 174, "bpbd")]
    [finding] = run_tolls(breakdown)  # 13 at one hospital is a share of the 125, not a rival total
    assert set(finding.claims) == {"kompas:1", "inanews:1"}


def test_an_internal_and_a_cross_article_disagreement_are_two_findings():
    claims = [toll("cnn:1", "cnn", 3, "hezbollah"), toll("cnn:2", "cnn", 8, "lebanon_health_ministry", start=100),
              toll("kompas:1", "kompas", 8, "lebanon_health_ministry")]
    findings = run_tolls(claims)
    assert sorted(f.articles for f in findings) == [("cnn",), ("cnn", "kompas")]


def test_different_happenings_of_one_type_never_meet():
    later = EventRef("crowd_disaster", "indonesia", "malang", date(2023, 10, 1))
    claims = [toll("cnn:1", "cnn", 127, "indonesia_police"),
              claim("kompas:1", "kompas", subject="crowd_disaster@indonesia", measure="deaths", value=Interval(5, 5),
                    speaker="bpbd", event=later, when=date(2022, 10, 2))]
    assert run_tolls(claims) == []


def test_a_fixed_fact_conflicts_whenever_and_its_own_authority_corrects_it():
    quake = EventRef("earthquake", "indonesia", "cianjur", date(2022, 11, 21))

    def magnitude(id_, article, m, speaker, when):
        return claim(id_, article, subject="earthquake@indonesia", measure="magnitude", value=Interval(m, m),
                     speaker=speaker, event=quake, when=when)
    far_apart = [magnitude("cnn:1", "cnn", 5.6, "bmkg", date(2022, 11, 21)),
                 magnitude("kompas:1", "kompas", 5.4, "usgs", date(2023, 1, 30))]
    [conflict] = run_tolls(far_apart)
    assert conflict.type == "conflict"
    revised = [magnitude("cnn:1", "cnn", 5.6, "bmkg", date(2022, 11, 21)),
               magnitude("kompas:1", "kompas", 5.4, "bmkg", date(2022, 11, 22))]
    [correction] = run_tolls(revised)
    assert correction.type == "correction" and "replaced its figure" in correction.summary


def test_a_part_above_its_whole_at_the_same_time_conflicts():
    claims = [claim("cnn:1", "cnn", subject="russia", measure="deaths", value=Interval(700000, 700000),
                    when=date(2024, 11, 1), speaker="ukraine"),
              claim("kompas:1", "kompas", subject="russia", measure="casualties", value=Interval(600000, 600000),
                    when=date(2024, 11, 1), speaker="united_kingdom")]
    [finding] = run_tolls(claims)
    assert finding.type == "conflict" and "containment" in finding.reasons
    assert "a part cannot exceed its whole" in finding.summary
    # posted one by one, the part finds its whole in the store (and the whole its part)
    for new, stored in ((claims[:1], claims[1:]), (claims[1:], claims[:1])):
        [again] = compare(new, stored, TOLL_ARTICLES, SETTINGS, within=within, government_of=government_of)
        assert again.id == finding.id


def test_findings_are_ranked_real_disagreements_first():
    claims = [toll("cnn:1", "cnn", 127, "indonesia_police"), toll("inanews:1", "inanews", 174, "bpbd"),
              toll("antara:1", "antara", 125, "indonesia_police"), toll("minews:1", "minews", 131, "indonesia_police"),
              troops("tribun:1", "tribun", 8000, 8000, where="russia", speaker="ukraine"),
              troops("kontan:1", "kontan", 12000, 12000, where="russia", speaker="south_korea", when=date(2024, 11, 1))]
    articles = {**ARTICLES, **TOLL_ARTICLES}
    findings = compare_all(claims, articles, SETTINGS, within=within, government_of=government_of)
    types = [(f.type, "attribution" in f.reasons) for f in findings]
    assert types[0] == ("conflict", True)  # independent governments (Kyiv, Seoul) first
    assert [t for t, _ in types].index("correction") > [t for t, _ in types].index("conflict")
    assert types[-1][0] == "update"


def test_disputed_facts_list_values_by_source_and_time():
    from checker.compare.disputes import disputed_facts

    claims = [toll("cnn:1", "cnn", 127, "indonesia_police"), toll("cnn:2", "cnn", 127, "indonesia_police", start=90),
              toll("inanews:1", "inanews", 174, "bpbd"), toll("medcom:1", "medcom", 131, "kompolnas")]
    findings = run_tolls(claims)
    assert [f.type for f in findings] == ["conflict", "discrepancy"]  # 174, then another body's 131
    [fact] = disputed_facts(TOLL_ARTICLES, claims, findings, SETTINGS)
    assert fact["subject"] == "crowd_disaster@indonesia" and fact["measure"] == "deaths"
    assert fact["behaviour"] == "cumulative" and fact["findings"] == [f.id for f in findings]
    assert fact["label"].startswith("deaths in the crowd disaster in Indonesia")
    values = [(v["when"], v["value"]["low"], v["speaker"], v["status"], len(v["claims"])) for v in fact["values"]]
    assert values == [("2022-10-02", 127, "indonesia_police", "conflict", 2), ("2022-10-02", 174, "bpbd", "conflict", 1),
                      ("2022-10-04", 131, "kompolnas", "discrepancy", 1)]
    grows = [claims[0], toll("medcom:1", "medcom", 131, "kompolnas")]
    assert disputed_facts(TOLL_ARTICLES, grows, run_tolls(grows), SETTINGS) == []  # a timeline is no dispute


def archive(days: int, per_day: int = 5) -> list[Claim]:
    """An archive of one story: every day five bodies give their (differing) troop counts."""
    stored = []
    for day in range(days):
        when = date(2020, 1, 1) + timedelta(days=day)
        stored += [claim(f"a{day}-{k}:1", f"a{day}-{k}", subject="north_korea", measure="troops",
                         value=Interval(1000 * (k + 1 + day % 3), 1000 * (k + 1 + day % 3)), speaker=f"body{k}",
                         when=when) for k in range(per_day)]
    return stored


def test_a_scan_costs_the_same_per_claim_however_long_the_archive():
    """Once the archive is longer than the windows, a claim meets as many others however long
    the archive grows: counted as the pairs the comparison judges (speed itself is measured in
    `make bench`, never timed in a test)."""
    from checker.compare import make_context
    from checker.compare.quantities import candidate_pairs, nodes_of, windows

    per_claim, counts = [], []
    for days in (250, 1000):  # both longer than the longest window (a body's own revisions, 180 days)
        claims = archive(days)
        context = make_context(SETTINGS, {}, within=within, government_of=government_of)
        near, same = windows(context.behaviour(claims[0]), context)
        pairs = sum(1 for _ in candidate_pairs(nodes_of(claims, [], context), near, same, context))
        per_claim.append(pairs / len(claims))
        findings = compare_all(claims, {}, SETTINGS, within=within, government_of=government_of)
        # one per pair of bodies and pair of their figures (each body gives three values), not
        # per pair of claims: however long the archive, no more findings
        assert len(findings) <= (5 * 4 // 2) * 3 * 3
        counts.append(len(findings))
    assert counts[0] == counts[1], counts
    assert 0 < per_claim[1] <= per_claim[0] * 1.05, per_claim


def test_a_post_looks_only_at_the_claims_near_it():
    stored = archive(2000)
    new = [claim("new:1", "new", subject="north_korea", measure="troops", value=Interval(2500, 2500),
                 speaker="body9", when=date(2020, 3, 1))]
    found = compare(new, stored, {}, SETTINGS, within=within, government_of=government_of)
    near = {a for f in found for a in f.articles} - {"new"}
    assert found and all(abs((date(2020, 1, 1) + timedelta(days=int(a[1:].split("-")[0])) - date(2020, 3, 1)).days) <= 7
                         for a in near)


def test_a_disputed_toll_shows_its_later_higher_figures_as_updates():
    from checker.compare.disputes import disputed_facts

    claims = [toll("cnn:1", "cnn", 127, "indonesia_police"), toll("inanews:1", "inanews", 174, "bpbd"),
              toll("minews:1", "minews", 180, "kompolnas")]
    [fact] = disputed_facts(TOLL_ARTICLES, claims, run_tolls(claims), SETTINGS)
    assert [(v["value"]["low"], v["status"]) for v in fact["values"]] == [(127, "conflict"), (174, "conflict"),
                                                                          (180, "update")]
