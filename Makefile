# The two commands of the README: `make run` (the main job end to end) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test bench

# A venv with the pinned packages; re-made only when the pins change.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# Start the local Neo4j, create the schema, load councils and DfE's statistics, ingest the bundled corpus (exit 3 means
# some files were rejected, each listed with its reason), show what the graph holds, and serve the
# API on http://127.0.0.1:8000 until interrupted.
run: setup
	$(BIN)/evidence db start
	$(BIN)/evidence db init
	$(BIN)/evidence councils load
	$(BIN)/evidence stats load
	$(BIN)/evidence ingest || [ $$? -eq 3 ]
	$(BIN)/evidence db status
	$(BIN)/evidence serve

# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

test: setup $(CHROMIUM)
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/ingest.py
