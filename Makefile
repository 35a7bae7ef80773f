# Two commands for a fresh clone: `make run` (set up and serve the demo) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WEB_CONCURRENCY ?= 3
INSTALLED := $(VENV)/.installed
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/jobboard

.PHONY: help check-python install run serve bench scale-out-check test test-postgres test-browser lint format migrations-check ci lock clean

help:
	@echo "make run     set up, load the demo content and serve http://127.0.0.1:$(PORT)"
	@echo "make test    run the test suite (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make serve   the production server: gunicorn, DEBUG off, WhiteNoise"
	@echo "make bench   load make serve page by page on PostgreSQL and compare with Django's floor"
	@echo "make ci      lint, migrations check, tests on SQLite and PostgreSQL"
	@echo "make scale-out-check  two app servers on one PostgreSQL and Redis share sessions, cache, limits"

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	  echo "Python 3.12 or newer is needed (3.13 recommended, see .python-version); '$(PYTHON)' is $$($(PYTHON) --version 2>/dev/null || echo not installed). Install it, or run make PYTHON=/path/to/python3.13 ..."; \
	  exit 1; }

$(INSTALLED): requirements.lock
	@$(MAKE) --no-print-directory check-python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

install: $(INSTALLED)

run: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	@echo "Serving http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production server. Set SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL in the environment;
# without SECRET_KEY a random one is made for this run (sessions end when it stops).
serve: install
	@export DEBUG=0 ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	  SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}"; \
	  set -e; \
	  $(PY) manage.py collectstatic --noinput --verbosity 0; \
	  $(PY) manage.py migrate --noinput; \
	  echo "Serving http://127.0.0.1:$(PORT)/ with gunicorn ($(WEB_CONCURRENCY) workers, DEBUG off)"; \
	  exec $(VENV)/bin/gunicorn config.wsgi --config config/gunicorn.py --bind 127.0.0.1:$(PORT) \
	    --workers $(WEB_CONCURRENCY) --access-logfile -

# Two app servers (ports 8201 and 8202) on one PostgreSQL database (jobboard_scaleout, reset) and
# one Redis database (4, emptied): sessions, cache invalidation and throttles hold across them.
scale-out-check: install
	$(PY) scripts/scale_out_check.py

# Benchmark: builds (or reuses) the bench data set in BENCH_DATABASE_URL, starts `make serve` on
# BENCH_PORT and loads it with wrk; BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_THREADS,
# WEB_CONCURRENCY and BENCH_ALLOW_MISS=1 are read from the environment or the make command line
# (e.g. make bench BENCH_CONNECTIONS=64 BENCH_SECONDS=60). See docs/performance.md.
bench: install
	$(PY) scripts/bench.py

# Tests run with DEBUG off, as production does; they need a key, not a real secret.
TEST_ENV := SECRET_KEY=$${SECRET_KEY:-test-only-secret-key}

test: install
	$(TEST_ENV) $(PY) -m pytest

test-postgres: install
	$(TEST_ENV) DATABASE_URL=$(PG_TEST_URL) $(PY) -m pytest

# Only the browser tests (Debian's chromium; part of `make test` too). REQUIRE_BROWSER=1 makes a
# missing browser fail them instead of skipping; screenshots go to BROWSER_ARTIFACTS.
test-browser: install
	$(TEST_ENV) $(PY) -m pytest -m browser tests/browser

# mypy (settings in pyproject.toml) loads the Django settings, which need a key but no database.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	SECRET_KEY=lint $(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

ci: lint migrations-check test test-postgres

# Re-pin requirements.lock from the ranges in pyproject.toml (runtime and dev).
lock:
	@$(MAKE) --no-print-directory check-python
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + p["optional-dependencies"]["dev"]))' > .lock-venv/requirements.in
	.lock-venv/bin/python -m pip install --quiet -r .lock-venv/requirements.in
	{ echo "# Exact versions for reproducible installs; regenerate with 'make lock'."; .lock-venv/bin/python -m pip freeze --exclude pip; } > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache
