"""The query guard, layer by layer: the lexer reads queries as Oxigraph does, and nothing it accepts calls out.

* Layer 1 (`inspect_query`) is tested on every refused construct and on the ways found to hide ``SERVICE``
  from a reader that does not read exactly as the engine (a comment ended by CR, keywords glued to names,
  a prefixed name with two dot runs, ``<`` read as *less than* with a string after it).
* Layer 2 (`check_parsed`, rdflib's parse tree) is tested directly, so that an rdflib upgrade that renamed
  its rules would fail here instead of failing open.
* Two Hypothesis properties: the guard's reading of generated queries (comments, line ends, strings,
  escapes) equals the engine's, value for value; and no query the guard accepts makes the engine call out.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pyoxigraph import QuerySolutions, Store
from sparql_helpers import Canary

from graph.sparql.engine import Engine
from graph.sparql.guard import (
    MAX_CHAIN,
    MAX_DEPTH,
    MAX_PATTERNS,
    MAX_QUERY_BYTES,
    MAX_TOKENS,
    QuerySyntaxError,
    QueryTooComplex,
    UnsafeQuery,
    check_parsed,
    inspect_query,
)
from graph.sparql.lexer import tokenize, unescape
from graph.sparql.rdflib_engine import RdflibEngine
from graph.sparql.sandbox import forbid_network

NT = b'<http://e/a> <http://e/p> "x" .\n'


@pytest.fixture(scope="module")
def canary():
    server = Canary()
    yield server
    server.close()


# ---------------------------------------------------------------- layer 1: every refused construct


@pytest.mark.parametrize(
    ("query", "error", "words"),
    [
        ("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", UnsafeQuery, "INSERT is an update"),
        ("DELETE WHERE { ?s ?p ?o }", UnsafeQuery, "DELETE is an update"),
        ("CLEAR ALL", UnsafeQuery, "CLEAR is an update"),
        ("WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", UnsafeQuery, "WITH is an update"),
        ("LOAD <http://127.0.0.1:9/x.ttl>", UnsafeQuery, "LOAD is not allowed"),
        ("SELECT * WHERE { ?s ?p ?o } LOAD", UnsafeQuery, "LOAD is not allowed"),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", UnsafeQuery, "FROM and FROM NAMED"),
        ("SELECT * FROM NAMED <http://e/g> WHERE { GRAPH ?g { ?s ?p ?o } }", UnsafeQuery, "FROM and FROM NAMED"),
        ("select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }", UnsafeQuery, "SERVICE is not allowed"),
        ("SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }", UnsafeQuery, "SERVICE is not allowed"),
        ("SELECT * WHERE { OPTIONAL { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }", UnsafeQuery, "SERVICE is not allowed"),
        ("SELECT * WHERE " + "{ " * (MAX_DEPTH + 1) + "?s ?p ?o" + " }" * (MAX_DEPTH + 1), QueryTooComplex, "nested more than 24"),
        ("SELECT * WHERE { ?s ?p ?o }" + " " * MAX_QUERY_BYTES, QueryTooComplex, "longer than 65536 bytes"),
        ("SELECT " + "?a " * (MAX_TOKENS + 1) + "WHERE {}", QueryTooComplex, "longer than 20000 tokens"),
        ("ASK { " + "?a?b?c." * (MAX_PATTERNS + 1) + "}", QueryTooComplex, "more than 128 triple patterns"),
        ("ASK { ?s ?p " + ",".join(["?o"] * MAX_CHAIN) + "}", QueryTooComplex, "more than 128 triple patterns"),
        ("ASK { ?s " + ";".join(["?p ?o"] * MAX_CHAIN) + "}", QueryTooComplex, "more than 128 triple patterns"),
        ("ASK { FILTER(1 IN (" + ",".join(["1"] * MAX_CHAIN) + ")) }", QueryTooComplex, "list items"),
        ("ASK { BIND(COALESCE(" + ",".join(["1"] * MAX_CHAIN) + ") AS ?x) }", QueryTooComplex, "list items"),
        ("ASK { BIND(CONCAT(" + ",".join(['"a"'] * MAX_CHAIN) + ") AS ?x) }", QueryTooComplex, "list items"),
        ("ASK { VALUES ?x { " + "1 " * MAX_CHAIN + "} }", QueryTooComplex, "list items"),
        ("SELECT * WHERE { BIND(" + "+".join(["1"] * (MAX_CHAIN + 1)) + " AS ?x) }", QueryTooComplex, "more than 2000 operators"),
        ("SELECT * WHERE { ?s " + "/".join(["<http://e/p>"] * (MAX_CHAIN + 1)) + " ?o }", QueryTooComplex, "more than 2000 operators"),
        ("SELECT * WHERE { ?s ?p ?o " + "MINUS { ?s ?p ?o } " * (MAX_CHAIN // 2 + 1) + "}", QueryTooComplex, "more than 2000 operators"),
        ("SELECT * WHERE { BIND(" + "!" * (MAX_CHAIN + 1) + "true AS ?x) }", QueryTooComplex, "more than 2000 operators"),
        ("SELECT * WHERE { ?s ?p }\u00a0", QuerySyntaxError, "unexpected character '\\xa0'"),
        ("SELECT * WHERE { ?s ?p 'open }", QuerySyntaxError, "unterminated string"),
        ("hello", QuerySyntaxError, "no SELECT"),
    ],
)
def test_layer_one_refuses(query, error, words):
    with pytest.raises(error, match=re.escape(words)):
        inspect_query(query)


def test_refusals_name_the_line_and_column():
    with pytest.raises(UnsafeQuery) as caught:
        inspect_query("SELECT * WHERE {\n  ?s ?p ?o .\n  SERVICE <http://e/> { ?s ?p ?o } }")
    assert (caught.value.line, caught.value.column) == (3, 3)


@pytest.mark.parametrize(
    "query",
    [
        # the reported hole: a comment ends at CR for the engine (as the SPARQL grammar says), not only at LF
        "SELECT * WHERE {{ BIND(1 AS ?x) #\r SERVICE <{c}/sparql> {{ ?a ?b ?c }} \n}}",
        "SELECT * WHERE {{ OPTIONAL {{ BIND(1 AS ?x) #\r SERVICE <{c}/sparql> {{ ?a ?b ?c }} \n}} }}",
        # Oxigraph reads keywords without a word boundary
        "PREFIX s: <{c}/> SELECT * WHERE {{ SERVICEs:x {{}} }}",
        "PREFIX s: <{c}/> SELECT * WHERE {{ ?s ?p trueSERVICE s:x {{}} }}",
        "PREFIX s: <{c}/> SELECT * WHERE {{ ?s ?p falseService s:x {{}} }}",
        "PREFIX : <{c}/> PREFIX service: <http://e/> SELECT * WHERE {{ service:x {{}} }}",  # SERVICE :x
        # a local name holds one run of dots for Oxigraph: ex:a.b.SERVICE is ex:a.b . SERVICE
        "PREFIX ex: <http://e/> PREFIX s: <{c}/> SELECT * WHERE {{ ?s ?p ex:a.b.SERVICE s:x {{}} }}",
    ],
)
def test_every_way_found_to_hide_service_is_refused(canary, query):
    query = query.format(c=canary.url)
    with pytest.raises(UnsafeQuery, match="SERVICE is not allowed"):
        inspect_query(query)
    store = Store()  # control: unguarded, the engine does call out for each of them
    with contextlib.suppress(Exception):
        list(store.query(query))
    assert canary.requests, query
    canary.requests.clear()


def test_an_iri_after_an_operand_cannot_hide_code_from_the_engine(canary):
    """``?a<http:+'x> "'...``: a valid IRI to a lexer, but `<` then `http: + '...'` to the engine in an expression.

    The guard reads an IRI and a string (no SERVICE); the engine reads a string that ends inside that string
    and then SERVICE. The engine therefore runs the guard's text, where the IRI's first character is escaped:
    there, `<` followed by a backslash can only be an IRI.
    """
    query = (
        f"PREFIX http: <http://e/> PREFIX s: <{canary.url}/> "
        "SELECT * WHERE { BIND(1 AS ?a) FILTER(?a<http:+'x> \"' || true) SERVICE s:x {} #\"\n}"
    )
    info = inspect_query(query)  # the guard's reading: no SERVICE keyword
    assert "<\\u0068ttp:+'x>" in info.text
    with contextlib.suppress(Exception):
        list(Store().query(query))  # control: the raw text calls out
    assert canary.requests
    canary.requests.clear()
    with pytest.raises(QuerySyntaxError):
        Engine.from_ntriples(NT).run(query)
    assert canary.requests == []


def test_what_the_engine_runs_keeps_the_meaning_and_the_positions():
    query = "SELECT ?l # the label\nWHERE { <http://e/a> <http://e/p> ?l }"
    info = inspect_query(query)
    assert info.text == "SELECT ?l            \nWHERE { <\\u0068ttp://e/a> <\\u0068ttp://e/p> ?l }"
    assert Engine.from_ntriples(NT).run(query, "csv").body == b"l\r\nx\r\n"
    with pytest.raises(QuerySyntaxError) as caught:  # the engine's error, placed in the user's text
        Engine.from_ntriples(NT).run("SELECT * WHERE { <http://e/a> <http://e/p> ?o ?bad }")
    assert (caught.value.line, caught.value.column) == (1, 53)  # where Oxigraph puts it in the raw text


def test_keywords_inside_strings_iris_comments_and_names_are_not_refused():
    query = 'PREFIX ex: <http://e/SERVICE/> SELECT ?service ?from WHERE { ?service ex:FROM "LOAD SERVICE" } # FROM SERVICE'
    assert inspect_query(query).form == "SELECT"
    check_parsed(inspect_query(query).text)
    assert Engine.from_ntriples(NT).run(query, "csv").body == b"service,from\r\n"


def test_the_lexer_reads_each_character_once_on_the_inputs_that_were_quadratic():
    """The old lexer re-scanned a long name from every position (36 s of CPU for 60 KB of ``a-a-a-``).

    Each of these is now one or two tokens, so the work is one pass over the text; and no input gets more
    than `MAX_TOKENS` tokens read before it is refused.
    """
    assert [t.kind for t in tokenize("a-" * 30_000)] == ["word"]
    assert [t.kind for t in tokenize("a." * 30_000)] == ["word", "punct"]
    assert [t.kind for t in tokenize("<a" * 30_000 + ">")][-3:] == ["punct", "word", "punct"]
    with pytest.raises(QueryTooComplex, match="20000 tokens"):
        inspect_query("SELECT * WHERE {" + "?a" * 30_000)


# ---------------------------------------------------------------- layer 2: rdflib's parse tree


@pytest.mark.parametrize(
    ("query", "error", "words"),
    [
        ("SELECT * WHERE { SERVICE <http://e/> { ?s ?p ?o } }", UnsafeQuery, "SERVICE is not allowed"),
        ("SELECT * WHERE { OPTIONAL { SERVICE SILENT ?x { ?s ?p ?o } } }", UnsafeQuery, "SERVICE is not allowed"),
        ("SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }", UnsafeQuery, "FROM and FROM NAMED"),
        ("SELECT * FROM NAMED <http://e/g> WHERE { ?s ?p ?o }", UnsafeQuery, "FROM and FROM NAMED"),
        # rdflib expands \u escapes before it parses: what is a string to Oxigraph is SERVICE to rdflib
        ('SELECT * WHERE { BIND("a\\u0022 AS ?y) SERVICE <http://e/> { } BIND(\\u0022b" AS ?x) }', UnsafeQuery, "SERVICE is not allowed"),
        ('SELECT * WHERE { BIND("\\U0041FFFF" AS ?x) }', QuerySyntaxError, "Invalid unicode code point"),
        ("SELECT * WHERE { ?s ?p }", QuerySyntaxError, "syntax error"),
        ("SELECT * WHERE { " + " . ".join(f"?s{i} <http://e/p> ?o{i}" for i in range(400)) + " }", QueryTooComplex, "too deeply"),
    ],
)
def test_layer_two_refuses(query, error, words):
    with pytest.raises(error, match=re.escape(words)):
        check_parsed(query)


def test_layer_two_accepts_a_plain_query():
    check_parsed("SELECT * WHERE { ?s ?p ?o OPTIONAL { ?s ?q ?r } }")


def test_rdflib_engine_always_asks_layer_two(canary):
    """rdflib's engine would call out for this; the guard's first layer sees a string, rdflib's parser SERVICE."""
    query = f'SELECT * WHERE {{ BIND("a\\u0022 AS ?y) SERVICE <{canary.url}/> {{ }} BIND(\\u0022b" AS ?x) }}'
    assert inspect_query(query).form == "SELECT"
    with pytest.raises(UnsafeQuery, match="SERVICE"):
        RdflibEngine.from_ntriples(NT).run(query)
    assert Engine.from_ntriples(NT).run(query, "csv").body.startswith(b"x\r\n")  # Oxigraph: one string, no call
    assert canary.requests == []


