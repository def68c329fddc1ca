"""Career mobility: expected answers read from the source on the shipped data, and exact values on small graphs."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import IT_STREAMS, fold
from rdflib.namespace import RDF

from graph.cli import main
from graph.mobility.analysis import analyse
from graph.mobility.communities import compare_with_official, skill_clusters
from graph.mobility.gap import gap_between, skill_gap
from graph.mobility.gateways import betweenness, bridges, dead_ends, pagerank
from graph.mobility.ladders import entry_levels, ladder_matrix, path_tops
from graph.mobility.paths import NoPath, best_paths
from graph.mobility.rdf import add_inferred_progressions
from graph.mobility.reachability import reachable_senior
from graph.mobility.resolve import AmbiguousName, UnknownName, resolve
from graph.mobility.similarity import LATERAL_THRESHOLD, jaccard, stream_similarity, weighted_jaccard
from graph.namespaces import GCDC
from graph.validate import validate

IT = IT_STREAMS
THREE = {"IT Infrastructure Operations", "IT Security", "IT Software Solutions"}
SIX = set(IT) - {"IT Business Line Advisory Services", "IT Planning and Reporting"}


@pytest.fixture(scope="module")
def analysis(g):
    return analyse(g)


@pytest.fixture(scope="module")
def G(analysis):
    return analysis[1]


@pytest.fixture(scope="module")
def facts(analysis):
    return analysis[0]


# ---------------------------------------------------------------- the shipped data, against the source


def test_roles_exist_where_the_source_says(G):
    matrix = ladder_matrix(G)
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


def test_entry_level_of_each_stream(G):
    assert entry_levels(G) == {s: "IT-01" if s in THREE else "IT-02" for s in IT}


def test_where_the_ladders_stop(G):
    tops = path_tops(G)
    for stream in IT:
        assert tops[stream]["individual contributor"] == ("IT-04 Senior Advisor" if stream in SIX else "IT-03 Technical Advisor")
        assert tops[stream]["management"] == ("IT-05 Director" if stream in SIX else "IT-04 Manager")


def test_a_student_can_reach_director_of_it_security_by_stated_steps(G):
    (best,) = best_paths(G, "entry-student", "position-it-05-director-it-security", k=1)
    assert best.nodes == [
        "entry-student",
        "position-it-01-technician-it-security",
        "position-it-02-analyst-it-security",
        "position-it-03-team-lead-it-security",
        "position-it-04-manager-it-security",
        "position-it-05-director-it-security",
    ]
    assert [s.edge["kind"] for s in best.steps] == ["entry", "promotion", "promotion", "promotion", "promotion"]
    assert best.basis == "stated" and best.cost == 5.0


def test_paths_never_use_a_position_the_source_does_not_support(g, G, facts):
    supported = {str(p).rsplit("/", 1)[-1] for p in g.subjects(RDF.type, GCDC.Position)}
    positions = {n for n, d in G.nodes(data=True) if d["kind"] == "position"}
    assert positions == supported == set(facts.positions)
    for target in sorted(positions):
        for p in best_paths(G, "entry-mid-career-professional", target, k=2):
            assert all(n in supported or G.nodes[n]["kind"] != "position" for n in p.nodes)


def test_the_streams_without_levels_get_no_invented_levels(G):
    for name in ("stream-data-systems-operations", "stream-information-operations"):
        assert G.nodes[name]["kind"] == "stream" and G.nodes[name]["rank"] is None
    assert not any(n.startswith("position-") and "data-systems" in n for n in G)


def test_every_edge_carries_its_evidence(G, source_text):
    folded = fold(source_text)
    for u, v, d in G.edges(data=True):
        assert d["basis"] in ("stated", "inferred") and d["cost"] > 0, (u, v)
        if d["basis"] == "stated":
            assert d["quotes"] and all(fold(q) in folded for q in d["quotes"]), (u, v)
            assert d["score"] is None
        else:
            assert 0 <= d["score"] <= 1 and d["evidence"] and d["shared"], (u, v)
            assert d["kind"] in ("path change", "lateral move")
            assert d["cost"] > 1.0  # inferred moves always cost more than stated ones


def test_lateral_moves_cross_it_information_management_and_data(G):
    crossing = {(G.nodes[u]["community"], G.nodes[v]["community"]) for u, v, _ in bridges(G)}
    assert ("community-it", "community-dcoe") in crossing
    assert ("community-it", "community-idg") in crossing
    assert ("community-dcoe", "community-idg") in crossing
    lateral = [d for *_, d in G.edges(data=True) if d["kind"] == "lateral move"]
    assert all(d["score"] >= LATERAL_THRESHOLD for d in lateral)


def test_database_management_and_data_systems_operations_are_close(facts):
    sims = stream_similarity(facts)
    pair = sims.get(("stream-it-database-management", "stream-data-systems-operations"))
    assert pair == max(v for (a, b), v in sims.items() if facts.streams[a]["community"] != facts.streams[b]["community"])


def test_skill_gap_from_database_analyst_to_data_systems_operations(facts):
    result = skill_gap(facts, "position-it-02-analyst-it-database-management", "stream-data-systems-operations")
    assert {"Database design", "Data security", "Backup and recovery", "Data modelling"} <= set(result["carry_over"])
    assert "Data engineering" in result["to_gain"] and "Software testing" in result["to_gain"]


def test_inferred_moves_are_written_back_and_conform(kb, G, facts):
    from graph.derive import derive
    from graph.load import load

    fresh = load()
    derive(fresh.g)
    added = add_inferred_progressions(fresh.g, G, {label: cid for cid, label in facts.competencies.items()})
    assert added == sum(1 for *_, d in G.edges(data=True) if d["basis"] == "inferred")
    inferred = set(fresh.g.subjects(GCDC.basis, GCDC.Inferred))
    assert len(inferred) == added
    assert all((p, GCDC.quote, None) not in fresh.g and (p, GCDC.score, None) in fresh.g for p in inferred)
    report = validate(fresh)
    assert report.conforms, report.text()


def test_the_analysis_is_deterministic(g, G):
    again = analyse(g)[1]
    assert sorted(G.edges(data=True), key=str) == sorted(again.edges(data=True), key=str)
    assert [p.nodes for p in best_paths(G, "entry-apprentice", "level-ex-01", k=5)] == [
        p.nodes for p in best_paths(again, "entry-apprentice", "level-ex-01", k=5)
    ]
    assert betweenness(G) == betweenness(again) and pagerank(G) == pagerank(again)


def test_the_only_dead_end_is_business_line_advisory_manager(G):
    assert dead_ends(G) == ["position-it-04-manager-it-business-line-advisory-services"]


# ---------------------------------------------------------------- small hand-made graphs, exact values


@pytest.fixture
def ladder():
    """a(IT-02) -> b(IT-03 mgmt) -> c(IT-04 mgmt); a -> d(IT-03 ic); d <-> b path change; a -> x lateral to another community."""
    H = nx.MultiDiGraph()
    for node, rank, path, community in (
        ("a", 2, None, "it"),
        ("b", 3, "path-management", "it"),
        ("c", 4, "path-management", "it"),
        ("d", 3, "path-individual-contributor", "it"),
        ("x", None, None, "data"),
    ):
        H.add_node(node, label=node.upper(), kind="position" if community == "it" else "stream", rank=rank, path=path, community=community)

    def edge(u, v, kind, basis, cost, score=None):
        H.add_edge(
            u,
            v,
            key=kind,
            kind=kind,
            basis=basis,
            cost=cost,
            score=score,
            evidence="e",
            quotes=["q"] if basis == "stated" else [],
            shared=["s"],
        )

    edge("a", "b", "promotion", "stated", 1.0)
    edge("b", "c", "promotion", "stated", 1.0)
    edge("a", "d", "promotion", "stated", 1.0)
    edge("d", "b", "path change", "inferred", 1.6, 0.9)
    edge("b", "d", "path change", "inferred", 1.6, 0.9)
    edge("a", "x", "lateral move", "inferred", 2.5, 0.75)
    edge("x", "c", "lateral move", "inferred", 2.5, 0.75)
    return H


def test_paths_on_a_small_graph(ladder):
    assert [(p.nodes, p.cost) for p in best_paths(ladder, "a", "c", k=5)] == [
        (["a", "b", "c"], 2.0),
        (["a", "d", "b", "c"], 3.6),
        (["a", "x", "c"], 5.0),
    ]
    assert [p.nodes for p in best_paths(ladder, "a", "c", via=["d"])] == [["a", "d", "b", "c"]]
    assert [p.nodes for p in best_paths(ladder, "a", "c", avoid=["b"])] == [["a", "x", "c"]]
    assert [p.nodes for p in best_paths(ladder, "a", "c", stated_only=True)] == [["a", "b", "c"]]
    assert [p.nodes for p in best_paths(ladder, "a", "c", path="management", k=5)] == [["a", "b", "c"], ["a", "x", "c"]]
    assert [p.nodes for p in best_paths(ladder, "a", "c", max_steps=2, k=5)] == [["a", "b", "c"], ["a", "x", "c"]]
    with pytest.raises(NoPath):
        best_paths(ladder, "c", "a")
    with pytest.raises(NoPath):
        best_paths(ladder, "a", "d", path="management")


def test_steps_are_explained(ladder):
    (p,) = best_paths(ladder, "a", "c", via=["d"], k=1)
    texts = [s.explain(ladder) for s in p.steps]
    assert texts[0] == "A -> D: promotion (stated) because the source says: “q” e"
    assert texts[1] == "D -> B: path change (inferred, score 0.90) e"


def test_gateways_on_a_small_graph(ladder):
    assert betweenness(ladder)["b"] > betweenness(ladder)["d"] >= 0
    assert [(u, v) for u, v, _ in bridges(ladder)] == [("a", "x"), ("x", "c")]
    assert dead_ends(ladder) == ["c"]
    cycle = nx.MultiDiGraph()
    cycle.add_nodes_from([("p", {"kind": "position"}), ("q", {"kind": "position"})])
    cycle.add_edge("p", "q", cost=1.0, kind="promotion")
    cycle.add_edge("q", "p", cost=1.0, kind="promotion")
    assert pagerank(cycle) == {"p": 0.5, "q": 0.5}


def test_reachability_on_a_small_graph(ladder):
    assert reachable_senior(ladder, k=1, min_rank=4) == {"a": [], "b": ["c"], "c": [], "d": []}
    assert reachable_senior(ladder, k=2, min_rank=4)["a"] == ["c"]
    assert reachable_senior(ladder, k=2, min_rank=4, stated_only=True)["d"] == []


def test_similarity_measures():
    assert weighted_jaccard({"a": 2, "b": 1}, {"a": 1, "c": 1}) == 0.25
    assert weighted_jaccard({"a": 1}, {"a": 1}) == 1.0
    assert jaccard({"a", "b"}, {"b", "c"}) == round(1 / 3, 4)


def test_clusters_against_official_communities():
    sims = {("a", "b"): 0.9, ("a", "c"): 0.0, ("b", "c"): 0.0, ("c", "d"): 0.8, ("a", "d"): 0.0, ("b", "d"): 0.0}
    clusters = skill_clusters(sims, seed=7)
    assert clusters == [["a", "b"], ["c", "d"]] == skill_clusters(sims, seed=7)
    rows = compare_with_official(clusters, {"a": "X", "b": "Y", "c": "Y", "d": "Y"})
    assert [r["cuts_across"] for r in rows] == [True, False]


def test_gap_between_sets():
    assert gap_between({"a", "b"}, {"b", "c"}, {"a": "A", "b": "B", "c": "C"}) == {
        "to_gain": ["C"],
        "carry_over": ["B"],
        "left_behind": ["A"],
    }


def test_forgiving_names(G):
    nodes = dict(G.nodes(data=True))
    assert resolve(nodes, "it-03 security team lead") == "position-it-03-team-lead-it-security"
    assert resolve(nodes, "IT-05 Director, IT Security") == "position-it-05-director-it-security"
    assert resolve(nodes, "https://w3id.org/gc-digital-careers/id/entry-student") == "entry-student"
    assert resolve(nodes, "Student") == "entry-student"
    with pytest.raises(AmbiguousName, match="matches 6 nodes"):
        resolve(nodes, "director")
    with pytest.raises(UnknownName) as caught:
        resolve(nodes, "IT-05 Directr, IT Secrity")
    assert "IT-05 Director, IT Security" in caught.value.suggestions


# ---------------------------------------------------------------- the commands


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from graph.build import build

    out = tmp_path_factory.mktemp("mobility-out")
    build(out_dir=out)
    return str(out / "knowledge-graph.nt")


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_path_command_explains_each_step(built):
    result = invoke("path", "student", "it-05 director it security", "-k", "2", "--data", built)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Path 1: cost 5.00, 5 moves, stated\n")
    assert "  2. IT-01 Technician, IT Security -> IT-02 Analyst, IT Security: promotion (stated) because the source says:" in result.output
    assert "Path 2:" in result.output and "path change (inferred, score" in result.output


def test_path_command_json_and_constraints(built):
    result = invoke("path", "student", "it-05 director it security", "--stated-only", "--format", "json", "-k", "1", "--data", built)
    steps = json.loads(result.output)
    assert [s["basis"] for s in steps] == ["stated"] * 5 and steps[-1]["to"] == "position-it-05-director-it-security"
    result = invoke("path", "student", "it-05 director it security", "--max-steps", "2", "--data", built)
    assert result.exit_code == 2 and "no path" in result.output


def test_unknown_and_ambiguous_names_get_the_closest_matches(built):
    result = invoke("path", "studnt", "director it security", "--data", built)
    assert result.exit_code == 2 and "nothing is called 'studnt'; closest: Student" in result.output
    result = invoke("gap", "analyst", "data systems operations", "--data", built)
    assert result.exit_code == 2 and "'analyst' matches 8 nodes" in result.output


def test_gap_command(built):
    result = invoke("gap", "it-02 analyst database management", "data systems operations", "--format", "csv", "--data", built)
    assert result.exit_code == 0
    assert "Database design,carry over" in result.output and "Data engineering,to gain" in result.output


def test_show_command(built):
    result = invoke("show", "senior advisor", "--format", "json", "--data", built)
    info = json.loads(result.output)
    assert info["levels"] == ["IT-04"] and set(info["found in streams"]) == SIX
    result = invoke("show", "IT Security", "--data", built)
    assert result.exit_code == 0 and result.output.startswith("stream: IT Security\n")
    assert re.search(r"positions \(7\):", result.output)


def test_ladders_and_mobility_commands(built):
    result = invoke("ladders", "--format", "csv", "--data", built)
    assert result.exit_code == 0 and result.output.splitlines()[0].startswith("stream,Technician,Analyst")
    result = invoke("mobility", "--format", "json", "--top", "3", "--data", built)
    tables = json.loads(result.output)
    assert set(tables) == {"stream similarity", "gateways", "bridges between communities", "dead ends", "skill clusters"}
    assert tables["stream similarity"][0]["similarity"] >= tables["stream similarity"][1]["similarity"]
