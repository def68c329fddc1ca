"""Career mobility: moves made as the Government of Canada makes them, checked against the sources; exact values on small models."""

from __future__ import annotations

import json
from collections import deque
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from conftest import IT_STREAMS, fold

from graph.cli import main
from graph.mobility.analysis import analyse
from graph.mobility.communities import compare_with_official, skill_clusters
from graph.mobility.costs import DEPLOYMENT_CAP, gap_weight, left_behind, move_cost
from graph.mobility.facts import Assumption, Facts, Item, Level, PayRange, Position, Rule, StatedProgression, Stream, stream_order
from graph.mobility.gap import GapItem, gap_summary, skill_gap
from graph.mobility.gateways import betweenness, bridges, ceilings, pagerank
from graph.mobility.ladders import entry_levels, ladder_matrix, path_tops
from graph.mobility.moves import KINDS, RULE_KINDS, SETTINGS, MobilityModel
from graph.mobility.pay import current_range, pay_line
from graph.mobility.profiles import Profile
from graph.mobility.resolve import AmbiguousName, UnknownName, resolve
from graph.mobility.search import NoPath, best_paths
from graph.mobility.similarity import stream_similarity, weighted_jaccard
from graph.namespaces import GCD

IT = IT_STREAMS
THREE = {"IT Infrastructure Operations", "IT Security", "IT Software Solutions"}
SIX = set(IT) - {"IT Business Line Advisory Services", "IT Planning and Reporting"}
DB_ANALYST = "position-it-02-analyst-it-database-management"
SECURITY_DIRECTOR = "position-it-05-director-it-security"
PR_MANAGER = "position-it-04-manager-it-planning-and-reporting"


@pytest.fixture(scope="module")
def analysis(g):
    return analyse(g)


@pytest.fixture(scope="module")
def facts(analysis):
    return analysis[0]


@pytest.fixture(scope="module")
def model(analysis):
    return analysis[1]


def fewest_moves(model: MobilityModel, source: str, target: str) -> int:
    """The least number of moves from ``source`` to ``target`` over every move the model allows (breadth-first)."""
    distance, queue = {source: 0}, deque([source])
    while queue:
        node = queue.popleft()
        for move in model.moves_from(node):
            if move.target not in distance:
                distance[move.target] = distance[node] + 1
                queue.append(move.target)
    return distance[target]


# ---------------------------------------------------------------- the answers the issue asks for


def test_a_student_climbs_to_ex_01_through_it_05(model):
    assert fewest_moves(model, "entry-student", "level-ex-01") == 5
    for p in best_paths(model, "entry-student", "level-ex-01", k=5):
        assert len(p.steps) >= 5
        assert [s.kind for s in p.steps][0] == "entry" and p.steps[-1].kind == "executive appointment"
        assert model.nodes[p.nodes[-2]].rank == 5 and model.nodes[p.nodes[-2]].kind == "position"
    best = best_paths(model, "entry-student", "level-ex-01", k=1)[0]
    assert best.nodes == (
        "entry-student",
        DB_ANALYST,
        "position-it-03-team-lead-it-database-management",
        "position-it-04-manager-it-database-management",
        "position-it-05-director-it-database-management",
        "level-ex-01",
    )
    assert [s.basis for s in best.steps] == ["rule", "stated", "stated", "stated", "rule"]


def test_database_analyst_to_director_of_it_security_in_3_or_4_moves_inside_the_it_group(model):
    first, second = best_paths(model, DB_ANALYST, SECURITY_DIRECTOR, k=2)  # change field first, then climb
    assert first.nodes == (
        DB_ANALYST,
        "position-it-02-analyst-it-security",
        "position-it-03-team-lead-it-security",
        "position-it-04-manager-it-security",
        SECURITY_DIRECTOR,
    )
    assert [s.kind for s in first.steps] == [
        "appointment",
        "promotion",
        "promotion",
        "promotion",
    ]  # 7 skills to gain: beyond a deployment's cap
    assert [s.basis for s in first.steps] == ["rule", "stated", "stated", "stated"]
    assert second.nodes == (DB_ANALYST, "position-it-03-team-lead-it-security", "position-it-04-manager-it-security", SECURITY_DIRECTOR)
    assert second.steps[0].kind == "promotion" and second.steps[0].basis == "rule"  # a promotion across streams
    for p in (first, second):
        assert all(model.nodes[n].group == "group-it" for n in p.nodes)
        assert all(s.kind in ("appointment", "promotion") and s.rule == model.rules[s.kind] for s in p.steps)
    appointment = first.steps[0]
    assert {g.skill for g in appointment.gap} == {
        "skill-application-access-management",
        "skill-cybersecurity-principles",
        "skill-it-operations-security",
        "skill-it-security",
        "skill-it-security-principles-methods-and-policies",
        "skill-policy-development",
        "skill-risk-management",
    }
    assert all(g.missing and g.required == 2 for g in appointment.gap)  # to gain, at the intermediate level IT-02 templates ask
    assert first.cost < second.cost


def test_manager_planning_and_reporting_reaches_ex_01_through_an_it_05_position(model):
    assert fewest_moves(model, PR_MANAGER, "level-ex-01") == 2
    paths = best_paths(model, PR_MANAGER, "level-ex-01", k=5)
    for p in paths:
        assert model.nodes[p.nodes[-2]].level == "IT-05" and p.steps[-1].kind == "executive appointment", p.nodes
    # across at IT-04 (an appointment) and up a stated ladder is cheaper than a promotion into a new field at IT-05
    assert paths[0].nodes == (
        PR_MANAGER,
        "position-it-04-manager-it-project-portfolio-management",
        "position-it-05-director-it-project-portfolio-management",
        "level-ex-01",
    )
    assert [s.kind for s in paths[0].steps] == ["appointment", "promotion", "executive appointment"]
    assert [s.kind for s in paths[1].steps] == ["promotion", "executive appointment"]


