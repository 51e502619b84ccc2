# Two set-up commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= demo.duckdb

.PHONY: demo test install dev accuracy bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[plot,export]'
	touch $@

$(VENV)/.dev-installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

demo: install
	rm -f $(DB)
	$(BIN)/eventwire code examples/ --table --db $(DB)
	$(BIN)/eventwire dyads --db $(DB) --by month
	$(BIN)/eventwire plot network --db $(DB) -o docs/demo-network.png

test: dev
	$(BIN)/python -m pytest -q

accuracy: dev
	$(BIN)/python -m pytest -q -m accuracy

bench: dev
	$(BIN)/python -m pytest -q -m bench

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info $(DB)
