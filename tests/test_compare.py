"""The compare stage on claims built by hand: the seed situations of DESIGN.md, the traps that
must not be flagged, fingerprint stability and the incremental contract."""
import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from checker.compare import compare, compare_all
from checker.compare.settings import compile_settings
from checker.model import Article, Claim, Evidence, Interval
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
    assert finding.claims == ("cnbc:1", "detik:1")  # the last denial, then the confirmation
    assert "Russia denied" in finding.summary and "26 Apr 2025" in finding.summary


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


def test_related_link_claims_never_produce_findings():
    related = troops("tribun:9", "tribun", 50000, 50000, where="kursk", extra=(("in_related_link", True),))
    other = troops("kontan:9", "kontan", 1000, 1000, where="kursk", extra=(("in_related_link", True),))
    assert run([KURSK, related]) == [] and run([related, other]) == []


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


def test_findings_differ_when_evidence_differs():
    moved = troops("tribun:1", "tribun", 8000, 8000, where="kursk", start=999)
    assert run([KURSK, PLANNED])[0].id != run([moved, PLANNED])[0].id


def test_incremental_compare_finds_what_a_scan_finds_for_the_new_article():
    claims = all_seed_situations()
    full = {f.id for f in run(claims)}
    new = [c for c in claims if c.article == "detik"]
    stored = [c for c in claims if c.article != "detik"]
    found = compare(new, stored, ARTICLES, SETTINGS, within=within, government_of=government_of)
    assert found and all(any(cid in {c.id for c in new} for cid in f.claims) for f in found)
    assert {f.id for f in found} <= full
    # adding articles one at a time finds every pairwise finding a full scan finds
    seen, store = set(), []
    for article in ARTICLES:
        batch = [c for c in claims if c.article == article]
        seen |= {f.id for f in compare(batch, store, ARTICLES, SETTINGS, within=within,
                                       government_of=government_of)}
        store += batch
    pairwise = {f.id for f in run(claims) if f.dimension == "quantity" or f.type == "conflict"}
    assert pairwise <= seen


def test_claims_of_other_keys_are_never_compared():
    deaths = [claim(f"kompas:{i}", "kompas", subject="north_korea", measure="deaths",
                    value=Interval(i, i)) for i in range(10, 400)]
    assert compare([KURSK], deaths + [PLANNED], ARTICLES, SETTINGS, within=within,
                   government_of=government_of)[0].claims == ("kontan:1", "tribun:1")


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
