"""`careers serve` as a subprocess, queried over HTTP with a real client (SPARQLWrapper) and raw requests.

Covers the SPARQL 1.1 Protocol cases that apply to a read-only endpoint (methods, encodings, content
types, 400/403/405/413/415 errors), the limits, the pages, and a canary that no query may reach.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode

import pytest
from sparql_helpers import Canary, careers_serve
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.sparql.app import MAX_REQUEST_BYTES

SELECT = "SELECT ?label WHERE { gcd:role-director rdfs:label ?label } ORDER BY ?label"

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def base(built_nt):
    with careers_serve(built_nt, "--timeout", "2", "--limit", "100") as url:
        yield url


def request(url: str, *, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) of one request; HTTP errors are returned, not raised."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def client(base: str, query: str, fmt, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{base}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


# ---------------------------------------------------------------- a real client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_with_sparqlwrapper(base, method):
    data = client(base, SELECT, JSON, method).queryAndConvert()
    assert [b["label"]["value"] for b in data["results"]["bindings"]] == ["Director", "directeur"]


@pytest.mark.parametrize(
    ("fmt", "media", "expected"),
    [
        (XML, "application/sparql-results+xml", b'<literal xml:lang="en">Director</literal>'),
        (CSV, "text/csv", b"label\r\nDirector\r\ndirecteur\r\n"),
        (TSV, "text/tab-separated-values", b'?label\n"Director"@en\n'),
    ],
)
def test_select_in_each_result_format(base, fmt, media, expected):
    response = client(base, SELECT, fmt).query()
    assert response.response.headers["Content-Type"].startswith(media)
    assert expected in response.response.read()


def test_ask_with_sparqlwrapper(base):
    assert client(base, "ASK { gcd:role-director a gcdc:Role }", JSON).queryAndConvert()["boolean"] is True
    assert client(base, "ASK { gcd:role-director a gcdc:Position }", JSON).queryAndConvert()["boolean"] is False


def test_construct_with_sparqlwrapper(base):
    from rdflib import Graph

    turtle = client(base, "CONSTRUCT { ?r a gcdc:Role } WHERE { ?r a gcdc:Role }", TURTLE).queryAndConvert()
    assert len(Graph().parse(data=turtle, format="turtle")) == 9


def test_bad_syntax_is_a_400_with_the_message(base):
    """The engine's own reading, as `careers query` gives it: the place where the object was expected."""
    with pytest.raises(QueryBadFormed) as caught:
        client(base, "SELECT * WHERE { ?s ?p }", JSON).query()
    assert "syntax error: expected one of" in str(caught.value) and "(line 1, column 25)" in str(caught.value)


# ---------------------------------------------------------------- protocol cases (W3C SPARQL 1.1 Protocol manifest)


