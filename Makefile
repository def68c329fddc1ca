# The two commands of the README. Both create .venv and install what they need; nothing else is assumed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: build test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Compile the package once: where PYTHONDONTWRITEBYTECODE is set, every cold command would recompile it.
.PHONY: bytecode
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q graph

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## build: build every output into outputs/ (the main job; no server needed)
build: $(STAMP) bytecode
	$(BIN)/careers build

## test: install the test dependencies, then run every test and the linter
test: $(TEST_STAMP) bytecode
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

## bench: time the build (median of several runs)
bench: $(STAMP) bytecode
	$(BIN)/python scripts/bench_build.py
	$(BIN)/python scripts/bench_mobility.py
	$(BIN)/python scripts/bench_sparql.py

clean:
	rm -rf $(VENV) outputs/*.ttl outputs/*.nt outputs/*.jsonld
