"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py`.

CHECKER_BIND (127.0.0.1:8000), CHECKER_WORKERS (2), CHECKER_THREADS (8 per worker),
CHECKER_KEEPALIVE (0 s), CHECKER_TIMEOUT (60 s), and the service's own CHECKER_* settings.
The master migrates the database once and, where CHECKER_API_TOKEN is unset, makes the one
random token every worker shares (each worker making its own would make writes a lottery), and
where CHECKER_RATE_STORE is unset, the file of rate buckets every worker shares (on PostgreSQL the
buckets live in the database, shared with other instances, and the file stays unused)."""
import os

wsgi_app = "checker.api:create_app()"
bind = os.environ.get("CHECKER_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("CHECKER_WORKERS", "2"))
# threads hold slow and idle clients without starving the rest (a sync worker is held whole by
# one client trickling its headers); gunicorn's own errors (414, 400) answer problem documents
worker_class = "checker.api.worker.ProblemThreadWorker"
threads = int(os.environ.get("CHECKER_THREADS", "8"))
# no keep-alive: a kept connection pins its client to one worker, and with threaded workers one
# worker then takes most clients while the other idles (posts per second fell by a third)
keepalive = int(os.environ.get("CHECKER_KEEPALIVE", "0"))
timeout = int(os.environ.get("CHECKER_TIMEOUT", "60"))
graceful_timeout = 20
limit_request_line = 8190  # the longest request line; longer is a 414 problem
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = os.environ.get("CHECKER_ACCESS_LOG") or None


def on_starting(server):
    from checker.api import TOKEN_VARIABLE, announce_token
    from checker.storage.database import database_url, make_engine, migrate

    engine = make_engine(database_url())
    migrate(engine)
    engine.dispose()
    os.environ["CHECKER_AUTO_MIGRATE"] = "0"  # done here, once, before the workers start
    if not os.environ.get(TOKEN_VARIABLE):
        os.environ[TOKEN_VARIABLE] = announce_token()
    if not os.environ.get("CHECKER_RATE_STORE"):
        # the rate buckets every worker shares, so a token's rate holds across workers; they
        # start full with each server start, so a fresh folder of this run's own will do
        import tempfile

        os.environ["CHECKER_RATE_STORE"] = os.path.join(tempfile.mkdtemp(prefix="checker-rates-"), "rates.sqlite3")


def post_worker_init(worker):
    from checker.api import freeze_loaded

    freeze_loaded()
