"""Dates as intervals: the value's bounds, the recogniser's new forms in both languages, the
comparison of event dates by interval, and the rules' conventions."""
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from checker.compare import compare_all
from checker.compare.settings import compile_settings
from checker.compare.timing import days_apart
from checker.model import Article, Claim, DateValue, Evidence
from checker.recognise.dates import find_dates, holiday_days
from checker.rulebook import LanguageRules, load_rule_file

TUESDAY = date(2024, 10, 29)
RULES = Path(__file__).resolve().parent.parent / "rules"
SETTINGS = compile_settings([load_rule_file(RULES / "compare.yaml").data])


def interval(text: str, rules, ref=TUESDAY) -> tuple:
    (m,) = find_dates(text, rules, ref)
    return m.value.day, m.value.end


@pytest.mark.parametrize("value,end", [
    (DateValue(date(2024, 2, 1), "month"), date(2024, 2, 29)),
    (DateValue(date(2024, 10, 1), "quarter"), date(2024, 12, 31)),
    (DateValue(date(2024, 7, 1), "half"), date(2024, 12, 31)),
    (DateValue(date(2020, 1, 1), "decade"), date(2029, 12, 31)),
    (DateValue(date(2024, 10, 28), "week"), date(2024, 11, 3)),
    (DateValue(date(2024, 9, 17), "span", last=date(2024, 9, 18)), date(2024, 9, 18)),
    (DateValue(date(2024, 10, 29)), date(2024, 10, 29)),
])
def test_a_date_value_ends_where_its_grain_does(value, end):
    assert value.end == end


def test_two_intervals_are_apart_only_when_they_cannot_both_hold():
    span = DateValue(date(2024, 9, 17), "span", last=date(2024, 9, 18))
    assert span.gap_days(DateValue(date(2024, 9, 18))) == 0
    assert span.gap_days(DateValue(date(2024, 9, 25))) == 7
    assert DateValue(date(2024, 9, 1), "month").gap_days(DateValue(date(2024, 8, 30))) == 2


@pytest.mark.parametrize("lang,text,first,last", [
    ("id", "Banjir terjadi pada 17-18 September 2024.", date(2024, 9, 17), date(2024, 9, 18)),
    ("id", "KTT berlangsung 21 hingga 25 Oktober.", date(2024, 10, 21), date(2024, 10, 25)),
    ("id", "Harga cabai naik awal Maret.", date(2024, 3, 1), date(2024, 3, 10)),
    ("id", "Akhir pekan lalu jalan macet.", date(2024, 10, 26), date(2024, 10, 27)),
    ("id", "Pekan lalu harga naik.", date(2024, 10, 21), date(2024, 10, 27)),
    ("id", "Kuartal ketiga 2024 ekonomi tumbuh.", date(2024, 7, 1), date(2024, 9, 30)),
    ("id", "Saat Lebaran harga daging naik.", date(2024, 4, 10), date(2024, 4, 11)),
    ("id", "Dua hari sebelum Idul Fitri 2024 arus mudik memuncak.", date(2024, 4, 8), date(2024, 4, 8)),
    ("id", "Dua pekan terakhir harga naik.", date(2024, 10, 15), date(2024, 10, 28)),
    ("id", "Pada tanggal 27, polisi menutup jalan.", date(2024, 10, 27), date(2024, 10, 27)),
    ("en", "between Oct. 21 and 25", date(2024, 10, 21), date(2024, 10, 25)),
    ("en", "the first week of November", date(2024, 11, 4), date(2024, 11, 10)),
    ("en", "late 2023", date(2023, 9, 1), date(2023, 12, 31)),
    ("en", "Thanksgiving 2023", date(2023, 11, 23), date(2023, 11, 23)),
    ("en", "three days after Easter 2024", date(2024, 4, 3), date(2024, 4, 3)),
    ("en", "Thursday the 24th", date(2024, 10, 24), date(2024, 10, 24)),
    ("en", "the 27th", date(2024, 10, 27), date(2024, 10, 27)),
    ("en", "the third quarter", date(2024, 7, 1), date(2024, 9, 30)),
    ("en", "from Feb 1 to March 2019", date(2019, 2, 1), date(2019, 3, 31)),
    ("en", "earlier this year", date(2024, 1, 1), date(2024, 10, 28)),
])
def test_news_dates_are_intervals(rules, lang, text, first, last):
    assert interval(text, rules.for_language(lang)) == (first, last)


def test_after_and_before_open_an_interval_but_not_a_happenings_day(rules):
    en = rules.for_language("en")
    (after,) = find_dates("after 2010", en, TUESDAY)
    assert (after.value.day, after.value.end) == (date(2011, 1, 1), date.max)
    (day,) = find_dates("hours after Wednesday's blasts", en, TUESDAY)
    assert (day.value.day, day.value.grain) == (date(2024, 10, 23), "day")


def test_which_way_a_yearless_date_points_is_a_rule(rules):
    en = rules.for_language("en")
    forward = LanguageRules("en", {**en.compiled, "dates": replace(en["dates"], direction="future")})
    assert interval("on March 3", en) == (date(2024, 3, 3), date(2024, 3, 3))
    assert interval("on March 3", forward) == (date(2025, 3, 3), date(2025, 3, 3))
    assert interval("monday", en)[0] == date(2024, 10, 28)
    assert interval("monday", forward)[0] == date(2024, 11, 4)


