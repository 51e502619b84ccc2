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
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

demo: install
	$(BIN)/eventwire code examples/ --table

test: dev
	$(BIN)/python -m pytest -q

accuracy: dev
	$(BIN)/python -m pytest -q -m accuracy

bench: dev
	$(BIN)/python -m pytest -q -m bench

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info $(DB)