# ---------------------------------------------------------------- the sandbox: no network for a worker, guard or not


def _service_in_a_process(url: str, confine: bool) -> str:
    """Run ``SERVICE <url>`` on a raw Oxigraph store (no guard at all) in a forked process, confined or not; what it raised."""
    import multiprocessing

    def run(conn) -> None:
        if confine:
            forbid_network()
        try:
            list(Store().query(f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"))
            conn.send("answered")
        except Exception as exc:  # noqa: BLE001 (what the engine makes of it is the answer)
            conn.send(type(exc).__name__)

    mine, theirs = multiprocessing.get_context("fork").Pipe()
    process = multiprocessing.get_context("fork").Process(target=run, args=(theirs,))
    process.start()
    outcome = mine.recv() if mine.poll(60) else "no answer"
    process.join(10)
    return outcome


def test_a_confined_worker_reaches_nothing_even_without_the_guard(canary):
    """The endpoint's workers are confined (seccomp): a SERVICE the guard misread would fail at the kernel."""
    assert _service_in_a_process(canary.url, confine=True) == "PermissionError"
    assert canary.requests == []


def test_the_canary_notices_an_unconfined_worker(canary):
    """Control: the same call, unconfined, does reach the canary, so the test above could fail."""
    _service_in_a_process(canary.url, confine=False)
    assert canary.requests, "the canary received nothing: the sandbox test would prove nothing"
    canary.requests.clear()


def test_the_endpoints_workers_are_confined(tmp_path):
    """What `careers serve` starts: workers with seccomp on (its status says so) and an address-space limit."""
    from graph.sparql.workers import WorkerFactory, WorkerSpec

    factory = WorkerFactory(WorkerSpec(NT, memory=64 * 1024 * 1024))
    worker = factory.start()
    try:
        status = Path(f"/proc/{worker.process.pid}/status").read_text()
        assert re.search(r"^Seccomp:\s+2$", status, re.M), "seccomp filter mode"
        limits = Path(f"/proc/{worker.process.pid}/limits").read_text()
        soft = next(line for line in limits.splitlines() if line.startswith("Max address space")).split()[3]
        size = int(re.search(r"^VmSize:\s+(\d+) kB$", status, re.M).group(1)) * 1024
        # its size when it set the limit (what it inherited from this process, whatever ran here before) plus 64 MiB
        assert soft != "unlimited" and 0 < int(soft) - size <= 64 * 1024 * 1024
    finally:
        worker.kill()


# ---------------------------------------------------------------- property: the guard reads what the engine reads

_COMMENT_BITS = [
    "BIND(9 AS ?hidden)",
    '"',
    "'",
    "<http://e/",
    ">",
    "\\u0022",
    "\\",
    "#",
    " ",
    "x",
    "{",
    "}",
    "\u00a0",
    "\u2028",
    "\x0b",
    "\x0c",
    "\x85",
]
_SEPARATOR = st.one_of(
    st.sampled_from([" ", "\t", "\n", "\r", "\r\n", "\n\r"]),
    st.builds(
        lambda bits, end: "#" + "".join(bits) + end,
        st.lists(st.sampled_from(_COMMENT_BITS), max_size=5),
        st.sampled_from(["\n", "\r", "\r\n"]),
    ),
)
_ESCAPES = ["\\t", "\\n", "\\r", "\\\\", '\\"', "\\'", "\\u0022", "\\u0027", "\\u000A", "\\u0041", "\\U0001F600", "\\u005C"]
_PLAIN = ["a", " ", "#", "<", ">", "{", "}", "é", "BIND(8 AS ?in_string)", "\t"]


def _string(quote: str, units: list[str]) -> str:
    return quote + "".join(units) + quote


def _short(quote: str):
    plain = [*_PLAIN, "'" if quote == '"' else '"']
    return st.builds(_string, st.just(quote), st.lists(st.sampled_from(plain + _ESCAPES), max_size=6))


def _long(quote: str):
    other = "'" if quote == '"' else '"'
    unit = st.builds(
        lambda lead, char: lead + char,
        st.sampled_from(["", quote, quote * 2]),
        st.sampled_from([*_PLAIN, other, "\n", "\r", *_ESCAPES]),
    )
    return st.builds(_string, st.just(quote * 3), st.lists(unit, max_size=6))


_STRING = st.one_of(_short('"'), _short("'"), _long('"'), _long("'"))
_ITEM = st.one_of(st.integers(0, 99).map(str), _STRING)


def _guard_bindings(query: str) -> dict[str, str]:
    """What the guard's tokens bind: ``BIND(value AS ?v)`` with the value's text decoded."""
    tokens = [t for t in tokenize(query) if t.kind not in ("ws", "comment")]
    bound = {}
    for i, token in enumerate(tokens):
        if token.kind == "word" and token.text == "AS" and [t.text for t in tokens[i - 3 : i - 1]] == ["BIND", "("]:
            value = tokens[i - 1]
            bound[tokens[i + 1].text[1:]] = _value(value.text)
    return bound


def _value(item: str) -> str:
    """The value of a generated number or string, as the grammar defines it."""
    if item[0] not in "'\"":
        return item
    quotes = 3 if item[:3] in ("'''", '"""') else 1
    return unescape(item[quotes:-quotes])


def _engine_bindings(query: str) -> dict[str, str]:
    result = Store().query(query)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    (solution,) = list(result)
    return {name: term.value for name, term in zip(names, solution, strict=True) if term is not None}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_SEPARATOR, _ITEM), min_size=1, max_size=6), _SEPARATOR)
