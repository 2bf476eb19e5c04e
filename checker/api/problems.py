"""Every error the service answers is an RFC 9457 problem document (application/problem+json)
with a title and a detail a person can act on; validation errors name their fields."""
from __future__ import annotations

from flask import Flask, Response, json
from werkzeug.exceptions import HTTPException

PROBLEM_TYPE_BASE = "/api/v1/problems/"  # relative type URIs: resolvable against the server


class Problem(Exception):
    """An error the service raises on purpose: status, a short title, the detail, and the
    field it concerns (for 422), answered as a problem document."""

    def __init__(self, status: int, title: str, detail: str, *, field: str | None = None,
                 slug: str | None = None, headers: dict | None = None):
        super().__init__(detail)
        self.status, self.title, self.detail, self.field = status, title, detail, field
        self.slug = slug or title.lower().replace(" ", "-")
        self.headers = headers or {}


def problem_response(status: int, title: str, detail: str, *, slug: str, field: str | None = None,
                     errors: dict | None = None, headers: dict | None = None) -> Response:
    body = {"type": PROBLEM_TYPE_BASE + slug, "title": title, "status": status, "detail": detail}
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
    return problem_response(error.code or 500, title, detail, slug=title.lower().replace(" ", "-"),
                            headers=headers)


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


def register_problem_handlers(app: Flask) -> None:
    app.register_error_handler(Problem, _on_problem)
    app.register_error_handler(HTTPException, _on_http_exception)
    app.register_error_handler(Exception, _on_unexpected)
