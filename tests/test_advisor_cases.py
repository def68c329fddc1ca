"""The questions a GC staffing advisor asks (``tests/advisor_cases.csv``): the number of moves, their kinds, or the
refusal and its reason, each with why and the source that says so."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from graph.mobility.analysis import analyse
from graph.mobility.resolve import modern_classification, resolve
from graph.mobility.search import NoPath, best_paths

CASES = list(csv.DictReader((Path(__file__).parent / "advisor_cases.csv").open(encoding="utf-8")))


@pytest.fixture(scope="module")
def model(g):
    return analyse(g)[1]


def _options(text: str) -> dict:
    """``acting; k=3; stated-only; path=individual; assumed-levels`` as keyword arguments of `best_paths`."""
    options: dict = {"k": 1}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, _, value = part.partition("=")
        key = name.replace("-", "_")
        options[key] = int(value) if key == "k" else value or True
    return options


def test_there_are_enough_cases_and_each_says_why():
    assert len(CASES) >= 60
    assert all(case["why"] for case in CASES) and len({case["case"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_advisor_case(model, case):
    source, target = (resolve(model.nodes, modern_classification(case[end])) for end in ("from", "to"))
    options = _options(case["options"])
    if case["moves"] == "none":
        with pytest.raises(NoPath, match=re.escape(case["refusal"])):
            best_paths(model, source, target, **options)
        return
    paths = best_paths(model, source, target, **options)
    best = paths[0]
    if case["moves"]:
        assert len(best.steps) == int(case["moves"]), [model.label(n) for n in best.nodes]
    if case["kinds"]:
        assert [s.kind for s in best.steps] == case["kinds"].split(";")
    for path in paths:  # no acting appointment but the last move, in any answer
        assert "acting appointment" not in [s.kind for s in path.steps[:-1]]
    if case["not_through"]:
        assert not [n for n in best.nodes if case["not_through"] in model.label(n)], [model.label(n) for n in best.nodes]
