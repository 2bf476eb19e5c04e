VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup run test peer bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/checker extract seeds/*.txt

test: $(STAMP)
	$(PY) -m pytest

peer: $(STAMP)
	$(PY) -m bench.peer

bench: $(STAMP)
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) bench/results.json bench/peer.json
