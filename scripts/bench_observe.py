"""Time ``careers observe``'s work and the full observed analysis on synthetic actions at growing sizes; print medians.

For each size, a synthetic file (careers synth's generator, seeded) is written once; then, each in a new process and
``--runs`` times: the ingest (checks, title mapping, DuckDB) and the full analysis (every published table: flows,
rates, time in level with lifelines, observed against the structure, streams in and out, pyramid, with suppression).
Prints the medians of wall time and of peak memory, and the log-log slope against the number of actions.

Targets (issue 9): 10^6 actions in under 20 s and 1.5 GB; near-linear growth (slope at most 1.1).

Example
-------
    python scripts/bench_observe.py --sizes 10000 100000 1000000 --runs 3
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTIONS_PER_PERSON = 3.7
"""About how many actions careers synth writes per starting person over 10 years (a snapshot, then about 0.27 a year)."""

STEP = """
import sys, time
from pathlib import Path
from graph.mobility.analysis import analyse_built
from graph.observe.ingest import ingest
from graph.observe.outputs import open_observed
facts, model, _ = analyse_built(Path(sys.argv[1]).read_bytes())
positions = {pid: {"label": p["label"], "level": p["level"], "stream_label": facts.streams[p["stream"]]["label"]}
             for pid, p in facts.positions.items()}
start = time.perf_counter()
ingest([Path(sys.argv[2])], Path(sys.argv[3]), positions=positions)
data = open_observed(Path(sys.argv[3]), facts, model)
print(time.perf_counter() - start, sum(len(t) for t in data.tables.values()))
"""


def _run(args: list[str]) -> tuple[float, float]:
    """(seconds of ingest and analysis, as the step measured them; peak memory of the process in MB)."""
    process = subprocess.Popen([sys.executable, "-c", STEP, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    out = process.stdout.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(process.stderr.read().decode()[-2000:])
    return float(out.split()[0]), usage.ru_maxrss / 1024


def _slope(points: list[tuple[float, float]]) -> float:
    xs, ys = [math.log(x) for x, _ in points], [math.log(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000], help="Target numbers of actions.")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        built = Path(scratch) / "built"
        subprocess.run([sys.executable, "-m", "graph", "build", "--out", str(built)], cwd=ROOT, check=True, capture_output=True)
        nt = built / "knowledge-graph.nt"
        print(f"{'target':>9} {'actions':>9} {'seconds':>8} {'peak MB':>8}")
        points_time, points_memory = [], []
        for size in args.sizes:
            moves = Path(scratch) / f"moves-{size}.csv"
            people = max(1, round(size / ACTIONS_PER_PERSON))
            synth = ["synth", "--people", str(people), "--years", "10", "--seed", "1", "-o", str(moves), "--data", str(nt)]
            subprocess.run([sys.executable, "-m", "graph", *synth], cwd=ROOT, check=True, capture_output=True)
            actions = sum(1 for _ in moves.open()) - 1
            runs = [_run([str(nt), str(moves), str(Path(scratch) / f"run-{size}.duckdb")]) for _ in range(args.runs)]
            seconds, memory = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            points_time.append((actions, seconds))
            points_memory.append((actions, memory))
            print(f"{size:>9,} {actions:>9,} {seconds:>8.2f} {memory:>8.0f}", flush=True)
        if len(points_time) > 1:
            print(f"log-log slope against actions: time {_slope(points_time):.2f}, memory {_slope(points_memory):.2f}")


if __name__ == "__main__":
    main()
