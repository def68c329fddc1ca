"""The main job: load, derive, analyse, validate, then write every output at once, atomically.

Outputs: the knowledge graph (Turtle, N-Triples, JSON-LD), its VoID/DCAT description, the mobility
report (``reports/``) and the interactive pages (``html/``).

Nothing is written unless everything was produced: a bad extra file or a shape violation leaves the
previous outputs as they were. Each file is written to a temporary name beside its target and renamed
over it, so a reader never sees half a file.

Examples
--------
Building takes a few seconds (the tests build once per session, in tests/conftest.py):

>>> import tempfile
>>> from graph.build import build
>>> result = build(out_dir=tempfile.mkdtemp())  # doctest: +SKIP
>>> result.counts["gcdc:Position"]  # doctest: +SKIP
72
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import ValidationFailed

if TYPE_CHECKING:  # the heavy modules (rdflib, pySHACL, networkx) are imported inside the functions: see `build`
    from graph.load import KnowledgeBase
    from graph.mobility.facts import Facts
    from graph.mobility.moves import MobilityModel
    from graph.validate import ValidationReport

__all__ = ["BuildResult", "build", "built_graph", "knowledge_base", "write_atomically"]

GRAPH_STEM = "knowledge-graph"
SUMMARY_CLASSES = (
    "WorkStream",
    "Level",
    "Role",
    "Position",
    "Responsibility",
    "Expertise",
    "FunctionalArea",
    "Skill",
    "JobTemplate",
    "SkillLink",
    "StaffingRule",
    "PayRange",
    "Progression",
    "Program",
    "EntryRoute",
)


@dataclass
class BuildResult:
    """What `build` wrote and counted."""

    out_dir: Path
    files: list[str]
    triples: int
    counts: dict[str, int] = field(default_factory=dict)
    report: ValidationReport | None = None

    def summary(self, lang: str = "en") -> str:
        """A few lines for the terminal, in ``lang`` (the classes by their names in the ontology)."""
        from graph.i18n import text

        curie = "gcdc:" if lang != "en" else ""  # in another language, the classes by their ids in the ontology
        parts = ", ".join(f"{self.counts.get('gcdc:' + c, 0)} {curie}{c}" for c in SUMMARY_CLASSES)
        top = sorted({name.split("/")[0] + ("/" if "/" in name else "") for name in self.files})
        return text(lang, "build_summary", triples=self.triples, parts=parts, files=len(self.files), out=self.out_dir, top=", ".join(top))


def knowledge_base(extra: Iterable[Path | str] = ()) -> tuple[KnowledgeBase, ValidationReport]:
    """Load, derive and validate; raise `ValidationFailed` when the shapes are not satisfied."""
    from graph.derive import derive
    from graph.load import load

    kb = load(extra)
    derive(kb.g)
    return kb, _validated(kb)


def analysed_knowledge_base(extra: Iterable[Path | str] = ()) -> tuple[KnowledgeBase, ValidationReport, Facts, MobilityModel]:
    """`knowledge_base`, then the mobility analysis, whose moves are written back into the graph.

    Returns ``(kb, report, facts, model)``.
    """
    kb, report = knowledge_base(extra)
    facts, model = _analyse(kb)
    _write_back(kb, model)
    return kb, report, facts, model


def build(extra: Iterable[Path | str] = (), *, out_dir: Path | str = "outputs", observed: Path | None = None) -> BuildResult:
    """Build the knowledge graph (plus ``extra`` files) and the reports into ``out_dir``; see the module docstring.

    ``observed`` is a DuckDB file from ``careers observe``: its published aggregates join the graph, the report and the pages.
    """
    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    # The graph files (the largest) go to a staging folder beside the outputs as soon as they are made, and the rdflib
    # graph is let go once validated and counted: a build's memory is the graph's, not the graph's and all its files'.
    with tempfile.TemporaryDirectory(prefix=f".{out.name}-build-", dir=out.parent) as staging:
        outputs, result = _build_into(Path(staging), extra, out, observed)
        write_atomically(out, outputs, staged=Path(staging))
    return result


def _build_into(staging: Path, extra: Iterable[Path | str], out: Path, observed: Path | None) -> tuple[dict[str, bytes], BuildResult]:
    """Make every output: the graph files in ``staging``, the others in memory (``{relative path: bytes}``)."""
    outputs: dict[str, bytes] = {}
    # A worker process, forked before anything heavy is imported, imports matplotlib while this process imports and
    # loads, then draws the charts (about 0.8 s) while this one validates and writes the HTML pages. Validation covers
    # the inferred moves too; if it or anything else fails, every file is dropped and nothing is written.
    with ProcessPoolExecutor(1, mp_context=_worker_context()) as pool:
        pool.submit(_prepare_charts)
        from graph.coverage import coverage_files
        from graph.derive import derive
        from graph.describe import describe, statistics
        from graph.load import load
        from graph.mobility.report import chart_files, report_files
        from graph.serialize import FORMATS, serialize, serialized
        from graph.store import OxigraphStore
        from graph.viz.data import labels
        from graph.viz.export import html_files

        kb = load(extra)
        derive(kb.g)
        facts, model = _analyse(kb)
        charts = pool.submit(chart_files, facts, model)
        _write_back(kb, model)
        data = None  # the observed data's published tables, when there are observed data
        if observed is not None:
            from graph.observe.outputs import flow_chart, observed_report
            from graph.observe.published import read_published
            from graph.observe.rdf import DATASET, add_observed
            from graph.project.observed import project_observed
            from graph.project.outputs import projection_files
            from graph.project.rdf import add_projection

            data = read_published(observed, facts, model)
            add_observed(kb.g, data)
            projection = project_observed(observed, facts, model, published=data)
            add_projection(kb.g, projection, DATASET)
            outputs.update(projection_files(projection))
            observed_charts = {lang: pool.submit(flow_chart, data, facts, lang) for lang in ("en", "fr")}
        sizes = {}
        for fmt, payload in serialized(kb.g):
            name = GRAPH_STEM + FORMATS[fmt]
            sizes[name] = (staging / name).write_bytes(payload)
            del payload
        report = _validated(kb, staging / f"{GRAPH_STEM}.nt")
        outputs["void.ttl"] = serialize(describe(kb.g, sizes), "turtle").encode("utf-8")
        stats = statistics(kb.g)
        counts = {kb.g.namespace_manager.normalizeUri(cls): n for cls, n in stats["per_class"].items()}
        del kb  # the pages, the report and the coverage read the built N-Triples through Oxigraph
        built = OxigraphStore.from_ntriples((staging / f"{GRAPH_STEM}.nt").read_bytes(), lenient=True)  # just written and validated
        french = labels(built, "fr")
        outputs.update(report_files(facts, model, charts=False, names=french))
        if data is not None:
            outputs.update(observed_report(data, facts, model, names=french))  # in French too: once the graph is built
        outputs.update(html_files(facts, model, built, data))
        outputs.update(coverage_files(built))
        outputs.update(charts.result())
        if data is not None:
            for lang, chart in observed_charts.items():
                outputs[f"reports/observed-flows{'' if lang == 'en' else '.' + lang}.png"] = chart.result()
    files = sorted([*outputs, *sizes])
    return outputs, BuildResult(out_dir=out, files=files, triples=stats["triples"], counts=counts, report=report)


def built_graph(data: list[Path] | None = None, *, outputs: Path | None = None) -> tuple[bytes, str]:
    """The N-Triples to query or analyse, and where they came from: `graph.built.read_built`, or a build in memory.

    Without ``data`` and without ``outputs/knowledge-graph.nt``, the shipped data is built in memory (slower;
    the origin says so).
    """
    from graph.built import NotBuilt, read_built
    from graph.paths import DEFAULT_OUTPUTS
    from graph.serialize import serialize

    try:
        return read_built(data, outputs=outputs or DEFAULT_OUTPUTS)
    except NotBuilt:
        kb, *_ = analysed_knowledge_base()
        return serialize(kb.g, "nt").encode("utf-8"), "the shipped data, built in memory (run `careers build` to query faster)"


def _worker_context() -> multiprocessing.context.BaseContext:
    """How to start the chart worker: forked (it starts at once), or from a fork server when it would not be safe.

    A library that runs threads of its own (DuckDB for observed data, and the like), once loaded, makes a forked
    child unsafe.
    """
    import sys

    threaded = any(name in sys.modules for name in ("duckdb", "pandas", "lifelines", "pyarrow"))
    return multiprocessing.get_context("forkserver" if threaded else "fork")


def _prepare_charts() -> None:
    from graph.mobility.report import prepare_charts

    prepare_charts()


def _validated(kb: KnowledgeBase, ntriples: Path | None = None) -> ValidationReport:
    """Validate ``kb`` (``ntriples``: the same graph already written, if it is); raise `ValidationFailed` unless it conforms."""
    from graph.validate import validate

    report = validate(kb, ntriples=ntriples)
    if not report.conforms:
        raise ValidationFailed(report)
    return report


def _analyse(kb: KnowledgeBase) -> tuple[Facts, MobilityModel]:
    """The mobility analysis of the derived graph; data too broken to analyse is reported as shape violations."""
    from graph.mobility.analysis import analyse

    try:
        return analyse(kb.g)
    except Exception:
        _validated(kb)  # raises ValidationFailed with the user's mistakes
        raise


def with_built_moves(kb: KnowledgeBase) -> None:
    """Add to ``kb`` (derived) the moves a build writes: the mobility model's explicit and cheapest implicit moves.

    So that `careers validate` checks what `careers build` checks. Raises `ValidationFailed` when the data is too broken
    to analyse (with the shapes' violations, which say why).
    """
    _, model = _analyse(kb)
    _write_back(kb, model)


def _write_back(kb: KnowledgeBase, model: MobilityModel) -> None:
    from graph.mobility.rdf import add_moves

    add_moves(kb.g, model.graph())


def write_atomically(out_dir: Path, files: dict[str, bytes], *, staged: Path | None = None) -> None:
    """Write each ``{relative path: bytes}`` under ``out_dir`` via a temporary file and a rename.

    Files already written in ``staged`` (a folder on the same file system) are renamed into place first.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(staged.iterdir()) if staged else ():
        os.chmod(path, 0o644)
        os.replace(path, out_dir / path.name)
    for relative, data in sorted(files.items()):
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)  # mkstemp creates 0600; outputs are for everyone to read
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
