"""The comparison's tolerances and windows (rules/compare.yaml), validated and compiled."""
from __future__ import annotations

from dataclasses import dataclass

from marshmallow import Schema, fields, validate

FINDING_TYPES = ("conflict", "reversal", "correction", "discrepancy", "update")
FLAG_TYPES = ("conflict", "reversal", "correction", "discrepancy")  # update is information only
SEVERITIES = ("high", "medium", "low", "info")


class QuantityWindowsSchema(Schema):
    same_day_days = fields.Integer(load_default=0, validate=validate.Range(min=0))
    same_period_days = fields.Integer(required=True, validate=validate.Range(min=0))
    lower_later_days = fields.Integer(required=True, validate=validate.Range(min=0))
    # "more than 2,300" beside "5,200": compatible in logic, but a bound that far below the
    # other figure is no reading of it (the factor); 0 turns it off
    bound_factor = fields.Float(load_default=0.0, validate=validate.Range(min=0))
    update_max_days = fields.Integer(required=True, validate=validate.Range(min=0))
    fixed_max_days = fields.Integer(required=True, validate=validate.Range(min=0))
    parts_within_article = fields.Boolean(load_default=True)
    share_at_most = fields.Float(load_default=0.5, validate=validate.Range(min=0, max=1))
    group_at_most = fields.Float(load_default=0.0, validate=validate.Range(min=0, max=1))
    modality_groups = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    softer_modalities = fields.List(fields.String(), load_default=list)
    # modalities whose figures meet no rival: what a toll could reach is no count of it
    uncompared_modalities = fields.List(fields.String(), load_default=list)


class EventWindowsSchema(Schema):
    same_happening_days = fields.Integer(required=True, validate=validate.Range(min=0))
    undated_window_days = fields.Integer(required=True, validate=validate.Range(min=0))


class StanceWindowsSchema(Schema):
    same_period_days = fields.Integer(required=True, validate=validate.Range(min=0))
    reversal_min_days = fields.Integer(required=True, validate=validate.Range(min=0))
    figure_turn_min_days = fields.Integer(load_default=1, validate=validate.Range(min=0))
    settled_predicates = fields.List(fields.String(), load_default=list)
    settled_period_days = fields.Integer(load_default=0, validate=validate.Range(min=0))
    polar = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.OneOf([-1, 1])),
                        required=True)


class DateWindowsSchema(Schema):
    tolerance_days = fields.Integer(required=True, validate=validate.Range(min=0))
    same_event_days = fields.Integer(required=True, validate=validate.Range(min=0))
    speech_events = fields.List(fields.String(), load_default=list)


class DurationWindowsSchema(Schema):
    tolerance_ratio = fields.Float(required=True, validate=validate.Range(min=0, max=1))
    tolerance_days = fields.Integer(required=True, validate=validate.Range(min=0))


class CompareSchema(Schema):
    quantities = fields.Nested(QuantityWindowsSchema, required=True)
    events = fields.Nested(EventWindowsSchema, required=True)
    stances = fields.Nested(StanceWindowsSchema, required=True)
    dates = fields.Nested(DateWindowsSchema, required=True)
    durations = fields.Nested(DurationWindowsSchema, required=True)
    severity = fields.Dict(keys=fields.String(validate=validate.OneOf(FINDING_TYPES)),
                           values=fields.String(validate=validate.OneOf(SEVERITIES)), required=True)
    # how summaries spell ids that title case gets wrong (nato -> NATO)
    names = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)