def test_no_step_is_stated_unless_a_quote_of_the_page_states_it(model, source_text):
    page = fold(source_text)
    stated = 0
    for node in model.nodes:
        for move in model.moves_from(node, acting=True):
            assert move.basis in ("stated", "rule") and move.kind in KINDS and move.rule == model.rules[move.kind]
            if move.basis == "stated":
                stated += 1
                assert move.quotes and all(fold(q) in page for q in move.quotes), move
                assert not move.assumptions, move
    assert stated == 44  # 39 promotions up a stated ladder, 5 private-sector executive appointments


def test_no_move_skips_a_level(model):
    for node, data in model.nodes.items():
        for move in model.moves_from(node, acting=True):
            target = model.nodes[move.target]
            if move.kind == "acting appointment" and target.kind == "executive":  # acting EX-01, from the top level
                assert (data.kind, data.rank, move.target) in (
                    ("position", 5, "level-ex-01"),
                    ("executive", target.rank - 1, move.target),
                )
            elif move.kind in ("promotion", "acting appointment"):
                assert target.rank == data.rank + 1 and target.group == data.group, move
            elif move.kind in ("deployment", "appointment"):
                assert target.level_id == data.level_id, move
                assert (gap_weight(move.gap) <= DEPLOYMENT_CAP) == (move.kind == "deployment"), move
            elif move.kind == "executive appointment" and data.kind == "position":
                assert data.rank == 5 and move.target == "level-ex-01", move


def test_streams_without_stated_levels_get_a_position_at_each_it_level(facts, model):
    unstated = {p: d for p, d in facts.positions.items() if not d.level_stated}
    streams = {d.stream for d in unstated.values()}
    assert streams == {s for s, d in facts.streams.items() if d.community in ("community-idg", "community-dcoe")}
    assert len(unstated) == 5 * len(streams) == 25
    assert all(d.role is None and d.group == "group-it" for d in unstated.values())
    for p in unstated:  # every move into or out of them rests on the named assumption
        for move in model.moves_from(p):
            assert "assumption-levels-of-streams-without-levels" in move.assumptions


def test_pay_for_all_fifteen_levels(facts):
    levels = {f"level-{g}-0{r}" for g in ("it", "cs", "ex") for r in range(1, 6)}
    assert levels <= set(facts.pay)
    it5 = current_range(facts, "level-it-05")
    assert (it5.minimum, it5.maximum, it5.date, it5.note) == (133582, 174076, None, "no date in the source")
    assert pay_line(facts, "level-it-05") == (
        "IT-05 $133,582–$174,076 (GC Digital Talent; no date in the source); these apply now: the IT group's first collective "
        "agreement was signed on 2023-12-22. Before it, as the page says, CS-05 rates: $115,754–$150,842 (GC Digital Talent; no "
        "date in the source)"
    )
    dated = [r for r in facts.pay["level-ex-01"] if r.date]
    assert {(r.date, r.minimum, r.maximum) for r in dated} >= {("2021-04-01", 121550, 142982)}


def test_the_bounded_graph_grows_with_the_positions_not_their_square(model, facts):
    explicit = sum(len(moves) for moves in model._explicit.values())
    for k in (1, 3):
        G = model.graph(k=k)
        assert G.number_of_edges() <= explicit + 3 * k * len(facts.positions)  # k deployments, appointments and promotions
        assert {d["basis"] for *_, d in G.edges(data=True)} == {"stated", "rule"}
    everything = sum(len(model.moves_from(n)) for n in model.nodes)
    assert everything > 3 * model.graph(k=3).number_of_edges()


# ---------------------------------------------------------------- ladders, gateways, similarity on the shipped data


def test_roles_exist_where_the_source_says(model):
    matrix = ladder_matrix(model.nodes)
    assert list(matrix) == IT
    where = {role: {s for s, roles in matrix.items() if roles[role]} for role in next(iter(matrix.values()))}
    assert where == {
        "Technician": THREE,
        "Analyst": set(IT),
        "Team Lead": set(IT),
        "Technical Advisor": set(IT),
        "Manager": set(IT),
        "Senior Advisor": SIX,
        "Director": SIX,
    }


def test_entry_level_and_top_of_each_path(model):
    assert entry_levels(model.nodes) == {s: "IT-01" if s in THREE else "IT-02" for s in IT}
    assert model.facts.path_names() == {"path-management": "management", "path-individual-contributor": "individual-contributor"}
    tops = path_tops(model.nodes, model.facts.path_names())
    for stream in IT:
        assert tops[stream]["individual-contributor"] == ("IT-04 Senior Advisor" if stream in SIX else "IT-03 Technical Advisor")
        assert tops[stream]["management"] == ("IT-05 Director" if stream in SIX else "IT-04 Manager")


def test_ceilings_are_where_a_stream_and_path_stop(model):
    assert ceilings(model.graph(), top_rank=5) == sorted(
        [
            "position-it-03-technical-advisor-it-business-line-advisory-services",
            "position-it-03-technical-advisor-it-planning-and-reporting",
            "position-it-04-manager-it-business-line-advisory-services",
            "position-it-04-manager-it-planning-and-reporting",
        ]
        + [
            f"position-it-04-senior-advisor-{s}"
            for s in (
                "it-database-management",
                "it-enterprise-architecture",
                "it-infrastructure-operations",
                "it-project-portfolio-management",
                "it-security",
                "it-software-solutions",
            )
        ]
    )


def test_moves_cross_it_information_management_and_data(model):
    G = model.graph()
    crossing = {(G.nodes[u]["community"], G.nodes[v]["community"]) for u, v, _ in bridges(G)}
    assert {("community-it", "community-idg"), ("community-dcoe", "community-idg")} <= crossing
    assert all(d["kind"] in ("deployment", "appointment", "promotion") for *_, d in bridges(G))


