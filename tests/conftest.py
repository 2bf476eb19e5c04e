import os

import pytest

from checker.rulebook import default_rules


@pytest.fixture(scope="session")
def rules():
    return default_rules()


def stored_app(folder, token: str, texts):
    """A real app on a SQLite store in `folder`, with the given article texts posted one by
    one; the caller disposes of `app.extensions["checker"].engine`."""
    from checker.api import create_app
    from checker.usecases.posting import Submission, post_article

    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'store.sqlite3'}",
                      "API_TOKEN": token})
    state = app.extensions["checker"]
    for text in texts:
        post_article(state.sessions, Submission(text, False, None, {}), state.rules, state.fetch)
    return app


def require_postgres(server: str) -> None:
    """Skip a PostgreSQL case on a machine without the server (a developer's laptop); where the
    run must cover both backends (.ci/run sets CHECKER_REQUIRE_POSTGRES=1) an unreachable server
    fails the test instead, so CI can never pass on SQLite alone."""
    from checker.storage import database

    if database.postgres_reachable(server):
        return
    message = f"PostgreSQL not reachable at {server}"
    if os.environ.get("CHECKER_REQUIRE_POSTGRES") == "1":
        pytest.fail(message + " (CHECKER_REQUIRE_POSTGRES=1: this run must test PostgreSQL)")
    pytest.skip(message)
