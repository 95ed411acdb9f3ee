# Two commands: `make run` (build the warehouse from the shipped sample) and `make test`.
# Each creates .venv and installs what it needs on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha256sum | cut -c1-12)
SAMPLE := data/sample/pdfs
export FISCAL_WAREHOUSE ?= $(CURDIR)/data/warehouse.duckdb

.PHONY: run test test-all bench dashboard dagster clean venv sample system-packages

venv: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

# System packages for the browser end-to-end test and the font-independence test: Debian's chromium
# and a CJK font. --reinstall: a font package recorded as installed whose files are gone (deleted, or a
# font folder hidden) is put back, not skipped.
system-packages:
	@SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	if ! command -v chromium >/dev/null 2>&1; then \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium || exit 1; \
	fi; \
	if ! fc-list 2>/dev/null | grep -qi "wenquanyi zen hei"; then \
	  { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --reinstall fonts-wqy-zenhei; } || exit 1; \
	  fc-list | grep -qi "wenquanyi zen hei" || { echo "system-packages: fonts-wqy-zenhei installed but fc-list does not list it"; exit 1; }; \
	fi

sample: venv
	$(BIN)/fiscal generate --out $(SAMPLE)

run: sample
	$(BIN)/fiscal ingest $(SAMPLE)
	$(BIN)/fiscal status
	@echo; echo "== facts per department, year and kind (current documents)"
	$(BIN)/fiscal query "SELECT department, fiscal_year, doc_kind, count(*) AS facts FROM v_fact GROUP BY ALL ORDER BY ALL"
	@echo; echo "== rule outcomes on the sample (fiscal rules: the catalogue; fiscal check: re-run)"
	$(BIN)/fiscal query "SELECT outcome, count(*) AS results FROM v_check_latest GROUP BY ALL ORDER BY 2 DESC"
	@echo; echo "== which accounts of 示范市应急管理局 changed most from 2023 to 2024 (决算, 一般公共预算财政拨款支出)"
	$(BIN)/fiscal query "SELECT account_code, account_name, prior_amount_wan, amount_wan, change_wan, change_pct FROM mart_yoy WHERE department = '示范市应急管理局' AND fiscal_year = 2024 AND doc_kind = 'final' AND table_id = 'FIN_05' AND measure = 'total' AND comparison = 'both' ORDER BY abs_change_wan DESC LIMIT 5"
	@echo; echo "warehouse: $(FISCAL_WAREHOUSE)  —  next: .venv/bin/fiscal dashboard  |  .venv/bin/fiscal export --out data/exports"

test: venv system-packages
	$(BIN)/python -m pytest -q -m "not slow"

test-all: venv system-packages
	$(BIN)/python -m pytest -q

dagster: venv
	$(BIN)/fiscal dagster

bench: venv
	$(BIN)/fiscal bench

clean:
	rm -rf data/warehouse*.duckdb* data/staging data/quarantine $(SAMPLE)