def test_database_management_and_data_systems_operations_are_the_closest_pair_across_communities(facts):
    sims = stream_similarity(facts)
    pair = sims[("stream-it-database-management", "stream-data-systems-operations")]
    assert pair == max(v for (a, b), v in sims.items() if facts.streams[a].community != facts.streams[b].community)


def test_the_built_graph_holds_the_bounded_moves_with_their_rules(model, built_nt, build_result):
    """The build wrote the bounded graph's moves back (and validated them: it conforms, or it would have failed)."""
    store = pyoxigraph.Store()
    store.load(path=built_nt, format=pyoxigraph.RdfFormat.N_TRIPLES)
    G = model.graph()
    gcdc = "https://w3id.org/gc-digital-careers/ontology#"
    ask = lambda q: store.query(f"PREFIX gcdc: <{gcdc}> PREFIX gcd: <{GCD}> ASK {{ {q} }}")  # noqa: E731
    rows = store.query(f"PREFIX gcdc: <{gcdc}> SELECT (COUNT(?m) AS ?n) WHERE {{ ?m gcdc:allowedBy ?rule }}")
    assert int(next(iter(rows))["n"].value) == G.number_of_edges()
    assert not bool(ask("?m gcdc:basis gcdc:RuleBased ; gcdc:quote ?q"))
    assert bool(ask(f"gcd:move-deployment--{DB_ANALYST}--position-it-02-information-operations gcdc:allowedBy gcd:rule-deployment"))
    assert build_result.report.conforms


def test_the_analysis_is_deterministic(g, model):
    again = analyse(g)[1]
    assert sorted(model.graph().edges(data=True), key=str) == sorted(again.graph().edges(data=True), key=str)
    assert [p.nodes for p in best_paths(model, "entry-apprentice", "level-ex-01", k=5)] == [
        p.nodes for p in best_paths(again, "entry-apprentice", "level-ex-01", k=5)
    ]
    assert betweenness(model.graph()) == betweenness(again.graph()) and pagerank(model.graph()) == pagerank(again.graph())


# ---------------------------------------------------------------- a small hand-made model, exact values


def tiny_facts() -> Facts:
    """Two streams S (skill a) and T (skill b) in two communities, three IT levels each; the page states 1->2 and 2->3."""
    f = Facts()
    f.streams = {
        "stream-s": Stream(label="S", community="community-a", community_label="A", community_order=1, order=1),
        "stream-t": Stream(label="T", community="community-b", community_label="B", community_order=2, order=1),
    }
    f.levels = {f"level-it-0{r}": Level(label=f"IT-0{r}", rank=r, group="group-it", paid_at=None) for r in (1, 2, 3)}
    for s in ("s", "t"):
        for r in (1, 2, 3):
            f.positions[f"{s}{r}"] = Position(
                label=f"{s.upper()}{r}", role=None, level=f"level-it-0{r}", level_label=f"IT-0{r}", rank=r, group="group-it",
                stream=f"stream-{s}", path=None, level_stated=True, community=f.streams[f"stream-{s}"].community,
            )  # fmt: skip
    f.stream_items = {"stream-s": [Item("i", "I", ("a",))], "stream-t": [Item("j", "J", ("b",))]}
    f.progressions = [
        StatedProgression("p12", "level-it-01", "level-it-02", "Promotion", ("q12",)),
        StatedProgression("p23", "level-it-02", "level-it-03", "Promotion", ("q23",)),
    ]
    f.pay = {"level-it-03": [PayRange("level-it-03", 100, 200, None, "no date in the source", "src", "Some source")]}
    f.rules = {f"tiny-rule-{kind}": Rule(label=kind, kind=kind, condition="c") for kind in RULE_KINDS.values()}  # found by kind
    values = {"assumed_level_penalty": "1.0", "executive_entry_from_rank": "5", "entry_level": "lowest", "mid_career_entry_levels": "any"}
    f.assumptions = {f"tiny-{s}": Assumption(label=s, parameter=s, value=values.get(s, "1"), note="n") for s in SETTINGS.values()}
    return f


@pytest.fixture
def tiny():
    return MobilityModel(tiny_facts())


def test_moves_and_costs_on_a_small_model(tiny):
    moves = {(m.target, m.kind): m for m in tiny.moves_from("s1")}
    assert set(moves) == {("s2", "promotion"), ("t1", "deployment"), ("t2", "promotion")}
    up, across, deploy = moves[("s2", "promotion")], moves[("t2", "promotion")], moves[("t1", "deployment")]
    assert (up.basis, up.cost, up.quotes, up.gap, up.same_track) == ("stated", 1.0, ("q12",), (), True)
    # 0.5 + 3 x (T1's one skill, level unknown: 0.5, missing) + 1 x (all of S's skills left behind)
    assert (deploy.basis, deploy.cost, deploy.rule) == ("rule", 3.0, "tiny-rule-Deployment")  # the rule that governs the kind
    assert (across.basis, across.cost, across.assumptions) == ("rule", 3.5, ("tiny-levels_per_promotion",))  # by its setting
    assert deploy.gap == (GapItem("b", None, None),)


