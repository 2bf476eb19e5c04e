"""Request and response bodies of /api/v1: marshmallow schemas, from which the OpenAPI
document is generated. Response schemas mirror the JSON report contract of ARCHITECTURE.md."""
from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from checker.usecases.parse import DIMS as PARSE_DIMS
from checker.desk.accounts import NAME_PATTERN
from checker.desk.decisions import REASONS, STATES
from checker.rulebook import default_rules

MAX_ARTICLES_PER_CHECK = 20


def known_language(code: str) -> None:
    """A language the rules have (a folder of rules/ with a manifest), asked when a request comes."""
    codes = default_rules().codes
    if code not in codes:
        raise ValidationError(f"Must be one of: {', '.join(codes)}.")


class ArticleInSchema(Schema):
    """One article: `text` or `html`, or `url` alone (then the page is fetched)."""

    class Meta:
        unknown = RAISE

    text = fields.String(validate=validate.Length(min=1), metadata={"description": "the article as plain text"})
    html = fields.String(validate=validate.Length(min=1), metadata={"description": "the article page as HTML"})
    url = fields.URL(schemes={"http", "https"}, validate=validate.Length(max=2000),
                     metadata={"description": "where it was published; fetched when neither text nor html is given"})
    source = fields.String(validate=validate.Length(max=200), metadata={"description": "the outlet"})
    title = fields.String(validate=validate.Length(max=1000))
    published = fields.Date(metadata={"description": "publication date (ISO 8601)"})
    language = fields.String(validate=known_language)

    @validates_schema
    def one_body(self, data, **_kwargs):
        given = [name for name in ("text", "html") if name in data]
        if len(given) > 1:
            raise ValidationError("give text or html, not both", field_name="html")
        if not given and "url" not in data:
            raise ValidationError("one of text, html or url is required", field_name="text")


class ArticleQuerySchema(Schema):
    """Metadata of a raw text/plain or text/html body, in the query string."""

    class Meta:
        unknown = RAISE

    url = fields.URL(schemes={"http", "https"}, validate=validate.Length(max=2000))
    source = fields.String(validate=validate.Length(max=200))
    title = fields.String(validate=validate.Length(max=1000))
    published = fields.Date()
    language = fields.String(validate=known_language)


class CheckInSchema(Schema):
    class Meta:
        unknown = RAISE

    articles = fields.List(fields.Nested(ArticleInSchema), required=True,
                           validate=validate.Length(min=1, max=MAX_ARTICLES_PER_CHECK))


MAX_PARSE_CHARS = 20_000


def _reference_time(text: str) -> None:
    from datetime import datetime

    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError("Not an ISO 8601 date or date-time (2025-01-10, 2025-01-10T08:00:00+07:00).")


class ParseInSchema(Schema):
    """POST /parse: a text for the recognisers alone (as Duckling's /parse takes it)."""

    class Meta:
        unknown = RAISE

    text = fields.String(required=True, validate=validate.Length(min=1, max=MAX_PARSE_CHARS))
    language = fields.String(validate=known_language, metadata={
        "description": "a language of the rules; identified from the text when left out"})
    reftime = fields.String(validate=_reference_time, metadata={
        "format": "date-time", "description": "the reference time relative dates resolve against (ISO 8601 date "
                                              "or date-time; its date counts); left out, relative dates stay unresolved"})
    dims = fields.List(fields.String(validate=validate.OneOf(PARSE_DIMS)), metadata={
        "description": "the dimensions to answer (default: every one)"})


class ParsedBoundSchema(Schema):
    value = fields.Raw(metadata={"description": "a number, or an ISO 8601 date"})
    grain = fields.String()
    open = fields.Boolean(metadata={"description": "a strict bound (\"more than 600\")"})


class ParsedValueSchema(Schema):
    type = fields.String(metadata={"enum": ["value", "interval"]})
    value = fields.Raw(metadata={"description": "one value: a number, an ISO 8601 date or the rules' id"})
    grain = fields.String(metadata={"description": "time: day, week, month, quarter or year"})
    written_grain = fields.String(metadata={"description": "time intervals: span, part, half, decade, ..."})
    relative = fields.Boolean(metadata={"description": "time: resolved against reftime"})
    exact = fields.Boolean(metadata={"description": "time: false for a part of a period, whose bounds are a "
                                                    "convention of the rules"})
    unit = fields.String(metadata={"description": "duration: its unit as written"})
    since = fields.String(metadata={"format": "date", "description": "duration: the day it runs from"})
    normalized = fields.Dict(metadata={"description": "duration: the length in seconds, a value or an interval"})
    from_ = fields.Nested(ParsedBoundSchema, data_key="from", attribute="from")
    to = fields.Nested(ParsedBoundSchema, metadata={"description": "exclusive for time, as in Duckling"})
    open = fields.Boolean()


