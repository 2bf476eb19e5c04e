"""The one place that knows how the dashboard reaches the service the app factory built
(app.extensions["checker"], built by checker.api.create_app): the store's sessions, the compiled
rules, the API token, and the same post-an-article use case the REST API calls."""
from __future__ import annotations

from datetime import date

from flask import current_app
from sqlalchemy.orm import sessionmaker


class SubmitError(ValueError):
    """A submitted article that cannot be checked: the message says why, for the form."""


def _state():
    return current_app.extensions["checker"]


def sessions() -> sessionmaker:
    return _state().sessions


def rules():
    return _state().rules


def api_token() -> str | None:
    return _state().token


def submit_article(values: dict, actor: str) -> tuple[str, bool]:
    """Check and store a form's article exactly as POST /api/v1/articles does, as `actor`'s post;
    its id, and whether it is new."""
    from checker.usecases.posting import post_article, submission_from_fields
    from checker.usecases.problems import Problem

    fields = {k: values[k].strip() for k in ("source", "title", "language") if values.get(k, "").strip()}
    if values.get("published", "").strip():
        try:
            fields["published"] = date.fromisoformat(values["published"].strip())
        except ValueError as exc:
            raise SubmitError("Published must be a date YYYY-MM-DD.") from exc
    if values.get("text", "").strip():
        fields["text"] = values["text"]
        if values.get("url", "").strip():
            fields["url"] = values["url"].strip()  # the original's address, kept as metadata
    else:
        fields["url"] = values["url"].strip()
    state = _state()
    try:
        result = post_article(state.sessions, submission_from_fields(fields), state.rules, state.fetch, actor=actor)
    except Problem as problem:
        raise SubmitError(f"{problem.title}: {problem.detail}") from problem
    return result.article_id, result.created
