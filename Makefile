VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run extract test peer bench eval clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# The main job: the seeds' claims and contradictions, then the API and dashboard on localhost
# over the embedded SQLite store (in .run/), with the seeds loaded; prints the address and token.
run: $(STAMP)
	$(VENV)/bin/checker scan seeds/ --format markdown --fail-on never
	CHECKER_PYTHON=$(abspath $(PY)) CHECKER_DATA_DIR=.run CHECKER_BIND=127.0.0.1:8000 \
	CHECKER_LOAD_SEEDS=1 CHECKER_WORKERS=2 PATH="$(abspath $(VENV))/bin:$$PATH" docker/entrypoint.sh

extract: $(STAMP)
	$(VENV)/bin/checker extract seeds/*.txt

test: $(STAMP)
	$(PY) -m pytest

peer: $(STAMP)
	$(PY) -m bench.peer

bench: $(STAMP)
	$(PY) -m bench.run
	$(PY) -m checker.dashboard.loadtest --articles 10000 --rounds 20 --merge-into bench/results.json

eval: $(STAMP)
	$(PY) -m bench.eval --json bench/eval.json

clean:
	rm -rf $(VENV) .run bench/results.json bench/peer.json bench/eval.json
