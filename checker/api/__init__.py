"""The REST service: a Flask application factory configured from the environment, the
/api/v1 blueprint, its OpenAPI document (generated from the marshmallow schemas by
flask-smorest) at /api/v1/openapi.json and its reference (Swagger UI, from local files) at /api/v1/docs.

Environment: CHECKER_DATABASE_URL (default sqlite:///checker.sqlite3), CHECKER_API_TOKEN
(unset: a random one is made and printed once), CHECKER_MAX_BODY_BYTES (2 MB),
CHECKER_FETCH_ALLOW_HOSTS (comma-separated host names exempt from the private-address
check), CHECKER_FETCH_CONNECT_TIMEOUT / CHECKER_FETCH_READ_TIMEOUT (seconds),
CHECKER_FETCH_MAX_REDIRECTS, CHECKER_FETCH_DEADLINE (seconds for a whole fetch; 30),
CHECKER_WRITE_RATE_PER_MINUTE (writes a minute per token, a sixth of them at
once; 0: no limit; 1200), CHECKER_CHECK_RATE_PER_MINUTE (POST /check and /parse a minute per
client address, which need no token; 0: no limit; 120), CHECKER_RATE_STORE (on SQLite, a file
holding the rate buckets, shared by every worker; gunicorn.conf.py makes one; unset: each process
counts alone; on PostgreSQL the buckets live in the database instead), CHECKER_AUTO_MIGRATE (1).
"""
from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass

from flask import Flask
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from checker.usecases.fetch import FetchSettings

DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
TOKEN_VARIABLE = "CHECKER_API_TOKEN"


@dataclass(frozen=True)
class ServiceState:
    """What every request needs, built once per app (so per gunicorn worker)."""

    engine: Engine
    sessions: sessionmaker
    rules: object
    token: str
    fetch: FetchSettings


def config_from_environment(environ=None) -> dict:
    from checker.storage.database import database_url

    env = os.environ if environ is None else environ
    hosts = frozenset(h.strip().lower() for h in env.get("CHECKER_FETCH_ALLOW_HOSTS", "").split(",") if h.strip())
    max_body = int(env.get("CHECKER_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES))
    return {
        "DATABASE_URL": database_url(env),
        "API_TOKEN": env.get(TOKEN_VARIABLE) or None,
        "MAX_CONTENT_LENGTH": max_body,
        "FETCH_ALLOW_HOSTS": hosts,
        "FETCH_CONNECT_TIMEOUT": float(env.get("CHECKER_FETCH_CONNECT_TIMEOUT", 3.05)),
        "FETCH_READ_TIMEOUT": float(env.get("CHECKER_FETCH_READ_TIMEOUT", 10)),
        "FETCH_MAX_BYTES": int(env.get("CHECKER_FETCH_MAX_BYTES", max_body)),
        "FETCH_MAX_REDIRECTS": int(env.get("CHECKER_FETCH_MAX_REDIRECTS", 5)),
        "FETCH_DEADLINE": float(env.get("CHECKER_FETCH_DEADLINE", 30)),
        "WRITE_RATE_PER_MINUTE": int(env.get("CHECKER_WRITE_RATE_PER_MINUTE", 1200)),
        "CHECK_RATE_PER_MINUTE": int(env.get("CHECKER_CHECK_RATE_PER_MINUTE", 120)),
        "RATE_STORE": env.get("CHECKER_RATE_STORE") or None,
        "AUTO_MIGRATE": env.get("CHECKER_AUTO_MIGRATE", "1") not in ("0", "false", "no"),
    }


def announce_token() -> str:
    """A fresh random write token, printed once, for a server started without one."""
    token = secrets.token_urlsafe(24)
    print(f"checker: {TOKEN_VARIABLE} is not set; writes need this token for this run:\n"
          f"    Authorization: Bearer {token}", file=sys.stderr, flush=True)
    return token


def _problem_api():
    """flask-smorest's Api with problem documents as the error body of every operation in the
    OpenAPI document (its own default declares a {code, status, message} body never sent)."""
    import http

    from flask_smorest import Api
    from flask_smorest.utils import prepare_response

    from checker.api.schemas import ProblemSchema

    class ProblemApi(Api):
        ERROR_SCHEMA = ProblemSchema

        def _register_responses(self):
            for status in http.HTTPStatus:
                response = {"description": status.phrase}
                if status >= 400:
                    response["schema"] = ProblemSchema
                prepare_response(response, self.spec, "application/problem+json")
                self.spec.components.response(status.name, response, lazy=True)
            response = {"description": "an error, as a problem document", "schema": ProblemSchema}
            prepare_response(response, self.spec, "application/problem+json")
            self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)

    return ProblemApi


def freeze_loaded() -> None:
    """Once a served process has built its app: every object alive then (the compiled rules, some
    160,000 objects, the app, the engine) lives as long as the process, so it goes to the
    collector's permanent generation (gc.freeze). A full collection traversed them all, 85 ms
    every 150 requests or so, stalling whichever page it fell on; now it looks only at what came
    after. gunicorn.conf.py calls it in each worker; not create_app, which tests call hundreds of
    times in one process (what is frozen is never freed).

    The young generation is collected after YOUNG_COLLECTION_AFTER allocations instead of 700: a
    post decodes some 2,000 stored claims (tens of thousands of small objects, none in a cycle),
    and at 700 the collector ran every few dozen claims, a third of the decoding's time."""
    import gc

    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_AFTER, middle, old)


