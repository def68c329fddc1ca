"""The main job: load, derive, validate, then write every output at once, atomically.

Nothing is written unless everything was produced: a bad extra file or a shape violation leaves the
previous outputs as they were. Each file is written to a temporary name beside its target and renamed
over it, so a reader never sees half a file.

Examples
--------
>>> import tempfile
>>> from graph.build import build
>>> result = build(out_dir=tempfile.mkdtemp())
>>> result.counts["gcdc:Position"]
47
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from graph.derive import derive
from graph.describe import describe, statistics
from graph.errors import ValidationFailed
from graph.load import KnowledgeBase, load
from graph.serialize import FORMATS, serialize
from graph.validate import ValidationReport, validate

__all__ = ["BuildResult", "build", "knowledge_base", "write_atomically"]

GRAPH_STEM = "knowledge-graph"
SUMMARY_CLASSES = (
    "WorkStream",
    "Level",
    "Role",
    "Position",
    "Responsibility",
    "Expertise",
    "FunctionalArea",
    "Competency",
    "CompetencyLink",
    "Progression",
    "Program",
    "EntryRoute",
)

Producer = Callable[[Graph], dict[str, bytes]]
"""A function that makes more output files (relative path -> bytes) from the built graph."""


@dataclass
class BuildResult:
    """What `build` wrote and counted."""

    out_dir: Path
    files: list[str]
    triples: int
    counts: dict[str, int] = field(default_factory=dict)
    report: ValidationReport | None = None

    def summary(self) -> str:
        """A few lines for the terminal."""
        parts = ", ".join(f"{self.counts.get('gcdc:' + c, 0)} {c}" for c in SUMMARY_CLASSES)
        return (
            f"built {self.triples} triples: {parts}\n"
            f"validated: conforms to ontology/shapes.ttl\n"
            f"wrote {len(self.files)} files to {self.out_dir}: {', '.join(self.files)}"
        )


def knowledge_base(extra: Iterable[Path | str] = ()) -> tuple[KnowledgeBase, ValidationReport]:
    """Load, derive and validate; raise `ValidationFailed` when the shapes are not satisfied."""
    kb = load(extra)
    derive(kb.g)
    report = validate(kb)
    if not report.conforms:
        raise ValidationFailed(report)
    return kb, report


def build(extra: Iterable[Path | str] = (), *, out_dir: Path | str = "outputs", producers: Iterable[Producer] = ()) -> BuildResult:
    """Build the knowledge graph (plus ``extra`` files) into ``out_dir``; see the module docstring."""
    kb, report = knowledge_base(extra)
    outputs: dict[str, bytes] = {}
    for fmt, suffix in FORMATS.items():
        outputs[GRAPH_STEM + suffix] = serialize(kb.g, fmt).encode("utf-8")
    description = describe(kb.g, {name: len(data) for name, data in outputs.items()})
    outputs["void.ttl"] = serialize(description, "turtle").encode("utf-8")
    for produce in producers:
        outputs.update(produce(kb.g))
    out = Path(out_dir)
    write_atomically(out, outputs)
    stats = statistics(kb.g)
    counts = {kb.g.namespace_manager.normalizeUri(cls): n for cls, n in stats["per_class"].items()}
    return BuildResult(out_dir=out, files=sorted(outputs), triples=stats["triples"], counts=counts, report=report)


def write_atomically(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write each ``{relative path: bytes}`` under ``out_dir`` via a temporary file and a rename."""
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
