"""The /api/v1 blueprint: articles, one-off checks, claims, findings, facts, health."""
from __future__ import annotations

import json
import re
from functools import wraps
from urllib.parse import urlencode

from flask import Response, current_app, g, jsonify, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE, ValidationError

from checker.api import schemas
from checker.api.problems import Problem, validation_problem
from checker.usecases.facts import get_fact, list_facts
from checker.usecases.posting import (Submission, check_articles, post_article, report_of_view, submission_from_fields,
                                      with_appearances)
from checker.desk.accounts import authenticate
from checker.desk.decisions import stored_finding_json
from checker.report import article_json, claim_json
from checker.storage import appearances, repository
from checker.storage.appearances import appearance_json
from checker.storage import desk
from checker.storage.codec import claim_from_dict
from checker.storage.database import ping
from checker.storage.models import ClaimRecord

api_v1 = Blueprint("api_v1", __name__, url_prefix="/api/v1", description="Fact-consistency checker API")

BEARER = [{"bearerAuth": []}]
RAW_TYPES = ("text/plain", "text/html")
ERRORS = {code: {"description": text, "content": {"application/problem+json": {"schema": "Problem"}}}
          for code, text in ((400, "malformed body"), (401, "missing or wrong token"),
                             (403, "the token's role may not do this"),
                             (413, "body over the limit"), (415, "unsupported content type"),
                             (422, "a field fails validation, or the article has nothing to check"))}


def _state():
    return current_app.extensions["checker"]


LINK_HEADER = {"Link": {"description": "RFC 8288 links to the first, previous, next and last pages (the same "
                                       "query, another `page`)", "schema": {"type": "string"}}}


