"""The shape of rules/<lang>/dates.yaml and durations.yaml: marshmallow schemas that name the
file, the field and what is wrong before anything is compiled."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from checker.recognise.numbers import HedgeSchema
from checker.rulebook import valid_regex


_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade")
_DIRECTIONS = ("on_or_before", "before", "previous_week", "this_week", "next_week", "after",
               "within", "nth", "this_year")
_PRODUCTIONS = ("date", "numeric", "year", "month", "weekday", "relative_day", "relative_period",
                "offset", "in_period", "span", "part", "nth", "holiday", "day_of_month", "weekday_day",
                "decade", "century", "shift", "weekday_shift", "periods", "weekday_count", "length", "leading",
                "today", "until_now")
_NTH_UNITS = ("day", "weekday", "week", "month", "quarter", "half")


class PatternSchema(Schema):
    name = fields.String(required=True)
    pattern = fields.String(required=True)  # regex template with {placeholders}
    production = fields.String(required=True, validate=validate.OneOf(_PRODUCTIONS))
    direction = fields.String(validate=validate.OneOf(_DIRECTIONS))  # weekday resolvers
    sign = fields.Integer(load_default=-1)  # offset resolvers: -1 ago, +1 from now
    capitalised = fields.List(fields.String(), load_default=list)  # groups that need a capital
    order = fields.String(validate=validate.OneOf(["dmy", "mdy", "ymd"]))  # numeric resolvers
    # nth resolvers: the nth what; a shift that names no unit ("H-2 Lebaran"): what it counts
    unit = fields.String(validate=validate.OneOf(_NTH_UNITS))
    # words one of which the text must hold for the pattern to be tried at all (a cheap gate:
    # most sentences name no quarter, century or holiday); "#digit" and "#dash" stand for a
    # digit and a dash, "{holiday}" and "{part}" for the first words of those tables
    requires = fields.List(fields.String(validate=lambda w: not w.startswith("{") or w in ("{holiday}", "{part}")))
    # a match that stands only as an end of a range ("between Jan 22 and now", "from March to
    # date"): alone, "now" and "date" are no date
    range_end_only = fields.Boolean(load_default=False)


class PeriodSchema(Schema):
    unit = fields.String(required=True, validate=validate.OneOf(_UNITS))
    offset = fields.Integer(required=True)
    part = fields.String()  # a part of that period, named in `parts`: akhir pekan lalu
    # the most recent such part in the rules' direction: "akhir pekan" read on a Monday is the
    # one just past
    latest = fields.Boolean(load_default=False)


class PartSchema(Schema):
    """A part of a period as fractions of it: early = [0, 0.5]."""
    start = fields.Float(required=True, validate=validate.Range(0, 1))
    stop = fields.Float(required=True, validate=validate.Range(0, 1))
    # of a week, the weekdays it covers (0 = Monday): "end of the week" is Friday to Sunday
    weekdays = fields.List(fields.Integer(validate=validate.Range(0, 6)), validate=validate.Length(equal=2))
    # the period's days before P ("earlier this year") or from P on ("later this month")
    side = fields.String(validate=validate.OneOf(["before", "after"]))


class HolidaySchema(Schema):
    """A named holiday: a fixed day of the year, or the days a country's calendar (the holidays
    package) gives under these names each year (consecutive days make one span: Lebaran)."""
    month = fields.Integer(validate=validate.Range(1, 12))
    day = fields.Integer(validate=validate.Range(1, 31))
    calendar = fields.String()  # ISO country code of the calendar that lists it
    names = fields.List(fields.String(), load_default=list)
    shift = fields.Integer(load_default=0)  # days after the listed day: Black Friday after Thanksgiving

    @validates_schema
    def _one_way(self, data, **_):
        if ("month" in data) == bool(data.get("calendar")):
            raise ValidationError("a holiday has either month and day or a calendar with names")
        if data.get("calendar") and not data.get("names"):
            raise ValidationError("a holiday from a calendar needs the names it is listed under")


class UnitSchema(Schema):
    unit = fields.String(required=True, validate=validate.OneOf(_UNITS))
    times = fields.Float(load_default=1.0)


# the tables a language's dates rules start from, seeded from dateparser's data for the language
SEEDED_TABLES = ("months", "weekdays", "units", "fused_units", "relative_days", "relative_periods")


class SeedSchema(Schema):
    """What a dates file takes of the calendar words seeded from dateparser (seed_vocabulary):
    the tables seeded, and the forms of its data these rules leave out (with the reason beside
    them in the file). The file's own tables add words and override seeded ones."""
    tables = fields.List(fields.String(validate=validate.OneOf(SEEDED_TABLES)), load_default=lambda: list(SEEDED_TABLES))
    drop = fields.List(fields.String(validate=validate.Length(min=1)), load_default=list)


