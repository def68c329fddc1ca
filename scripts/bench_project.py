"""Time the workforce projection: the Monte Carlo alone, and `careers project` on a large observed data set.

Targets (issue 18): 10 levels x 20 years x 10,000 simulations in under 5 s; the projection from 10^6 observed actions
(a synthetic population of careers synth, about 217,000 people over 10 years) in under 30 s, cold, back-test included.
The population is generated and ingested first (minutes; not timed), in a temporary folder.

Example
-------
    python scripts/bench_project.py --runs 5 --people 217000
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median_s(call, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--people", type=int, default=217_000, help="People of the synthetic population (0: skip that part).")
    args = parser.parse_args()
    from graph.project.projection import psc_rates
    from graph.project.simulate import simulate

    states = tuple(f"level-it-0{i}" for i in range(1, 6)) + tuple(f"level-ex-0{i}" for i in range(1, 6))
    rates, start = psc_rates(states)
    median, worst = _median_s(lambda: simulate(rates, start, years=20, sims=10_000, seed=1), args.runs)
    print(f"{'Monte Carlo: 10 levels x 20 years x 10,000 simulations':70s} median {median:.2f} s, max {worst:.2f} s (target < 5 s)")
    if not args.people:
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        careers = [sys.executable, "-m", "graph"]
        subprocess.run([*careers, "build", "--out", str(folder / "built")], cwd=ROOT, check=True, capture_output=True)
        nt = str(folder / "built" / "knowledge-graph.nt")
        moves, db = folder / "moves.csv", folder / "observed.duckdb"
        subprocess.run([*careers, "synth", "--people", str(args.people), "--years", "10", "-o", str(moves), "--data", nt],
                       cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        subprocess.run([*careers, "observe", str(moves), "--db", str(db), "--data", nt, "--key-file", str(folder / "key")],
                       cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        actions = con.execute("SELECT count(*) FROM actions").fetchone()[0]
        con.close()
        command = [*careers, "project", "--observed", str(db), "--backtest", "--format", "json", "--data", nt]
        median, worst = _median_s(lambda: subprocess.run(command, cwd=ROOT, check=True, capture_output=True), args.runs)
        label = f"cold `careers project --backtest` on {actions:,} synthetic actions"
        print(f"{label:70s} median {median:.2f} s, max {worst:.2f} s (target < 30 s)")


if __name__ == "__main__":
    main()
