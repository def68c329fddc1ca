"""Time ``careers observe``'s work, the observed analysis and the build on synthetic actions at growing sizes; print medians.

For each size, a synthetic file (careers synth's generator, seeded) is written once; then, each in a new process and
``--runs`` times: the ingest (checks, title mapping, keyed hashes, DuckDB) and the full analysis (every published
figure: flows, rates, time in level with lifelines, between streams, against the structure, pyramid, with the joint
disclosure control and its audit by linear programming); then ``careers build --observed`` on the result.
Prints the medians of wall time and of peak memory, and the log-log slope against the number of actions.

Targets (issues 9 and 17): 10^6 actions ingested and analysed in under 20 s and 1.5 GB, built in under 2 GB;
near-linear growth (slope at most 1.1).

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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTIONS_PER_PERSON = 4.6
"""About how many actions careers synth writes per starting person over 10 years (92,240 for 20,000 people)."""

STEP = """
import sys, time
from pathlib import Path
from graph.commands.observed import _positions
from graph.mobility.analysis import analyse_built
from graph.observe.ingest import ingest
from graph.observe.levels import Classification
from graph.observe.published import read_published
facts, model, source = analyse_built(Path(sys.argv[1]).read_bytes())
positions = _positions(facts, source)
start = time.perf_counter()
ingest([Path(sys.argv[2])], Path(sys.argv[3]), positions=positions, levels=Classification.of(facts), key=b"benchmark key, not a secret")
data = read_published(Path(sys.argv[3]), facts, model)
print(time.perf_counter() - start, data.figures, data.withheld, data.at_risk)
"""


def _run(args: list[str]) -> tuple[float, float, list[str]]:
    """(wall seconds of the process; its peak memory in MB; the words it printed)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0), err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(err.read().decode()[-2000:])
        return seconds, usage.ru_maxrss / 1024, out.read().decode().split()


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
        print(f"{'target':>9} {'actions':>9} {'observe s':>9} {'peak MB':>8} {'build s':>8} {'peak MB':>8}  figures (withheld, at risk)")
        points_time, points_memory = [], []
        for size in args.sizes:
            moves = Path(scratch) / f"moves-{size}.csv"
            people = max(1, round(size / ACTIONS_PER_PERSON))
            synth = ["synth", "--people", str(people), "--years", "10", "--seed", "1", "-o", str(moves), "--data", str(nt)]
            subprocess.run([sys.executable, "-m", "graph", *synth], cwd=ROOT, check=True, capture_output=True)
            actions = sum(1 for _ in moves.open()) - 1
            db = Path(scratch) / f"run-{size}.duckdb"
            observed, builds = [], []
            for _ in range(args.runs):
                _, memory, words = _run(["-c", STEP, str(nt), str(moves), str(db)])
                observed.append((float(words[0]), memory, words[1:]))
                build = ["-m", "graph", "build", "--observed", str(db), "--out", str(Path(scratch) / "out")]
                builds.append(_run(build)[:2])
            seconds, memory = statistics.median(r[0] for r in observed), statistics.median(r[1] for r in observed)
            build_seconds, build_memory = statistics.median(r[0] for r in builds), statistics.median(r[1] for r in builds)
            figures, withheld, at_risk = (int(w) for w in observed[-1][2])
            points_time.append((actions, seconds))
            points_memory.append((actions, memory))
            print(
                f"{size:>9,} {actions:>9,} {seconds:>9.2f} {memory:>8.0f} {build_seconds:>8.2f} {build_memory:>8.0f}"
                f"  {figures:,} ({withheld:,}, {at_risk})",
                flush=True,
            )
        if len(points_time) > 1:
            print(f"log-log slope against actions: observe time {_slope(points_time):.2f}, memory {_slope(points_memory):.2f}")


if __name__ == "__main__":
    main()
