"""Check the knowledge graph against ``ontology/shapes.ttl`` (SHACL) and report violations plainly.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> from graph.validate import validate
>>> kb = load()
>>> derive(kb.g) is kb.g
True
>>> validate(kb).conforms
True
"""

from __future__ import annotations

import functools
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graph.load import KnowledgeBase, parse_file
from graph.namespaces import ONTOLOGY_IRI
from graph.paths import ontology_dir

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "RUDOF_UP_TO",
    "ValidationReport",
    "Violation",
    "engine_for",
    "ill_typed",
    "load_shapes",
    "validate",
]

_DERIVED = "(derived by the build)"
ENGINES = ("rudof", "pyshacl")
"""The SHACL engines `validate` can run (see the README): the same verdicts, different costs."""
DEFAULT_ENGINE = "auto"
"""rudof up to `RUDOF_UP_TO` triples, pySHACL above."""
RUDOF_UP_TO = 100_000
"""rudof is the faster on small graphs (0.33 s against 0.80 s on the shipped build) but holds a copy of the graph of
about 5 KB a triple (2.9 GB more at 573,000 triples); pySHACL validates the graph already in memory, in place."""
SHAPES = ontology_dir() / "shapes.ttl"
WHOLE_GRAPH_TARGET = URIRef(ONTOLOGY_IRI)
"""The node that shapes.ttl's whole-graph checks target; they report the offending node as the value."""


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: what is wrong, where, and which file(s) the focus node's triples came from."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    files: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = ", ".join(self.files) or _DERIVED
        value = f" (value: {self.value})" if self.value else ""
        path = f" {self.path}" if self.path else ""
        return f"{where}: {self.focus}{path}: {self.message}{value}"


@dataclass
class ValidationReport:
    """The outcome of `validate`: ``conforms`` and the sorted ``violations``."""

    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """True when there is no violation."""
        return not self.violations

    def text(self, lang: str = "en") -> str:
        """A readable report, one violation a line, with a summary line last.

        In French (``lang="fr"``) the violations, which quote the data and the shapes' messages, stay as they are, quoted « ».
        """
        french = lang == "fr"
        lines = [f"« {v} »" if french else str(v) for v in self.violations]
        if french:
            lines.append("conforme\u00a0: aucune violation SHACL" if self.conforms else f"{len(self.violations)} violation(s) SHACL")
        else:
            lines.append("conforms: no SHACL violation" if self.conforms else f"{len(self.violations)} SHACL violation(s)")
        return "\n".join(lines)


def load_shapes() -> Graph:
    """Parse ``ontology/shapes.ttl``."""
    return parse_file(SHAPES)


def ill_typed(kb: KnowledgeBase) -> list[Violation]:
    """A violation for each literal whose lexical form its datatype does not allow (``"three"^^xsd:integer``).

    pySHACL cannot validate a graph that holds one (it recurses without end), so `validate` reports these first and
    checks the shapes without them (with either engine, so both give the same verdicts).
    """
    return _as_violations(kb, _ill_typed_triples(kb.g))


def _ill_typed_triples(g: Graph) -> list[tuple[Any, ...]]:
    return [(s, p, o) for s, p, o in g if isinstance(o, Literal) and o.ill_typed]


def _as_violations(kb: KnowledgeBase, triples: list[tuple[Any, ...]]) -> list[Violation]:
    return sorted(
        Violation(
            focus=_short(kb.g, s),
            path=_short(kb.g, p),
            message=f"an ill-typed literal: {str(o)!r} is not a valid {_short(kb.g, o.datatype)}",
            value=_short(kb.g, o),
            files=tuple(kb.files_of(s, p, o) or kb.files_of(s)),
        )
        for s, p, o in triples
    )