class ParsedEntitySchema(Schema):
    body = fields.String(metadata={"description": "the text as written"})
    start = fields.Integer()
    end = fields.Integer()
    dim = fields.String(metadata={"enum": list(PARSE_DIMS)})
    latent = fields.Boolean()
    value = fields.Nested(ParsedValueSchema)
    rule = fields.String(metadata={"description": "the rule that matched"})


class PageQuerySchema(Schema):
    class Meta:
        unknown = RAISE

    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))


class ArticleFilterSchema(PageQuerySchema):
    source = fields.String(validate=validate.Length(max=200))
    language = fields.String(validate=known_language)
    published_from = fields.Date(data_key="from")
    published_to = fields.Date(data_key="to")


class ClaimFilterSchema(PageQuerySchema):
    subject = fields.String(validate=validate.Length(max=100))
    measure = fields.String(validate=validate.Length(max=100))
    kind = fields.String(validate=validate.OneOf(["quantity", "stance", "event_date", "duration"]))
    article = fields.String(validate=validate.Length(max=64))


class FindingFilterSchema(PageQuerySchema):
    type = fields.String(validate=validate.OneOf(["conflict", "reversal", "correction", "discrepancy", "update"]))
    severity = fields.String(validate=validate.OneOf(["high", "medium", "low", "info"]))
    dimension = fields.String(validate=validate.OneOf(["quantity", "stance", "date", "duration"]))
    article = fields.String(validate=validate.Length(max=64))
    decision = fields.String(validate=validate.OneOf(STATES), metadata={
        "description": "a reviewer's decision: open (undecided), confirmed or dismissed"})


# --- responses: the report contract ------------------------------------------------------------

class FactFilterSchema(PageQuerySchema):
    subject = fields.String(validate=validate.Length(max=100),
                            metadata={"description": "an actor or an event (`crowd_disaster@indonesia`)"})
    measure = fields.String(validate=validate.Length(max=100), metadata={"description": "e.g. `deaths`, `troops`"})
    kind = fields.String(validate=validate.OneOf(["quantity", "stance", "event_date"]))
    proposition = fields.String(validate=validate.Length(max=300), metadata={"description": "a stance's proposition"})
    include_undisputed = fields.Boolean(load_default=False, data_key="all", metadata={
        "description": "1: every fact the store holds; default: only facts with a disagreement "
                       "(a conflict, reversal, correction or discrepancy)"})


class AppearanceOutSchema(Schema):
    """One outlet, URL and date the article's text was posted under."""

    id = fields.Integer(required=True)
    source = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.String(allow_none=True, metadata={"format": "date"})


class ArticleOutSchema(Schema):
    id = fields.String(required=True)
    source = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.String(allow_none=True, metadata={"format": "date"})
    language = fields.String()
    title = fields.String(allow_none=True)
    notes = fields.List(fields.String(), metadata={
        "description": "what a reader should know about the article's metadata, e.g. that no "
                       "publication date was found and its relative dates are left unresolved"})
    appearances = fields.List(fields.Nested(AppearanceOutSchema), metadata={
        "description": "stored articles: every outlet, URL and date this same text was posted under, oldest "
                       "first (wire copy carried by several outlets); the article's own fields are the first"})


class ValueSchema(Schema):
    low = fields.Float(allow_none=True)
    high = fields.Float(allow_none=True)
    unit = fields.String(allow_none=True)
    low_open = fields.Boolean()
    high_open = fields.Boolean()


class EvidenceSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class EventOutSchema(Schema):
    """The happening a figure is about when no actor owns it (its subject is `<type>@<country>`)."""

    id = fields.String()
    type = fields.String()
    country = fields.String()
    place = fields.String(allow_none=True)
    day = fields.String(allow_none=True, metadata={"format": "date"})


