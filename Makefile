# Two commands for a fresh clone: `make run` (set up and serve the demo) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WEB_CONCURRENCY ?= 3
RUNTIME_LOCK := requirements/runtime.lock
DEV_LOCK := requirements/dev.lock
RUNTIME_INSTALLED := $(VENV)/.installed-runtime
DEV_INSTALLED := $(VENV)/.installed-dev
PIP := $(PY) -m pip --disable-pip-version-check
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/jobboard

.PHONY: help check-python install install-runtime run worker serve bench scale-out-check test test-postgres test-browser lint format migrations-check ci lock clean

help:
	@echo "make run     set up, load the demo content and serve http://127.0.0.1:$(PORT)"
	@echo "make test    run the test suite (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make serve   the production server: gunicorn, DEBUG off, WhiteNoise"
	@echo "make worker  the background worker (e-mail, alerts, expiry, salary figures)"
	@echo "make bench   load make serve page by page on PostgreSQL and compare with Django's floor"
	@echo "make ci      lint, migrations check, tests on SQLite and PostgreSQL"
	@echo "make scale-out-check  two app servers (one reading a replica alias) share sessions, cache, limits; CDN headers"

# Empty when $(PYTHON) will do, else the one line to stop with. Expanded only by the recipes
# that use it, so `make help` or an existing .venv never asks.
PYTHON_TOO_OLD = $(shell $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || echo "Python 3.12 or newer is needed (3.13 recommended, see .python-version); '$(PYTHON)' is $$($(PYTHON) --version 2>/dev/null || echo not installed). Install it, or point make at it: make PYTHON=/path/to/python3.13 <target>")
CHECK_PYTHON = $(if $(PYTHON_TOO_OLD),$(error $(PYTHON_TOO_OLD)))

check-python:
	@: $(CHECK_PYTHON)

$(VENV)/pyvenv.cfg:
	@: $(CHECK_PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Production needs only the runtime lock; development adds dev.lock (which includes it). Each
# stamp is older than its lock after an edit or `make lock`, and that set is installed again.
$(RUNTIME_INSTALLED): $(RUNTIME_LOCK) | $(VENV)/pyvenv.cfg
	$(PIP) install --quiet -r $(RUNTIME_LOCK)
	@touch $@

$(DEV_INSTALLED): $(DEV_LOCK) $(RUNTIME_INSTALLED)
	$(PIP) install --quiet -r $(DEV_LOCK)
	@touch $@

# What a production server runs.
install-runtime: $(RUNTIME_INSTALLED)

# That plus the tests, linters and type checkers.
install: $(DEV_INSTALLED)

# The development server and the background worker side by side (e-mail is printed here, with
# links to this port); Ctrl-C stops both, and the worker stops when the server does.
run: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	@echo "Serving http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/), worker beside it"
	@trap 'trap - EXIT INT TERM; kill 0 2>/dev/null' EXIT INT TERM; \
	  export DEBUG=1 SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}"; \
	  $(PY) manage.py worker & \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The background worker alone, for production (one or more beside `make serve`; see Procfile):
# queued e-mail and the periodic jobs (expiry, salary figures, alert digests).
worker: install-runtime
	DEBUG=0 $(PY) manage.py worker --no-reload

# Production server. Set SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL in the environment;
# without SECRET_KEY a random one is made for this run (sessions end when it stops).
serve: install-runtime
	@export DEBUG=0 ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	  SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}"; \
	  set -e; \
	  $(PY) manage.py collectstatic --noinput --verbosity 0; \
	  $(PY) manage.py migrate --noinput; \
	  echo "Serving http://127.0.0.1:$(PORT)/ with gunicorn ($(WEB_CONCURRENCY) workers, DEBUG off)"; \
	  exec $(VENV)/bin/gunicorn config.wsgi --config config/gunicorn.py --bind 127.0.0.1:$(PORT) \
	    --workers $(WEB_CONCURRENCY) --access-logfile -

