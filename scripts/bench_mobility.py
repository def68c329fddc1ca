"""Time the mobility model (in process), a cold ``careers path`` (a new process each run), and how the model scales.

Targets (issue 8): a cold ``careers path`` on the shipped data under 1 s on these machines; the moves written
into the graph grow linearly with the positions (the rule-allowed moves grow with their square and stay implicit).

The scale part copies the shipped streams and their positions ``--copies`` times (synthetic streams, in memory
only), then counts the moves the rules allow, the moves the bounded graph writes, and times a path search.

Example
-------
    python scripts/bench_mobility.py --runs 7 --copies 1 10 50
"""

from __future__ import annotations

import argparse
import copy
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PATHS = [  # the questions of issue 8
    ("student", "ex-01"),
    ("it-02 analyst database management", "it-05 director it security"),
    ("it-04 manager planning and reporting", "ex-01"),
]


def _median_ms(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def synthetic_copies(facts, copies: int):
    """``facts`` with every stream and its positions repeated ``copies`` more times (ids prefixed ``synthetic-N-``)."""
    grown = copy.deepcopy(facts)
    for n in range(1, copies + 1):
        for sid, stream in facts.streams.items():
            grown.streams[f"synthetic-{n}-{sid}"] = replace(stream, label=f"{stream.label} (synthetic copy {n})")
        for key in ("stream_items",):
            getattr(grown, key).update({f"synthetic-{n}-{s}": items for s, items in getattr(facts, key).items()})
        for pid, p in facts.positions.items():
            grown.positions[f"synthetic-{n}-{pid}"] = replace(p, stream=f"synthetic-{n}-{p.stream}", label=f"{p.label} (synthetic)")
    return grown


def scale(facts, copies: list[int], runs: int) -> None:
    from graph.mobility.moves import MobilityModel
    from graph.mobility.reach import opening_skill, reach
    from graph.mobility.search import best_paths

    analyst = {"skill-it-security": 2, "skill-risk-management": 2, "skill-policy-development": 2, "skill-analytical-thinking": 2}
    print(
        f"\n{'positions':>9} {'allowed moves':>14} {'written (k=3)':>14} {'moves/position':>15} {'model':>9} {'3 paths':>9} "
        f"{'reach':>9} {'opening skill':>14}"
    )
    for n in copies:
        grown = synthetic_copies(facts, n)
        start = time.perf_counter()
        model = MobilityModel(grown)
        built = (time.perf_counter() - start) * 1000
        allowed = sum(len(model.moves_from(node)) for node in model.nodes)
        written = model.graph(k=3).number_of_edges()
        search = _median_ms(
            lambda m=model: best_paths(m, "position-it-02-analyst-it-database-management", "position-it-05-director-it-security", k=3),
            max(1, runs // 3),
        )
        reached = _median_ms(lambda m=model, f=grown: reach(f, m, analyst, level="level-it-02"), max(1, runs // 3))
        start = time.perf_counter()
        opening_skill(grown, model, analyst, level="level-it-02")
        opened = (time.perf_counter() - start) * 1000
        positions = len(grown.positions)
        print(
            f"{positions:9d} {allowed:14,d} {written:14,d} {written / positions:15.1f} {built:7.0f}ms {search:7.1f}ms "
            f"{reached:7.1f}ms {opened:12.0f}ms"
        )


def _cold_reach(nt: Path, folder: Path, runs: int) -> list[float]:
    profile = folder / "analyst.csv"
    profile.write_text("skill,level\nIT Security,2\nRisk Management,2\nPolicy Development,2\nAnalytical Thinking,2\n", encoding="utf-8")
    cold = []
    for _ in range(runs):
        start = time.perf_counter()
        command = [sys.executable, "-m", "graph", "reach", str(profile), "--level", "IT-02", "--data", str(nt)]
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        cold.append(time.perf_counter() - start)
    return cold


def extra_reach(streams: int, runs: int, *, diverse: bool) -> None:
    """A cold `careers reach` on the shipped data plus ``streams`` synthetic streams (bench_scale's), of diverse skills or not."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_scale import synthetic

    with tempfile.TemporaryDirectory() as out:
        extra = Path(out) / "synthetic-diverse.ttl"
        extra.write_text(synthetic(streams, diverse=diverse), encoding="utf-8")
        built = Path(out) / "built"
        subprocess.run(
            [sys.executable, "-m", "graph", "build", "--extra", str(extra), "--out", str(built)], cwd=ROOT, check=True, capture_output=True
        )
        nt = built / "knowledge-graph.nt"
        from graph.mobility.analysis import analyse_built

        facts, model, _ = analyse_built(nt.read_bytes())
        profiles = {frozenset(model.profiles[p].essential.items()) for p in facts.positions}
        kind = "diverse" if diverse else "repeated"
        print(f"{len(facts.positions):,} positions ({streams} synthetic streams, {kind} skills), {len(profiles):,} distinct profiles")
        cold = _cold_reach(nt, Path(out), runs)
        label = "cold `careers reach analyst.csv --level IT-02` (opening skill included)"
        print(f"{label:80s} median {statistics.median(cold):.3f} s, max {max(cold):.3f} s (target < 3 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--copies", type=int, nargs="*", default=[0, 5, 20, 50], help="Synthetic copies of the streams to time.")
    parser.add_argument(
        "--extra-streams", type=int, default=0, help="Only time a cold `careers reach` on a build with this many extra synthetic "
        "streams (631 streams: about 3,500 positions; the build takes minutes)."
    )  # fmt: skip
    parser.add_argument("--diverse", action="store_true", help="With --extra-streams: streams of diverse skills (bench_scale's).")
    args = parser.parse_args()
    if args.extra_streams:
        extra_reach(args.extra_streams, args.runs, diverse=args.diverse)
        return
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "graph", "build", "--out", out], cwd=ROOT, check=True, capture_output=True)
        nt = Path(out) / "knowledge-graph.nt"
        from graph.mobility.analysis import analyse_built
        from graph.mobility.communities import skill_clusters
        from graph.mobility.facts import read_facts
        from graph.mobility.gateways import betweenness, bridges, ceilings, pagerank
        from graph.mobility.moves import MobilityModel
        from graph.mobility.search import best_paths
        from graph.mobility.similarity import stream_similarity

        facts, model, source = analyse_built(nt.read_bytes())
        sims = stream_similarity(facts)
        G = model.graph()
        timings = {
            "read facts (SPARQL on Oxigraph)": lambda: read_facts(source),
            "build the mobility model": lambda: MobilityModel(facts),
            "bounded graph (k=3), fresh model": lambda: MobilityModel(facts).graph(),
            "3 best paths, fresh model: student -> EX-01": lambda: best_paths(MobilityModel(facts), "entry-student", "level-ex-01"),
            "stream similarity (13 streams)": lambda: stream_similarity(facts),
            "betweenness + PageRank + bridges + ceilings": lambda: (betweenness(G), pagerank(G), bridges(G), ceilings(G)),
            "skill clusters (Louvain)": lambda: skill_clusters(sims),
        }
        for name, call in timings.items():
            print(f"{name:55s} {_median_ms(call, args.runs):8.2f} ms")
        for source_name, target_name in PATHS:
            cold = []
            for _ in range(args.runs):
                start = time.perf_counter()
                command = [sys.executable, "-m", "graph", "path", source_name, target_name, "--data", str(nt)]
                subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
                cold.append(time.perf_counter() - start)
            label = f"cold `careers path {source_name!r} {target_name!r}`"
            print(f"{label:80s} median {statistics.median(cold):.3f} s, max {max(cold):.3f} s (target < 1 s)")
        cold = _cold_reach(nt, Path(out), args.runs)
        label = "cold `careers reach analyst.csv --level IT-02` (opening skill included)"
        print(f"{label:80s} median {statistics.median(cold):.3f} s, max {max(cold):.3f} s (target < 1 s)")
        scale(facts, args.copies, args.runs)


if __name__ == "__main__":
    main()
