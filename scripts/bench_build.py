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


def time_build(runs: int) -> list[float]:
    """Run a cold ``careers build`` ``runs`` times into a scratch folder; return wall-clock seconds."""
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "graph", "build", "--out", out], check=True, cwd=ROOT, capture_output=True)
            times.append(time.perf_counter() - start)
    return times


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
    times = time_build(args.runs)
    print(
        f"careers build (cold, {args.runs} runs): median {statistics.median(times):.2f} s, "
        f"min {min(times):.2f} s, max {max(times):.2f} s  [target < 3 s]"
    )
    print("stages (one warm run): " + ", ".join(f"{k} {v:.2f} s" for k, v in time_stages().items()))