def test_paths_on_a_small_model(tiny):
    found = [(p.nodes, p.cost) for p in best_paths(tiny, "s1", "t3", k=5)]
    assert found == [
        (("s1", "s2", "t3"), 4.5),
        (("s1", "t2", "t3"), 4.5),
        (("s1", "s2", "s3", "t3"), 5.0),
        (("s1", "s2", "t2", "t3"), 5.0),
        (("s1", "t1", "t2", "t3"), 5.0),
    ]
    assert [p.nodes for p in best_paths(tiny, "s1", "t3", via=["t1"], k=2)] == [("s1", "t1", "t2", "t3"), ("s1", "t1", "s2", "t3")]
    assert [p.nodes for p in best_paths(tiny, "s1", "t3", avoid=["s2"], k=1)] == [("s1", "t2", "t3")]
    assert [p.nodes for p in best_paths(tiny, "s1", "s3", stated_only=True)] == [("s1", "s2", "s3")]
    assert [p.nodes for p in best_paths(tiny, "s1", "t3", max_steps=2, k=5)] == [("s1", "s2", "t3"), ("s1", "t2", "t3")]
    acting = best_paths(tiny, "s1", "s3", acting=True, k=4)
    assert [tuple(s.kind for s in p.steps) for p in acting if p.nodes == ("s1", "s2", "s3")] == [
        ("promotion", "promotion"),  # the permanent path first, at equal cost
        ("promotion", "acting appointment"),  # an acting appointment only as the last move, from a substantive position
    ]
    assert all("acting appointment" not in [s.kind for s in p.steps[:-1]] for p in acting)
    with pytest.raises(NoPath):
        best_paths(tiny, "s3", "s1")
    with pytest.raises(NoPath):
        best_paths(tiny, "s1", "t3", stated_only=True)


def test_gap_and_costs_exactly():
    have, need = Profile({"a": 2, "b": 2}, "responsibilities"), Profile({"b": 3, "c": 4}, "official job template")
    assert skill_gap(have, need) == [GapItem("b", 3, 2), GapItem("c", 4, None)]
    assert gap_summary(have, need, lambda s: {"c": "C"}.get(s, s), {3: "advanced", 4: "lead"}) == {
        "to_gain": ["C (lead)"],
        "to_deepen": ["b (level 2 to advanced)"],
        "carry_over": [],
        "left_behind": ["a (level 2)"],
    }
    gap = skill_gap(have, need)
    per_skill = 3 / 2  # GAIN_SCALE over the target's two skills
    assert move_cost("deployment", gap, size=2) == 0.5 + per_skill * (1 / 4 + 4 / 4)
    assert move_cost("promotion", gap, size=2) == 1 + per_skill * (4 / 4)  # a promotion counts only the skills to gain
    assert move_cost("promotion", gap, size=2, same_track=True) == 1.0 and move_cost("entry", gap, size=2) == 1.0
    assert left_behind(have.essential, need.essential) == 0.5  # a (2 of 4 level-units) is left; b carries over
    assert move_cost("deployment", gap, size=2, left=0.5, penalty=1.0) == 0.5 + per_skill * (1 / 4 + 4 / 4) + 0.5 + 1.0
    assert move_cost("appointment", gap, size=2) == 1 + per_skill * (1 / 4 + 4 / 4)  # beyond a deployment: as a promotion
    assert move_cost("executive appointment", gap, size=2, left=1.0) == 1 + per_skill * (4 / 4)  # only what is to gain
    assert move_cost("appointment", gap, size=4) < move_cost("appointment", gap, size=2)  # the same gap in a larger profile


def test_gateways_on_a_small_model(tiny):
    G = tiny.graph(k=1)
    assert [(u, v) for u, v, _ in bridges(G)][:2] == [("s1", "t1"), ("s2", "t2")]
    assert ceilings(G, top_rank=3) == []


def test_similarity_and_clusters():
    assert weighted_jaccard({"a": 2, "b": 1}, {"a": 1, "c": 1}) == 0.25
    assert weighted_jaccard({"a": 1}, {"a": 1}) == 1.0
    sims = {("a", "b"): 0.9, ("a", "c"): 0.0, ("b", "c"): 0.0, ("c", "d"): 0.8, ("a", "d"): 0.0, ("b", "d"): 0.0}
    clusters = skill_clusters(sims, seed=7)
    assert clusters == [["a", "b"], ["c", "d"]] == skill_clusters(sims, seed=7)
    assert [r["cuts_across"] for r in compare_with_official(clusters, {"a": "X", "b": "Y", "c": "Y", "d": "Y"})] == [True, False]


def test_forgiving_names(model):
    assert resolve(model.nodes, "it-03 security team lead") == "position-it-03-team-lead-it-security"
    assert resolve(model.nodes, "IT-05 Director, IT Security") == SECURITY_DIRECTOR
    assert resolve(model.nodes, "https://w3id.org/gc-digital-careers/id/entry-student") == "entry-student"
    assert resolve(model.nodes, "Student") == "entry-student"
    with pytest.raises(AmbiguousName, match="matches 6 nodes"):
        resolve(model.nodes, "director")
    with pytest.raises(UnknownName) as caught:
        resolve(model.nodes, "IT-05 Directr, IT Secrity")
    assert "IT-05 Director, IT Security" in caught.value.suggestions


# ---------------------------------------------------------------- what a staffing advisor checks (issue 16)


def test_no_stated_it_position_reaches_ex_01_through_a_level_the_page_does_not_state(model, facts):
    stated = [p for p, d in facts.positions.items() if d.level_stated and d.group == "group-it"]
    assert len(stated) == 47
    for p in stated:
        best = best_paths(model, p, "level-ex-01", k=3)
        assert all(model.nodes[n].level_stated is not False for path in best for n in path.nodes), p
    asked = best_paths(model, "position-it-04-senior-advisor-it-software-solutions", "level-ex-01", k=30, assumed_levels=True)
    assert any(model.nodes[n].level_stated is False for path in asked for n in path.nodes)  # when asked, they are there
    through = [m for m in model.moves_from("position-it-04-manager-it-security") if m.target.startswith("position-it-05-information")]
    assert through and all("assumption-assumed-level-penalty" in m.assumptions for m in through)


