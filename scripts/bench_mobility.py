"""Time the mobility analyses (in process) and a cold ``careers path`` (a new process each run); print medians.

Target (issue 3): a cold ``careers path`` on the shipped data under 1 s on these machines.

Example
-------
    python scripts/bench_mobility.py --runs 9
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median_ms(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    nt = ROOT / "outputs" / "knowledge-graph.nt"
    if not nt.is_file():
        subprocess.run([sys.executable, "-m", "graph", "build"], cwd=ROOT, check=True, capture_output=True)
    from graph.mobility.analysis import analyse_built
    from graph.mobility.communities import skill_clusters
    from graph.mobility.facts import read_facts
    from graph.mobility.gateways import betweenness, bridges, dead_ends, pagerank
    from graph.mobility.ladders import ladder_matrix
    from graph.mobility.network import mobility_graph
    from graph.mobility.paths import best_paths
    from graph.mobility.reachability import reachable_senior
    from graph.mobility.similarity import stream_similarity
    from graph.mobility.source import source_for

    source = source_for(nt)
    facts, G, *_ = analyse_built([nt])
    sims = stream_similarity(facts)
    timings = {
        "read facts (SPARQL on Oxigraph)": lambda: read_facts(source),
        "build mobility graph": lambda: mobility_graph(facts),
        "ladders": lambda: ladder_matrix(G),
        "3 best paths student -> IT-05 Director, IT Security": lambda: best_paths(
            G, "entry-student", "position-it-05-director-it-security"
        ),
        "stream similarity (13 streams)": lambda: stream_similarity(facts),
        "betweenness + PageRank + bridges + dead ends": lambda: (betweenness(G), pagerank(G), bridges(G), dead_ends(G)),
        "skill clusters (Louvain)": lambda: skill_clusters(sims),
        "reachability within 3 moves": lambda: reachable_senior(G, k=3),
    }
    for name, call in timings.items():
        print(f"{name:55s} {_median_ms(call, args.runs):8.2f} ms")
    cold = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "graph", "path", "student", "it-05 director it security"], cwd=ROOT, check=True, capture_output=True
        )
        cold.append(time.perf_counter() - start)
    print(f"cold `careers path` ({args.runs} runs): median {statistics.median(cold):.3f} s, max {max(cold):.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
