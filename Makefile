VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup lock run extract test peer bench eval clean

# The dependencies come from the lock files, pinned with their hashes (requirements.lock: the
# application's, also the Docker image's; requirements-dev.lock: those plus the tests'); the
# project itself goes in editable, without dependencies of its own choosing.
$(STAMP): pyproject.toml requirements-dev.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements-dev.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# After changing pyproject.toml's dependencies: pin them again, for every platform, with hashes.
UV_VERSION := 0.13.8
LOCK_FLAGS := --generate-hashes --universal --python-version 3.11 -q
lock:
	test -x $(VENV)/bin/uv || $(PY) -m pip install -q uv==$(UV_VERSION)
	$(VENV)/bin/uv pip compile pyproject.toml $(LOCK_FLAGS) -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml $(LOCK_FLAGS) --extra test -c requirements.lock -o requirements-dev.lock

# The main job: the seeds' claims and contradictions, then the API and dashboard on localhost
# over the embedded SQLite store (in CHECKER_DATA_DIR, default .run/), with the seeds loaded;
# prints the address and token. It listens at CHECKER_BIND when that is set, else at the first
# free port from 8000; it installs the application alone (`make setup` adds the tests' tools).
RUN_STAMP := $(VENV)/.installed-run
CHECKER_DATA_DIR ?= .run
FREE_PORT := import socket; print(next(p for p in range(8000, 8100) if socket.socket().connect_ex(("127.0.0.1", p))))

$(RUN_STAMP): pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $(RUN_STAMP)

run: $(if $(wildcard $(STAMP)),$(STAMP),$(RUN_STAMP))
	$(VENV)/bin/checker scan seeds/ --format markdown --fail-on never
	bind="$${CHECKER_BIND:-127.0.0.1:$$($(PY) -c '$(FREE_PORT)')}" && \
	CHECKER_PYTHON=$(abspath $(PY)) CHECKER_DATA_DIR=$(CHECKER_DATA_DIR) CHECKER_BIND="$$bind" \
	CHECKER_LOAD_SEEDS=1 CHECKER_WORKERS=2 PATH="$(abspath $(VENV))/bin:$$PATH" docker/entrypoint.sh

extract: $(STAMP)
	$(VENV)/bin/checker extract seeds/*.txt

test: $(STAMP)
	$(PY) -m pytest

peer: $(STAMP)
	$(PY) -m bench.peer

bench: $(STAMP)
	$(PY) -m bench.run
	$(PY) -m bench.dashboard_load --articles 10000 --rounds 20 --merge-into bench/results.json
	$(PY) -m bench.soak  # 10 minutes (BENCH_SOAK_SECONDS): soak_rss_growth_mb, merged into bench/results.json

eval: $(STAMP)
	$(PY) -m bench.eval --json bench/eval.json

clean:
	rm -rf $(VENV) .run bench/results.json bench/peer.json bench/eval.json