def test_an_acting_appointment_ends_a_path_and_ranks_after_the_permanent_move(model):
    lead, manager = "position-it-03-team-lead-it-security", "position-it-04-manager-it-security"
    paths = best_paths(model, lead, SECURITY_DIRECTOR, acting=True, k=3)
    for p in paths:
        assert "acting appointment" not in [s.kind for s in p.steps[:-1]], p.nodes
    assert [s.kind for s in paths[0].steps] == ["promotion", "promotion"]
    assert [s.kind for s in paths[1].steps] == ["promotion", "acting appointment"] and paths[1].cost == paths[0].cost
    assert [s.kind for s in best_paths(model, lead, manager, acting=True, k=1)[0].steps] == ["promotion"]
    to_ex = best_paths(model, SECURITY_DIRECTOR, "level-ex-01", acting=True, k=2)
    assert [[s.kind for s in p.steps] for p in to_ex] == [["executive appointment"], ["acting appointment"]]  # acting EX-01 offered


def test_a_voluntary_demotion_only_when_asked(model, built_nt):
    manager, advisor = "position-it-04-manager-it-security", "position-it-03-technical-advisor-it-security"
    [down] = best_paths(model, manager, advisor, demotion=True, k=1)
    assert [(s.kind, s.rule, s.basis) for s in down.steps] == [("demotion", "rule-demotion", "rule")]
    assert all(m.kind != "demotion" for m in model.moves_from(manager))  # never offered unless asked
    assert all(s.kind != "demotion" for p in best_paths(model, "entry-student", "level-ex-01", k=5) for s in p.steps)
    result = invoke(
        "path",
        "IT-04 Manager, IT Security",
        "IT-03 Technical Advisor, IT Security",
        "--demotion",
        "-k",
        "1",
        "--format",
        "json",
        "--data",
        built_nt,
    )
    [step] = json.loads(result.output)
    assert step["kind"] == "demotion" and step["pay change"].startswith("A demotion for pay purposes: IT-03's maximum rate")
    result = invoke("path", "IT-04 Manager, IT Security", "IT-03 Technical Advisor, IT Security", "--data", built_nt)
    assert result.exit_code == 2 and "--demotion" in result.output


def test_no_analysis_favours_positions_whose_level_is_assumed(model, facts):
    from graph.mobility.describe import describe_node
    from graph.mobility.summary import summarise

    moves_out = describe_node(facts, model, "position-it-02-analyst-it-security", "position")["cheapest moves out"]
    assert moves_out[0].startswith("to IT-03") and not any("Information Operations" in m for m in moves_out[:4])
    gateways = summarise(facts, model, top=5)["gateways"]
    assert all(facts.positions[model_id(model, g["position"])].level_stated for g in gateways)


def model_id(model, label: str) -> str:
    return next(n for n, d in model.nodes.items() if d.label == label)


def test_refusals_say_why(model):
    with pytest.raises(
        NoPath, match=r"is at a lower level \(IT-03\) than IT-04 Manager, IT Security \(IT-04\): the model has no move down"
    ):
        best_paths(model, "position-it-04-manager-it-security", "position-it-03-technical-advisor-it-security")
    with pytest.raises(NoPath, match="the start and the end are the same"):
        best_paths(model, SECURITY_DIRECTOR, SECURITY_DIRECTOR)
    with pytest.raises(NoPath, match="a way into the public service"):
        best_paths(model, SECURITY_DIRECTOR, "entry-student")


def test_the_step_into_ex_01_says_it_is_a_demotion_for_pay_purposes(built_nt):
    result = invoke("path", "IT-05 Director, IT Security", "EX-01", "-k", "1", "--format", "json", "--data", built_nt)
    [step] = json.loads(result.output)
    assert step["pay change"] == (
        "A demotion for pay purposes: EX-01's maximum rate ($161,773) is lower than IT-05's ($174,076); the pay on appointment is the "
        "rate nearest to, but not above, the one the person had."
    )
    climb = json.loads(invoke("path", "student", "IT-05 Director, IT Security", "-k", "1", "--format", "json", "--data", built_nt).output)
    assert all(s["pay change"] == "" for s in climb)


def test_old_classifications_and_empty_names(built_nt):
    result = invoke("path", "CS-02 Analyst, IT Security", "IT-03 Team Lead, IT Security", "--format", "json", "--data", built_nt)
    assert result.exit_code == 0 and "'CS-02 Analyst, IT Security' read as 'IT-02 Analyst, IT Security'" in result.stderr
    result = invoke("path", " ", "EX-01", "--data", built_nt)
    assert result.exit_code == 2 and "nothing is called ' '" in result.output


def test_a_path_remembers_the_skills_its_earlier_steps_gave(built_nt):
    steps = json.loads(invoke("path", "student", "EX-01", "-k", "1", "--format", "json", "--data", built_nt).output)
    assert [s["to"] for s in steps][1] == "IT-03 Team Lead, IT Database Management"
    assert "Team Leadership (advanced)" in steps[1]["skills to gain"]  # gained as a Team Lead ...
    assert steps[-1]["held from earlier steps"] == ["Team Leadership"]  # ... so EX-01 does not ask it again
    assert not any(s.startswith("Team Leadership") for s in steps[-1]["skills to gain"])
    assert steps[0]["kind"] == "entry" and len(steps[0]["skills to gain"]) >= 5  # the qualifications to show