class ClaimOutSchema(Schema):
    id = fields.String(required=True)
    article = fields.String()
    kind = fields.String()
    subject = fields.String(allow_none=True)
    measure = fields.String(allow_none=True)
    value = fields.Nested(ValueSchema)
    where = fields.String(allow_none=True)
    when = fields.String(allow_none=True, metadata={"format": "date"})
    modality = fields.String(allow_none=True)
    speaker = fields.String(allow_none=True)
    stance = fields.String(allow_none=True)
    proposition = fields.String(allow_none=True)
    evidence = fields.Nested(EvidenceSchema)
    event = fields.Nested(EventOutSchema, allow_none=True)
    details = fields.Dict()


class DecisionOutSchema(Schema):
    """A reviewer's decision on a finding; `open` (with nothing else) when none was made."""

    state = fields.String(metadata={"enum": list(STATES)})
    reason = fields.String(allow_none=True, metadata={"enum": list(REASONS)})
    note = fields.String()
    decided_by = fields.String()
    decided_at = fields.String(metadata={"format": "date-time"})


class FindingOutSchema(Schema):
    id = fields.String(required=True)
    type = fields.String()
    dimension = fields.String()
    severity = fields.String()
    claims = fields.List(fields.String())
    articles = fields.List(fields.String())
    summary = fields.String()
    reasons = fields.List(fields.String())
    decision = fields.Nested(DecisionOutSchema, metadata={"description": "in stored findings: the review decision"})


class DecisionInSchema(Schema):
    """A review decision (PATCH /findings/{id}): `dismissed` needs a `reason`."""

    class Meta:
        unknown = RAISE

    state = fields.String(required=True, validate=validate.OneOf(STATES))
    reason = fields.String(allow_none=True, validate=validate.OneOf(REASONS))
    note = fields.String(validate=validate.Length(max=2000))


class DecisionFileEntrySchema(DecisionOutSchema):
    finding = fields.String()


class DecisionFilterSchema(Schema):
    class Meta:
        unknown = RAISE

    state = fields.String(validate=validate.OneOf(STATES))


class DecisionsFileSchema(Schema):
    decisions = fields.List(fields.Nested(DecisionFileEntrySchema))


class FactValueSchema(Schema):
    """One value of a disputed fact: who gave it (a body, else the outlet), for when, in which
    claims, and the strongest finding it takes part in (`status`, or `consistent`)."""

    value = fields.Raw(metadata={"description": "{low, high, unit, low_open, high_open}; a stance as text; a date "
                                                "as an ISO day, or a run of days as an ISO interval (2024-09-17/2024-09-18)"})
    when = fields.String(allow_none=True, metadata={"format": "date"})
    until = fields.String(allow_none=True, metadata={
        "format": "date", "description": "the last day of the period a stance is dated by (\"In April, ...\": "
                                         "`when` 2022-04-01, `until` 2022-04-30); null for a day"})
    day_part = fields.Integer(allow_none=True, metadata={
        "description": "the part of `when` the value holds as of, in the day's order (rules day_parts: "
                       "1 early morning, 2 morning, 3 midday, 4 afternoon, 5 evening or night); null when none is named"})
    source = fields.String()
    speaker = fields.String(allow_none=True)
    outlets = fields.List(fields.String())
    claims = fields.List(fields.String())
    articles = fields.List(fields.String())
    findings = fields.List(fields.String())
    status = fields.String()


class FactOutSchema(Schema):
    """A disputed fact: a subject and measure (or a proposition) with a disagreement."""

    id = fields.String(required=True)
    kind = fields.String()
    subject = fields.String(allow_none=True)
    measure = fields.String(allow_none=True)
    proposition = fields.String(allow_none=True)
    where = fields.String(allow_none=True)
    label = fields.String()
    behaviour = fields.String()
    values = fields.List(fields.Nested(FactValueSchema))
    findings = fields.List(fields.String())


class StoredFactSchema(FactOutSchema):
    """A fact of the store: the report's disputed fact computed over every stored claim of its key.

    `id` is URL-safe and stable: the comparison key (`key`) UTF-8 and base64url-encoded without
    padding, then for a figure or a date `.` and the first event day of its happening
    (`cXVhbnRpdHl8Y3Jvd2RfZGlzYXN0ZXJAaW5kb25lc2lhfGRlYXRocw.2022-10-01`)."""

    key = fields.String(metadata={"description": "the claims' comparison key, `quantity|<subject>|<measure>`, "
                                                 "`event_date|<subject>|<measure>` or `stance|<proposition>`"})
    report_id = fields.String(metadata={"description": "the fact's id in a `checker scan` report"})
    disputed = fields.Boolean(metadata={"description": "some value takes part in a conflict, reversal, "
                                                       "correction or discrepancy"})


