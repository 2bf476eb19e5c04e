"""The shape of rules/<lang>/numbers.yaml: marshmallow schemas that name the file, the field and
what is wrong before anything is compiled."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema


class HedgeSchema(Schema):
    """A hedge word and what it makes of a figure N, a count (numbers.yaml) or a length of time
    (durations.yaml) alike: the factor of N each bound becomes (null: unbounded on that side,
    so both are written), whether that bound is open, and whether the word only estimates
    ("sekitar", "about")."""
    low = fields.Float(required=True, allow_none=True)
    high = fields.Float(required=True, allow_none=True)
    low_open = fields.Boolean(load_default=False)
    high_open = fields.Boolean(load_default=False)
    estimate = fields.Boolean(load_default=False)

    @validates_schema
    def _ordered(self, data, **_):
        if data["low"] is not None and data["high"] is not None and data["low"] > data["high"]:
            raise ValidationError("hedge low factor above high factor")


class NumbersSchema(Schema):
    decimal_mark = fields.String(validate=validate.OneOf([",", "."]))
    values = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    multipliers = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    adders = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    scales = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    fractions = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    aliases = fields.Dict(fields.String(), fields.String(), load_default=dict)
    one_before_scale = fields.List(fields.String(), load_default=list)
    joiners = fields.List(fields.String(), load_default=list)
    decimal_words = fields.List(fields.String(), load_default=list)
    bare_decimal_word = fields.Boolean(load_default=False)  # "point 77" = 0.77 (en), not "koma lima"
    # a lone group mark before other than three digits is the other convention's decimal point
    # ("1.5 juta" in Indonesian copy); where that convention never leaks in, it is no number
    foreign_decimal_point = fields.Boolean(load_default=True)
    signs = fields.Dict(fields.String(), fields.Integer(), load_default=dict)
    suffix_scales = fields.Dict(fields.String(), fields.Float(), load_default=dict)
    approx_suffixes = fields.List(fields.String(), load_default=list)
    vague = fields.Dict(fields.String(), fields.List(fields.Float(allow_none=True)), load_default=dict)
    hedges_before = fields.Dict(fields.String(), fields.Nested(HedgeSchema), load_default=dict)
    hedges_after = fields.Dict(fields.String(), fields.Nested(HedgeSchema), load_default=dict)
    range_connectors = fields.List(fields.String(), load_default=list)
    range_frames = fields.Dict(fields.String(), fields.String(), load_default=dict)
    # "four or five": a connector that makes a range only between small figures
    small_range_connectors = fields.List(fields.String(), load_default=list)
    small_range_max = fields.Float(load_default=100)
    # "more than 20 and less than 30": two one-sided bounds joined into one interval
    bound_joiners = fields.List(fields.String(), load_default=list)
    ordinal_words = fields.List(fields.String(), load_default=list)
    power_phrases = fields.List(fields.String(), load_default=list)  # "kali sepuluh pangkat"
    # "keempat prajurit" = the four soldiers: a collective prefix before a counted noun is a
    # count (after a noun, "gelombang kedua", it stays an ordinal)
    collective_prefixes = fields.List(fields.String(), load_default=list)
    change_verbs = fields.List(fields.String(), load_default=list)
    # "fell by 210,000 to 23.58 million": after a change verb and one of these words, a figure is the
    # change and "to" the level it reached, never a range (unless both ends are of one size)
    change_amounts = fields.List(fields.String(), load_default=list)
    # "korban bertambah hingga 125 orang": right after a change verb these bound words name the
    # count the change reached (rose to 125), no upper bound
    levels_after_change = fields.List(fields.String(), load_default=list)
    percent_words = fields.List(fields.String(), load_default=list)
    currencies_before = fields.Dict(fields.String(), fields.String(), load_default=dict)
    currencies_after = fields.Dict(fields.String(), fields.String(), load_default=dict)
    not_after = fields.List(fields.String(), load_default=list)
    not_before = fields.List(fields.String(), load_default=list)
    counted_nouns = fields.List(fields.String(), load_default=list)
    year_range = fields.List(fields.Integer(), load_default=lambda: [1900, 2099])
    # the most words one numeral phrase holds: a longer run ("1 1 1 ...") is read as several, so
    # finding the figures of a sentence stays linear in its length
    max_phrase_words = fields.Integer(load_default=16, validate=validate.Range(min=2, max=64))
    reject_patterns = fields.List(fields.String(), load_default=list)
    # readings that are no counts but facts of their own: a quake's magnitude ("magnitudo 5,6",
    # "6,9 SR", "a 7.8 magnitude quake"), by the words before or after the figure
    # A reading with `units` is a measured length ("at a depth of 838 metres", "di kedalaman
    # 600-700 meter"): its cue before, hedges and a range allowed, then one of its units, whose
    # factor turns the figure into the reading's base unit (km: 1000 makes metres); `of` names the
    # things whose weight or size it is, read right after the unit with no cue before ("2 ton sabu")
    readings = fields.Dict(keys=fields.String(), values=fields.Dict(
        keys=fields.String(validate=validate.OneOf(["before", "after", "units", "of"])),
        values=fields.Raw()), load_default=dict)