# Two app servers (ports 8201 and 8202) on one PostgreSQL database (jobboard_scaleout, reset) and
# one Redis database (4, emptied): sessions, cache invalidation and throttles hold across them; B
# reads anonymous pages through a replica alias (the same database here); CDN headers on both.
scale-out-check: install-runtime
	$(PY) scripts/scale_out_check.py

# Benchmark: builds (or reuses) the bench data set in BENCH_DATABASE_URL, starts `make serve` on
# BENCH_PORT and loads it with wrk; BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_THREADS,
# WEB_CONCURRENCY and BENCH_ALLOW_MISS=1 are read from the environment or the make command line
# (e.g. make bench BENCH_CONNECTIONS=64 BENCH_SECONDS=60). See docs/performance.md.
bench: install-runtime
	$(PY) scripts/bench.py

# Tests run with DEBUG off, as production does; they need a key, not a real secret.
TEST_ENV := SECRET_KEY=$${SECRET_KEY:-test-only-secret-key}
# One test process per core (pytest-xdist), each with its own test database. `--dist load` hands
# out tests in pytest-django's order, so each process runs its transactional tests (which empty
# the database, the migrations' groups included) after all the others; grouping by file
# (loadfile, loadscope) reorders them and breaks that. TEST_WORKERS=0: all in this process.
TEST_WORKERS ?= auto
PYTEST := $(TEST_ENV) $(PY) -m pytest -n $(TEST_WORKERS) --dist load

test: install
	$(PYTEST)

test-postgres: install
	DATABASE_URL=$(PG_TEST_URL) $(PYTEST)

# Only the browser tests (Debian's chromium; part of `make test` too). REQUIRE_BROWSER=1 makes a
# missing browser fail them instead of skipping; screenshots go to BROWSER_ARTIFACTS.
test-browser: install
	$(PYTEST) -m browser tests/browser

# mypy (settings in pyproject.toml) loads the Django settings, which need a key but no database.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	SECRET_KEY=lint $(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install-runtime
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

ci: lint migrations-check test test-postgres

# Re-pin both locks from the ranges in pyproject.toml: runtime.lock from `dependencies`, then
# dev.lock from the dev extras resolved on top of those exact runtime versions (so the two never
# disagree); dev.lock includes runtime.lock and lists only what development adds.
LOCK_VENV := .lock-venv
LOCK_PIP := $(LOCK_VENV)/bin/python -m pip --disable-pip-version-check
LOCK_HEADER := \# Exact versions for reproducible installs; regenerate with 'make lock'.
lock:
	@: $(CHECK_PYTHON)
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_PIP) install --quiet --upgrade pip
	$(LOCK_VENV)/bin/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; open("$(LOCK_VENV)/runtime.in", "w").write("\n".join(p["dependencies"]) + "\n"); open("$(LOCK_VENV)/dev.in", "w").write("\n".join(p["optional-dependencies"]["dev"]) + "\n")'
	$(LOCK_PIP) install --quiet -r $(LOCK_VENV)/runtime.in
	$(LOCK_PIP) freeze --exclude pip > $(LOCK_VENV)/runtime.txt
	$(LOCK_PIP) install --quiet -r $(LOCK_VENV)/dev.in -c $(LOCK_VENV)/runtime.txt
	$(LOCK_PIP) freeze --exclude pip | grep -vxF -f $(LOCK_VENV)/runtime.txt > $(LOCK_VENV)/dev.txt
	mkdir -p requirements
	{ echo "$(LOCK_HEADER)"; echo "# What production runs: pyproject.toml's dependencies."; \
	  cat $(LOCK_VENV)/runtime.txt; } > $(RUNTIME_LOCK)
	{ echo "$(LOCK_HEADER)"; echo "# Development: the runtime set plus pyproject.toml's dev extras."; \
	  echo "-r runtime.lock"; cat $(LOCK_VENV)/dev.txt; } > $(DEV_LOCK)
	rm -rf $(LOCK_VENV)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache
