"""One rule engine for skills first: the explorer's ``static/reach.js`` ranks positions for a person's skills and finds the
skill that opens most doors exactly as `graph.mobility.reach` does, on generated profiles (under Node: the fast tier)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest

from graph.mobility.analysis import analyse
from graph.mobility.reach import opening_skill, profile_of, reach
from graph.viz.explorer import explorer_data
from graph.viz.page import STATIC

NODE = shutil.which("node") or shutil.which("nodejs")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed (`make test` installs Debian's nodejs)")

_RUNNER = """
const { careersReach } = require(process.argv[2]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const { reach, openingSkill, pyRound } = careersReach(input.data);
const ids = input.data.skillIds, index = new Map(ids.map((id, i) => [id, i]));
const answers = input.people.map(([skills, level, within]) => {
  const person = new Map(skills.map(([id, lvl]) => [index.get(id), lvl]));
  const found = reach(person, level).map((r) => [r.position, r.kind, r.rule, r.cost, r.gap.map(([s, need, have]) => [ids[s], have, need])]);
  const best = within ? openingSkill(person, level, within) : null;
  return { found, opening: best && [ids[best.skill], best.level, best.before, best.after, best.positions] };
});
const rounded = input.rounding.map(([x, n]) => pyRound(x, n));
process.stdout.write(JSON.stringify({ answers, rounded }));
"""


@pytest.fixture(scope="module")
def analysed(g):
    return analyse(g)


def _people(facts, model, *, seed: int, count: int) -> list[tuple[dict[str, int | None], str | None]]:
    """Profiles that differ: a position's or a template's profile, a few random official skills, a position's profile
    with a skill more or less; each at no level, its own level, or a random level."""
    rng = random.Random(seed)
    skills, levels = sorted(facts.skills), sorted(facts.levels)
    positions = sorted(p for p in model.profiles if p in facts.positions)
    templates = sorted(facts.templates)
    people = []
    for i in range(count):
        shape = i % 4
        if shape == 0:
            position = rng.choice(positions)
            person, level = profile_of(facts, model, position), model.nodes[position].level_id
        elif shape == 1:
            template = rng.choice(templates)
            person, level = profile_of(facts, model, template), facts.templates[template].level
        elif shape == 2:
            person, level = {s: rng.randint(1, 4) for s in rng.sample(skills, rng.randint(1, 12))}, None
        else:
            person = dict(profile_of(facts, model, rng.choice(positions)))
            person.pop(rng.choice(sorted(person)), None)
            person[rng.choice(skills)] = rng.randint(1, 4)
            level = None
        if rng.random() < 0.3:
            level = rng.choice([None, *levels])
        people.append((person, level))
    return people


def test_the_page_ranks_every_generated_profile_as_careers_reach_does(analysed, tmp_path) -> None:
    facts, model = analysed
    data = explorer_data(facts, model, "fr", {})
    people = _people(facts, model, seed=19, count=200)
    rounding = [[x / 20000, 4] for x in range(0, 40001, 625)] + [[0.125, 2], [0.375, 2], [2.675, 2], [1.00005, 4], [0.30000000000000004, 4]]
    runner = tmp_path / "runner.js"
    runner.write_text(_RUNNER, encoding="utf-8")
    asked = [[sorted(p.items()), level, (2.0, 3.0)[i % 2] if i % 4 == 2 or i < 40 else None] for i, (p, level) in enumerate(people)]
    done = subprocess.run(
        [NODE, str(runner), str(STATIC / "reach.js")],
        input=json.dumps({"data": data, "people": asked, "rounding": rounding}),
        capture_output=True,
        text=True,
        check=True,
    )
    out = json.loads(done.stdout)
    assert out["rounded"] == [round(x, n) for x, n in rounding]
    compared = openings = 0
    for (person, level), (_, _, within), answer in zip(people, asked, out["answers"], strict=True):
        expected = [
            [r.position, r.kind, r.rule, r.cost, [[g.skill, g.have, g.need] for g in r.gap]]
            for r in reach(facts, model, person, level=level)
        ]
        assert answer["found"] == expected, (person, level)
        compared += len(expected)
        if within:
            best = opening_skill(facts, model, person, level=level, within=within)
            expected_opening = best and [best.skill, best.level, best.before, best.after, list(best.positions)]
            assert answer["opening"] == expected_opening, (person, level)
            openings += best is not None
    assert compared > 5_000  # the profiles reach many positions
    assert openings > 10  # and many have a skill that opens doors