def paged(items: list, page: int, per_page: int, total: int):
    """A page of a list: its items and numbers in the body, and Link headers to its neighbours."""
    last = max(1, -(-total // per_page))

    def link(number: int, rel: str) -> str:
        query = request.args.to_dict(flat=False)
        query["page"] = [str(number)]
        return f'<{request.base_url}?{urlencode(query, doseq=True)}>; rel="{rel}"'

    links = [link(1, "first")]
    if 1 < page <= last + 1:
        links.append(link(page - 1, "prev"))
    if page < last:
        links.append(link(page + 1, "next"))
    links.append(link(last, "last"))
    return {"items": items, "page": page, "per_page": per_page, "total": total}, 200, {"Link": ", ".join(links)}


def requires(action: str):
    """Writes need `Authorization: Bearer <token>` of an account whose role may do `action`
    (checker.desk.accounts); reads stay open. The account is kept in `g.account` for the record."""
    def decorator(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            scheme, _, given = request.headers.get("Authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not given.strip():
                raise Problem(401, "Unauthorized", "this request writes: send Authorization: Bearer <token>",
                              headers={"WWW-Authenticate": "Bearer"})
            state = _state()
            account = authenticate(state.sessions, state.token, given)
            if account is None:
                raise Problem(401, "Unauthorized", "the bearer token is not known to this server, or revoked",
                              headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
            if not account.may(action):
                raise Problem(403, "Forbidden", f"the role {account.role} may not {action}; ask an admin",
                              slug="forbidden")
            g.account = account
            return view(*args, **kwargs)
        return guarded
    return decorator


require_token = requires("post")


JSON_MAX_DEPTH = 16  # an article is an object of strings; /check nests it in a list


def _json_body() -> object:
    raw = request.get_data(cache=True)
    charset = request.mimetype_params.get("charset", "utf-8")
    try:
        text = raw.decode(charset)
    except LookupError:
        raise Problem(415, "Unsupported Media Type", f"unknown charset {charset!r}", slug="unsupported-media-type")
    except UnicodeDecodeError as exc:
        raise Problem(400, "Invalid UTF-8", f"the body is not valid {charset} (byte {exc.start})", slug="invalid-utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Problem(400, "Malformed JSON", f"the body is not JSON: {exc.msg} at line {exc.lineno} "
                      f"column {exc.colno}", slug="malformed-json")
    except RecursionError:
        raise Problem(400, "Malformed JSON", f"the body nests deeper than {JSON_MAX_DEPTH} levels",
                      slug="malformed-json")
    except ValueError as exc:  # an integer of thousands of digits
        raise Problem(400, "Malformed JSON", f"the body is not JSON this server reads: {exc}", slug="malformed-json")
    _check_json_values(data)
    return data


def _check_json_values(data: object) -> None:
    """Refuse, naming the place, what no field can hold: nesting past JSON_MAX_DEPTH, and text
    with lone UTF-16 surrogates ("\\ud800"), which no UTF-8 store or page can carry."""
    stack = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > JSON_MAX_DEPTH:
            raise Problem(400, "Malformed JSON", f"the body nests deeper than {JSON_MAX_DEPTH} levels",
                          slug="malformed-json")
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise Problem(400, "Invalid Unicode", f"{path or 'the body'} holds a lone surrogate "
                              "(\\ud800-\\udfff), which is no character", field=path or None, slug="invalid-unicode")
        elif isinstance(value, dict):
            for key, item in value.items():
                stack.append((key, f"{path}.{key}" if path else str(key), depth + 1))
                stack.append((item, f"{path}.{key}" if path else str(key), depth + 1))
        elif isinstance(value, list):
            stack.extend((item, f"{path}.{n}" if path else str(n), depth + 1) for n, item in enumerate(value))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _load(schema, data):
    try:
        return schema.load(data)
    except ValidationError as exc:
        raise _Invalid(exc.messages)


class _Invalid(Exception):
    def __init__(self, messages):
        self.messages = messages


@api_v1.errorhandler(_Invalid)
def _on_invalid(error: _Invalid):
    return validation_problem(error.messages)


def _raw_submission() -> Submission:
    charset = request.mimetype_params.get("charset", "utf-8")
    raw = request.get_data(cache=True)
    try:
        text = raw.decode(charset)
    except LookupError:
        raise Problem(415, "Unsupported Media Type", f"unknown charset {charset!r}", slug="unsupported-media-type")
    except UnicodeDecodeError as exc:
        raise Problem(400, "Invalid UTF-8" if charset.lower().replace("-", "") == "utf8" else "Invalid text",
                      f"the body is not valid {charset} (byte {exc.start})", slug="invalid-utf-8")
    meta = _load(schemas.ArticleQuerySchema(), request.args.to_dict())
    fields = dict(meta, **({"html": text} if request.mimetype == "text/html" else {"text": text}))
    return submission_from_fields(fields)


def _unsupported(allowed) -> Problem:
    got = request.mimetype or "none"
    return Problem(415, "Unsupported Media Type", f"content type {got} is not accepted here; send "
                   + " or ".join(allowed), slug="unsupported-media-type")


ARTICLE_BODY = {"required": True, "content": {
    "application/json": {"schema": "ArticleIn"},
    "text/plain": {"schema": {"type": "string", "minLength": 1}},
    "text/html": {"schema": {"type": "string", "minLength": 1}}}}


@api_v1.route("/articles")
class Articles(MethodView):
    @api_v1.arguments(schemas.ArticleFilterSchema, location="query", as_kwargs=True, unknown=RAISE)
    @api_v1.response(200, schemas.ArticlePageSchema, headers=LINK_HEADER)
    def get(self, page, per_page, **filters):
        """Stored articles, newest first; filter by source, language and publication dates."""
        with _state().sessions() as session:
            found = repository.list_articles(session, page=page, per_page=per_page, **filters)
            carried = appearances.of_articles(session, [a.id for a in found.items])
        items = [dict(article_json(a), appearances=[appearance_json(x) for x in carried[a.id]]) for a in found.items]
        return paged(items, found.page, found.per_page, found.total)

    @api_v1.doc(security=BEARER, requestBody=ARTICLE_BODY,
                responses={**ERRORS, 200: {"description": "the same text from the same outlet, URL and date was stored "
                                                          "before: the stored report, nothing new",
                                           "content": {"application/json": {"schema": "Report"}}}})
    @api_v1.response(201, schemas.ReportSchema, description="stored: the article, its claims and its "
                  "findings; or, for a text stored before from another outlet, URL or date, its new appearance")
    @require_token
    def post(self):
        """Store an article and answer its contradictions against everything stored.

        JSON (`text`, `html` or `url`, with `source`, `url`, `published`, `language`, `title`),
        or a raw text/plain or text/html body with the metadata in the query string."""
        if request.mimetype == "application/json":
            submission = submission_from_fields(_load(schemas.ArticleInSchema(), _json_body()))
        elif request.mimetype in RAW_TYPES:
            submission = _raw_submission()
        else:
            raise _unsupported(("application/json", "text/plain", "text/html"))
        state = _state()
        result = post_article(state.sessions, submission, state.rules, state.fetch, actor=g.account.name)
        location = url_for("api_v1.ArticleById", article_id=result.article_id)
        # the report is built in the schema's shape (tests/test_api.py holds them equal), so it is
        # sent as built: dumping a post's few hundred claims through the schema cost more than
        # the comparison (56 ms a post at 10,000 stored)
        return jsonify(result.report), (201 if result.created else 200), {"Location": location}


@api_v1.route("/articles/<string:article_id>")
class ArticleById(MethodView):
    @api_v1.response(200, schemas.ReportSchema)
    @api_v1.alt_response(404, description="unknown id", schema=schemas.ProblemSchema,
                         content_type="application/problem+json")
    def get(self, article_id):
        """A stored article with its claims and the findings that involve it."""
        with _state().sessions() as session:
            view = repository.article_view(session, article_id)
            if view is None:
                raise _unknown("article", article_id)
            return with_appearances(session, report_of_view(view))

    @api_v1.doc(security=BEARER, responses={401: ERRORS[401], 403: ERRORS[403]})
    @api_v1.response(204, description="deleted, with its claims and findings")
    @api_v1.alt_response(404, description="unknown id", schema=schemas.ProblemSchema,
                         content_type="application/problem+json")
    @requires("delete")
    def delete(self, article_id):
        """Delete an article; its claims and the findings that involve it go with it (an admin's
        token). Decisions on those findings stay, and apply again if the article comes back."""
        if not repository.delete_article(_state().sessions, article_id):
            raise _unknown("article", article_id)
        desk.record(_state().sessions, g.account.name, "delete", f"article:{article_id}")
        return Response(status=204)


@api_v1.route("/articles/<string:article_id>/appearances/<int:appearance_id>", methods=["DELETE"])
@api_v1.doc(security=BEARER, responses={401: ERRORS[401], 403: ERRORS[403]})
@api_v1.response(204, description="deleted; the article and its other appearances stay")
@api_v1.alt_response(404, description="unknown id", schema=schemas.ProblemSchema, content_type="application/problem+json")
@api_v1.alt_response(409, description="the article's first appearance", schema=schemas.ProblemSchema,
                     content_type="application/problem+json")
@requires("delete")
def appearance(article_id, appearance_id):
    """Delete one appearance of an article (an outlet's copy of its text), keeping the others (an
    admin's token, as for an article)."""
    try:
        removed = appearances.remove(_state().sessions, article_id, appearance_id)
    except appearances.FirstAppearance:
        raise Problem(409, "Conflict", "this is the appearance the article's claims were read under; it goes "
                      "only with the article (DELETE /api/v1/articles/{id})", slug="first-appearance")
    if not removed:
        raise _unknown("appearance", f"{article_id}/{appearance_id}")
    desk.record(_state().sessions, g.account.name, "delete", f"article:{article_id}",
                {"appearance": appearance_id})
    return Response(status=204)


def _unknown(what: str, ident: str) -> Problem:
    return Problem(404, "Not Found", f"no {what} with id {ident!r}", slug="not-found")


CHECK_ERRORS = {**{k: v for k, v in ERRORS.items() if k not in (401, 403)}, 429: {
    "description": "over the rate of checks for this address (CHECKER_CHECK_RATE_PER_MINUTE)",
    "content": {"application/problem+json": {"schema": "Problem"}}}}


@api_v1.route("/check", methods=["POST"])
@api_v1.doc(requestBody={"required": True, "content": {"application/json": {"schema": "CheckIn"}}},
            responses=CHECK_ERRORS)
@api_v1.response(200, schemas.ReportSchema)
def check():
    """Compare the given articles with each other only: a report, nothing stored, so no token is
    needed (checks are rate-limited per client address instead). Its summaries and fact labels
    speak the best of the rules' languages the `Accept-Language` header asks for (English without
    one)."""
    if request.mimetype != "application/json":
        raise _unsupported(("application/json",))
    data = _load(schemas.CheckInSchema(), _json_body())
    state = _state()
    language = request.accept_languages.best_match(state.rules.codes)
    return check_articles([submission_from_fields(a) for a in data["articles"]], state.rules, state.fetch,
                          report_language=language)


PARSE_TYPES = ("application/json", "application/x-www-form-urlencoded")


@api_v1.route("/parse", methods=["POST"])
@api_v1.doc(requestBody={"required": True, "content": {t: {"schema": "ParseIn"} for t in PARSE_TYPES}},
            responses=CHECK_ERRORS)
@api_v1.response(200, schemas.ParsedEntitySchema(many=True))
def parse():
    """The recognisers alone, as Duckling's /parse answers: every figure, date, duration, actor,
    place, measure and stance cue in `text`, with its offsets and its value (figures as intervals,
    dates with their grain). JSON, or a form whose `dims` is a JSON list as Duckling takes it.
    Stores nothing; rate-limited per client address like /check."""
    from datetime import datetime

    from checker.usecases.parse import parse_text
    from checker.ingest import identify_language

    if request.mimetype == "application/json":
        body = _json_body()
    elif request.mimetype == "application/x-www-form-urlencoded":
        body = request.form.to_dict()
        if "dims" in body:
            try:
                body["dims"] = json.loads(body["dims"])
            except ValueError:
                body["dims"] = body["dims"].split(",")
    else:
        raise _unsupported(PARSE_TYPES)
    fields = _load(schemas.ParseInSchema(), body if isinstance(body, dict) else {"_schema": body})
    rules = _state().rules
    language = fields.get("language") or identify_language(fields["text"], rules)
    reference = (datetime.fromisoformat(fields["reftime"].replace("Z", "+00:00")).date()
                 if fields.get("reftime") else None)
    dims = set(fields["dims"]) if fields.get("dims") else None
    return parse_text(fields["text"], rules.for_language(language), reference, dims)


@api_v1.route("/claims", methods=["GET"])
@api_v1.arguments(schemas.ClaimFilterSchema, location="query", as_kwargs=True, unknown=RAISE)
@api_v1.response(200, schemas.ClaimPageSchema, headers=LINK_HEADER)
def claims(page, per_page, **filters):
    """Stored claims; filter by subject, measure, kind and article."""
    with _state().sessions() as session:
        found = repository.list_claims(session, page=page, per_page=per_page, **filters)
    return paged([claim_json(c) for c in found.items], found.page, found.per_page, found.total)


@api_v1.route("/claims/<string:claim_id>", methods=["GET"])
@api_v1.response(200, schemas.ClaimOutSchema)
@api_v1.alt_response(404, description="unknown id", schema=schemas.ProblemSchema,
                     content_type="application/problem+json")
def claim(claim_id):
    """One stored claim: what was said, by whom, about what, with its evidence sentence."""
    with _state().sessions() as session:
        record = session.get(ClaimRecord, claim_id)
        if record is None:
            raise _unknown("claim", claim_id)
        return claim_json(claim_from_dict(record.data))


@api_v1.route("/findings", methods=["GET"])
@api_v1.arguments(schemas.FindingFilterSchema, location="query", as_kwargs=True, unknown=RAISE)
@api_v1.response(200, schemas.FindingPageSchema, headers=LINK_HEADER)
def findings(page, per_page, **filters):
    """Stored findings, newest first, each with its review decision; filter by type, severity,
    dimension, article and decision."""
    with _state().sessions() as session:
        found = repository.list_findings(session, page=page, per_page=per_page, **filters)
        decided = desk.decisions_of(session, [f.id for f in found.items])
    return paged([stored_finding_json(f, decided.get(f.id)) for f in found.items], found.page, found.per_page,
                 found.total)


@api_v1.route("/facts", methods=["GET"])
@api_v1.arguments(schemas.FactFilterSchema, location="query", as_kwargs=True, unknown=RAISE)
@api_v1.response(200, schemas.FactPageSchema, headers=LINK_HEADER)
def facts(page, per_page, **filters):
    """Disputed facts of the store, most serious first; `all=1` lists every fact.

    Each is the compare stage's disputed fact over every stored claim of its key: its values by
    source and reference time, each with its status (conflict, correction, discrepancy, update,
    consistent) and the findings behind it. Filter by subject, measure, kind and proposition."""
    with _state().sessions() as session:
        found = list_facts(session, page=page, per_page=per_page, **filters)
    return paged(found.items, found.page, found.per_page, found.total)


@api_v1.route("/facts/<string:fact_id>", methods=["GET"])
@api_v1.response(200, schemas.StoredFactSchema)
@api_v1.alt_response(404, description="unknown id", schema=schemas.ProblemSchema,
                     content_type="application/problem+json")
def fact(fact_id):
    """One fact by its id (disputed or not), with its values and findings."""
    with _state().sessions() as session:
        found = get_fact(session, fact_id)
    if found is None:
        raise _unknown("fact", fact_id)
    return found


@api_v1.route("/health", methods=["GET"])
@api_v1.response(200, schemas.HealthSchema)
@api_v1.alt_response(503, description="the database does not answer", schema=schemas.ProblemSchema,
                     content_type="application/problem+json")
def health():
    """Answers 200 only when the database does."""
    engine = _state().engine
    if not ping(engine):
        raise Problem(503, "Service Unavailable", "the database does not answer", slug="database-unavailable")
    return {"status": "ok", "database": engine.dialect.name}
