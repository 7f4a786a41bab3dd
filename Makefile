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

# Start the local Neo4j, create the schema, load councils, and serve the API and pages on
# http://127.0.0.1:8000 until interrupted, while DfE's statistics are loaded and the bundled corpus
# is ingested in the background (their progress lines in the same output; /health, `evidence db
# status` and a banner on every page say what is loaded so far).
run: setup
	$(BIN)/evidence db start
	$(BIN)/evidence db init
	$(BIN)/evidence councils load
	$(BIN)/evidence serve --ingest

# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

# axe-core, the accessibility engine the browser tests inject into every page, pinned by its npm lock file.
AXE := tests/a11y/node_modules/axe-core/axe.min.js

$(AXE): tests/a11y/package.json tests/a11y/package-lock.json
	npm ci --prefix tests/a11y --no-audit --no-fund --silent
	touch $(AXE)

test: setup $(CHROMIUM) $(AXE)
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/ingest.py
