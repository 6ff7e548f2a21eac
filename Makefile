# The README's commands. Each target installs what it needs first.
# The interpreter the venv is made from: the distribution's own Python 3.11+ where it
# has one (Debian's links libpython statically, so its calls inside the interpreter
# skip the PLT; the extractor runs 11% fewer instructions on it than on a pyenv build
# with --enable-shared: bench/extract_instructions.py), else the first python3 on PATH.
PYTHON ?= $(shell for p in /usr/bin/python3 python3; do \
	$$p -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DATABASE_URL ?= sqlite:///instance/claims.db
HOST ?= 127.0.0.1
PORT ?= 5000
# Debian's Chromium where present; otherwise `make test` fetches Playwright's own.
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || command -v google-chrome)
PYTEST_ARGS ?=

.PHONY: install demo test lint serve clean bench bench-extract screenshots

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" && $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "claims_app needs Python 3.11 or newer with venv (set PYTHON=python3.x)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/claims init-secret
	DATABASE_URL=$(DEMO_DATABASE_URL) $(BIN)/claims db upgrade
	DATABASE_URL=$(DEMO_DATABASE_URL) $(BIN)/claims ingest fixtures/pages
	DATABASE_URL=$(DEMO_DATABASE_URL) $(BIN)/claims users demo
	DATABASE_URL=$(DEMO_DATABASE_URL) $(BIN)/claims worker --workers 2 --processes & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DATABASE_URL=$(DEMO_DATABASE_URL) $(BIN)/claims serve --host $(HOST) --port $(PORT)

test: install
ifeq ($(strip $(CHROMIUM)),)
	$(BIN)/python -m playwright install chromium
endif
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python -m pytest $(PYTEST_ARGS)

# The README's pictures of the desk, remade from the demo pages.
screenshots: install
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python scripts/screenshots.py

lint: install
	$(BIN)/ruff check claims_app tests migrations bench scripts
	$(BIN)/ruff format --check claims_app tests migrations bench scripts
	$(BIN)/python scripts/audit_deps.py

# Scale: SQLite at 100,000 claims, always; with BENCH_DATABASE_URL set to a
# PostgreSQL database that may be emptied, also 1,000,000 claims there and the
# 20-reviewer load test (e.g. BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench).
BENCH_CLAIMS ?= 100000
BENCH_PG_CLAIMS ?= 1000000
bench: install bench-extract
	cd bench && ../$(BIN)/python web_latency.py --claims $(BENCH_CLAIMS)
	cd bench && ../$(BIN)/python export_stream.py --claims 100000
	tmp=$$(mktemp -d) && export DATABASE_URL=sqlite:///$$tmp/ingest.db && \
	  $(BIN)/claims db upgrade >/dev/null && $(BIN)/claims demo-data --articles 2000; \
	  rm -rf $$tmp
	cd bench && ../$(BIN)/python incident_quality.py ../fixtures/incidents/heldout ../fixtures/incidents/dev
	cd bench && ../$(BIN)/python evidence_matching.py ../fixtures/evidence/pairs_*.jsonl
	cd bench && ../$(BIN)/python incidents_scale.py --claims 100000 --articles 2000
	cd bench && ../$(BIN)/python evidence_fetch.py --sources 1000 --processes --workers 2
	@if [ -n "$(BENCH_DATABASE_URL)" ]; then \
	  cd bench && ../$(BIN)/python web_latency.py --claims $(BENCH_PG_CLAIMS) --database-url "$(BENCH_DATABASE_URL)" && \
	  ../$(BIN)/python load_test.py --database-url "$(BENCH_DATABASE_URL)" --seconds 120 --think 1; \
	else echo "BENCH_DATABASE_URL not set: PostgreSQL at 1,000,000 claims and the load test skipped"; fi

bench-extract: install
	$(BIN)/python bench/extract_quality.py
	$(BIN)/python bench/extract_gold.py
	$(BIN)/python bench/extract_speed.py

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache dist build
