"""The reviewer's desk over HTTP (/api/v1): one finding with its review decision, recording a
decision, every decision as a file for CI, and stories. A thin edge over checker.desk."""
from __future__ import annotations

import json

from flask import Response, current_app, g, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from checker.api import schemas
from checker.api.problems import Problem, validation_problem
from checker.api.routes import BEARER, ERRORS, LINK_HEADER, _Invalid, paged, _json_body, _load, _unknown, _unsupported, requires
from checker.desk import decisions as desk_decisions
from checker.storage import desk
from checker.storage.codec import finding_from_dict
from checker.storage.models import FindingRecord

desk_v1 = Blueprint("desk_v1", __name__, url_prefix="/api/v1", description="The reviewer's desk")

PATCH_TYPES = ("application/json", "application/merge-patch+json")


@desk_v1.errorhandler(_Invalid)
def _on_invalid(error: _Invalid):
    return validation_problem(error.messages)


def _state():
    return current_app.extensions["checker"]


def _finding_body(finding_id: str) -> dict:
    with _state().sessions() as session:
        record = session.get(FindingRecord, finding_id)
        if record is None:
            raise _unknown("finding", finding_id)
        stored = desk.decisions_of(session, [finding_id]).get(finding_id)
    return desk_decisions.stored_finding_json(finding_from_dict(record.data), stored)


NOT_FOUND = {"description": "unknown id", "content": {"application/problem+json": {"schema": "Problem"}}}


@desk_v1.route("/findings/<string:finding_id>")
class FindingById(MethodView):
    @desk_v1.response(200, schemas.FindingOutSchema)
    @desk_v1.doc(responses={404: NOT_FOUND})
    def get(self, finding_id):
        """A stored finding with its review decision (`open` until a reviewer decides)."""
        return _finding_body(finding_id)

    @desk_v1.doc(security=BEARER, requestBody={"required": True, "content": {
        t: {"schema": "DecisionIn"} for t in PATCH_TYPES}},
        responses={**{k: v for k, v in ERRORS.items() if k != 413}, 404: NOT_FOUND})
    @desk_v1.response(200, schemas.FindingOutSchema, description="the finding with its new decision")
    @requires("decide")
    def patch(self, finding_id):
        """Record a review decision: `confirmed`, `dismissed` with a `reason` (update,
        different_scope, extraction_error, other) or back to `open`, with a `note`. Who and when
        are recorded; the decision lasts across rescans and re-posts of the same articles."""
        if request.mimetype not in PATCH_TYPES:
            raise _unsupported(PATCH_TYPES)
        body = _json_body()
        fields = _load(schemas.DecisionInSchema(), body if isinstance(body, dict) else {"_schema": body})
        try:
            decision = desk_decisions.validated(fields["state"], fields.get("reason"), fields.get("note", ""))
        except desk_decisions.DecisionError as exc:
            raise Problem(422, "Invalid field", f"invalid {exc.field}: {exc}", field=exc.field, slug="invalid-field")
        if desk_decisions.decide(_state().sessions, finding_id, decision, g.account.name) is None:
            raise _unknown("finding", finding_id)
        return _finding_body(finding_id)


@desk_v1.route("/decisions", methods=["GET"])
@desk_v1.arguments(schemas.DecisionFilterSchema, location="query", as_kwargs=True, unknown=RAISE)
@desk_v1.response(200, schemas.DecisionsFileSchema)
def decisions(state=None):
    """Every review decision, as the file `checker scan --decisions FILE` reads in CI."""
    with _state().sessions() as session:
        return desk_decisions.decisions_file(desk.all_decisions(session, state))


# --- stories -------------------------------------------------------------------------------------

def _story_or_404(session, story_id: str):
    from checker.desk import story_index

    story = story_index.find_story(session, story_id)
    if story is None:
        raise _unknown("story", story_id)
    return story


@desk_v1.route("/stories", methods=["GET"])
@desk_v1.arguments(schemas.StoryFilterSchema, location="query", as_kwargs=True, unknown=RAISE)
@desk_v1.response(200, schemas.StoryPageSchema, headers=LINK_HEADER)
def stories(page, per_page):
    """Stories, the latest first: articles grouped by the facts they share (a figure's subject and
    measure, a stance's proposition, an event's date) within a few weeks of each other."""
    from checker.desk import story_index

    with _state().sessions() as session:
        found = story_index.all_stories(session)
    chosen = found[(page - 1) * per_page: page * per_page]
    return paged([story_index.summary_json(s) for s in chosen], page, per_page, len(found))


@desk_v1.route("/stories/<string:story_id>", methods=["GET"])
@desk_v1.response(200, schemas.StoryOutSchema)
@desk_v1.doc(responses={404: NOT_FOUND})
def story(story_id):
    """A story: its articles by date, the facts they share, its disputed facts, its findings
    with their decisions, and its history (who posted, deleted and decided what)."""
    with _state().sessions() as session:
        from checker.desk import story_index

        return story_index.story_document(session, _story_or_404(session, story_id))


# --- exports -------------------------------------------------------------------------------------

CSV_RESPONSE = {200: {"description": "one row per claim behind each finding",
                      "content": {"text/csv": {"schema": {"type": "string"}}}}, 404: NOT_FOUND}


def _csv(text: str, name: str) -> Response:
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{name}.csv"'})