@example([("#\r", "1")], "\n")
@example([("#x\\u000A\r", '"a\\u0022 b"')], "\r")
@example([(" ", "'''a''x'''")], " ")
def test_the_guard_reads_generated_queries_as_the_engine_does(parts, last):
    """Comments, line ends, white space, the four string forms and their escapes: the same BINDs, the same values."""
    body = "".join(f"{sep}BIND({item} AS ?v{i})" for i, (sep, item) in enumerate(parts))
    query = f"SELECT * WHERE {{{body}{last}}}"
    info = inspect_query(query)
    expected = _guard_bindings(query)
    assert expected == {f"v{i}": _value(item) for i, (_, item) in enumerate(parts)}  # the generator made what it meant to
    assert _engine_bindings(query) == expected  # the engine's reading of the user's text
    assert _engine_bindings(info.text) == expected  # and of the text it actually runs


# ---------------------------------------------------------------- property: nothing accepted calls out

_DISGUISES = [
    "SERVICE s:x {{}}",
    "SERVICE <{c}/x> {{}}",
    "sErViCe s:x {{}}",
    "SERVICEs:x {{}}",
    "?s ?p trueSERVICE s:x {{}}",
    "?s ?p ex:a.b.SERVICE s:x {{}}",
    "#\rSERVICE s:x {{}}\n",
    "#\\u000A SERVICE s:x {{}}\n",
    'BIND("a\\u0022 AS ?y) SERVICE s:x {{}} BIND(\\u0022b" AS ?q)',
    "BIND(1 AS ?a) FILTER(?a<http:+'x> \"' || true) SERVICE s:x {{}} #\"\n",
    "BIND('''a''' AS ?q) '' SERVICE s:x {{}}",
    "S\\u0045RVICE s:x {{}}",
    "{{ SERVICE SILENT s:x {{}} }}",
    "OPTIONAL {{ SERVICE s:x {{}} }}",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_DISGUISES), _SEPARATOR), min_size=1, max_size=3))
def test_no_query_the_guard_accepts_calls_out(canary, parts):
    prologue = f"PREFIX ex: <http://e/> PREFIX http: <http://e/> PREFIX s: <{canary.url}/> "
    body = "".join(disguise.format(c=canary.url) + sep for disguise, sep in parts)
    query = prologue + "SELECT * WHERE { " + body + " }"
    try:
        info = inspect_query(query)
    except (UnsafeQuery, QuerySyntaxError):
        return
    assert info.form == "SELECT"
    for engine in (Engine(Store()), RdflibEngine.from_ntriples(NT)):
        with contextlib.suppress(Exception):  # whatever the engine makes of it, only the canary's silence counts
            engine.run(query)
    assert canary.requests == [], query
