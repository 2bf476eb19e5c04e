"""Date and duration recognisers: behaviour, invariants (hypothesis) and the peer floor."""
from datetime import date

from hypothesis import given, settings, strategies as st

from checker.model import DateValue, Interval
from checker.recognise.dates import find_dateline, find_dates, find_durations, resolve_weekday
from checker.rulebook import default_rules

TUESDAY = date(2024, 10, 29)


def test_bare_weekday_is_most_recent_on_or_before_publication(rules):
    found = find_dates("Pasukan tiba pada Senin di Kursk.", rules.for_language("id"), TUESDAY)
    assert [m.value for m in found] == [DateValue(date(2024, 10, 28), "day", relative=True)]
    assert resolve_weekday(1, TUESDAY, "on_or_before") == TUESDAY


def test_relative_dates_need_a_reference(rules):
    assert find_dates("kemarin pada Senin", rules.for_language("id"), None) == []


def test_capitalised_minggu_is_sunday_lower_case_is_week(rules):
    id_rules = rules.for_language("id")
    assert find_dates("pada Minggu", id_rules, TUESDAY)[0].value.day == date(2024, 10, 27)
    assert find_dates("dua minggu", id_rules, TUESDAY) == []


def test_traps_yield_no_date(rules):
    for text in ("naik 46%", "pukul 20.19 WIB", "Halaman 123", "ke-3", "F-16", "G20"):
        assert find_dates(text, rules.for_language("id"), TUESDAY) == [], text


def test_dateline_prefers_published_over_updated(rules):
    text = "Diperbarui 29 Okt 2024, 08:40 WIB\nDiterbitkan 28 Okt 2024, 22:16 WIB\nJAKARTA -"
    assert find_dateline(text, rules.for_language("id")) == date(2024, 10, 28)


def test_hedged_duration_is_an_interval_below_three_years(rules):
    (m,) = find_durations("perang yang berlangsung hampir tiga tahun", rules.for_language("id"))
    assert m.value.seconds.high_open and m.value.seconds.low < m.value.seconds.high
    assert m.value.unit == "year"


def test_since_anchors_a_duration(rules):
    (m,) = find_durations("sejak Februari 2022", rules.for_language("id"))
    assert m.value.since == date(2022, 2, 1) and m.value.seconds == Interval(None, None)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80), lang=st.sampled_from(default_rules().codes),
       ref=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))))
def test_dates_never_crash_and_spans_hold(rules, text, lang, ref):
    for m in find_dates(text, rules.for_language(lang), ref):
        assert 0 <= m.start < m.end <= len(text) and m.text == text[m.start:m.end]
        assert m.kind == "date" and isinstance(m.value, DateValue)


_WORDS = st.sampled_from(["pada", "Senin", "Minggu", "minggu", "lalu", "28/10", "2024", "Oktober",
                          "hampir", "tiga", "tahun", "lebih", "dari", "sejak", "Feb.", "28,", "last",
                          "Thursday", "two", "days", "ago", "1.5", "hours", "and", "a", "half", "46%"])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_WORDS, max_size=10), lang=st.sampled_from(default_rules().codes))
def test_durations_intervals_are_ordered_and_spans_hold(rules, words, lang):
    text = " ".join(words)
    for m in find_durations(text, rules.for_language(lang)):
        assert 0 <= m.start < m.end <= len(text) and m.text == text[m.start:m.end]
        low, high = m.value.seconds.low, m.value.seconds.high
        assert low is None or high is None or low <= high
    for m in find_dates(text, rules.for_language(lang), TUESDAY):
        assert m.text == text[m.start:m.end]
