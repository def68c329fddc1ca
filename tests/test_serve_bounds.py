"""`careers serve` with every resource bounded: each attack of issue 21's "Why" as a test.

Bounds are checked on what the server really holds and does: its processes' resident memory, its own
CPU time against its workers', which worker processes exist, and the status of every answer. The
clients of an attack come from other loopback addresses than the legitimate ones (the endpoint tells
clients apart by address). Throughput side by side with the Oxigraph server is measured by
`scripts/bench_serve.py`, not here.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
from urllib.parse import quote, urlencode, urlsplit

import pytest
from sparql_helpers import leave_early, no_traceback, serve_process, wait_for

pytestmark = [pytest.mark.server, pytest.mark.slow]

FAST = "SELECT ?label WHERE { gcd:role-director rdfs:label ?label }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TEMPLATE = 'SELECT (COUNT(*) AS ?n) WHERE {{ ?s rdfs:label "{label}"@en . ?a ?p ?o . ?b ?q ?r }}'
"""A search template: fast for a label no entity has, minutes for one that exists (the same shape either way)."""
MEMORY_BOMB = (
    "SELECT ?x WHERE { ?s ?p ?o BIND(CONCAT(STR(?o),STR(?o),STR(?o),STR(?o)) AS ?a) BIND(CONCAT(?a,?a,?a,?a,?a,?a,?a,?a) AS ?b) "
    "BIND(CONCAT(?b,?b,?b,?b,?b,?b,?b,?b) AS ?c) BIND(CONCAT(?c,?c,?c,?c,?c,?c,?c,?c) AS ?d) BIND(CONCAT(?d,?d,?d,?d,?d,?d,?d,?d) AS ?x) }"
)
MB = 1024 * 1024


def ask(url: str, query: str, *, source: str | None = None, method: str = "GET", accept: str = "application/sparql-results+json"):
    """Send ``query``; return (status, body, headers)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60, source_address=(source, 0) if source else None)
    try:
        if method == "GET":
            connection.request("GET", "/sparql?query=" + quote(query), headers={"Accept": accept})
        else:
            connection.request(
                "POST", "/sparql", body=query.encode("utf-8"), headers={"Content-Type": "application/sparql-query", "Accept": accept}
            )
        response = connection.getresponse()
        return response.status, response.read(), response.headers  # names read in any case
    finally:
        connection.close()


# ---------------------------------------------------------------- memory


def test_a_flood_of_distinct_large_queries_keeps_the_server_small(built_nt):
    """1,500 distinct 60 KB queries (one astral character each) took the server from 69 to 692 MB: the cache counted
    answers, not keys, and the guard's memo kept every text. Requests answered 406 filled the memo too."""
    with serve_process(built_nt, "--workers", "2", "--cache-mb", "16") as served:
        assert ask(served.url, FAST)[0] == 200
        before = served.rss(workers=False)
        filler = "\U0001d400" * 15_000  # 60 KB of UTF-8

        def flood(n: int) -> int:
            query = f'SELECT ?s WHERE {{ ?s rdfs:label "{n}{filler}" }}'
            accept = "image/png" if n % 3 == 0 else "application/sparql-results+json"
            return ask(served.url, query, method="POST", accept=accept)[0]

        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(flood, range(1_500)))
        assert statuses.count(200) == 1_000 and statuses.count(406) == 500
        grown = served.rss(workers=False) - before
        assert grown < 48 * MB, f"the server grew by {grown / MB:.0f} MB (cache: 16 MB)"
        assert served.rss() < 1024 * MB
        no_traceback(served)


def test_a_query_that_needs_too_much_memory_is_a_503_and_the_server_stays_small(built_nt):
    """A 600-byte chain of CONCAT reached 2.6 GB in 3 s (the machine has no swap). Now its worker stops at its limit."""
    with serve_process(built_nt, "--workers", "2", "--query-memory-mb", "128", "--timeout", "30") as served:
        workers = served.workers()
        status, body, _ = ask(served.url, MEMORY_BOMB)
        assert status == 503 and b"more memory than" in body, body
        assert served.rss() < 1024 * MB
        assert ask(served.url, FAST)[0] == 200
        wait_for(lambda: len(served.workers()) == len(workers), "the stopped worker was not replaced")
        replaced = served.workers() - workers
        status, body, _ = ask(served.url, MEMORY_BOMB)  # asked again: the refusal is remembered, no worker is spent on it
        assert status == 503 and b"more memory than" in body
        assert served.workers() - workers == replaced
        no_traceback(served)