class DatesSchema(Schema):
    months = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(1, 12)),
                         load_default=dict)
    weekdays = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(0, 6)),
                           load_default=dict)
    # weekday names that are a weekday only when written with a capital (Minggu vs minggu)
    weekdays_capitalised = fields.Dict(keys=fields.String(),
                                       values=fields.Integer(validate=validate.Range(0, 6)),
                                       load_default=dict)
    day_words = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(1, 31)),
                            load_default=dict)
    ordinal_suffixes = fields.List(fields.String(), load_default=list)
    number_words = fields.Dict(keys=fields.String(), values=fields.Float(), load_default=dict)
    units = fields.Dict(keys=fields.String(), values=fields.Nested(UnitSchema), load_default=dict)
    # words fusing "one" and a unit: sehari, sepekan, fortnight
    fused_units = fields.Dict(keys=fields.String(), values=fields.Nested(UnitSchema), load_default=dict)
    relative_days = fields.Dict(keys=fields.String(), values=fields.Integer(), load_default=dict)
    relative_periods = fields.Dict(keys=fields.String(), values=fields.Nested(PeriodSchema),
                                   load_default=dict)
    year_intro = fields.List(fields.String(), load_default=list)
    # words right before/after a match that make it a time of day, not a date (pukul 10.12)
    time_markers_before = fields.List(fields.String(), load_default=list)
    time_markers_after = fields.List(fields.String(), load_default=list)
    # words right before a match starting with a digit that make it an amount ($12 December 27)
    amount_markers_before = fields.List(fields.String(), load_default=list)
    numeric_order = fields.String(validate=validate.OneOf(["dmy", "mdy"]))
    two_digit_year_pivot = fields.Integer()  # without P: yy below the pivot is 20yy, else 19yy
    # with P: yy is the century's year no more than this many years after P (30 -> 1930 in 2016)
    two_digit_year_future_window = fields.Integer(validate=validate.Range(0, 99))
    # a year-less date at most this many days after P is the coming one ("the vote on Nov. 14"
    # in an article of Nov. 7); later ones are last year's
    yearless_future_days = fields.Integer(load_default=0, validate=validate.Range(0, 180))
    # which way a date without its year, week or month points: news means the past ("on
    # March 3", "on Monday", "the 27th" in a report); a schedule means the future
    direction = fields.String(validate=validate.OneOf(["past", "future"]))
    # whether a bare day name that is P's own weekday is P itself (else a week before or after)
    weekday_today = fields.Boolean()
    # "the week of October 6th" on a Sunday: the week that Sunday starts (weeks written from
    # Sunday, as US calendars are), the Monday-based week after it
    sunday_starts_week = fields.Boolean()
    # units that "the past/next N units" counts as whole calendar periods (the past two quarters
    # are the two reported quarters); the others count days back or on from P
    whole_periods = fields.List(fields.String(validate=validate.OneOf(_UNITS)))
    ordinals = fields.Dict(keys=fields.String(), values=fields.Integer(), load_default=dict)  # first, ketiga, III, last=-1
    # decades named in words, to their first year: the seventies = 1970
    decade_words = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.Range(1000, 2990)),
                               load_default=dict)
    parts = fields.Dict(keys=fields.String(), values=fields.Nested(PartSchema), load_default=dict)
    # parts that name a period's bound ("the end of", "the beginning of"): "before the end of
    # the year" runs up to its last day, "after the beginning of March" from its first
    boundary_parts = fields.List(fields.String(), load_default=list)
    holidays = fields.Dict(keys=fields.String(), values=fields.Nested(HolidaySchema), load_default=dict)
    # words before a date that open its interval on one side: "after 2010", "before 2018"
    open_after = fields.List(fields.String(), load_default=list)
    open_before = fields.List(fields.String(), load_default=list)
    # before a date, "from it on" ("starting January 7"); after it, the same ("2018 or later")
    open_from = fields.List(fields.String(), load_default=list)
    open_onward = fields.List(fields.String(), load_default=list)
    # the same, only at the end of a clause: "2018 and after." (not "on 1/1/2016 and after my
    # work is done", a clause of its own)
    open_onward_final = fields.List(fields.String(), load_default=list)
    # right after the date, what makes it the happening's day rather than a bound ("after
    # Wednesday's blasts")
    open_blocked_after = fields.List(fields.String(), load_default=list)
    compound_joiners = fields.List(fields.String(), load_default=list)  # "2 years and 3 months ago"
    # words before an offset or a shift that bound it on one side: "more than two weeks ago" is
    # every day before the day two weeks back, "less than 3 days after tomorrow" the days
    # between tomorrow and that day
    offset_hedges = fields.Dict(keys=fields.String(), values=fields.String(validate=validate.OneOf(["more", "less"])),
                                load_default=dict)
    # two dates joined into one span: "17 to 18 September", "between Oct. 21 and 25", "hingga"
    range_openers = fields.List(fields.String(), load_default=list)
    range_joiners = fields.List(fields.String(), load_default=list)
    range_opener_joiners = fields.List(fields.String(), load_default=list)  # "and": only after "between"
    # a part of the day between the first end and the joiner: "Selasa (5/3) sore hingga Rabu (6/3)",
    # "Monday night to Wednesday"
    range_gap_fillers = fields.List(fields.String(), load_default=list)
    # the openers a joiner of that list needs (unlisted: any opener): "between 2015 and 2016" is a
    # span, "from 2015 and 2016" two years listed
    range_opener_joiner_openers = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                                              load_default=dict)
    patterns = fields.List(fields.Nested(PatternSchema), load_default=list)
    published_markers = fields.List(fields.String(), load_default=list)  # date lines: published
    updated_markers = fields.List(fields.String(), load_default=list)  # date lines: not P
    dateline_patterns = fields.List(fields.Nested(PatternSchema), load_default=list)
    seed = fields.Nested(SeedSchema)  # what of dateparser's calendar words the language takes


