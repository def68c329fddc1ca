"""The embedded engine: same answers as rdflib's engine, standard result formats, the guard, and `careers query`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.paths import named_queries
from graph.sparql.engine import Engine
from graph.sparql.guard import QuerySyntaxError, QueryTooComplex, check_parsed
from graph.sparql.rdflib_engine import RdflibEngine


@pytest.fixture(scope="module")
def ntriples(built_nt):
    with open(built_nt, "rb") as built:
        return built.read()


@pytest.fixture(scope="module")
def engines(ntriples):
    return Engine.from_ntriples(ntriples), RdflibEngine.from_ntriples(ntriples)


def _bindings(answer):
    data = json.loads(answer.body)
    return sorted(json.dumps(row, sort_keys=True) for row in data["results"]["bindings"])


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_gives_the_same_answer_on_both_engines(engines, name):
    oxigraph, rdflib_engine = engines
    text = named_queries()[name].read_text(encoding="utf-8")
    ours, theirs = oxigraph.run(text, "json"), rdflib_engine.run(text, "json")
    assert _bindings(ours) == _bindings(theirs)
    assert bool(_bindings(ours)) == (name not in ("observed-flows", "projection-assumptions"))  # only once observed data is built in
    assert json.loads(ours.body)["head"]["vars"] == json.loads(theirs.body)["head"]["vars"]


def test_result_formats(engines):
    oxigraph, _ = engines
    query = "SELECT ?l WHERE { gcd:role-director rdfs:label ?l } ORDER BY ?l"
    assert oxigraph.run(query, "csv").body == b"l\r\nDirector\r\ndirecteur\r\n"
    assert oxigraph.run(query, "tsv").body == b'?l\n"Director"@en\n"directeur"@fr\n'
    xml = oxigraph.run(query, "xml").body.decode()
    assert '<binding name="l"><literal xml:lang="en">Director</literal></binding>' in xml
    data = json.loads(oxigraph.run(query, "json").body)
    assert data["results"]["bindings"][0]["l"] == {"type": "literal", "value": "Director", "xml:lang": "en"}
    assert oxigraph.run("ASK { gcd:role-director a gcdc:Role }", "xml").body.endswith(b"<head/><boolean>true</boolean></sparql>\n")
    turtle = oxigraph.run("CONSTRUCT { gcd:role-director a ?c } WHERE { gcd:role-director a ?c }", "turtle").body.decode()
    assert "gcd:role-director a gcdc:Role" in turtle
    jsonld = json.loads(oxigraph.run("DESCRIBE gcd:role-director", "jsonld").body)
    assert jsonld


def test_rows_are_cut_at_the_limit(engines):
    answer = engines[0].run("SELECT ?p WHERE { ?p a gcdc:Position }", "csv", row_limit=5)
    assert answer.truncated and answer.body.count(b"\r\n") == 6


def test_many_triple_patterns_are_a_clean_refusal_not_a_crash(engines):
    def patterns(n: int) -> str:
        return "SELECT * WHERE { " + " . ".join(f"?s{i} <http://e/p> ?o{i}" for i in range(n)) + " }"

    check_parsed(patterns(50))
    with pytest.raises(QueryTooComplex, match="too deeply nested"):
        check_parsed(patterns(400))  # rdflib's recursive parser overflows at about 85 patterns in one group
    check_parsed("SELECT * WHERE { ?s ?p ?o }")  # and the parser still works afterwards
    header = engines[0].run(patterns(100), "csv").body  # Oxigraph itself answers (no match here: the header alone)
    assert header.count(b"\r\n") == 1 and len(header.split(b",")) == 200
    with pytest.raises(QueryTooComplex, match="more than 128 triple patterns"):
        engines[0].run(patterns(400), "csv")  # its planner would take minutes: the guard refuses first


def test_syntax_errors_show_line_column_and_caret(engines):
    with pytest.raises(QuerySyntaxError) as caught:
        engines[0].run("SELECT * WHERE {\n  ?s ?p }")
    assert (caught.value.line, caught.value.column) == (2, 10)
    assert caught.value.caret() == "  ?s ?p }\n         ^"


# ---------------------------------------------------------------- careers query


def test_query_lists_the_named_queries():
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    assert "role-streams" in result.output and "In which streams is each IT role found?" in result.output


def test_query_runs_a_named_query_as_a_table(built_nt):
    result = CliRunner().invoke(main, ["query", "it-levels-and-roles", "--data", built_nt])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["level", "levelLabel", "rank", "role", "roleLabel", "pathLabel"]
    assert "gcd:role-technical-advisor" in result.output and lines[-1] == "(8 rows)"


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_from_a_file_in_csv_on_either_engine(built_nt, tmp_path, engine):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?label WHERE { gcd:stream-it-security rdfs:label ?label } ORDER BY ?label", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", f"@{query}", "--format", "csv", "--data", built_nt, "--engine", engine])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == "label\r\nIT Security\r\nSécurité\r\n".encode()


def test_query_errors_exit_2_with_a_caret(built_nt):
    result = CliRunner().invoke(main, ["query", "SELECT * WHERE {\n  ?s ?p }", "--data", built_nt])
    assert result.exit_code == 2
    assert "  ?s ?p }\n         ^" in result.output and "line 2, column 10" in result.output
    refused = CliRunner().invoke(main, ["query", "INSERT DATA { <a> <b> <c> }", "--data", built_nt])
    assert refused.exit_code == 2 and "read-only" in refused.output


def test_query_stops_at_the_time_limit(built_nt):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = CliRunner().invoke(main, ["query", slow, "--data", built_nt, "--timeout", "1"])
    assert result.exit_code == 2 and "time limit" in result.output


def test_query_is_refused_before_any_data_is_loaded_or_built(monkeypatch):
    import graph.build

    def no_loading(*_):
        raise AssertionError("the graph was loaded before the guard refused the query")

    monkeypatch.setattr(graph.build, "built_graph", no_loading)
    refused = CliRunner().invoke(main, ["query", "INSERT DATA { <a> <b> <c> }"])
    assert refused.exit_code == 2 and "read-only" in refused.output
    refused = CliRunner().invoke(main, ["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"])
    assert refused.exit_code == 2 and "SERVICE" in refused.output
