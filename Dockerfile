# The checker's service image: the REST API and the reviewers' dashboard under gunicorn.
#   docker build -t checker .                       (--build-arg BASE_IMAGE=... for another base)
#   docker run -p 8000:8000 -v checker-data:/data -e CHECKER_LOAD_SEEDS=1 checker
# The API token is printed on start (and kept in /data/api-token unless CHECKER_API_TOKEN is set).
ARG BASE_IMAGE=python:3.11-slim
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

# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml ./
COPY checker/__init__.py checker/__init__.py
RUN pip install --no-cache-dir -e . \
    && pip install --no-cache-dir "sqlalchemy>=2.0" "alembic>=1.13" "flask-smorest>=0.44" \
        "gunicorn>=22" "psycopg[binary]>=3.1"

COPY alembic.ini gunicorn.conf.py ./
COPY migrations ./migrations
COPY rules ./rules
COPY seeds ./seeds
COPY checker ./checker
COPY docker/entrypoint.sh ./docker/entrypoint.sh

USER 10001:10001
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health', timeout=4).status == 200 else 1)"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