@desk_v1.route("/stories/<string:story_id>/export.csv", methods=["GET"])
@desk_v1.doc(responses=CSV_RESPONSE)
def story_csv(story_id):
    """A story's findings and the evidence behind each, as CSV (its JSON is GET /stories/{id})."""
    from checker.desk import exports, story_index

    with _state().sessions() as session:
        detail = story_index.story_detail(session, _story_or_404(session, story_id))
        rows = exports.finding_rows(session, list(detail.findings))
    return _csv(exports.to_csv(rows, exports.FINDING_COLUMNS), f"story-{story_id}")


@desk_v1.route("/findings/<string:finding_id>/export.csv", methods=["GET"])
@desk_v1.doc(responses=CSV_RESPONSE)
def finding_csv(finding_id):
    """A finding and the evidence behind it, as CSV (its JSON is GET /findings/{id})."""
    from checker.desk import exports

    with _state().sessions() as session:
        record = session.get(FindingRecord, finding_id)
        if record is None:
            raise _unknown("finding", finding_id)
        rows = exports.finding_rows(session, [finding_from_dict(record.data)])
    return _csv(exports.to_csv(rows, exports.FINDING_COLUMNS), f"finding-{finding_id}")


@desk_v1.route("/facts/<string:fact_id>/export.csv", methods=["GET"])
@desk_v1.doc(responses={200: {"description": "one row per value of the fact",
                              "content": {"text/csv": {"schema": {"type": "string"}}}}, 404: NOT_FOUND})
def fact_csv(fact_id):
    """A fact's values by source and reference time with their status, as CSV (its JSON is
    GET /facts/{id})."""
    from checker.usecases.facts import get_fact
    from checker.desk import exports

    with _state().sessions() as session:
        fact = get_fact(session, fact_id)
    if fact is None:
        raise _unknown("fact", fact_id)
    return _csv(exports.to_csv(exports.fact_rows(fact), exports.FACT_COLUMNS), f"fact-{fact_id[:40]}")


@desk_v1.route("/findings/<string:finding_id>/claimreview", methods=["GET"])
@desk_v1.doc(responses={200: {"description": "schema.org ClaimReview", "content": {
    "application/ld+json": {"schema": {"type": "object"}}}}, 404: NOT_FOUND,
    409: {"description": "the finding is not confirmed", "content": {"application/problem+json": {"schema": "Problem"}}}})
def claim_review(finding_id):
    """A confirmed contradiction as schema.org ClaimReview JSON-LD: the claim, who made it, where
    it appeared, the reviewer's verdict and the contradicting evidence."""
    from checker.desk import exports

    with _state().sessions() as session:
        record = session.get(FindingRecord, finding_id)
        if record is None:
            raise _unknown("finding", finding_id)
        decision = desk.decisions_of(session, [finding_id]).get(finding_id)
        if decision is None or decision.state != "confirmed":
            raise Problem(409, "Not confirmed", "only a finding a reviewer confirmed is published as a "
                          "ClaimReview", slug="not-confirmed")
        page = url_for("dashboard.finding", finding_id=finding_id, _external=True)
        body = exports.claim_review(session, finding_from_dict(record.data), decision, page)
    return Response(json.dumps(body, ensure_ascii=False), mimetype="application/ld+json")


# --- tokens (an admin's) -------------------------------------------------------------------------

ADMIN_ERRORS = {k: v for k, v in ERRORS.items() if k in (401, 403)}


def _token_json(token) -> dict:
    return {"name": token.name, "role": token.role, "created_at": token.created_at.isoformat(),
            "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None}


@desk_v1.route("/tokens")
class Tokens(MethodView):
    @desk_v1.doc(security=BEARER, responses=ADMIN_ERRORS)
    @desk_v1.response(200, schemas.TokenListSchema)
    @requires("tokens")
    def get(self):
        """Every API token's name, role and state (never the token itself)."""
        with _state().sessions() as session:
            return {"items": [_token_json(t) for t in desk.list_tokens(session)]}

    @desk_v1.doc(security=BEARER, requestBody={"required": True, "content": {
        "application/json": {"schema": "TokenIn"}}}, responses={**ADMIN_ERRORS, 409: {
            "description": "the name is taken", "content": {"application/problem+json": {"schema": "Problem"}}}})
    @desk_v1.response(201, schemas.TokenOutSchema, description="made: the token is shown this once")
    @requires("tokens")
    def post(self):
        """Make a token for a person with a role (`reviewer` or `admin`)."""
        from checker.desk.accounts import AccountError, add_token

        if request.mimetype != "application/json":
            raise _unsupported(("application/json",))
        body = _json_body()
        fields = _load(schemas.TokenInSchema(), body if isinstance(body, dict) else {"_schema": body})
        try:
            token = add_token(_state().sessions, fields["name"], fields["role"], g.account.name)
        except AccountError as exc:
            raise Problem(409, "Conflict", str(exc), slug="conflict")
        with _state().sessions() as session:
            stored = next(t for t in desk.list_tokens(session) if t.name == fields["name"])
        return dict(_token_json(stored), token=token), 201


@desk_v1.route("/tokens/<string:name>", methods=["DELETE"])
@desk_v1.doc(security=BEARER, responses={**ADMIN_ERRORS, 404: NOT_FOUND})
@desk_v1.response(204, description="revoked: the token no longer writes")
@requires("tokens")
def revoke_token(name):
    """Revoke a token (its name stays taken, so the record keeps meaning one person)."""
    if not desk.revoke_token(_state().sessions, name, g.account.name):
        raise _unknown("active token", name)
    return Response(status=204)