def test_the_memory_limit_is_the_workers_not_the_machines(built_nt):
    """Without the limit a query could take the machine; with it, every worker stays under its copy of the data plus the limit."""
    with serve_process(built_nt, "--workers", "2", "--query-memory-mb", "64") as served:
        assert ask(served.url, MEMORY_BOMB)[0] == 503
        assert ask(served.url, FAST)[0] == 200

        def limits() -> list[str]:
            found = []
            for pid in served.workers():
                with contextlib.suppress(OSError), open(f"/proc/{pid}/limits", encoding="ascii") as lines:
                    found.append(next(line for line in lines if line.startswith("Max address space")).split()[3])
            return found

        wait_for(lambda: len(limits()) == 2 and "unlimited" not in limits(), "the replaced worker never took its limit")
        assert all(int(limit) < 512 * MB for limit in limits())


# ---------------------------------------------------------------- the event loop only does I/O


def test_the_event_loop_leaves_the_guard_to_the_workers(built_nt):
    """2 clients sending a 66 ms-to-refuse query cut cached throughput 60-fold: the guard ran on the event loop, and its
    refusals were not remembered. Now the server process spends no guard time; a repeated refusal costs no worker time."""
    with serve_process(built_nt, "--workers", "2") as served:
        assert ask(served.url, FAST)[0] == 200
        heavy = "SELECT " + "?a " * 20_001 + "WHERE {}"  # refused once all 20,000 tokens are read: the guard's longest job
        main, workers = served.cpu_seconds(), served.worker_cpu_seconds()
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            statuses = list(pool.map(lambda n: ask(served.url, heavy + f" # {n}", method="POST", source="127.0.0.9")[0], range(40)))
        assert statuses == [400] * 40
        main_cost, worker_cost = served.cpu_seconds() - main, served.worker_cpu_seconds() - workers
        assert worker_cost > 2 * main_cost, (main_cost, worker_cost)  # the reading of 40 x 20,000 tokens was the workers'
        workers = served.worker_cpu_seconds()
        for _ in range(40):  # the same text again: refused from memory
            assert ask(served.url, heavy, method="POST", source="127.0.0.9")[0] == 400
        assert served.worker_cpu_seconds() - workers < worker_cost / 4


# ---------------------------------------------------------------- HTTP