def test_holidays_that_move_come_from_the_calendar():
    lebaran = {"calendar": "ID", "names": ["Eid al-Fitr", "Eid al-Fitr Second Day"]}
    assert holiday_days(lebaran, 2024) == (date(2024, 4, 10), date(2024, 4, 11))
    assert holiday_days(lebaran, 2025) == (date(2025, 3, 31), date(2025, 4, 1))
    assert holiday_days({"calendar": "ID", "names": ["Day of Silence"]}, 2024) == (date(2024, 3, 11),) * 2
    assert holiday_days({"month": 8, "day": 17}, 2024) == (date(2024, 8, 17),) * 2


ARTICLES = {name: Article(name, "", "id", source=name.title(), published=date(2023, 9, 20))
            for name in ("kompas", "detik", "tempo")}


def dated(id_, article, first, last=None):
    extra = (("until", last),) if last else ()
    return Claim(id=id_, article=article, kind="event_date", evidence=Evidence(f"evidence {id_}", 0, 10),
                 subject="flood@libya", measure="occurred", when=first, extra=extra)


def test_event_dates_conflict_only_when_their_intervals_cannot_both_hold():
    span = dated("kompas:1", "kompas", date(2023, 9, 10), date(2023, 9, 13))  # "10-13 September"
    inside = dated("detik:1", "detik", date(2023, 9, 13))  # three days after the span's first day
    far = dated("tempo:1", "tempo", date(2023, 9, 17))
    assert days_apart(span, inside) == 0 and days_apart(span, far) == 4
    assert compare_all([span, inside], ARTICLES, SETTINGS) == []
    [finding] = compare_all([span, far], ARTICLES, SETTINGS)
    assert (finding.type, finding.dimension) == ("conflict", "date")
    assert set(finding.claims) == {"kompas:1", "tempo:1"}


def test_peer_floors():
    """Floors a little below what `make peer` measures now (see bench/peer_dates.py)."""
    from bench.peer_dates import score
    rows = {(r["suite"], r["dimension"]): r for r in score()}
    assert rows[("duckling", "date")]["accuracy"] >= 0.94  # 393/412 measured
    assert rows[("recognizers-text", "date")]["accuracy"] >= 0.92  # 829/883 measured
    assert rows[("news-id", "date")]["accuracy"] >= 0.97
    # 17/20: since its shifts of seconds and minutes are read at the day grain (P's own day), its
    # "baru saja", "dalam 43 menit" and "dlm 23 dtk" are misses: no date rule reads them
    assert rows[("dateparser", "date")]["accuracy"] >= 0.85
    assert rows[("dateparser", "language")]["accuracy"] == 1.0
    # the Indonesian suite the goal (>= 95%) is set on: dateparser's cases and news-id together
    together = rows[("indonesian-dates", "date")]
    assert together["cases"] == rows[("dateparser", "date")]["cases"] + rows[("news-id", "date")]["cases"]
    assert together["accuracy"] >= 0.97  # 350/354 measured
    assert rows[("duckling", "duration")]["accuracy"] >= 0.97
    for suite in ("duckling", "recognizers-text", "dateparser", "news-id", "indonesian-dates"):
        row = rows[(suite, "date")]
        assert row["out_of_scope"] / (row["cases"] + row["out_of_scope"]) < 0.10


def test_a_period_naming_an_unknown_part_is_a_clear_rule_error():
    from checker.recognise.dates import DatesSchema, compile_dates
    data = DatesSchema().load({"relative_periods": {"akhir pekan lalu": {"unit": "week", "offset": -1,
                                                                         "part": "weekend"}}})
    with pytest.raises(ValueError, match="'akhir pekan lalu': part 'weekend' is not in parts"):
        compile_dates([data])


def test_a_boundary_part_not_in_parts_is_a_clear_rule_error():
    from checker.recognise.dates import DatesSchema, compile_dates
    data = DatesSchema().load({"parts": {"end": {"start": 0.666, "stop": 1}}, "boundary_parts": ["ende"]})
    with pytest.raises(ValueError, match="boundary part 'ende' is not in parts"):
        compile_dates([data])


def test_an_offset_hedge_of_an_unknown_kind_is_refused():
    from marshmallow import ValidationError

    from checker.recognise.dates import DatesSchema
    with pytest.raises(ValidationError, match="offset_hedges"):
        DatesSchema().load({"offset_hedges": {"more than": "plenty"}})


def test_range_end_words_alone_are_no_date():
    """"now" and "to date" count only as a range's end; with a start they close the range."""
    from checker.recognise.dates import find_dates
    from checker.rulebook import default_rules
    en = default_rules().for_language("en")
    assert find_dates("Now and then the river floods; to date nobody has drowned", en, date(2016, 11, 7)) == []
    [span] = find_dates("Sales from March to date rose", en, date(2016, 11, 7))
    assert (span.value.day, span.value.end) == (date(2016, 3, 1), date(2016, 11, 7))



def test_this_weekday_points_forward_only_under_a_forward_convention():
    import dataclasses

    from checker.recognise.dates import find_dates
    from checker.rulebook import LanguageRules, default_rules
    en = default_rules().for_language("en")
    forward = LanguageRules("en", {**en.compiled, "dates": dataclasses.replace(en["dates"], direction="future")})
    tuesday = date(2013, 2, 12)
    assert find_dates("this Monday", en, tuesday)[0].value.day == date(2013, 2, 11)
    assert find_dates("this Monday", forward, tuesday)[0].value.day == date(2013, 2, 18)
    assert find_dates("Monday of this week", forward, tuesday)[0].value.day == date(2013, 2, 11)
