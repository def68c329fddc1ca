# The two commands of the README. Both create .venv and install what they need; nothing else is assumed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: build test lint bench clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# constraints.txt pins the exact versions tested (the linter and the browser driver included).
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

# Compile the package once: where PYTHONDONTWRITEBYTECODE is set, every cold command would recompile it.
.PHONY: bytecode
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q graph

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

## build: build every output into outputs/ (the main job; no server needed)
build: $(STAMP) bytecode
	$(BIN)/careers build

# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline); we run as root.
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

## test: install the test dependencies and Chromium, then run every test (browser and server tests included) and the linter
test: $(TEST_STAMP) bytecode chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n auto --dist loadfile

## bench: the benchmarks (build, mobility, SPARQL, career-map load); each prints medians
bench: $(STAMP) bytecode
	$(BIN)/python scripts/bench_build.py
	$(BIN)/python scripts/bench_mobility.py
	$(BIN)/python scripts/bench_sparql.py
	$(BIN)/python scripts/bench_html.py

clean:
	rm -rf $(VENV) outputs/*.ttl outputs/*.nt outputs/*.jsonld outputs/reports outputs/html test-artifacts
