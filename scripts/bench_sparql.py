"""Latency of the named queries on four engines over the same data, and of a cold ``careers query``.

Engines: the embedded Oxigraph engine (in process), rdflib's engine (in process), ``careers serve``
and an Oxigraph server (both over HTTP on 127.0.0.1, one persistent connection each). Prints the
median and p95 latency per query, in milliseconds. Targets (issue 5): careers serve within 1.5x of
the Oxigraph server, at least 10x faster than rdflib's engine; a cold ``careers query`` under 0.3 s.

Example
-------
    python scripts/bench_sparql.py --runs 30
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sparql_helpers import careers_serve, oxigraph_server  # noqa: E402

from graph.iris import PREFIXES  # noqa: E402
from graph.paths import named_queries  # noqa: E402
from graph.sparql.engine import Engine  # noqa: E402
from graph.sparql.rdflib_engine import RdflibEngine  # noqa: E402

ACCEPT = {"Accept": "application/sparql-results+json"}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _timed(call, runs: int) -> list[float]:
    call()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _http(base: str, path: str, query: str):
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

    def call():
        headers = {**ACCEPT, "Content-Type": "application/x-www-form-urlencoded"}
        connection.request("POST", path, body=urlencode({"query": query}), headers=headers)
        response = connection.getresponse()
        body = response.read()
        assert response.status == 200, body[:200]

    return call


def _with_prefixes(query: str) -> str:
    """The Oxigraph server has no predeclared prefixes: spell them out (the named queries declare theirs anyway)."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if f"PREFIX {p}:" not in query) + query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    nt_path = ROOT / "outputs" / "knowledge-graph.nt"
    if not nt_path.is_file():
        subprocess.run([sys.executable, "-m", "graph", "build"], cwd=ROOT, check=True, capture_output=True)
    data = nt_path.read_bytes()
    embedded, rdflib_engine = Engine.from_ntriples(data), RdflibEngine.from_ntriples(data)
    queries = {name: path.read_text(encoding="utf-8") for name, path in named_queries().items()}
    results: dict[str, dict[str, list[float]]] = {}
    with (
        tempfile.TemporaryDirectory() as store_dir,
        oxigraph_server(Path(store_dir)) as oxigraph,
        careers_serve(str(nt_path), "--cache-mb", "0") as ours,  # every query run, not answered from the cache
    ):
        load = http.client.HTTPConnection(urlsplit(oxigraph).hostname, urlsplit(oxigraph).port)
        load.request("PUT", "/store?default", body=data, headers={"Content-Type": "application/n-triples"})
        assert load.getresponse().status in (200, 201, 204)
        for name, query in queries.items():
            results[name] = {
                "embedded": _timed(lambda q=query: embedded.run(q, "json"), args.runs),
                "rdflib": _timed(lambda q=query: rdflib_engine.run(q, "json"), max(5, args.runs // 6)),
                "careers serve": _timed(_http(ours, "/sparql", query), args.runs),
                "oxigraph server": _timed(_http(oxigraph, "/query", _with_prefixes(query)), args.runs),
            }
    engines = ["embedded", "rdflib", "careers serve", "oxigraph server"]
    print(f"{'query':42s}" + "".join(f"{e + ' med/p95 ms':>26s}" for e in engines))
    for name, by_engine in results.items():
        print(f"{name:42s}" + "".join(f"{statistics.median(by_engine[e]):>14.2f} /{_p95(by_engine[e]):>9.2f}" for e in engines))
    med = {e: statistics.median([statistics.median(r[e]) for r in results.values()]) for e in engines}

    def ratio(a: str, b: str) -> float:
        return statistics.median([statistics.median(r[a]) / statistics.median(r[b]) for r in results.values()])

    ratio_oxi, ratio_rdflib = ratio("careers serve", "oxigraph server"), ratio("rdflib", "careers serve")
    print("median of per-query medians (ms): " + ", ".join(f"{e} {med[e]:.2f}" for e in engines))
    print(f"careers serve / oxigraph server: {ratio_oxi:.2f}x (target <= 1.5x)")
    print(f"rdflib / careers serve: {ratio_rdflib:.1f}x (target >= 10x)")
    cold = []
    for _ in range(9):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "graph", "query", "ASK { ?s ?p ?o }"], cwd=ROOT, check=True, capture_output=True)
        cold.append(time.perf_counter() - start)
    print(f"cold `careers query` (9 runs): median {statistics.median(cold):.3f} s, max {max(cold):.3f} s (target < 0.3 s)")


if __name__ == "__main__":
    main()
