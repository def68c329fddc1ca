"""SHACL validation, rudof against pySHACL on the same graphs: seconds (median of runs) and whether they agree.

Each graph is what ``careers build`` validates: the shipped data plus ``bench_scale``'s synthetic extra streams
(``--diverse`` skills), derived, with the moves a build writes. Both engines get the same ``graph.validate.validate``
call, rudof with the graph's N-Triples already written, as in the build; the script fails if their violations differ.

Example
-------
    python scripts/bench_validate.py --streams 0 100 600 --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import synthetic  # noqa: E402

from graph.build import with_built_moves  # noqa: E402
from graph.derive import derive  # noqa: E402
from graph.load import load  # noqa: E402
from graph.validate import ENGINES, validate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", type=int, nargs="*", default=[0, 100, 600], help="Synthetic extra streams (0: the shipped data).")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'streams':>8} {'triples':>9} " + " ".join(f"{e + ' s':>10}" for e in ENGINES) + "  ratio  same")
    for streams in args.streams:
        with tempfile.TemporaryDirectory() as folder:
            extra = []
            if streams:
                extra = [Path(folder) / "extra.ttl"]
                extra[0].write_text(synthetic(streams, diverse=True), encoding="utf-8")
            kb = load(extra)
            derive(kb.g)
            with_built_moves(kb)
            written = Path(folder) / "built.nt"  # as the build has it: written before it is validated
            kb.g.serialize(written, format="nt", encoding="utf-8")
            times, found = {}, {}
            for engine in ENGINES:
                runs = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    found[engine] = validate(kb, engine=engine, ntriples=written if engine == "rudof" else None).violations
                    runs.append(time.perf_counter() - start)
                times[engine] = statistics.median(runs)
            same = found["rudof"] == found["pyshacl"]
            ratio = times["pyshacl"] / times["rudof"]
            print(f"{streams:>8} {len(kb.g):>9,} " + " ".join(f"{times[e]:>10.2f}" for e in ENGINES) + f"  {ratio:5.1f}  {same}")
            if not same:
                sys.exit("the engines disagree")


if __name__ == "__main__":
    main()