def test_french_names_levels_and_roles_the_page_does_not_place(built_nt):
    assert invoke("show", "Sécurité", "--data", built_nt).output.startswith("stream: IT Security\n")  # the stream's French label
    result = invoke(
        "path", "IT-03 chef d'équipe, securite", "IT-05 Director, IT Security", "-k", "1", "--format", "json", "--data", built_nt
    )
    assert [s["to"] for s in json.loads(result.output)] == ["IT-04 Manager, IT Security", "IT-05 Director, IT Security"]
    level = json.loads(invoke("show", "IT-03", "--format", "json", "--data", built_nt).output)
    assert level["level"] == "IT-03" and "IT-03 Team Lead, IT Security" in level["positions"] and level["pay"].startswith("IT-03 $")
    result = invoke("show", "IT-05 Director, IT Planning and Reporting", "--data", built_nt)
    assert result.exit_code == 2 and "the page names 6 streams for Directors" in result.output
    assert (
        "IT Planning and Reporting is not one of them" in result.output and "gcd:assumption-primarily-found-in-means-only" in result.output
    )
    director = json.loads(invoke("show", "Director", "--format", "json", "--data", built_nt).output)
    assert "primarily found in" in director["where note"]


def test_gap_from_an_entry_route_and_to_an_executive_level(built_nt):
    result = invoke("gap", "student", "IT-02 Analyst, IT Security", "--format", "json", "--data", built_nt)
    gap = json.loads(result.output)
    assert len(gap["to_gain"]) == 10 and gap["carry_over"] == [] and gap["direct moves"] == []
    result = invoke("gap", "IT-05 Director, IT Security", "EX-01", "--data", built_nt)
    assert result.exit_code == 0 and "direct move: executive appointment" in result.output


# ---------------------------------------------------------------- the commands, on a build in a temporary directory


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_path_command_explains_each_step(built_nt):
    result = invoke("path", "it-02 analyst database management", "it-05 director it security", "-k", "2", "--data", built_nt)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Path 1: 4 moves, cost 5.67 (3 of 4 moves stated by the page, 1 allowed by a staffing rule)"
    assert lines[3:5] == [
        "  1. appointment to IT-02 Analyst, IT Security (rule: Appointment through an advertised process (same level),",
        "       gcd:rule-appointment; cost 2.67)",
    ]
    assert lines[5].startswith("     skills to gain (7): Application Access Management (intermediate);")
    assert "     pay: IT-02 $85,854–$105,080 (GC Digital Talent; no date in the source);" in result.output
    assert "the page says: “the amount of knowledge required increases as you progress through each level.”" in result.output
    assert "Path 2: 3 moves" in result.output and "assumes: gcd:assumption-one-level-at-a-time" in result.output


def test_path_command_json_and_constraints(built_nt):
    result = invoke("path", "student", "ex-01", "--format", "json", "-k", "1", "--data", built_nt)
    steps = json.loads(result.output)
    assert [s["kind"] for s in steps] == ["entry", "promotion", "promotion", "promotion", "executive appointment"]
    assert steps[-1]["pay"].startswith("EX-01 $") and steps[0]["assumptions"] == ["gcd:assumption-entry-at-lowest-level"]
    assert all(s["page says"] == [] for s in steps if s["basis"] != "stated")
    result = invoke("path", "student", "ex-01", "--max-steps", "4", "--data", built_nt)
    assert result.exit_code == 2 and "no path" in result.output
    result = invoke(
        "path", "student", "it-05 director it security", "--avoid", "IT Database Management", "--format", "csv", "--data", built_nt
    )
    assert result.exit_code == 0 and "Database Management" not in result.output


def test_unknown_and_ambiguous_names_get_the_closest_matches(built_nt):
    result = invoke("path", "studnt", "director it security", "--data", built_nt)
    assert result.exit_code == 2 and "nothing is called 'studnt'; closest: Student" in result.output
    result = invoke("gap", "analyst", "it-02 analyst it security", "--data", built_nt)
    assert result.exit_code == 2 and "'analyst' matches 8 nodes" in result.output


def test_gap_command(built_nt):
    result = invoke("gap", "it-02 analyst database management", "it-02 analyst it security", "--data", built_nt)
    assert result.exit_code == 0
    assert result.output.startswith(
        "IT-02 Analyst, IT Database Management -> IT-02 Analyst, IT Security: 7 to gain, 0 to deepen, 3 carry over, 5 left behind\n"
        "direct move: appointment (rule: Appointment through an advertised process (same level); cost 2.67)\n"
    )
    result = invoke("gap", "it-02 analyst database management", "it-02 analyst it security", "--format", "csv", "--data", built_nt)
    assert "IT Security (intermediate),to gain" in result.output


def test_show_command(built_nt):
    info = json.loads(invoke("show", "senior advisor", "--format", "json", "--data", built_nt).output)
    assert info["levels"] == ["IT-04"] and set(info["found in streams"]) == SIX
    result = invoke("show", "IT Security", "--data", built_nt)
    assert result.exit_code == 0 and result.output.startswith("stream: IT Security\n") and "positions (7):" in result.output
    info = json.loads(invoke("show", "it-03 technical advisor software solutions", "--format", "json", "--data", built_nt).output)
    assert info["skill profile from"] == "official job template: IT-03-06-IC-016, IT-03-06-IC-028, IT-03-06-IC-22"
    assert info["pay"].startswith("IT-03 $101,343–$125,914")
    info = json.loads(invoke("show", "skill-it-security", "--format", "json", "--data", built_nt).output)
    assert info["French name"] == "Sécurité de la TI" and "IT-02 Analyst, IT Security" in info["required by positions"]
    info = json.loads(invoke("show", "level-cs-02", "--format", "json", "--data", built_nt).output)  # an id: no CS -> IT
    assert (info["level"], info["group"]) == ("CS-02", "CS")  # the group by its abbreviation in the data
    assert json.loads(invoke("show", "CS-02", "--format", "json", "--data", built_nt).stdout)["level"] == "IT-02"  # a name: as IT


