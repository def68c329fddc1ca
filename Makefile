# The two commands of the README. Both create .venv and install what they need; nothing else is assumed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: build test lint bench clean system-packages

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

# Debian packages the tests and benchmarks run (we run as root; one `apt-get update`, only when something is missing):
# Chromium for the browser tests (Playwright's own browser download cannot work offline), Virtuoso Open
# Source for publishing to a password-protected store, wrk for the endpoint load test, Node for the explorer's
# script tested against Python, Java for the OWL reasoner (HermiT) the ontology tests run.
APT_PACKAGES ?= chromium virtuoso-opensource nodejs openjdk-17-jre-headless
system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; fi

## test: install the test dependencies, Chromium and Virtuoso, then run the linter, the type checker (strict on graph/) and every test (browser and server tests included)
test: $(TEST_STAMP) bytecode system-packages
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist loadfile

## bench: the benchmarks (build, mobility, SPARQL, endpoint under load, career-map load, observed careers); each prints medians
bench: $(TEST_STAMP) bytecode
	$(MAKE) system-packages APT_PACKAGES="chromium wrk"
	$(BIN)/python scripts/bench_build.py
	$(BIN)/python scripts/bench_mobility.py
	$(BIN)/python scripts/bench_sparql.py
	$(BIN)/python scripts/bench_serve.py
	$(BIN)/python scripts/bench_html.py
	$(BIN)/python scripts/bench_observe.py

clean:
	rm -rf $(VENV) outputs/*.ttl outputs/*.nt outputs/*.jsonld outputs/reports outputs/html test-artifacts