YOUNG_COLLECTION_AFTER = 50_000


def create_app(test_config: dict | None = None) -> Flask:

    from checker.api.docs import docs_page, docs_static
    from checker.api.guards import register_guards
    from checker.api.problems import register_problem_handlers
    from checker.api.desk_routes import desk_v1
    from checker.api.schemas import ArticleInSchema, CheckInSchema, DecisionInSchema, ParseInSchema, TokenInSchema
    from checker.api.routes import api_v1
    from checker.dashboard import dashboard
    from checker.rulebook import default_rules
    from checker.storage.database import make_engine, migrate, session_factory

    app = Flask(__name__)
    app.config.update(config_from_environment())
    app.config.update(test_config or {})
    app.config.update(
        API_TITLE="checker", API_VERSION="v1", OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1", OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={"info": {"description": "POST an article, get a contradiction report against "
                                                  "everything stored."}},
    )
    engine = make_engine(app.config["DATABASE_URL"])
    if app.config["AUTO_MIGRATE"]:
        migrate(engine)
    token = app.config["API_TOKEN"] or announce_token()
    app.extensions["checker"] = ServiceState(
        engine=engine, sessions=session_factory(engine), rules=default_rules(), token=token,
        fetch=FetchSettings(allow_hosts=frozenset(app.config["FETCH_ALLOW_HOSTS"]),
                            connect_timeout=app.config["FETCH_CONNECT_TIMEOUT"],
                            read_timeout=app.config["FETCH_READ_TIMEOUT"],
                            max_bytes=app.config["FETCH_MAX_BYTES"],
                            max_redirects=app.config["FETCH_MAX_REDIRECTS"],
                            deadline=app.config["FETCH_DEADLINE"]))

    api = _problem_api()(app)
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    api.register_blueprint(api_v1)
    api.register_blueprint(desk_v1)
    for name, schema in (("ArticleIn", ArticleInSchema), ("CheckIn", CheckInSchema), ("DecisionIn", DecisionInSchema),
                         ("ParseIn", ParseInSchema), ("TokenIn", TokenInSchema)):  # bodies read by hand
        api.spec.components.schema(name, schema=schema)
    app.add_url_rule("/api/v1/docs", "api_docs", docs_page)
    app.add_url_rule("/api/v1/docs/static/<filename>", "api_docs_static", docs_static)
    app.register_blueprint(dashboard)
    register_problem_handlers(app)  # after Api: its own error handler would answer plain JSON
    register_guards(app)
    return app


def serve(host: str = "127.0.0.1", port: int = 5000) -> None:
    """`checker serve`: the development server (gunicorn with gunicorn.conf.py in production)."""
    app = create_app()
    app.run(host=host, port=port, threaded=True, use_reloader=False)
