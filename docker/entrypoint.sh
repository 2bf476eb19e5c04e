#!/bin/sh
# The image's start command (also run directly by the tests, without a container engine):
# keep one API token across restarts, load the seeds on the first start when CHECKER_LOAD_SEEDS=1,
# then hand the process over to gunicorn with the project's gunicorn.conf.py.
set -eu

cd "$(dirname "$0")/.."
PYTHON="${CHECKER_PYTHON:-python}"
DATA_DIR="${CHECKER_DATA_DIR:-/data}"
: "${CHECKER_BIND:=0.0.0.0:8000}"
export CHECKER_BIND

if [ -z "${CHECKER_DATABASE_URL:-}" ]; then
  mkdir -p "$DATA_DIR"
  CHECKER_DATABASE_URL="sqlite:///$DATA_DIR/checker.sqlite3"
fi
export CHECKER_DATABASE_URL

# One token for every worker and every restart: given, or made once and kept beside the store.
if [ -z "${CHECKER_API_TOKEN:-}" ]; then
  mkdir -p "$DATA_DIR"
  TOKEN_FILE="$DATA_DIR/api-token"
  if [ ! -s "$TOKEN_FILE" ]; then
    (umask 077 && "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(24))' > "$TOKEN_FILE")
  fi
  CHECKER_API_TOKEN="$(cat "$TOKEN_FILE")"
fi
export CHECKER_API_TOKEN

# An address someone else holds is said at once, before the seeds load, not after gunicorn's retries.
case "$CHECKER_BIND" in
  unix:*) ;;
  *) "$PYTHON" - "$CHECKER_BIND" <<'PY' || exit 1
import socket, sys
bind = sys.argv[1]
host, _, port = bind.rpartition(":")
host = host.strip("[]") or "0.0.0.0"
try:
    family, kind, proto, _, address = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        probe.bind(address)
except (OSError, ValueError) as error:
    sys.exit(f"checker: cannot listen at {bind} ({getattr(error, 'strerror', None) or error}); "
             "set CHECKER_BIND to a free host:port")
PY
  ;;
esac

if [ "${CHECKER_LOAD_SEEDS:-0}" = "1" ]; then
  "$PYTHON" -m checker.dashboard.seeding "${CHECKER_SEEDS_DIR:-seeds}"
fi

PORT="${CHECKER_BIND##*:}"
echo "checker: dashboard at http://localhost:$PORT/ (API under /api/v1, docs at /api/v1/docs)" >&2
echo "checker: API token (form field and 'Authorization: Bearer'): $CHECKER_API_TOKEN" >&2

if [ "$#" -gt 0 ]; then
  exec "$@"
fi
exec "$PYTHON" -m gunicorn -c gunicorn.conf.py
