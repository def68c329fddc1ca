"""Time ``careers build`` on the shipped data, cold (a new process each run), and print the median.

Target (issue 2): the full build under 3 s on the project's 2-core machines.

Example
-------
    python scripts/bench_build.py --runs 7
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


CALIBRATION = "s = 0\nfor i in range(5_000_000):\n    s += i\n"
"""A fixed workload timed between builds: these machines' speed varies by up to 40% from minute to minute."""


def time_build(runs: int) -> tuple[list[float], list[float]]:
    """Run a cold ``careers build`` ``runs`` times into a scratch folder, each after the calibration workload.

    Returns the wall-clock seconds of the builds and of the calibration runs.
    """
    times, calibration = [], []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", CALIBRATION], check=True)
            calibration.append(time.perf_counter() - start)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "graph", "build", "--out", out], check=True, cwd=ROOT, capture_output=True)
            times.append(time.perf_counter() - start)
    return times, calibration


def time_stages() -> dict[str, float]:
    """Time each stage once, in this process (imports included in the first)."""
    start = time.perf_counter()
    from graph.derive import derive
    from graph.load import load
    from graph.serialize import FORMATS, serialize
    from graph.validate import validate

    stages = {"import": time.perf_counter() - start}
    start = time.perf_counter()
    kb = load()
    stages["load"] = time.perf_counter() - start
    start = time.perf_counter()
    derive(kb.g)
    stages["derive"] = time.perf_counter() - start
    start = time.perf_counter()
    validate(kb)
    stages["validate"] = time.perf_counter() - start
    start = time.perf_counter()
    for fmt in FORMATS:
        serialize(kb.g, fmt)
    stages["serialize"] = time.perf_counter() - start
    return stages


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    times, calibration = time_build(args.runs)
    ratios = [t / c for t, c in zip(times, calibration, strict=True)]
    summary = f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s"
    print(f"careers build (cold, {args.runs} runs): {summary} [target < 3 s]")
    print(
        f"calibration loop: median {statistics.median(calibration):.2f} s (min {min(calibration):.2f} s, max {max(calibration):.2f} s); "
        f"build / calibration: median {statistics.median(ratios):.2f}"
    )
    print("stages (one warm run): " + ", ".join(f"{k} {v:.2f} s" for k, v in time_stages().items()))
