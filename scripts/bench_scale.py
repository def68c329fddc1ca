"""How the build and the commands scale: synthetic, shape-conforming extra data at growing sizes; print times, memory, slopes.

For each target size the script writes an extra Turtle file of synthetic streams (each with its community,
responsibilities linked to official skills, the IT roles found in it, and a stated progression of its community
to the executive ranks), all derived from one synthetic source document, then times, each in a new process:
``careers build --extra`` (wall time and the build process's peak memory), ``careers validate``, a cold
``careers path`` and ``careers mobility`` on the built graph. It ends with the log-log slope of each measure
against the number of triples (1: linear). Everything it writes is in a temporary folder; every label says
"synthetic".

Targets (issue 11): 3 x 10^5 triples built in under 60 s and 10^6 in under 4 min, both within 2 GB; slope at
most 1.2; at 3 x 10^5, a cold ``careers path`` under 1 s and ``careers mobility`` under 5 s.

With ``--diverse`` each responsibility draws one to three of the 394 official skills (seeded), so that nearly every
stream has a profile of its own, as real departments do (issue 22); by default streams repeat 24 skills in turn.

Example
-------
    python scripts/bench_scale.py --sizes 100000 300000 --timeout 900
    python scripts/bench_scale.py --sizes 400000 --diverse --timeout 900
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRIPLES_PER_STREAM = 585
"""About how many triples one synthetic stream adds to a build (its facts, positions, skill links and moves)."""
SKILLS = [
    "python", "java", "javascript", "sql", "cloud-architecture", "cloud-migration", "devops", "data-modelling-cleaning-and-enrichment",
    "database-design-management", "it-security", "risk-management", "database-migration", "project-management",
    "business-analysis-general", "database-systems", "machine-learning-modeling", "data-visualization", "api-design",
    "automated-testing", "bug-fixing", "version-control", "policy-development", "strategy-development", "team-leadership",
]  # fmt: skip
ROLES = [
    ("technician", 3), ("analyst", 1), ("team-lead", 1), ("technical-advisor", 1), ("manager", 1), ("senior-advisor", 2), ("director", 2),
]  # fmt: skip
"""The IT roles of a synthetic stream: (role, found in every n-th stream)."""

PREFIXES = """@prefix gcdc: <https://w3id.org/gc-digital-careers/ontology#> .
@prefix gcd:  <https://w3id.org/gc-digital-careers/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix syn:  <https://example.org/synthetic/> .

syn:source a gcdc:SourceDocument ; rdfs:label "A synthetic career guide (benchmark data)"@en ;
    dcat:landingPage <https://example.org/synthetic/guide> .