@dataclass(frozen=True)
class CompareSettings:
    same_day_days: int  # cumulative: reference dates this close are one reference time
    same_period_days: int  # stock: figures this close are one period
    lower_later_days: int  # cumulative: another body's lower figure up to this much later
    bound_factor: float  # a figure this many times past the other's open bound is flagged
    update_max_days: int  # one authority revising itself within this: update or correction
    fixed_max_days: int  # fixed facts of an actor compared this far apart
    parts_within_article: bool  # an article's smaller figures beside its own total are shares
    share_at_most: float  # the outlet's own figure beside a body's is a share up to this fraction
    group_at_most: float  # another source's toll this small beside a toll counts a group within it
    modality_groups: tuple[tuple[str, str], ...]
    softer_modalities: tuple[str, ...]  # a finding on such a figure is one severity lower
    uncompared_modalities: tuple[str, ...]  # figures of these meet no rival (a forecast)
    same_happening_days: int  # two event days this close are one happening
    undated_window_days: int  # figures of an undated happening this close are about one
    stance_period_days: int
    reversal_min_days: int
    figure_turn_min_days: int  # a denied figure given the next day: the figure is no misreading
    settled_predicates: tuple[str, ...]  # propositions about a past act: no period ends them
    settled_period_days: int
    polarity: tuple[tuple[str, int], ...]  # stance -> +1 confirm / -1 deny; others carry none
    date_tolerance_days: int
    same_event_days: int
    duration_tolerance_ratio: float
    duration_tolerance_days: int
    severity: tuple[tuple[str, str], ...]
    names: tuple[tuple[str, str], ...] = ()
    speech_events: tuple[str, ...] = ()  # a body's own words: each body's, each day's, its own event

    def modality_group(self, modality: str) -> str:
        return dict(self.modality_groups).get(modality, modality)

    def polarity_of(self, stance: str | None) -> int:
        return dict(self.polarity).get(stance or "", 0)

    def severity_of(self, finding_type: str, softer: bool = False) -> str:
        """The type's severity; one step lower for a hedged modality, never below `low` for a
        flag (an update stays `info`)."""
        severity = dict(self.severity)[finding_type]
        if softer and severity in ("high", "medium"):
            return SEVERITIES[SEVERITIES.index(severity) + 1]
        return severity


def compile_settings(datas: list[dict]) -> CompareSettings:
    """Later files override earlier ones section by section (one file is the usual case)."""
    merged: dict = {}
    for data in datas:
        for section, values in data.items():
            merged[section] = {**merged.get(section, {}), **(values or {})}
    missing = [t for t in FINDING_TYPES if t not in merged["severity"]]
    if missing:
        raise ValueError(f"severity missing for {missing}")
    q, e, s, d, u = (merged[k] for k in ("quantities", "events", "stances", "dates", "durations"))
    return CompareSettings(
        same_day_days=q.get("same_day_days", 0), same_period_days=q["same_period_days"],
        lower_later_days=q["lower_later_days"], bound_factor=q.get("bound_factor", 0.0), update_max_days=q["update_max_days"],
        fixed_max_days=q["fixed_max_days"], parts_within_article=q.get("parts_within_article", True),
        share_at_most=q.get("share_at_most", 0.5), group_at_most=q.get("group_at_most", 0.0),
        modality_groups=tuple(sorted(q["modality_groups"].items())),
        softer_modalities=tuple(q.get("softer_modalities", ())),
        uncompared_modalities=tuple(q.get("uncompared_modalities", ())),
        same_happening_days=e["same_happening_days"], undated_window_days=e["undated_window_days"],
        stance_period_days=s["same_period_days"], reversal_min_days=s["reversal_min_days"],
        figure_turn_min_days=s.get("figure_turn_min_days", 1),
        settled_predicates=tuple(s.get("settled_predicates", ())),
        settled_period_days=s.get("settled_period_days", 0),
        polarity=tuple(sorted(s["polar"].items())),
        date_tolerance_days=d["tolerance_days"], same_event_days=d["same_event_days"],
        speech_events=tuple(d.get("speech_events", ())),
        duration_tolerance_ratio=u["tolerance_ratio"], duration_tolerance_days=u["tolerance_days"],
        severity=tuple(sorted(merged["severity"].items())),
        names=tuple(sorted(merged.get("names", {}).items())))
