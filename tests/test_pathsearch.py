"""One rule engine: the explorer's path search (``static/pathsearch.js``) walks the moves and costs Python computed, and
gives `best_paths`'s answers, ties, printed costs and skills along the path (`along_path`) on generated questions
(under Node, no browser: the fast tier)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest

from graph.derive import derive
from graph.load import load
from graph.mobility.analysis import analyse
from graph.mobility.costs import format_cost
from graph.mobility.gap import along_path
from graph.mobility.search import NoPath, best_paths
from graph.viz.explorer import explorer_data
from graph.viz.page import STATIC

NODE = shutil.which("node") or shutil.which("nodejs")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed (`make test` installs Debian's nodejs)")

_RUNNER = """
const { careersPathSearch } = require(process.argv[2]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const { bestPaths, alongPath, formatCost } = careersPathSearch(input.data);
const name = (i) => input.data.skills[i];
const answers = input.questions.map(([a, b, o]) => bestPaths(a, b, o).map((p) => ({
  nodes: p.nodes, kinds: p.steps.map((s) => s.kind), costs: p.steps.map((s) => s.cost), cost: p.cost,
  printed: [formatCost(p.cost), ...p.steps.map((s) => formatCost(s.cost))],
  along: alongPath(p).map(({ gain, deepen, earlier }) => ({
    gain: gain.map(([k, r]) => [name(k), r]), deepen: deepen.map(([k, h, r]) => [name(k), h, r]), earlier: earlier.map(name),
  })),
})));
process.stdout.write(JSON.stringify(answers));
"""


@pytest.fixture(scope="module")
def analysed(g):
    return analyse(g)


def _ask_node(tmp_path, data: dict, questions: list) -> list:
    runner = tmp_path / "runner.js"
    runner.write_text(_RUNNER, encoding="utf-8")
    done = subprocess.run(
        [NODE, str(runner), str(STATIC / "pathsearch.js")],
        input=json.dumps({"data": data, "questions": questions}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def _questions(facts, model, *, seed: int, count: int) -> list:
    """Random pairs of states, with every option the page has; a third start at a stated IT position, a third go up."""
    rng = random.Random(seed)
    states = sorted(model.nodes)
    streams = sorted(facts.streams)
    choices = [{}, {"path": "management"}, {"path": "individual"}, {"statedOnly": True}, {"k": 5}, {"assumedLevels": True}, {"k": 1}]
    questions = []
    for i in range(count):
        a, b = rng.sample(states, 2)
        if i % 3 == 1:  # an upward question, which usually has answers
            ranked = [s for s in states if (model.nodes[s].rank or 0) > (model.nodes[a].rank or 0)]
            b = rng.choice(ranked) if ranked else b
        options = dict(rng.choice(choices))
        if rng.random() < 0.2:
            options["avoidStream"] = rng.choice(streams)
        questions.append([a, b, options])
    return questions


def library_answer(facts, model, source: str, target: str, options: dict) -> list:
    """`best_paths`'s answer to a question of the page (its options as the page names them), as the page gives it."""
    avoid = {p for p, d in facts.positions.items() if d.stream == options.get("avoidStream")}
    try:
        paths = best_paths(
            model,
            source,
            target,
            k=options.get("k", 3),
            path=options.get("path"),
            stated_only=bool(options.get("statedOnly")),
            assumed_levels=bool(options.get("assumedLevels")),
            avoid=avoid,
        )
    except NoPath:
        return []
    return [
        {
            "nodes": list(p.nodes),
            "kinds": [s.kind for s in p.steps],
            "costs": [s.cost for s in p.steps],
            "cost": p.cost,
            "printed": [format_cost(p.cost), *(format_cost(s.cost) for s in p.steps)],
            "along": [_seen(facts, rest, earlier) for rest, earlier in along_path(model.profiles, p.nodes, [s.gap for s in p.steps])],
        }
        for p in paths
    ]


def _seen(facts, rest, earlier) -> dict:
    """A step's gap less what earlier steps gave, as the page's ``alongPath`` gives it (skills by name)."""
    name = facts.skill_label
    return {
        "gain": [[name(g.skill), g.required] for g in rest if g.missing],
        "deepen": [[name(g.skill), g.held, g.required] for g in rest if not g.missing],
        "earlier": [name(skill) for skill in earlier],
    }


def _compare(facts, model, tmp_path, *, seed: int, count: int) -> tuple[int, int]:
    """Ask ``count`` generated questions of the page's search and of the library; assert equal answers.

    Returns how many had paths, and how many printed costs were a half at the third decimal (1.125: the case
    where Python's ``round`` and JavaScript's ``toFixed`` differ, so both print through `format_cost`'s rule).
    """
    questions = _questions(facts, model, seed=seed, count=count)
    answers = _ask_node(tmp_path, explorer_data(facts, model, "en", {}), questions)
    found = halves = carried = 0
    for (source, target, options), answer in zip(questions, answers, strict=True):
        assert answer == library_answer(facts, model, source, target, options), (source, target, options)
        found += bool(answer)
        halves += sum(round(c * 1000) % 10 == 5 for p in answer for c in (p["cost"], *p["costs"]))
        carried += sum(bool(step["earlier"]) for p in answer for step in p["along"])
    return found, halves, carried


def test_the_page_search_equals_the_library_on_1200_generated_questions(analysed, tmp_path):
    facts, model = analysed
    found, halves, carried = _compare(facts, model, tmp_path, seed=16, count=1200)
    assert found >= 500 and halves >= 20  # most upward questions have answers; ties at the rounding digit are met
    assert carried >= 50  # steps whose skills an earlier step already gave (Team Leadership again at EX-01, for one)


def test_the_page_search_equals_the_library_on_foreign_data_with_many_streams(tmp_path):
    """40 synthetic streams in another namespace (about 230 positions): the compact buckets expand to the same search."""
    import sys

    from browser_helpers import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_scale import synthetic

    extra = tmp_path / "synthetic.ttl"
    extra.write_text(synthetic(40), encoding="utf-8")
    facts, model = analyse(derive(load([extra]).g))
    found, _, _ = _compare(facts, model, tmp_path, seed=5, count=300)
    assert found >= 100


def test_costs_print_with_halves_up():
    assert [format_cost(c) for c in (1.125, 2.375, 4.38, 0.005, 2.0)] == ["1.13", "2.38", "4.38", "0.01", "2.00"]
