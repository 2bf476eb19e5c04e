"""Every error the service answers is an RFC 9457 problem document (application/problem+json)
with a title and a detail a person can act on; validation errors name their fields.

`type` is an absolute URI on this server, /api/v1/problems/<slug>, which answers a page saying
what the problem is and what to do (PROBLEM_TYPES, and every HTTP status by its name); `instance`
is the path of the request that met it."""
from __future__ import annotations

from html import escape

from flask import Flask, Response, abort, has_request_context, json, request
from werkzeug.exceptions import HTTPException, default_exceptions

PROBLEM_PATH = "/api/v1/problems/"

# The service's own problems: slug -> what it means and what to do about it.
PROBLEM_TYPES = {
    "article-not-readable": "The article's text could not be read (its markup or front matter is broken); "
                            "send it as plain text or fix the named part.",
    "binary-content": "The body is not text (an image, a PDF or another binary file); send the article's text.",
    "conflict": "The request conflicts with what is stored (a name already taken, say); the detail says what.",
    "database-unavailable": "The database does not answer or refuses writes just now (restarting, a full or "
                            "read-only disk). Nothing of the request was stored; retry after Retry-After seconds.",
    "deleted-meanwhile": "What the request was about was deleted by another request meanwhile; fetch it again.",
    "empty-article": "Nothing is left of the article once page noise is removed; send its text.",
    "fetch-failed": "The article's URL answered with an error; check the address or send the text.",
    "fetch-too-slow": "The article's URL did not answer in time; send the text instead.",
    "first-appearance": "The first appearance of an article is the one its claims were read under; it goes "
                        "only with the article.",
    "forbidden": "The token is known, but its role may not do this; ask an admin.",
    "internal-server-error": "The server failed on this request; it is logged. Please report it.",
    "invalid-field": "A field, a filter or a query parameter fails validation, or is not one this operation "
                     "knows; `errors` names each with what is wrong.",
    "invalid-unicode": "A text holds a lone UTF-16 surrogate (\\ud800-\\udfff), which is no character.",
    "invalid-utf-8": "The body is not valid in the charset its Content-Type names (UTF-8 by default).",
    "malformed-json": "The body is not JSON this server reads: a syntax error, nesting too deep, or a number "
                      "too long.",
    "no-claims": "The article holds no claim the checker can compare (no figure, date or stance it knows).",
    "not-acceptable": "The Accept header asks for no type this operation answers; the detail lists them.",
    "not-confirmed": "Only a finding a reviewer confirmed is published as a ClaimReview.",
    "not-found": "Nothing is stored under this id.",
    "nul-character": "The path or a query parameter holds a NUL character, which no stored text can hold.",
    "too-many-redirects": "The article's URL redirected more often than the server follows.",
    "too-many-requests": "Over the rate limit; retry after Retry-After seconds.",
    "unauthorized": "This request writes: send `Authorization: Bearer <token>` with a token this server knows.",
    "unsupported-media-type": "The body's Content-Type is not one this operation reads; the detail lists them.",
    "url-content-not-supported": "The article's URL answered something other than a web page or text.",
    "url-content-too-large": "The article's URL answered more than the server reads.",
    "url-refused": "The article's URL points at a private, local or otherwise refused address.",
    "url-unreachable": "The article's URL could not be reached (no such host, or the connection failed).",
}


def slug_of(title: str) -> str:
    return title.lower().replace(" ", "-")


def _http_status_types() -> dict[str, str]:
    """Every HTTP error werkzeug knows, by its name (a 405 is /problems/method-not-allowed)."""
    return {slug_of(error().name): error.description for error in default_exceptions.values()}


def problem_description(slug: str) -> str | None:
    return PROBLEM_TYPES.get(slug) or _http_status_types().get(slug)


def problem_type(slug: str) -> str:
    """The absolute URI of a problem type on the server answering this request."""
    if has_request_context():
        return request.host_url.rstrip("/") + PROBLEM_PATH + slug
    return PROBLEM_PATH + slug


