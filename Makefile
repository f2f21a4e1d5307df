# Two commands: `make run` and `make test`. Both build .venv on first use and reuse it afterwards.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PREFECT_HOME := $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 90

.PHONY: run test lint bench setup clean server serve

setup: $(STAMP)

# The rule modules are compiled with mypyc in place (setup.py), so any change to zhetl's sources rebuilds them
# (about three minutes); ZHETL_PURE_PYTHON=1 make … installs without compiling.
$(STAMP): pyproject.toml constraints.txt setup.py $(wildcard zhetl/*.py)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	rm -rf zhetl/*.so *__mypyc*.so build .mypy_cache  # (mypyc's incremental cache can fail a rebuild)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	# Prefect's database (in the project-local PREFECT_HOME) is created once here, not by a run's server (~9 s).
	$(BIN)/python -m flows.server
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/zhetl run --input data/raw --output data/processed

test: $(STAMP)
	$(BIN)/ruff check zhetl flows tasks tests bench setup.py
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

# A real Prefect server on loopback (schedules need one); then: export PREFECT_API_URL=http://127.0.0.1:4200/api
server: $(STAMP)
	$(BIN)/prefect server start --host 127.0.0.1 --port 4200

serve: $(STAMP)
	PREFECT_API_URL=$${PREFECT_API_URL:-http://127.0.0.1:4200/api} $(BIN)/zhetl serve --cron "0 2 * * *" --timezone Asia/Shanghai

clean:
	rm -rf $(VENV) .prefect build .mypy_cache zhetl/*.so *__mypyc*.so data/processed/*/ data/processed/*.duckdb data/processed/_*