class DurationsSchema(Schema):
    units = fields.Dict(keys=fields.String(), values=fields.Nested(UnitSchema), required=True)
    fused_units = fields.Dict(keys=fields.String(), values=fields.Nested(UnitSchema), load_default=dict)
    number_words = fields.Dict(keys=fields.String(), values=fields.Float(), load_default=dict)
    fractions = fields.Dict(keys=fields.String(), values=fields.Float(), load_default=dict)
    joiners = fields.List(fields.String(), load_default=list)  # "and", "dan" between parts
    # words between the number and the unit that leave the length as it is: "two more weeks"
    fillers = fields.List(fields.String(), load_default=list)
    hedges_before = fields.Dict(keys=fields.String(), values=fields.Nested(HedgeSchema), load_default=dict)
    hedges_after = fields.Dict(keys=fields.String(), values=fields.Nested(HedgeSchema), load_default=dict)
    since = fields.List(fields.String(), load_default=list)  # "sejak", "since"
    not_after = fields.List(fields.String(), load_default=list)  # "ago", "lalu": an offset, not a length
    not_before = fields.List(fields.String(), load_default=list)  # "berusia", "aged": an age, not a length
    # a pattern over the text up to a length's end that makes it a rate: "12 deaths a week", "tiga kali sehari"
    rates = fields.List(fields.String(validate=valid_regex), load_default=list)
    ordinals = fields.List(fields.String(validate=valid_regex), load_default=list)  # matched where the length starts
    # a pattern whose match covering a length makes it a person's age: "Boris Prokoshev, 70 tahun, ..."
    ages = fields.List(fields.String(validate=valid_regex), load_default=list)
    # the span a record holds over, matched right before the length ("the deadliest quake in two decades")
    records = fields.List(fields.String(validate=valid_regex), load_default=list)