@pytest.mark.parametrize(
    ("head", "status"),
    [
        (b"GET /sparql HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (32 * MB), b"431"),
        (b"GET /sparql HTTP/1.1\r\nHost: x\r\nAccept: " + b"text/csv," * (4 * MB), b"431"),
        (b"GET /sparql?query=" + b"%20" * (11 * MB), b"414"),
    ],
    ids=["32 MB header", "32 MB Accept", "32 MB request line"],
)
def test_heads_past_their_limit_are_refused_as_they_arrive(built_nt, head, status):
    """A 32 MB header stalled every client 1.2 s. Now the server answers once the limit is passed, without waiting for the rest."""
    with serve_process(built_nt, "--workers", "2") as served:
        before = served.rss(workers=False)
        parts = urlsplit(served.url)
        sent = 0
        with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
            try:
                for at in range(0, len(head), 64 * 1024):
                    sock.sendall(head[at : at + 64 * 1024])
                    sent = at
            except (BrokenPipeError, ConnectionResetError):
                pass
            answer = b""
            with contextlib.suppress(ConnectionResetError, TimeoutError):
                while chunk := sock.recv(4096):
                    answer += chunk
        assert answer.startswith(b"HTTP/1.1 " + status), answer[:100]
        assert sent < len(head) / 4, "the server read the whole head before answering"
        assert served.rss(workers=False) - before < 16 * MB
        assert ask(served.url, FAST)[0] == 200


@pytest.mark.parametrize("path", ["/html/%00", "/static/a%00b.js", "/id/%00", "/html/%0d%0a", "/static/%ff%fe"])
def test_nul_and_control_characters_in_paths_are_a_400(built_nt, tmp_path, path):
    pages = tmp_path / "html"
    pages.mkdir()
    (pages / "index.html").write_text("<!DOCTYPE html><title>pages</title>", encoding="utf-8")
    with serve_process(built_nt, "--workers", "2", "--html-dir", str(pages)) as served:
        parts = urlsplit(served.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=300)
        connection.request("GET", path)
        response = connection.getresponse()
        assert response.status == 400, (path, response.status, response.read())
        connection.close()
        no_traceback(served)


# ---------------------------------------------------------------- workers


def test_a_dead_idle_worker_is_replaced_before_a_request_meets_it(built_nt):
    """Dead idle workers were found only when a user's request got a 500."""
    # replacing both workers takes a while on a loaded machine: let the first request wait for it rather than get 503
    with serve_process(built_nt, "--workers", "2", "--queue-wait", "300") as served:
        assert ask(served.url, FAST)[0] == 200
        for pid in served.workers():
            os.kill(pid, signal.SIGKILL)
        statuses = [ask(served.url, FAST + f" LIMIT {n}")[0] for n in range(1, 6)]
        assert statuses == [200] * 5
        no_traceback(served)


def test_a_slow_query_whose_client_left_is_stopped(built_nt):
    """Queries kept running after their client had gone, until the time limit."""
    with serve_process(built_nt, "--workers", "2", "--timeout", "120") as served:
        assert ask(served.url, FAST)[0] == 200  # both workers loaded and ready
        workers, cpu = served.workers(), served.worker_cpu_seconds()
        parts = urlsplit(served.url)
        with socket.create_connection((parts.hostname, parts.port), source_address=("127.0.0.6", 0)) as sock:
            sock.sendall(f"GET /sparql?query={quote(SLOW)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            wait_for(lambda: served.worker_cpu_seconds() - cpu > 1.0, "the slow query never started")
        wait_for(lambda: served.workers() != workers, "the query ran on after its client left", seconds=30)  # its limit is 120 s
        assert ask(served.url, FAST)[0] == 200


def test_a_query_left_running_by_a_killed_server_ends_at_its_cpu_limit(built_nt):
    """A server killed while a slow query ran left its worker computing for an hour: the kernel now ends it."""
    import psutil

    with serve_process(built_nt, "--workers", "2", "--timeout", "1") as served:  # CPU limit: 1 s + the grace of 5 s
        assert ask(served.url, FAST)[0] == 200
        descendants = psutil.Process(served.process.pid).children(recursive=True)  # the forkserver and the workers
        cpu = served.worker_cpu_seconds()
        parts = urlsplit(served.url)
        with socket.create_connection((parts.hostname, parts.port)) as sock:
            sock.sendall(f"GET /sparql?query={quote(SLOW)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            wait_for(lambda: served.worker_cpu_seconds() - cpu > 0.2, "the slow query never started")
            served.process.kill()  # no time limit is enforced from now on, but by the kernel
            served.process.wait()
        gone, alive = psutil.wait_procs(descendants, timeout=300)
        assert alive == [], f"still running: {alive}"


# ---------------------------------------------------------------- fairness between clients


def test_a_client_cannot_make_a_query_shape_slow_for_others(built_nt):
    """Two heavy queries of a search template's shape made 99.98% of the template's legitimate requests get 503."""
    with serve_process(built_nt, "--workers", "2", "--timeout", "2") as served:
        attacker = "127.0.0.7"
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            heavy = [pool.submit(ask, served.url, TEMPLATE.format(label=label), source=attacker) for label in ("Director", "Manager")]
            wait_for(lambda: served.slow_workers() == 1, "no heavy query took the attacker's slow slot")  # past its budget
            legit = [ask(served.url, TEMPLATE.format(label=f"Nobody {n}"))[0] for n in range(30)]
            assert [f.result()[0] for f in heavy] == [503, 503]
        assert legit == [200] * 30
        status, body, headers = ask(served.url, TEMPLATE.format(label="Team Lead"), source=attacker)
        assert status == 503 and "Retry-After" in headers or b"time limit" in body  # the attacker's own shape is slow now
        assert [ask(served.url, TEMPLATE.format(label=f"Nobody {n}"))[0] for n in range(10)] == [200] * 10


def test_fresh_slow_queries_from_one_client_hold_one_worker_at_most(built_nt):
    """8 clients sending new slow queries (each of another shape) cut legitimate throughput 17-fold: each took a worker
    for its first budget, then a kill and a respawn. Now a client that keeps overrunning gets one slow slot, no more."""
    with serve_process(built_nt, "--workers", "3", "--slow-slots", "2", "--timeout", "3") as served:
        attacker = "127.0.0.8"

        def fresh(n: int) -> int:
            return ask(served.url, SLOW.replace("?i", f"?i{n}"), source=attacker)[0]

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            first = list(pool.map(fresh, range(8)))  # the overruns that make it a slow client
            assert set(first) == {503}
            waves = [pool.submit(fresh, 100 + n) for n in range(8)]
            wait_for(lambda: served.slow_workers() or all(f.done() for f in waves), "the second wave never ran nor was refused")
            legit = [ask(served.url, FAST + f" LIMIT {n}")[0] for n in range(1, 41)]
            statuses = [f.result() for f in waves]
        assert legit == [200] * 40
        assert statuses.count(503) == 8  # at most one ran (to its time limit); the rest were refused at once
        no_traceback(served)


def test_a_slow_client_keeps_the_queries_it_has_seen_answered_quickly(built_nt):
    """A client that keeps overrunning waits for a slow slot only for query shapes it has not seen answered within budget."""
    with serve_process(built_nt, "--workers", "3", "--slow-slots", "2", "--timeout", "6") as served:
        client = "127.0.0.10"
        with concurrent.futures.ThreadPoolExecutor(3) as pool:  # three overruns at once (one slot for the client): a slow client now
            assert list(pool.map(lambda n: ask(served.url, SLOW.replace("?i", f"?i{n}"), source=client)[0], range(3))) == [503] * 3
        lookup = 'SELECT ?s WHERE {{ ?s rdfs:label "{}"@en }}'  # one shape: only the constant changes
        assert ask(served.url, lookup.format("Director"), source=client)[0] == 200  # held, run in its (free) slot: known fast now
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            cpu = served.worker_cpu_seconds()
            busy = pool.submit(ask, served.url, SLOW.replace("?i", "?busy"), source=client)  # takes the client's slot
            wait_for(lambda: served.worker_cpu_seconds() - cpu > 0.5, "the slow query never started")
            fast = [ask(served.url, lookup.format(f"Label {n}"), source=client)[0] for n in range(10)]
            unknown = ask(served.url, "SELECT ?s WHERE { ?s a gcdc:Role }", source=client)
            assert busy.result()[0] == 503
        assert fast == [200] * 10
        assert unknown[0] == 503 and "Retry-After" in unknown[2]


def test_clients_that_go_away_under_cpu_load_leave_no_traceback(built_nt):
    """Under CPU load the wall-clock budget marked a 1-row lookup slow, and it then waited for a slot held by a request whose
    client had left: a 503 and a traceback. The budget is CPU time now, and a departed client's query is withdrawn."""
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(os.cpu_count() or 2)]  # one per core
    try:
        with serve_process(built_nt, "--workers", "2", "--cache-mb", "0") as served:
            for n in range(20):
                leave_early(served.url, FAST + f" LIMIT {n + 1}")
            assert [ask(served.url, FAST + f" LIMIT {n}")[0] for n in range(1, 11)] == [200] * 10
            no_traceback(served)
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


def test_a_form_with_a_huge_field_is_refused_by_size_not_read_forever(built_nt):
    """The body's size limit holds for forms too (413), and the connection closes."""
    with serve_process(built_nt, "--workers", "2") as served:
        parts = urlsplit(served.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=300)
        body = urlencode({"query": "ASK {}", "pad": "x" * (300 * 1024)})
        connection.request("POST", "/sparql", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        assert response.status == 413
        connection.close()