class ReportSchema(Schema):
    version = fields.Integer()
    fingerprint_scheme = fields.Integer(metadata={"description": "how finding ids are made (3: one per disagreement, a happening named by its country)"})
    articles = fields.List(fields.Nested(ArticleOutSchema))
    claims = fields.List(fields.Nested(ClaimOutSchema))
    findings = fields.List(fields.Nested(FindingOutSchema))
    facts = fields.List(fields.Nested(FactOutSchema))


class _PageSchema(Schema):
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()


class ArticlePageSchema(_PageSchema):
    items = fields.List(fields.Nested(ArticleOutSchema))


class ClaimPageSchema(_PageSchema):
    items = fields.List(fields.Nested(ClaimOutSchema))


class FindingPageSchema(_PageSchema):
    items = fields.List(fields.Nested(FindingOutSchema))


class FactPageSchema(_PageSchema):
    items = fields.List(fields.Nested(StoredFactSchema))


class HealthSchema(Schema):
    status = fields.String()
    database = fields.String()


class ProblemSchema(Schema):
    """An RFC 9457 problem document: every error answer of the API (application/problem+json)."""

    type = fields.String(required=True, metadata={
        "format": "uri", "description": "the problem's kind: a page of this server saying what it means"})
    title = fields.String(required=True, metadata={"description": "the kind, in a few words"})
    status = fields.Integer(required=True, metadata={"description": "the HTTP status"})
    detail = fields.String(required=True, metadata={"description": "what went wrong here, and what to do"})
    instance = fields.String(metadata={"format": "uri-reference", "description": "the path of the request"})
    field = fields.String(metadata={"description": "the one field at fault, when there is one"})
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), metadata={
        "description": "every invalid field (dotted path) with its messages"})


# --- stories --------------------------------------------------------------------------------------

class StoryFactSchema(Schema):
    key = fields.String(metadata={"description": "the fact's comparison key"})
    label = fields.String(metadata={"description": "the fact as a reader names it"})
    findings = fields.Integer(metadata={"description": "flagged findings about it (disputed facts only)"})


class StorySummarySchema(Schema):
    """A story: articles sharing facts close in time, named after its main fact and its dates."""

    id = fields.String(required=True)
    name = fields.String()
    first = fields.String(allow_none=True, metadata={"format": "date"})
    last = fields.String(allow_none=True, metadata={"format": "date"})
    articles = fields.Integer()
    facts = fields.List(fields.Nested(StoryFactSchema), metadata={"description": "its most shared facts"})


class StoryPageSchema(_PageSchema):
    items = fields.List(fields.Nested(StorySummarySchema))


class HistoryEntrySchema(Schema):
    at = fields.String(metadata={"format": "date-time"})
    actor = fields.String()
    action = fields.String(metadata={"enum": ["post", "delete", "decide"]})
    target = fields.String(metadata={"description": "article:<id> or finding:<id>"})
    detail = fields.Dict()


class StoryOutSchema(Schema):
    id = fields.String(required=True)
    name = fields.String()
    first = fields.String(allow_none=True, metadata={"format": "date"})
    last = fields.String(allow_none=True, metadata={"format": "date"})
    articles = fields.List(fields.Nested(ArticleOutSchema), metadata={"description": "by date, undated last"})
    facts = fields.List(fields.Nested(StoryFactSchema), metadata={"description": "every fact its articles share"})
    disputed = fields.List(fields.Nested(StoryFactSchema), metadata={"description": "facts with flagged findings"})
    findings = fields.List(fields.Nested(FindingOutSchema), metadata={"description": "the most serious first"})
    history = fields.List(fields.Nested(HistoryEntrySchema), metadata={"description": "who posted, deleted and decided what"})


class StoryFilterSchema(PageQuerySchema):
    pass


# --- tokens ---------------------------------------------------------------------------------------

class TokenInSchema(Schema):
    class Meta:
        unknown = RAISE

    name = fields.String(required=True, validate=validate.Regexp(NAME_PATTERN, error=(
        "letters, digits and . _ @ - only, at most 100")))
    role = fields.String(load_default="reviewer", validate=validate.OneOf(["reviewer", "admin"]))


class TokenOutSchema(Schema):
    name = fields.String()
    role = fields.String()
    created_at = fields.String(metadata={"format": "date-time"})
    revoked_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    token = fields.String(metadata={"description": "only when made: shown once, stored as a digest"})


class TokenListSchema(Schema):
    items = fields.List(fields.Nested(TokenOutSchema))