def test_ladders_and_mobility_commands(built_nt):
    result = invoke("ladders", "--format", "csv", "--data", built_nt)
    lines = result.output.splitlines()
    assert result.exit_code == 0 and lines[0].startswith("stream,Technician,Analyst")
    assert lines[0].endswith(
        "entry level,entry pay,management top,management top pay,individual-contributor top,individual-contributor top pay"
    )
    assert lines[2] == (
        'IT Database Management,,IT-02,IT-03,IT-03,IT-04,IT-04,IT-05,IT-02,"$85,854–$105,080",IT-05 Director,"$133,582–$174,076",'
        'IT-04 Senior Advisor,"$116,037–$144,434"'
    )
    tables = json.loads(invoke("mobility", "--format", "json", "--top", "3", "--data", built_nt).output)
    assert set(tables) == {"stream similarity", "gateways", "bridges between communities", "ceilings", "skill clusters"}
    assert tables["stream similarity"][0]["similarity"] >= tables["stream similarity"][1]["similarity"]


def test_path_gap_mobility_and_ladders_answer_in_french_with_no_english_word(built_nt, monkeypatch):
    """Issue 20 (in part): `careers path`, `gap`, `mobility` and `ladders` with --lang fr, or a French LANG, word everything in French:
    moves, rules, assumptions, skills and their levels, pay, costs with a decimal comma; the page's English words are
    marked « » and ids are kept. French names are understood as input."""
    from french_helpers import english_words

    args = ("path", "étudiant", "IT-05 directeur, Sécurité", "-k", "2", "--data", built_nt)
    french = invoke(*args, "--lang", "fr")
    assert french.exit_code == 0, french.output
    assert english_words(french.output) == []
    assert french.output.startswith("Cheminement 1 : ") and "coût 1,00" in french.output and "entrée vers IT-01" in french.output
    assert "qualifications à démontrer (" in french.output and "la page dit (en anglais) : « " in french.output
    assert "gcd:rule-entry" in french.output  # ids unbroken (textwrap broke them at hyphens)
    english = invoke(*args)  # the control: the same question in English is full of English words
    assert {"cost", "skills", "gain", "pay"} <= set(english_words(english.output))
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    rows = invoke(*args, "--format", "csv").output
    assert rows.startswith("cheminement,étape,de,vers,type,fondement,règle") and english_words(rows) == []
    steps = json.loads(invoke(*args, "--format", "json").output)  # the keys stay English, for scripts
    values = [v for step in steps for k, v in step.items() if k not in ("page says", "rule id", "assumptions")]
    assert english_words(json.dumps(values, ensure_ascii=False)) == []
    assert steps[0]["kind"] == "entrée" and steps[0]["pay"].startswith("IT-01 69\u202f361\u00a0$")
    gap = invoke("gap", "IT-02 analyste, Gestion de bases de données de la TI", "IT-02 analyste, Sécurité", "--data", built_nt)
    assert gap.exit_code == 0, gap.output
    assert english_words(gap.output) == [] and "7 à acquérir" in gap.output and "coût 2,67" in gap.output
    assert gap.output.splitlines()[2].split() == ["compétence", "statut"]
    unknown = invoke("path", "étudiant", "IT-05 directeur, Plomberie", "--data", built_nt)  # errors in French, names too
    assert (
        unknown.exit_code == 2
        and "erreur : rien ne s'appelle « IT-05 directeur, Plomberie » ; les plus proches : IT-05 directeur" in unknown.output
    )
    assert english_words(unknown.output) == []
    tables = invoke("mobility", "--top", "3", "--data", built_nt).output
    assert english_words(tables) == [] and "similarité des volets" in tables and "0,18" in tables and "mutation" in tables
    assert "traverse les communautés officielles" in tables and tables.rstrip().endswith("oui")
    assert "issue vers le haut" in tables and "une promotion dans un autre volet ou cheminement" in tables
    ladders = invoke("ladders", "--data", built_nt).output
    assert english_words(ladders) == [] and ladders.startswith("volet ") and "85\u202f854\u00a0$ – 105\u202f080\u00a0$" in ladders
    assert "niveau d'entrée" in ladders and "analyste" in ladders.splitlines()[0]
    monkeypatch.setenv("LANG", "en_CA.UTF-8")
    assert invoke("ladders", "--data", built_nt).output.startswith("stream ")
    english_tables = invoke("mobility", "--top", "1", "--data", built_nt).output
    assert "stream similarity" in english_tables
    assert any(line.split() == ["position", "way", "up"] for line in english_tables.splitlines())  # was "way up column"
    assert (
        "7 to gain"
        in invoke("gap", "IT-02 analyste, Gestion de bases de données de la TI", "IT-02 analyste, Sécurité", "--data", built_nt).output
    )


def _every_lane_cheapest(model, node: str, kind: str, k: int) -> list:
    """The k cheapest moves of ``kind`` out of ``node`` read off its whole lane (every bucket costed): the reference."""
    lane = next((lane for lane in model.buckets_from(node)[1] if lane[0].kind == kind), ())
    pairs = sorted(((b.cost, t, b) for b in lane for t in b.targets), key=lambda c: c[:2])
    return [model.move_in(b, node, t) for _, t, b in pairs[:k]]


