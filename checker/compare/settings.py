"""The comparison's tolerances and windows (rules/compare.yaml), validated and compiled."""
from __future__ import annotations

from dataclasses import dataclass

from marshmallow import Schema, fields, validate

FINDING_TYPES = ("conflict", "reversal", "discrepancy", "update")
SEVERITIES = ("high", "medium", "low", "info")


class QuantityWindowsSchema(Schema):
    same_period_days = fields.Integer(required=True, validate=validate.Range(min=0))
    time_discrepancy_days = fields.Integer(required=True, validate=validate.Range(min=0))
    update_max_days = fields.Integer(required=True, validate=validate.Range(min=0))
    within_article = fields.Boolean(load_default=False)
    modality_groups = fields.Dict(keys=fields.String(), values=fields.String(), required=True)


class StanceWindowsSchema(Schema):
    same_period_days = fields.Integer(required=True, validate=validate.Range(min=0))
    reversal_min_days = fields.Integer(required=True, validate=validate.Range(min=0))
    polar = fields.Dict(keys=fields.String(), values=fields.Integer(validate=validate.OneOf([-1, 1])),
                        required=True)


class DateWindowsSchema(Schema):
    tolerance_days = fields.Integer(required=True, validate=validate.Range(min=0))
    same_event_days = fields.Integer(required=True, validate=validate.Range(min=0))


class DurationWindowsSchema(Schema):
    tolerance_ratio = fields.Float(required=True, validate=validate.Range(min=0, max=1))
    tolerance_days = fields.Integer(required=True, validate=validate.Range(min=0))


class CompareSchema(Schema):
    quantities = fields.Nested(QuantityWindowsSchema, required=True)
    stances = fields.Nested(StanceWindowsSchema, required=True)
    dates = fields.Nested(DateWindowsSchema, required=True)
    durations = fields.Nested(DurationWindowsSchema, required=True)
    severity = fields.Dict(keys=fields.String(validate=validate.OneOf(FINDING_TYPES)),
                           values=fields.String(validate=validate.OneOf(SEVERITIES)), required=True)
    # how summaries spell ids that title case gets wrong (nato -> NATO)
    names = fields.Dict(keys=fields.String(), values=fields.String(), load_default=dict)


@dataclass(frozen=True)
class CompareSettings:
    same_period_days: int
    time_discrepancy_days: int
    update_max_days: int
    quantities_within_article: bool
    modality_groups: tuple[tuple[str, str], ...]
    stance_period_days: int
    reversal_min_days: int
    polarity: tuple[tuple[str, int], ...]  # stance -> +1 confirm / -1 deny; others carry none
    date_tolerance_days: int
    same_event_days: int
    duration_tolerance_ratio: float
    duration_tolerance_days: int
    severity: tuple[tuple[str, str], ...]
    names: tuple[tuple[str, str], ...] = ()

    def modality_group(self, modality: str) -> str:
        return dict(self.modality_groups).get(modality, modality)

    def polarity_of(self, stance: str | None) -> int:
        return dict(self.polarity).get(stance or "", 0)

    def severity_of(self, finding_type: str) -> str:
        return dict(self.severity)[finding_type]


def compile_settings(datas: list[dict]) -> CompareSettings:
    """Later files override earlier ones section by section (one file is the usual case)."""
    merged: dict = {}
    for data in datas:
        for section, values in data.items():
            merged[section] = {**merged.get(section, {}), **(values or {})}
    missing = [t for t in FINDING_TYPES if t not in merged["severity"]]
    if missing:
        raise ValueError(f"severity missing for {missing}")
    q, s, d, u = merged["quantities"], merged["stances"], merged["dates"], merged["durations"]
    return CompareSettings(
        same_period_days=q["same_period_days"], time_discrepancy_days=q["time_discrepancy_days"],
        update_max_days=q["update_max_days"], quantities_within_article=q.get("within_article", False),
        modality_groups=tuple(sorted(q["modality_groups"].items())),
        stance_period_days=s["same_period_days"], reversal_min_days=s["reversal_min_days"],
        polarity=tuple(sorted(s["polar"].items())),
        date_tolerance_days=d["tolerance_days"], same_event_days=d["same_event_days"],
        duration_tolerance_ratio=u["tolerance_ratio"], duration_tolerance_days=u["tolerance_days"],
        severity=tuple(sorted(merged["severity"].items())),
        names=tuple(sorted(merged.get("names", {}).items())))
