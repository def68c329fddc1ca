"""`careers publish` against a real Oxigraph server (PyPI package `oxigraph`) on 127.0.0.1."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from sparql_helpers import oxigraph_server, refusing_port

from graph.cli import main
from graph.sparql.publish import DEFAULT_GRAPH, PublishError, publish

pytestmark = pytest.mark.server


def count(base: str, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    req = urllib.request.Request(f"{base}/query?{urlencode({'query': query})}", headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as response:
        return int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


def test_publish_then_query_the_data_back(store, built_nt, build_result):
    result = CliRunner().invoke(main, ["publish", "--endpoint", f"{store}/store", "--data", built_nt])
    assert result.exit_code == 0, result.output
    assert f"published {build_result.triples} triples" in result.output
    assert count(store, DEFAULT_GRAPH) == build_result.triples
    query = "SELECT ?l WHERE { GRAPH ?g { <https://w3id.org/gc-digital-careers/id/role-director> <http://www.w3.org/2000/01/rdf-schema#label> ?l } } ORDER BY ?l"
    req = urllib.request.Request(f"{store}/query?{urlencode({'query': query})}", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=30) as response:
        assert response.read() == b"l\r\nDirector\r\ndirecteur\r\n"


def test_publishing_again_replaces_the_graph(store, built_nt, build_result):
    publish(f"{store}/store", b"<http://e/a> <http://e/b> <http://e/c> .\n", graph="http://e/graph")
    assert count(store, "http://e/graph") == 1
    publish(f"{store}/store", Path(built_nt).read_bytes(), graph="http://e/graph")
    assert count(store, "http://e/graph") == build_result.triples


def test_a_store_that_refuses_gets_a_clear_error(store, built_nt):
    result = CliRunner().invoke(main, ["publish", "--endpoint", f"{store}/no-such-service", "--data", built_nt])
    assert result.exit_code == 2
    assert "refused the upload: HTTP 404" in result.output


def test_an_unreachable_store_gets_a_clear_error(built_nt):
    with refusing_port() as port, pytest.raises(PublishError, match="cannot reach"):
        publish(f"http://127.0.0.1:{port}/store", Path(built_nt).read_bytes())
    with pytest.raises(PublishError, match="http:// or https://"):
        publish("file:///etc/passwd", b"")
