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

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## build: build every output into outputs/ (the main job; no server needed)
build: $(STAMP)
	$(BIN)/careers build

## test: install the test dependencies, then run every test and the linter
test: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

## bench: time the build (median of several runs)
bench: $(STAMP)
	$(BIN)/python scripts/bench_build.py

clean:
	rm -rf $(VENV) outputs/*.ttl outputs/*.nt outputs/*.jsonld