def validate(kb: KnowledgeBase, *, engine: str = DEFAULT_ENGINE, ntriples: Path | None = None) -> ValidationReport:
    """Validate ``kb.g`` (already derived) against the shapes and return a `ValidationReport`.

    ``engine`` is one of `ENGINES`, or ``auto`` (`engine_for` the graph's size): rudof (Rust) or pySHACL give the same
    violations on every example the tests keep. ``ntriples`` is ``kb.g`` already written as N-Triples, if the caller
    has it (the build has), to spare rudof a serialisation.
    """
    engine = engine_for(len(kb.g)) if engine == "auto" else engine
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r}; choose one of auto, {', '.join(ENGINES)}")
    bad = _ill_typed_triples(kb.g)
    violations = set(_as_violations(kb, bad))
    for triple in bad:
        kb.g.remove(triple)
    try:
        if engine == "pyshacl":
            results = _pyshacl_report(kb.g)
        else:
            results = _rudof_report(kb.g, ntriples if not bad else None)
    finally:
        for triple in bad:
            kb.g.add(triple)
    for result in results.objects(None, SH.result):  # the report's results (not those nested in them as sh:detail)
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        shape = results.value(result, SH.sourceShape)
        message = (_shape_messages().get(shape) if isinstance(shape, URIRef) else None) or results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        if focus == WHOLE_GRAPH_TARGET and value is not None:  # a whole-graph check: the value is the culprit
            focus, value = value, None
        if path is not None:
            files = kb.files_of(focus, path, value) or kb.files_of(focus)
        else:
            files = kb.files_of(focus)
        violations.add(
            Violation(
                focus=_short(kb.g, focus),
                path=_short(kb.g, path) if path is not None else "",
                message=str(message or "does not satisfy a shape"),
                value=_short(kb.g, value) if value is not None and value != focus else "",
                severity=_short(kb.g, severity).removeprefix("sh:") if severity is not None else "Violation",
                files=tuple(files),
            )
        )
    return ValidationReport(sorted(violations))


def engine_for(triples: int) -> str:
    """The engine ``auto`` runs on a graph of ``triples``: rudof up to `RUDOF_UP_TO`, pySHACL above.

    >>> engine_for(30_000), engine_for(500_000)
    ('rudof', 'pyshacl')
    """
    return "rudof" if triples <= RUDOF_UP_TO else "pyshacl"


def _pyshacl_report(g: Graph) -> Graph:
    from pyshacl import validate as shacl_validate  # imported here: it is slow to import and only needed now

    _, report, _ = shacl_validate(g, shacl_graph=load_shapes(), inference="none", inplace=True, allow_warnings=True)
    assert isinstance(report, Graph)
    return report


def _rudof_report(g: Graph, ntriples: Path | None) -> Graph:
    import pyrudof

    with tempfile.TemporaryDirectory(prefix="careers-validate-") as folder:
        if ntriples is None:  # rudof reads a file (a string could be taken for a file name or a URL)
            ntriples = Path(folder) / "graph.nt"
            g.serialize(ntriples, format="nt", encoding="utf-8")
        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        rudof.read_data(str(ntriples), format=pyrudof.RDFFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict)
    rudof.read_shacl(str(SHAPES), format=pyrudof.ShaclFormat.Turtle, reader_mode=pyrudof.ReaderMode.Strict)
    if rudof.validate_shacl().conforms:
        return Graph()
    report = rudof.serialize_shacl_validation_results(format=pyrudof.ResultShaclValidationFormat.NTriples)
    return Graph().parse(data=report, format="nt")


@functools.cache
def _shape_messages() -> dict[URIRef, Literal]:
    """The ``sh:message`` of each named shape, which its results must carry (parsed once).

    rudof leaves it out of the results of sh:or, qualified counts and sh:lessThanOrEquals; shapes.ttl names those
    shapes so that it can be found here.
    """
    return {
        shape: message
        for shape, message in load_shapes().subject_objects(SH.message)
        if isinstance(shape, URIRef) and isinstance(message, Literal)
    }


def _short(g: Graph, node: Node | None) -> str:
    if isinstance(node, Literal):
        return repr(str(node))
    try:
        return g.namespace_manager.normalizeUri(str(node)) if not str(node).startswith("_:") else str(node)
    except Exception:
        return str(node)