@pytest.mark.parametrize("streams", [0, 40])
def test_the_cheapest_moves_estimated_in_bulk_are_those_of_the_whole_lanes(streams, tmp_path):
    """The bounded graph's k cheapest implicit moves, found from NumPy estimates and a few exact costs (issue 22), are
    exactly those of every bucket costed one by one: on the shipped data, and with 40 synthetic streams whose skills are
    drawn from all the official ones (distinct profiles, many ties of cost)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from bench_scale import synthetic

    from graph.derive import derive
    from graph.load import load

    extra = []
    if streams:
        extra = [tmp_path / "synthetic.ttl"]
        extra[0].write_text(synthetic(streams, diverse=True), encoding="utf-8")
    _, model = analyse(derive(load(extra).g))
    positions = sorted(model.facts.positions)
    assert len(positions) > (200 if streams else 70)
    for k in (1, 3, 6):
        bulk = model._cheapest(k)
        for node in positions:
            for kind in ("deployment", "appointment", "promotion"):
                assert bulk.get(node, {}).get(kind, []) == _every_lane_cheapest(model, node, kind, k), (node, kind, k)


def test_the_model_reads_its_rules_assumptions_routes_and_executives_from_the_data(tmp_path, model):
    """No shipped id decides a move: a user's own route that assumes entry at any level, in their own namespace,
    enters every position of its community (as the mid-career route does), and one that assumes nothing enters at the
    lowest level; the executive levels are those of the community the stated executive transitions reach."""
    from graph.derive import derive
    from graph.load import load

    extra = tmp_path / "routes.ttl"
    extra.write_text(
        """@prefix gcd: <https://w3id.org/gc-digital-careers/id/> . @prefix gcdc: <https://w3id.org/gc-digital-careers/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix my: <https://example.org/hr/> .
my:return a gcdc:EntryRoute ; rdfs:label "Returning public servant"@en ; gcdc:order 9 ;
    gcdc:assumes gcd:assumption-mid-career-entry-at-any-level .
my:cadet a gcdc:EntryRoute ; rdfs:label "Cadet"@en ; gcdc:order 10 .
my:return-to-it a gcdc:Progression ; gcdc:fromState my:return ; gcdc:toState gcd:community-it ; gcdc:progressionKind gcdc:Entry ;
    gcdc:basis gcdc:Stated ; gcdc:quote "Returning public servants may join the IT community." ; prov:wasDerivedFrom gcd:careers-in-digital .
my:cadet-to-it a gcdc:Progression ; gcdc:fromState my:cadet ; gcdc:toState gcd:community-it ; gcdc:progressionKind gcdc:Entry ;
    gcdc:basis gcdc:Stated ; gcdc:quote "Cadets may join the IT community." ; prov:wasDerivedFrom gcd:careers-in-digital .
""",
        encoding="utf-8",
    )
    facts, mine = analyse(derive(load([extra]).g))
    it = {p for p, d in facts.positions.items() if d.community == "community-it"}
    back, cadet = (next(r for r in facts.routes if r.endswith(name)) for name in ("return", "cadet"))  # ids of another namespace
    assert {m.target for m in mine.explicit_moves(back)} == it  # every IT position, as the mid-career route
    assert {m.target for m in mine.explicit_moves(back)} == {
        m.target for m in model.explicit_moves("entry-mid-career-professional") if m.target in it
    }
    lowest = {m.target for m in mine.explicit_moves(cadet)}
    assert lowest and lowest < it and {facts.positions[p].rank for p in lowest} <= {1, 2}  # the lowest level of each stream
    assert all(m.assumptions == (mine.assumption["entry level"],) for m in mine.explicit_moves(cadet))
    assert facts.executive_groups == {"group-ex"} and sorted(facts.executive_levels) == [f"level-ex-0{n}" for n in range(1, 6)]
    assert mine.rules["acting appointment"] == "rule-acting-appointment"  # the rule whose gcdc:governsKind is the kind


def test_stream_similarity_is_every_pairs_weighted_jaccard(facts):
    """Only streams that share a skill are compared; the others are 0.0: the same pairs, order and values as comparing all."""
    from itertools import combinations

    from graph.mobility.similarity import profile

    def every_pair(f: Facts) -> dict[tuple[str, str], float]:
        order = stream_order(f)
        profiles = {s: profile(f.stream_items.get(s, [])) for s in order}
        return {(a, b): weighted_jaccard(profiles[a], profiles[b]) for a, b in combinations(order, 2)}

    assert list(stream_similarity(facts).items()) == list(every_pair(facts).items())
    apart = tiny_facts()  # S and T share no skill; a third stream shares T's
    apart.streams["stream-u"] = replace(apart.streams["stream-t"], label="U", order=2)
    apart.stream_items["stream-u"] = [Item("k", "K", ("b", "c"))]
    found = stream_similarity(apart)
    assert list(found.items()) == list(every_pair(apart).items())
    assert found[("stream-s", "stream-t")] == 0.0 and found[("stream-t", "stream-u")] == 0.5


@pytest.mark.parametrize(
    "thing, first",
    [
        ("IT-03 chef d'équipe, Sécurité", "poste\u00a0: IT-03 chef d'équipe, Sécurité"),
        ("Sécurité", "volet\u00a0: Sécurité"),
        ("Director", "rôle\u00a0: directeur"),
        ("CS-02", "niveau\u00a0: IT-02"),
        ("skill-it-security", "compétence\u00a0: Sécurité de la TI"),
        ("étudiant", "entrée\u00a0: étudiant"),
        ("EX-01", "cadre de direction\u00a0: EX-01"),
        ("IT-02, Science des données et analytique (niveau non précisé par la source)", "poste\u00a0: IT-02, Science des données"),
    ],
)
def test_show_answers_in_french_for_every_kind_of_thing(built_nt, thing, first):
    """Issue 20: `careers show --lang fr` named things, skills and their levels, pay, moves and rules in French; the
    source's responsibilities and the crosswalks' English words are marked « »."""
    from french_helpers import english_words

    french = invoke("show", thing, "--lang", "fr", "--data", built_nt)
    assert french.exit_code == 0, french.output
    assert french.stdout.startswith(first) and english_words(french.output) == []
    rows = invoke("show", thing, "--lang", "fr", "--format", "csv", "--data", built_nt).stdout
    assert rows.startswith("section,valeur") and english_words(rows) == []
    english = invoke("show", thing, "--data", built_nt).stdout  # the control: English words are found
    assert english_words(english) != []
