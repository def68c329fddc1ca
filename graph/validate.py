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

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from graph.load import KnowledgeBase, parse_file
from graph.namespaces import ONTOLOGY_IRI
from graph.paths import ontology_dir

__all__ = ["ValidationReport", "Violation", "ill_typed", "load_shapes", "validate"]

_DERIVED = "(derived by the build)"
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

    def text(self) -> str:
        """A readable report, one violation a line, with a summary line last."""
        lines = [str(v) for v in self.violations]
        lines.append("conforms: no SHACL violation" if self.conforms else f"{len(self.violations)} SHACL violation(s)")
        return "\n".join(lines)


def load_shapes() -> Graph:
    """Parse ``ontology/shapes.ttl``."""
    return parse_file(ontology_dir() / "shapes.ttl")


def ill_typed(kb: KnowledgeBase) -> list[Violation]:
    """A violation for each literal whose lexical form its datatype does not allow (``"three"^^xsd:integer``).

    pySHACL cannot validate a graph that holds one (it recurses without end), so `validate` reports these first and
    checks the shapes without them.
    """
    return _as_violations(kb, _ill_typed_triples(kb.g))


def _ill_typed_triples(g: Graph) -> list[tuple]:
    return [(s, p, o) for s, p, o in g if isinstance(o, Literal) and o.ill_typed]


def _as_violations(kb: KnowledgeBase, triples: list[tuple]) -> list[Violation]:
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


def validate(kb: KnowledgeBase, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``kb.g`` (already derived) against the shapes and return a `ValidationReport`."""
    from pyshacl import validate as shacl_validate  # imported here: it is slow to import and only needed now

    bad = _ill_typed_triples(kb.g)
    violations = set(_as_violations(kb, bad))
    for triple in bad:
        kb.g.remove(triple)
    try:
        _, results, _ = shacl_validate(
            kb.g, shacl_graph=shapes if shapes is not None else load_shapes(), inference="none", inplace=True, allow_warnings=True
        )
    finally:
        for triple in bad:
            kb.g.add(triple)
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage) or "does not satisfy a shape"
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
                message=str(message),
                value=_short(kb.g, value) if value is not None and value != focus else "",
                severity=_short(kb.g, severity).removeprefix("sh:") if severity is not None else "Violation",
                files=tuple(files),
            )
        )
    return ValidationReport(sorted(violations))


def _short(g: Graph, node) -> str:
    if isinstance(node, Literal):
        return repr(str(node))
    try:
        return g.namespace_manager.normalizeUri(node) if not str(node).startswith("_:") else str(node)
    except Exception:
        return str(node)