def test_query_via_get_post_form_and_post_direct(base):
    for status, headers, body in (
        request(f"{base}/sparql?query={quote(SELECT)}", headers={"Accept": "application/sparql-results+json"}),
        request(
            f"{base}/sparql", data=urlencode({"query": SELECT}).encode(), headers={"Content-Type": "application/x-www-form-urlencoded"}
        ),
        request(
            f"{base}/sparql",
            data=urlencode({"query": SELECT}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"},
        ),
        request(f"{base}/sparql", data=SELECT.encode(), headers={"Content-Type": "application/sparql-query"}),
    ):
        assert status == 200
        assert headers["Content-Type"] == "application/sparql-results+json"
        assert len(json.loads(body)["results"]["bindings"]) == 2


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+json;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_content_negotiation_for_select(base, accept, media):
    status, headers, _ = request(f"{base}/sparql?query={quote(SELECT)}", headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(media)


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/turtle", "text/turtle"),
        ("application/n-triples", "application/n-triples"),
        ("application/ld+json", "application/ld+json"),
        ("application/rdf+xml", "application/rdf+xml"),
    ],
)
def test_content_negotiation_for_construct_and_describe(base, accept, media):
    for query in ("DESCRIBE gcd:role-director", "CONSTRUCT { ?r a gcdc:Role } WHERE { ?r a gcdc:Role }"):
        status, headers, body = request(f"{base}/sparql?query={quote(query)}", headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(media) and body


def test_unacceptable_format_is_406(base):
    status, _, _ = request(f"{base}/sparql?query={quote(SELECT)}", headers={"Accept": "image/png"})
    assert status == 406


@pytest.mark.parametrize(
    ("name", "kwargs", "expected"),
    [
        ("bad_query_method", {"url": "/sparql?query=ASK%7B%7D", "method": "PUT", "data": b""}, 405),
        ("bad_multiple_queries", {"url": "/sparql?query=ASK%7B%7D&query=ASK%7B%7D"}, 400),
        ("bad_query_wrong_media_type", {"url": "/sparql", "data": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
        ("bad_query_missing_form_type", {"url": "/sparql", "data": b"query=ASK%20%7B%7D", "headers": {"Content-Type": ""}}, 415),
        ("bad_query_missing_direct_type", {"url": "/sparql", "data": b"ASK {}", "headers": {"Content-Type": ""}}, 415),
        (
            "bad_query_non_utf8",
            {"url": "/sparql", "data": b'ASK { ?s ?p "\xff" }', "headers": {"Content-Type": "application/sparql-query"}},
            400,
        ),
        ("bad_query_syntax", {"url": "/sparql?query=ASK%20%7B"}, 400),
        (
            "bad_form_without_query",
            {"url": "/sparql", "data": b"q=1", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
            400,
        ),
        ("bad_update_get", {"url": "/sparql?update=CLEAR%20ALL"}, 403),
        (
            "bad_update_form",
            {"url": "/sparql", "data": b"update=CLEAR%20ALL", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
            403,
        ),
        ("bad_update_direct", {"url": "/sparql", "data": b"CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}, 403),
        ("update_as_query", {"url": "/sparql?query=" + quote("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }")}, 403),
        ("dataset_parameters", {"url": "/sparql?query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fe%2Fg"}, 400),
    ],
)
def test_protocol_errors(base, name, kwargs, expected):
    status, headers, body = request(base + kwargs.pop("url"), **kwargs)
    assert status == expected, (name, body)
    assert headers["Content-Type"].startswith("text/plain") and body


def test_oversized_request_is_413(base):
    big = b"query=" + b"A" * (MAX_REQUEST_BYTES + 1)
    status, _, _ = request(f"{base}/sparql", data=big, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413


def test_slow_query_is_stopped_with_503_and_the_endpoint_recovers(base):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _, body = request(f"{base}/sparql?query={quote(slow)}")
    assert status == 503 and b"time limit" in body
    assert request(f"{base}/sparql?query={quote(SELECT)}")[0] == 200


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("SELECT * WHERE " + "{ " * 60 + "?s ?p ?o" + " }" * 60, b"nested"),
        ("SELECT * WHERE { " + " . ".join(f"?s{i} <http://e/p{i}> ?o{i}" for i in range(300)) + " }", b"more than 128 triple patterns"),
        ("SELECT * WHERE { ?s ?p " + ",".join(["?o"] * 9_000) + " }", b"more than 128 triple patterns"),  # it crashed a worker
        ("SELECT * WHERE { FILTER(1 IN (" + ",".join(["1"] * 9_000) + ")) }", b"list items"),
        ("SELECT * WHERE { " + "OPTIONAL { " * 45 + "?s ?p ?o" + " }" * 45 + " }", b"nested"),
    ],
)
def test_over_deep_queries_are_400_and_never_crash_a_worker(base, query, reason):
    status, _, body = request(
        f"{base}/sparql", data=urlencode({"query": query}).encode(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 400 and reason in body, body
    assert request(f"{base}/sparql?query={quote(SELECT)}")[0] == 200


def test_results_are_cut_at_the_row_limit(base):
    status, headers, body = request(f"{base}/sparql?query={quote('SELECT ?s WHERE { ?s ?p ?o }')}", headers={"Accept": "text/csv"})
    assert status == 200 and headers["X-Results-Truncated"] == "true" and body.count(b"\r\n") == 101


# ---------------------------------------------------------------- pages, description, safety headers


def test_service_description_on_a_plain_get(base):
    status, headers, body = request(f"{base}/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert b"sd:supportedLanguage sd:SPARQL11Query" in body and f"<{base}/sparql> a sd:Service".encode() in body
    status, headers, body = request(f"{base}/sparql", headers={"Accept": "application/ld+json"})
    assert status == 200 and json.loads(body)


def test_query_page_works_offline(base):
    status, headers, body = request(f"{base}/", headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert b"http://" not in body.replace(b'"http://www.w3.org', b"").split(b"<template")[0]
    assert b'src="/static/query.js"' in body and b"In which streams is each IT role found?" in body
    assert request(f"{base}/static/query.js")[0] == 200
    assert request(f"{base}/static/../server.py")[0] == 404


@pytest.mark.parametrize(
    ("accept", "media", "needle"),
    [
        ("text/html", "text/html", b"<h1>Director</h1>"),
        ("text/turtle", "text/turtle", b"gcd:role-director"),
        ("application/ld+json", "application/ld+json", b"role-director"),
        ("application/n-triples", "application/n-triples", b"<https://w3id.org/gc-digital-careers/id/role-director>"),
    ],
)
def test_entity_iris_are_dereferenceable(base, accept, media, needle):
    status, headers, body = request(f"{base}/id/role-director", headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(media) and needle in body


def test_unknown_entities_are_404(base):
    assert request(f"{base}/id/no-such-thing")[0] == 404
    assert request(f"{base}/id/%3Cscript%3E")[0] == 404


def test_no_cors_by_default(base):
    _, headers, _ = request(f"{base}/sparql?query={quote(SELECT)}", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in headers
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_cors_only_when_asked_and_never_with_credentials(built_nt):
    with careers_serve(built_nt, "--cors", "https://app.example") as url:
        _, headers, _ = request(f"{url}/sparql?query={quote(SELECT)}", headers={"Origin": "https://app.example"})
        assert headers["Access-Control-Allow-Origin"] == "https://app.example"
        assert "Access-Control-Allow-Credentials" not in headers
        _, headers, _ = request(f"{url}/sparql?query={quote(SELECT)}", headers={"Origin": "https://other.example"})
        assert "Access-Control-Allow-Origin" not in headers


def test_binds_loopback_by_default(base):
    assert base.startswith("http://127.0.0.1:")


# ---------------------------------------------------------------- the canary: no query reaches another server


def test_no_query_makes_the_canary_receive_a_request(base, built_nt):
    canary = Canary()
    try:
        c = canary.url
        attempts = [
            f"SELECT * WHERE {{ SERVICE <{c}/sparql> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SERVICE SILENT <{c}/sparql> {{ ?s ?p ?o }} }}",
            f"select * where {{ service <{c}/sparql> {{ ?s ?p ?o }} }}",
            f"SELECT * FROM <{c}/data.ttl> WHERE {{ ?s ?p ?o }}",
            f"SELECT * FROM NAMED <{c}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
            f"LOAD <{c}/data.ttl>",
            f"LOAD <{c}/data.ttl> INTO GRAPH <http://e/g>",
            f"DESCRIBE <{c}/data.ttl>",
            f'SELECT * WHERE {{ BIND(IRI("{c}/x") AS ?x) ?x ?p ?o }}',
            f"PREFIX c: <{c}/> SELECT * WHERE {{ SERVICE c:sparql {{ ?s ?p ?o }} }}",
            # a comment ends at CR as well as LF for the engine
            f"SELECT * WHERE {{ BIND(1 AS ?x) #\r SERVICE <{c}/sparql> {{?a ?b ?c}} \n}}",
            f"SELECT * WHERE {{ OPTIONAL {{ BIND(1 AS ?x) #\r SERVICE <{c}/sparql> {{?a ?b ?c}} \n}} }}",
            # keywords glued to names, a second dot run in a local name, `<` read as less-than
            f"PREFIX c: <{c}/> SELECT * WHERE {{ SERVICEc:sparql {{ }} }}",
            f"PREFIX c: <{c}/> SELECT * WHERE {{ ?s ?p trueSERVICE c:sparql {{ }} }}",
            f"PREFIX c: <{c}/> PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ?p ex:a.b.SERVICE c:sparql {{ }} }}",
            f"PREFIX c: <{c}/> PREFIX http: <http://e/> SELECT * WHERE {{ BIND(1 AS ?a) FILTER(?a<http:+'x> \"' || true) "
            f'SERVICE c:sparql {{ }} #"\n}}',
            # rdflib expands \u escapes before parsing: a string to Oxigraph, SERVICE to rdflib
            f'SELECT * WHERE {{ BIND("a\\u0022 AS ?y) SERVICE <{c}/sparql> {{ }} BIND(\\u0022b" AS ?x) }}',
        ]
        for query in attempts:
            request(f"{base}/sparql?query={quote(query)}")
            request(
                f"{base}/sparql", data=urlencode({"query": query}).encode(), headers={"Content-Type": "application/x-www-form-urlencoded"}
            )
            request(f"{base}/sparql", data=query.encode(), headers={"Content-Type": "application/sparql-query"})
            request(f"{base}/sparql?query=ASK%7B%7D&default-graph-uri={quote(c + '/g.ttl')}")
        from click.testing import CliRunner

        from graph.cli import main

        for query in attempts:
            for engine in ("oxigraph", "rdflib"):
                CliRunner().invoke(main, ["query", query, "--engine", engine, "--data", built_nt])
        assert canary.requests == []
    finally:
        canary.close()


@pytest.mark.parametrize("nested", [False, True])
def test_a_comment_ended_by_a_carriage_return_hides_nothing(base, built_nt, nested):
    """The reported hole: after `#` and CR, Oxigraph reads SERVICE (a comment ends at CR or LF); so does the guard now."""
    canary = Canary()
    try:
        pattern = f"BIND(1 AS ?x) #\r SERVICE <{canary.url}/sparql> {{?a ?b ?c}} \n"
        query = "SELECT * WHERE { " + (f"OPTIONAL {{ {pattern}}} " if nested else pattern) + "}"
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        for status, _, body in (
            request(f"{base}/sparql?query={quote(query)}"),
            request(f"{base}/sparql", data=urlencode({"query": query}).encode(), headers=form),
            request(f"{base}/sparql", data=query.encode(), headers={"Content-Type": "application/sparql-query"}),
        ):
            assert status == 403 and b"SERVICE is not allowed" in body
        from click.testing import CliRunner

        from graph.cli import main

        for engine in ("oxigraph", "rdflib"):
            result = CliRunner().invoke(main, ["query", query, "--engine", engine, "--data", built_nt])
            assert result.exit_code == 2 and "SERVICE is not allowed" in result.output
        assert canary.requests == []
    finally:
        canary.close()


def test_the_canary_notices_an_unguarded_engine():
    """Control: rdflib's engine, unguarded, does call out for SERVICE, so the canary test above can fail."""
    from rdflib import Graph

    canary = Canary()
    try:
        try:
            list(Graph().query(f"SELECT * WHERE {{ SERVICE <{canary.url}/sparql> {{ ?s ?p ?o }} }}"))
        except Exception:
            pass  # the canary's answer is not SPARQL results; the request is what counts
        assert canary.requests, "the canary received nothing: the canary test would prove nothing"
    finally:
        canary.close()


def test_serves_the_html_pages_and_nothing_beside_them(tmp_path, built_nt):
    pages = tmp_path / "html"
    pages.mkdir()
    (pages / "index.html").write_text("<!DOCTYPE html><title>pages</title>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for the web", encoding="utf-8")
    with careers_serve(built_nt, "--html-dir", str(pages)) as url:
        status, headers, body = request(f"{url}/html/index.html")
        assert status == 200 and headers["Content-Type"].startswith("text/html") and b"<title>pages</title>" in body
        assert request(f"{url}/html/../secret.txt")[0] == 404
        assert request(f"{url}/html/%2e%2e/secret.txt")[0] == 404
        status, _, body = request(f"{url}/", headers={"Accept": "text/html"})
        assert b'href="/html/index.html"' in body


def test_the_query_page_and_the_entity_pages_in_french(base):
    """Issue 20: the endpoint's pages in French (``?lang=fr``): their words, the named queries' questions, things named
    by their French labels; what exists only in English (a label, a literal in English) is marked lang="en"."""
    from french_helpers import english_words, shown_french

    status, _, body = request(f"{base}/?lang=fr", headers={"Accept": "text/html"})
    page = body.decode("utf-8")
    assert status == 200 and '<html lang="fr">' in page and "Dans quels volets trouve-t-on chaque rôle de la TI\u00a0?" in page
    assert english_words(" ".join(shown_french(page))) == []
    status, _, body = request(f"{base}/id/role-director?lang=fr", headers={"Accept": "text/html"})
    page = body.decode("utf-8")
    assert status == 200 and "<h1>directeur</h1>" in page and 'href="/id/stream-it-security?lang=fr">Sécurité</a>' in page
    assert english_words(" ".join(shown_french(page))) == []
    english = request(f"{base}/id/role-director", headers={"Accept": "text/html"})[2].decode("utf-8")
    assert english_words(" ".join(shown_french(english.replace('lang="en"', 'lang="fr"')))) != []  # the control