from checker.usecases.problems import Problem  # noqa: E402,F401  raised by the use cases, answered here


def problem_response(status: int, title: str, detail: str, *, slug: str, field: str | None = None,
                     errors: dict | None = None, headers: dict | None = None) -> Response:
    body = {"type": problem_type(slug), "title": title, "status": status, "detail": detail}
    if has_request_context():
        body["instance"] = request.path
    if field is not None:
        body["field"] = field
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype="application/problem+json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _flatten(messages, prefix: str = "") -> dict[str, list[str]]:
    """webargs/marshmallow messages {"json": {"text": ["..."]}} -> {"text": ["..."]}."""
    out: dict[str, list[str]] = {}
    if isinstance(messages, dict):
        for key, value in messages.items():
            name = str(key) if not prefix else f"{prefix}.{key}"
            if key in ("json", "query", "form", "headers", "view_args") and not prefix:
                name = ""
            out.update(_flatten(value, name))
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        out[prefix or "_schema"] = list(messages)
    elif isinstance(messages, list):
        for n, value in enumerate(messages):
            out.update(_flatten(value, f"{prefix}.{n}" if prefix else str(n)))
    else:
        out[prefix or "_schema"] = [str(messages)]
    return out


def validation_problem(messages) -> Response:
    errors = _flatten(messages)
    names = ", ".join(sorted(errors))
    first = next(iter(sorted(errors.items())), ("_schema", ["invalid"]))
    detail = f"invalid {first[0]}: {' '.join(first[1])}"
    if len(errors) > 1:
        detail = f"invalid fields {names}; {detail}"
    field = first[0] if len(errors) == 1 else None
    return problem_response(422, "Invalid field", detail, slug="invalid-field", field=field, errors=errors)


def _on_problem(problem: Problem) -> Response:
    return problem_response(problem.status, problem.title, problem.detail, slug=problem.slug,
                            field=problem.field, headers=problem.headers)


def _on_http_exception(error: HTTPException) -> Response:
    data = getattr(error, "data", None) or {}
    if error.code == 422 and "messages" in data:
        return validation_problem(data["messages"])
    headers = {k: v for k, v in error.get_headers() if k.lower() not in ("content-type", "content-length")}
    title = error.name
    detail = error.description or title
    if error.code == 413:
        detail = "the request body is larger than this server accepts"
        limit = getattr(error, "limit", None)
        if limit:
            detail += f" ({limit} bytes)"
    return problem_response(error.code or 500, title, detail, slug=slug_of(title), headers=headers)


def _on_unexpected(error: Exception) -> Response:
    if isinstance(error, HTTPException):
        return _on_http_exception(error)
    from flask import current_app

    try:
        current_app.logger.exception("unhandled error")
    except Exception:  # a failing log (disk full) must not turn the answer into gunicorn's bare 500
        pass
    return problem_response(500, "Internal Server Error", "the server failed on this request; it is logged",
                            slug="internal-server-error")


def problem_page(slug: str):
    """GET /api/v1/problems/<slug>: what a problem type means, for a person following `type`."""
    description = problem_description(slug)
    if description is None:
        abort(404)
    title = slug.replace("-", " ").capitalize()
    page = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><h1>{escape(title)}</h1><p>{escape(description)}</p><p>Errors of this API are RFC 9457 "
            "problem documents (<code>application/problem+json</code>): <code>type</code> is this page, "
            "<code>instance</code> the request's path, <code>errors</code> the invalid fields. "
            "<a href='/api/v1/docs'>API reference</a>.</p></body></html>")
    return Response(page, mimetype="text/html")


def register_problem_handlers(app: Flask) -> None:
    app.add_url_rule(PROBLEM_PATH + "<slug>", "problem_page", problem_page, methods=["GET"])
    app.register_error_handler(Problem, _on_problem)
    app.register_error_handler(HTTPException, _on_http_exception)
    app.register_error_handler(Exception, _on_unexpected)
