"""The reviewer's desk over HTTP (/api/v1): one finding with its review decision, recording a
decision, every decision as a file for CI, and stories. A thin edge over checker.desk."""
from __future__ import annotations

from flask import current_app, g, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import ValidationError

from checker.api import schemas
from checker.api.problems import Problem, validation_problem
from checker.api.routes import BEARER, ERRORS, _json_body, _unknown, _unsupported, requires
from checker.desk import decisions as desk_decisions
from checker.storage import desk
from checker.storage.codec import finding_from_dict
from checker.storage.models import FindingRecord

desk_v1 = Blueprint("desk_v1", __name__, url_prefix="/api/v1", description="The reviewer's desk")

PATCH_TYPES = ("application/json", "application/merge-patch+json")


class _Invalid(Exception):
    def __init__(self, messages):
        self.messages = messages


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
        try:
            fields = schemas.DecisionInSchema().load(body if isinstance(body, dict) else {"_schema": body})
        except ValidationError as exc:
            raise _Invalid(exc.messages)
        try:
            decision = desk_decisions.validated(fields["state"], fields.get("reason"), fields.get("note", ""))
        except desk_decisions.DecisionError as exc:
            raise Problem(422, "Invalid field", f"invalid {exc.field}: {exc}", field=exc.field, slug="invalid-field")
        if desk_decisions.decide(_state().sessions, finding_id, decision, g.account.name) is None:
            raise _unknown("finding", finding_id)
        return _finding_body(finding_id)


@desk_v1.route("/decisions", methods=["GET"])
@desk_v1.arguments(schemas.DecisionFilterSchema, location="query", as_kwargs=True)
@desk_v1.response(200, schemas.DecisionsFileSchema)
def decisions(state=None):
    """Every review decision, as the file `checker scan --decisions FILE` reads in CI."""
    with _state().sessions() as session:
        return desk_decisions.decisions_file(desk.all_decisions(session, state))
