"""``careers serve`` beside the Oxigraph server under load, and under the attacks of issues 12 and 21. Loopback only.

Load comes from wrk (Debian package ``wrk``; ``make bench`` installs it), which rotates over the named
queries (PREFIX declarations spelt out, the same text to both servers). It checks first that every
named query gets the same answer from both, then prints requests per second, p50 and p99 latency and
errors (non-2xx answers and socket errors; wrk's timeout is 10 s), medians of ``--runs`` runs:

* **repeated queries**: the Oxigraph server (``oxigraph serve``), ``careers serve`` as it runs by default
  (repeated queries answered from its answer cache) and ``careers serve --cache-mb 0``;
* **distinct queries**: every request carries a comment of its own, so that no cache can help: the
  Oxigraph server and ``careers serve`` (target: at least 0.8x the Oxigraph server at 1, 8, 32 and 128 clients).

Attacks (issue 21): a legitimate load from 127.0.0.1 (wrk, 8 clients) is measured alone, then while an
attacker sends from 127.0.0.2, on both servers; the share of the legitimate throughput kept is printed
(target: at least 50% on ``careers serve``):

* event-loop flood: 2 clients sending distinct queries that the guard must read to the end to refuse
  (legitimate load: repeated fast queries);
* poisoned shape: 2 heavy queries of a search template in flight at all times (legitimate load: the same
  template with labels that match nothing, each request different);
* fresh slow queries: 8 clients each sending new slow queries, each of another shape (legitimate load:
  distinct fast queries).

Memory: the server's resident memory (with its workers) after 1,500 distinct 60 KB queries, and after
memory-hungry queries (GROUP_CONCAT over a product, a chain of CONCAT).

Fault runs of issue 12 (``careers serve --cache-mb 0``, 4 workers, 2 slow slots): slow queries beside
fast ones, each hostile input, a killed worker, 1,000 idle connections.

Example
-------
    python scripts/bench_serve.py --runs 3 --seconds 5
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sparql_helpers import oxigraph_server, serve_process  # noqa: E402

from graph.iris import PREFIXES  # noqa: E402
from graph.paths import named_queries  # noqa: E402

CONCURRENCY = (1, 8, 32, 128, 256)
PARTS = ("throughput", "distinct", "attacks", "memory", "faults")
ATTACKER = "127.0.0.2"
"""Where attacks and slow clients come from: the endpoint tells clients apart by address."""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }} LIMIT {n}"
FAST = "SELECT ?label WHERE {{ <https://w3id.org/gc-digital-careers/id/role-director> rdfs:label ?label }} LIMIT {n}"
HOSTILE = {
    "60 KB a-a-a": "a" + "-a" * 30_000,
    "32 KB a.a.a": "a" + ".a" * 16_000,
    "30 KB BIND(1+1+...)": "SELECT * WHERE { BIND(1" + "+1" * 15_000 + " AS ?x) }",
    "9,000-step path": "SELECT * WHERE { ?s " + "/".join(["rdfs:label"] * 9_000)[:60_000] + " ?o }",
    '"\\u0041FFFFFF"': 'SELECT * WHERE { ?s ?p "\\u0041FFFFFF" }',
    "CONCAT of 1,900 strings": "SELECT * WHERE { BIND(CONCAT(" + ",".join(['"a"'] * 1_900) + ") AS ?x) }",
}


def with_prefixes(query: str) -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if f"PREFIX {p}:" not in query) + query


def lua_script(path: Path, endpoint: str, queries: list[str], *, unique: bool = False) -> None:
    """A wrk script that asks ``queries`` in turn (GET ``endpoint?query=``), each connection from a different start.

    With ``unique``, each request ends with a comment of its own (``# salt-thread-n``, the salt new with each run of wrk):
    the same queries, never the same text, even across runs.
    """
    paths = ",\n".join(json.dumps(f"{endpoint}?query={quote(q)}") for q in queries)
    suffix = ' .. "%0A%23" .. salt .. "-" .. tid .. "-" .. i' if unique else ""
    path.write_text(
        f"paths = {{\n{paths}\n}}\n"
        "counter = 0\n"
        "setup = function(thread) counter = counter + 1; thread:set('offset', counter * 7); thread:set('tid', counter) end\n"
        "init = function(args) i = tonumber(wrk.thread:get('offset')) or 0; tid = wrk.thread:get('tid') or 0; "
        "salt = string.format('%x', os.time()) .. string.sub(tostring({}), -8) end\n"
        f'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]{suffix}, '
        '{["Accept"] = "application/sparql-results+json"}) end\n',
        encoding="utf-8",
    )


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(base: str, script: Path, clients: int, seconds: float) -> dict:
    """Run wrk; return requests/s, p50 and p99 (ms) and errors."""
    out = subprocess.run(
        ["wrk", f"-t{min(2, clients)}", f"-c{clients}", f"-d{seconds:g}s", "--timeout", "10s", "--latency", "-s", str(script), base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    percent = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = int((re.search(r"Non-2xx or 3xx responses: (\d+)", out) or [0, 0])[1])
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": _ms(percent["50"]),
        "p99": _ms(percent["99"]),
        "errors": socket_errors + non_2xx,
    }


def median_of(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def fetch(base: str, path: str, query: str, timeout: float = 60, *, source: str | None = None, post: bool = False) -> tuple:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(source, 0) if source else None)
    try:
        headers = {"Accept": "application/sparql-results+json"}
        if post:
            connection.request("POST", path, body=query.encode(), headers={**headers, "Content-Type": "application/sparql-query"})
        else:
            connection.request("GET", f"{path}?{urlencode({'query': query})}", headers=headers)
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    except OSError as exc:
        return 0, str(exc).encode(), {}
    finally:
        connection.close()


def same_answers(ours: str, oxigraph: str, queries: dict[str, str]) -> list[str]:
    """The named queries whose answers differ (as multisets of solutions)."""

    def solutions(body: bytes):
        data = json.loads(body)
        if "boolean" in data:
            return data["boolean"]
        return sorted(json.dumps(row, sort_keys=True) for row in data["results"]["bindings"])

    differ = []
    for name, query in queries.items():
        a, b = fetch(ours, "/sparql", query), fetch(oxigraph, "/query", query)
        if a[0] != 200 or b[0] != 200 or solutions(a[1]) != solutions(b[1]):
            differ.append(name)
    return differ


def slow_clients(base: str, count: int, until: float, statuses: list[int]) -> list[threading.Thread]:
    """``count`` clients from `ATTACKER` asking slow queries until ``until`` (the legitimate load comes from 127.0.0.1)."""

    def loop(k: int) -> None:
        n = 0
        while time.monotonic() < until:
            n += 1
            status, _, headers = fetch(base, "/sparql", SLOW.format(n=k * 100_000 + n), source=ATTACKER)
            statuses.append(status)
            if status == 503 and "Retry-After" in headers:
                time.sleep(min(float(headers["Retry-After"]), 1.0))

    threads = [threading.Thread(target=loop, args=(k,), daemon=True) for k in range(count)]
    for thread in threads:
        thread.start()
    return threads


# ---------------------------------------------------------------- attacks (issue 21)

TEMPLATE = 'SELECT (COUNT(*) AS ?n) WHERE {{ ?s rdfs:label "{label}"@en . ?a ?p ?o . ?b ?q ?r }}'
HEAVY_TO_REFUSE = "SELECT " + "?a " * 20_001 + "WHERE {{}} # {n}"
FRESH_SLOW = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i{n} }}"


def attackers(count: int, make, until: float, *, path: str, post: bool = False) -> list[threading.Thread]:
    """``count`` threads from `ATTACKER`, each sending ``make(n)`` until ``until`` (a refused attacker tries again at once)."""

    def loop(k: int) -> None:
        n = 0
        while time.monotonic() < until:
            n += 1
            fetch(BASES[path], path, make(k * 1_000_000 + n), timeout=30, source=ATTACKER, post=post)

    threads = [threading.Thread(target=loop, args=(k,), daemon=True) for k in range(count)]
    for thread in threads:
        thread.start()
    return threads


BASES: dict[str, str] = {}
"""The base URL of the server being attacked, by its query path (filled in by `attack`)."""


def attack(name: str, servers: dict[str, tuple[str, str]], scripts: dict[str, Path], start, seconds: float, runs: int) -> None:
    """Legitimate wrk load on each server alone, then under ``start(until, path)``; print the share of throughput kept."""
    cells = []
    for label, (base, path) in servers.items():
        alone, during = [], []
        for _ in range(runs):
            alone.append(wrk(base, scripts[label], 8, seconds))
            BASES[path] = base
            until = time.monotonic() + seconds + 1.5
            threads = start(until, path)
            time.sleep(1.0)  # the attack is under way
            during.append(wrk(base, scripts[label], 8, seconds))
            for thread in threads:
                thread.join(30)
        a, d = median_of(alone), median_of(during)
        cells.append(f"{label}: {a['rps']:.0f} -> {d['rps']:.0f} req/s ({d['rps'] / a['rps']:.0%} kept, {int(d['errors'])} errors)")
    print(f"  {name:22s} " + "; ".join(cells), flush=True)


def memory_runs(served, base: str) -> None:
    filler = "\U0001d400" * 15_000
    before = served.rss()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda n: fetch(base, "/sparql", f'SELECT ?s WHERE {{ ?s rdfs:label "{n}{filler}" }}', post=True), range(1_500)))
    print(f"  1,500 distinct 60 KB queries: server and workers {before / 2**20:.0f} -> {served.rss() / 2**20:.0f} MB")
    for name, query in {
        "GROUP_CONCAT over a product": "SELECT (GROUP_CONCAT(?o) AS ?x) WHERE { ?s ?p ?o . ?a ?b ?c }",
        "chain of CONCAT": (
            "SELECT ?x WHERE { ?s ?p ?o BIND(CONCAT(STR(?o),STR(?o),STR(?o),STR(?o)) AS ?a) BIND(CONCAT(?a,?a,?a,?a,?a,?a,?a,?a) AS ?b) "
            "BIND(CONCAT(?b,?b,?b,?b,?b,?b,?b,?b) AS ?c) BIND(CONCAT(?c,?c,?c,?c,?c,?c,?c,?c) AS ?d) "
            "BIND(CONCAT(?d,?d,?d,?d,?d,?d,?d,?d) AS ?x) }"
        ),
    }.items():
        peak, done = [served.rss()], threading.Event()

        def sample(peak: list[int] = peak, done: threading.Event = done) -> None:
            while not done.is_set():
                peak.append(served.rss())
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        status, body, _ = fetch(base, "/sparql", query)
        done.set()
        sampler.join()
        print(f"  {name:28s} -> {status} ({body.decode()[:60].strip()}...), peak {max(peak) / 2**20:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per point (medians are printed)")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each wrk run")
    parser.add_argument("--concurrency", type=int, nargs="*", default=list(CONCURRENCY))
    parser.add_argument("--only", choices=PARTS, nargs="*", help="run only these parts")
    args = parser.parse_args()
    parts = set(args.only or PARTS)
    if shutil.which("wrk") is None:
        sys.exit("bench_serve needs wrk: apt-get install wrk (make bench installs it)")
    nt_path = ROOT / "outputs" / "knowledge-graph.nt"
    if not nt_path.is_file():
        subprocess.run([sys.executable, "-m", "graph", "build"], cwd=ROOT, check=True, capture_output=True)
    data = nt_path.read_bytes()
    queries = {name: with_prefixes(path.read_text(encoding="utf-8")) for name, path in named_queries().items()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        lua_script(tmp_dir / "ours.lua", "/sparql", list(queries.values()))
        lua_script(tmp_dir / "oxigraph.lua", "/query", list(queries.values()))
        lua_script(tmp_dir / "ours-unique.lua", "/sparql", list(queries.values()), unique=True)
        lua_script(tmp_dir / "oxigraph-unique.lua", "/query", list(queries.values()), unique=True)
        fast = [with_prefixes(FAST.format(n=n)) for n in range(1, 20_001)]
        lua_script(tmp_dir / "fast.lua", "/sparql", fast)
        lua_script(tmp_dir / "fast-oxigraph.lua", "/query", fast)
        lua_script(tmp_dir / "fast-unique.lua", "/sparql", fast[:50], unique=True)
        lua_script(tmp_dir / "fast-unique-oxigraph.lua", "/query", fast[:50], unique=True)
        search = [with_prefixes(TEMPLATE.format(label=f"Nobody {n}")) for n in range(50)]
        lua_script(tmp_dir / "search.lua", "/sparql", search, unique=True)
        lua_script(tmp_dir / "search-oxigraph.lua", "/query", search, unique=True)
        (tmp_dir / "store").mkdir()
        with (
            oxigraph_server(tmp_dir / "store") as oxigraph,
            serve_process(str(nt_path)) as cached,
            serve_process(str(nt_path), "--cache-mb", "0") as uncached,
        ):
            load = http.client.HTTPConnection(urlsplit(oxigraph).hostname, urlsplit(oxigraph).port, timeout=120)
            load.request("PUT", "/store?default", body=data, headers={"Content-Type": "application/n-triples"})
            assert load.getresponse().status in (200, 201, 204)
            differ = same_answers(cached.url, oxigraph, queries)
            equal = len(queries) - len(differ)
            print(f"answers: {equal} of {len(queries)} named queries equal on both servers" + (f"; differ: {differ}" if differ else ""))
            if "throughput" in parts:
                print(f"\nrepeated queries ({args.runs} run(s) of {args.seconds:g} s per point; medians): requests/s, p50 / p99 ms, errors")
                targets = (
                    ("oxigraph", oxigraph, "oxigraph.lua"),
                    ("cached", cached.url, "ours.lua"),
                    ("uncached", uncached.url, "ours.lua"),
                )
                table(("oxigraph server", "careers serve", "careers serve, no cache"), targets, tmp_dir, args)
            if "distinct" in parts:
                print("\ndistinct queries (a comment of its own in every request: no cache helps): requests/s, p50 / p99 ms, errors")
                targets = (("oxigraph", oxigraph, "oxigraph-unique.lua"), ("ours", cached.url, "ours-unique.lua"))
                table(("oxigraph server", "careers serve"), targets, tmp_dir, args, ratio=True)
            if "attacks" in parts:
                print("\nattacks from 127.0.0.2 while 8 legitimate clients (127.0.0.1) load each server (medians)")
                servers = {"careers serve": (cached.url, "/sparql"), "oxigraph server": (oxigraph, "/query")}
                attack(
                    "event-loop flood",
                    servers,
                    {"careers serve": tmp_dir / "fast.lua", "oxigraph server": tmp_dir / "fast-oxigraph.lua"},
                    lambda until, path: attackers(2, lambda n: HEAVY_TO_REFUSE.format(n=n), until, path=path, post=True),
                    args.seconds,
                    args.runs,
                )
                attack(
                    "poisoned shape",
                    servers,
                    {"careers serve": tmp_dir / "search.lua", "oxigraph server": tmp_dir / "search-oxigraph.lua"},
                    lambda until, path: attackers(2, lambda n: with_prefixes(TEMPLATE.format(label="Director")), until, path=path),
                    args.seconds,
                    args.runs,
                )
                attack(
                    "fresh slow queries",
                    servers,
                    {"careers serve": tmp_dir / "fast-unique.lua", "oxigraph server": tmp_dir / "fast-unique-oxigraph.lua"},
                    lambda until, path: attackers(8, lambda n: FRESH_SLOW.format(n=n), until, path=path),
                    args.seconds,
                    args.runs,
                )
            if "memory" in parts:
                print("\nmemory (careers serve, 4 workers, 256 MB a query)")
                memory_runs(cached, cached.url)
            if "faults" in parts:
                faults(uncached, tmp_dir, args)


def table(titles: tuple[str, ...], targets, tmp_dir: Path, args, *, ratio: bool = False) -> None:
    print(f"{'clients':>8s}  " + "  ".join(f"{t:>30s}" for t in titles) + ("   ours / oxigraph" if ratio else ""))
    for clients in args.concurrency:
        runs = {name: [] for name, _, _ in targets}
        for _ in range(args.runs):
            for name, base, script in targets:  # interleaved: the machine's noise falls on all of them
                runs[name].append(wrk(base, tmp_dir / script, clients, args.seconds))
        medians = {name: median_of(runs[name]) for name, _, _ in targets}
        cells = [f"{m['rps']:>8.0f} {m['p50']:>7.1f} / {m['p99']:>7.1f} {int(m['errors']):>5d}" for m in medians.values()]
        line = f"{clients:>8d}  " + "  ".join(f"{c:>30s}" for c in cells)
        if ratio:
            line += f"   {medians['ours']['rps'] / medians['oxigraph']['rps']:.2f}x"
        print(line, flush=True)


def faults(uncached, tmp_dir: Path, args) -> None:
    print("\nfault runs (careers serve --cache-mb 0: 4 workers, 2 slow slots, 10 s time limit)")
    until = time.monotonic() + args.seconds + 1
    statuses: list[int] = []
    clients = slow_clients(uncached.url, 4, until, statuses)
    time.sleep(0.5)
    fast = wrk(uncached.url, tmp_dir / "fast.lua", 8, args.seconds)
    for thread in clients:
        thread.join()
    slow_summary = ", ".join(f"{statuses.count(s)} x {s}" for s in sorted(set(statuses)))
    print(
        f"  4 slow clients (as many as workers) + 8 fast clients: fast {fast['rps']:.0f} requests/s, "
        f"p50 {fast['p50']:.1f} ms, p99 {fast['p99']:.1f} ms, {int(fast['errors'])} errors; slow answers: {slow_summary}"
    )
    for name, query in HOSTILE.items():
        cpu = uncached.cpu_seconds()
        start = time.perf_counter()
        status, _, _ = fetch(uncached.url, "/sparql", query, post=True)
        took = time.perf_counter() - start
        print(f"  hostile {name:26s} -> {status} in {took * 1000:7.1f} ms, server CPU {uncached.cpu_seconds() - cpu:.2f} s")
    victims = sorted(uncached.workers())
    result: dict = {}
    thread = threading.Thread(target=lambda: result.update(wrk(uncached.url, tmp_dir / "fast.lua", 8, args.seconds)))
    thread.start()
    time.sleep(args.seconds / 3)
    killed_at = time.monotonic()
    os.kill(victims[0], signal.SIGKILL)
    while len(uncached.workers()) < len(victims) or victims[0] in uncached.workers():
        time.sleep(0.01)
    whole = time.monotonic() - killed_at
    thread.join()
    print(
        f"  killed worker during 8 clients: {int(result['errors'])} errors of {result['rps'] * args.seconds:.0f} requests, "
        f"pool whole again after {whole * 1000:.0f} ms; {result['rps']:.0f} requests/s"
    )
    parts = urlsplit(uncached.url)
    idle = [socket.create_connection((parts.hostname, parts.port), source_address=("127.0.0.3", 0)) for _ in range(250)]
    try:
        time.sleep(0.5)
        busy = wrk(uncached.url, tmp_dir / "fast.lua", 32, args.seconds)
        threads = uncached.threads()
    finally:
        for sock in idle:
            sock.close()
    print(
        f"  250 idle connections (one client's share) + 32 clients: {busy['rps']:.0f} requests/s, p99 {busy['p99']:.1f} ms, "
        f"{int(busy['errors'])} errors; server threads {threads}"
    )


if __name__ == "__main__":
    main()