"""


def official_skills() -> list[str]:
    """The local names of the 394 official skills (GC Digital Talent), as the shipped data declares them."""
    text = (ROOT / "ontology" / "data" / "gc-digital-talent.ttl").read_text(encoding="utf-8")
    return sorted(set(re.findall(r"^gcd:skill-([\w-]+) a gcdc:Skill ", text, re.M)))


def synthetic(streams: int, *, diverse: bool = False, seed: int = 22) -> str:
    """Turtle for ``streams`` synthetic streams (25 to a community), every fact quoted from the synthetic source.

    By default each stream's four responsibilities take their skills from a list of 24 in turn, so streams repeat
    each other's profiles. With ``diverse``, each responsibility links one to three official skills drawn (seeded)
    from all 394, so that nearly every stream has a profile of its own, as real departments do (issue 22).
    """
    rng = random.Random(seed)
    everything = official_skills() if diverse else SKILLS
    parts = [PREFIXES]
    quoted = "prov:wasDerivedFrom syn:source"
    for c in range((streams + 24) // 25):
        parts.append(
            f'syn:community-{c} a gcdc:CareerCommunity ; rdfs:label "Synthetic community {c}"@en ; gcdc:order {100 + c} ; '
            f'gcdc:quote "synthetic community {c}" ; {quoted} .\n'
            f'syn:progression-{c} a gcdc:Progression ; rdfs:label "Synthetic community {c} to digital executives"@en ; '
            f"gcdc:fromState syn:community-{c} ; gcdc:toState gcd:community-digital-executives ; "
            f"gcdc:progressionKind gcdc:ExecutiveTransition ; gcdc:basis gcdc:Stated ; gcdc:order {1000 + c} ; "
            f'gcdc:quote "synthetic progression {c}" ; {quoted} .\n'
        )
    for s in range(streams):
        responsibilities = " , ".join(f"syn:resp-{s}-{r}" for r in range(4))
        parts.append(
            f'syn:stream-{s} a gcdc:WorkStream ; rdfs:label "Synthetic stream {s}"@en ; gcdc:community syn:community-{s // 25} ; '
            f'gcdc:order {s} ; gcdc:hasResponsibility {responsibilities} ; gcdc:quote "synthetic stream {s}" ; {quoted} .\n'
        )
        for r in range(4):
            chosen = rng.sample(everything, rng.randint(1, 3)) if diverse else [SKILLS[(s * 3 + r * 5) % len(SKILLS)]]
            skills = " , ".join(f"gcd:skill-{skill}" for skill in chosen)
            parts.append(
                f'syn:resp-{s}-{r} a gcdc:Responsibility ; rdfs:label "synthetic responsibility {s}.{r}"@en ; '
                f'gcdc:curatedSkill {skills} ; gcdc:quote "synthetic responsibility {s}.{r}" ; {quoted} .\n'
            )
        for role, every in ROLES:
            if s % every == 0:
                parts.append(f"gcd:role-{role} gcdc:foundInStream syn:stream-{s} .\n")
    return "".join(parts)


def _run(command: list[str], timeout: float) -> tuple[float, float | None, bool]:
    """Wall seconds, peak memory of the process in MB, and whether it finished in time (and succeeded)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            ok = os.waitstatus_to_exitcode(status) == 0
            if not ok:
                print(f"  failed: {' '.join(command[2:5])}: {process.stderr.read().decode()[-300:]}", file=sys.stderr)
            return time.perf_counter() - start, usage.ru_maxrss / 1024, ok
        if time.perf_counter() > deadline:
            process.kill()
            process.wait()
            return timeout, None, False
        time.sleep(0.05)


def _slope(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(value) against log(triples)."""
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return None
    mx, my = sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points)
    var = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / var if var else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 300_000, 1_000_000], help="Target triples of the build.")
    parser.add_argument("--timeout", type=float, default=600, help="Seconds before a step is stopped (reported as not finished).")
    parser.add_argument("--diverse", action="store_true", help="Streams with skills drawn from all 394 official ones (distinct profiles).")
    args = parser.parse_args()
    python = [sys.executable, "-m", "graph"]
    columns = ("build s", "peak MB", "validate s", "cold path s", "mobility s")
    print(f"{'target':>9} {'streams':>7} {'triples':>9} " + " ".join(f"{c:>11}" for c in columns))
    series: dict[str, list[tuple[int, float]]] = {c: [] for c in columns}
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            streams = max(0, round((size - 26_000) / TRIPLES_PER_STREAM))
            extra, out = Path(scratch) / f"synthetic-{size}.ttl", Path(scratch) / f"out-{size}"
            extra.write_text(synthetic(streams, diverse=args.diverse), encoding="utf-8")
            built, peak, ok = _run([*python, "build", "--extra", str(extra), "--out", str(out)], args.timeout)
            nt = out / "knowledge-graph.nt"
            triples = sum(1 for _ in nt.open("rb")) if ok else 0
            row = {"build s": built if ok else None, "peak MB": peak if ok else None}
            validated, _, valid = _run([*python, "validate", str(extra)], args.timeout)
            row["validate s"] = validated if valid else None
            if ok:
                path, _, fine = _run([*python, "path", "it-02 analyst it database management", "ex-01", "--data", str(nt)], args.timeout)
                row["cold path s"] = path if fine else None
                mobility, _, fine = _run([*python, "mobility", "--data", str(nt)], args.timeout)
                row["mobility s"] = mobility if fine else None
            cells = " ".join(f"{row.get(c):>11.1f}" if row.get(c) is not None else f"{'> ' + str(int(args.timeout)) if not ok else '-':>11}"
                             for c in columns)  # fmt: skip
            print(f"{size:>9,} {streams:>7} {triples:>9,} {cells}", flush=True)
            for c in columns:
                if row.get(c) is not None and triples:
                    series[c].append((triples, row[c]))
    slopes = {c: _slope(series[c]) for c in columns}
    print("log-log slope against triples (1 = linear): " + ", ".join(f"{c} {s:.2f}" for c, s in slopes.items() if s is not None))


if __name__ == "__main__":
    main()
