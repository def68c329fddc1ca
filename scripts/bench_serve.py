"""``careers serve`` beside the Oxigraph server under load, and the fault runs of issue 12. Loopback only; bounded in time.

Load comes from wrk (Debian package ``wrk``; ``make bench`` installs it), which rotates over the named
queries (PREFIX declarations spelt out, the same text to both servers). Three servers on the same
data: the Oxigraph server (``oxigraph serve``), ``careers serve`` as it runs by default (repeated
queries answered from its answer cache) and ``careers serve --cache-mb 0`` (every query run by a
worker). At each concurrency it prints requests per second, p50 and p99 latency and errors (non-2xx
answers and socket errors; wrk's timeout is 10 s), medians of ``--runs`` runs. It checks first that
every named query gets the same answer from both.

Fault runs (``careers serve --cache-mb 0``, 4 workers, 2 slow slots):
- slow queries: as many clients as workers send cartesian COUNTs (10 s time limit) while wrk sends
  fast queries, each different (no cache could help): fast p99 and errors;
- hostile inputs: each pathological query of the issue, its status, the server process's CPU seconds;
- a killed worker: one worker is killed (SIGKILL) during a wrk run: errors, and the time until the
  pool is whole again;
- idle connections: 1,000 connections opened and left silent, then wrk at 32 clients: throughput,
  p99, errors, and the server's threads.

Example
-------
    python scripts/bench_serve.py --runs 3 --seconds 5
"""

from __future__ import annotations

import argparse
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


def lua_script(path: Path, endpoint: str, queries: list[str]) -> None:
    """A wrk script that asks ``queries`` in turn (GET ``endpoint?query=``), each connection from a different start."""
    paths = ",\n".join(json.dumps(f"{endpoint}?query={quote(q)}") for q in queries)
    path.write_text(
        f"paths = {{\n{paths}\n}}\n"
        "counter = 0\n"
        "setup = function(thread) counter = counter + 1; thread:set('offset', counter * 7) end\n"
        "init = function(args) i = tonumber(wrk.thread:get('offset')) or 0 end\n"
        'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1], '
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


def fetch(base: str, path: str, query: str, timeout: float = 60) -> tuple[int, bytes, dict]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", f"{path}?{urlencode({'query': query})}", headers={"Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
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


def descendants(pid: int) -> dict[int, int]:
    """Process id -> depth below ``pid`` (Linux /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
    depth, frontier, found = 0, {pid}, {}
    while frontier:
        depth += 1
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found.update(dict.fromkeys(frontier, depth))
    return found


def workers_of(pid: int) -> list[int]:
    """The query workers of the server ``pid``: the forkserver's children."""
    return sorted(p for p, depth in descendants(pid).items() if depth == 2)


def slow_clients(base: str, count: int, until: float, statuses: list[int]) -> list[threading.Thread]:
    def loop(k: int) -> None:
        n = 0
        while time.monotonic() < until:
            n += 1
            status, _, headers = fetch(base, "/sparql", SLOW.format(n=k * 100_000 + n))
            statuses.append(status)
            if status == 503 and "Retry-After" in headers:
                time.sleep(min(float(headers["Retry-After"]), 1.0))

    threads = [threading.Thread(target=loop, args=(k,), daemon=True) for k in range(count)]
    for thread in threads:
        thread.start()
    return threads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per point (medians are printed)")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each wrk run")
    parser.add_argument("--concurrency", type=int, nargs="*", default=list(CONCURRENCY))
    args = parser.parse_args()
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
        lua_script(tmp_dir / "fast.lua", "/sparql", [FAST.format(n=n) for n in range(1, 20_001)])
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
            print(f"\nthroughput ({args.runs} run(s) of {args.seconds:g} s per point; medians): requests/s, p50 / p99 ms, errors")
            print(f"{'clients':>8s}  {'oxigraph server':>30s}  {'careers serve':>30s}  {'careers serve, no cache':>30s}")
            targets = (("oxigraph", oxigraph, "oxigraph.lua"), ("cached", cached.url, "ours.lua"), ("uncached", uncached.url, "ours.lua"))
            for clients in args.concurrency:
                runs = {name: [] for name, _, _ in targets}
                for _ in range(args.runs):
                    for name, base, script in targets:  # interleaved: the machine's noise falls on all three
                        runs[name].append(wrk(base, tmp_dir / script, clients, args.seconds))
                cells = []
                for name, _, _ in targets:
                    m = median_of(runs[name])
                    cells.append(f"{m['rps']:>8.0f} {m['p50']:>7.1f} / {m['p99']:>7.1f} {int(m['errors']):>5d}")
                print(f"{clients:>8d}  " + "  ".join(f"{c:>30s}" for c in cells), flush=True)

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
                status, _, _ = fetch(uncached.url, "/sparql", query)
                took = time.perf_counter() - start
                print(f"  hostile {name:26s} -> {status} in {took * 1000:7.1f} ms, server CPU {uncached.cpu_seconds() - cpu:.2f} s")

            victims = workers_of(uncached.process.pid)
            result: dict = {}
            thread = threading.Thread(target=lambda: result.update(wrk(uncached.url, tmp_dir / "fast.lua", 8, args.seconds)))
            thread.start()
            time.sleep(args.seconds / 3)
            killed_at = time.monotonic()
            os.kill(victims[0], signal.SIGKILL)
            while len(workers_of(uncached.process.pid)) < len(victims) or victims[0] in workers_of(uncached.process.pid):
                time.sleep(0.01)
            whole = time.monotonic() - killed_at
            thread.join()
            print(
                f"  killed worker during 8 clients: {int(result['errors'])} errors of {result['rps'] * args.seconds:.0f} requests, "
                f"pool whole again after {whole * 1000:.0f} ms; {result['rps']:.0f} requests/s"
            )

            parts = urlsplit(uncached.url)
            idle = [socket.create_connection((parts.hostname, parts.port)) for _ in range(1000)]
            try:
                time.sleep(0.5)
                busy = wrk(uncached.url, tmp_dir / "fast.lua", 32, args.seconds)
                threads = uncached.threads()
            finally:
                for sock in idle:
                    sock.close()
            print(
                f"  1,000 idle connections + 32 clients: {busy['rps']:.0f} requests/s, p99 {busy['p99']:.1f} ms, "
                f"{int(busy['errors'])} errors; server threads {threads}"
            )


if __name__ == "__main__":
    main()
