# The checker's service image: the REST API and the reviewers' dashboard under gunicorn.
#   docker build -t checker .                       (--build-arg BASE_IMAGE=... for another base)
#   docker run -p 8000:8000 -v checker-data:/data -e CHECKER_LOAD_SEEDS=1 checker
# The API token is printed on start (and kept in /data/api-token unless CHECKER_API_TOKEN is set).
# Two stages: wheels are built from the lock file (hashes checked) and the project's own wheel;
# the runtime installs exactly those, once, non-editable, and keeps no compiler or cache.
# The base image is pinned by digest (python:3.11-slim); pass another with --build-arg.
ARG BASE_IMAGE=python:3.11-slim@sha256:9c900dea9e8fb7e16277c179b555cc72d29a352dbc33cff48ad5a0412fd5bfc7

FROM ${BASE_IMAGE} AS wheels

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src

# Dependencies first, so a code change does not rebuild them.
COPY requirements.lock ./
RUN pip wheel --require-hashes --wheel-dir /wheels -r requirements.lock

COPY pyproject.toml ./
COPY checker ./checker
COPY rules ./rules
COPY migrations ./migrations
RUN pip wheel --no-deps --wheel-dir /wheels .

FROM ${BASE_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CHECKER_DATA_DIR=/data \
    CHECKER_BIND=0.0.0.0:8000 \
    CHECKER_WORKERS=2 \
    CHECKER_LOAD_SEEDS=0 \
    CHECKER_SEEDS_DIR=/app/seeds

WORKDIR /app

RUN groupadd --system --gid 10001 checker \
    && useradd --system --uid 10001 --gid checker --home-dir /app --shell /usr/sbin/nologin checker \
    && mkdir -p /data \
    && chown checker:checker /data

# Every wheel of the lock and the project's own, from the first stage only (no index), then a
# check that the installed set is consistent.
RUN --mount=type=bind,from=wheels,source=/wheels,target=/wheels \
    pip install --no-index --no-deps /wheels/*.whl \
    && pip check

COPY gunicorn.conf.py ./
COPY seeds ./seeds
COPY docker/entrypoint.sh ./docker/entrypoint.sh

USER 10001:10001
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health', timeout=4).status == 200 else 1)"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
