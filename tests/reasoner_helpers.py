"""An OWL 2 DL reasoner nobody here wrote, run on a graph file: HermiT, as owlready2 bundles it, on Debian's Java.

``hermit(path)`` says whether the ontology plus its data is consistent, which classes are unsatisfiable and the most
specific types it finds for each individual; ``undeclared`` and ``illegal_punning`` check what OWL 2 DL asks of
declarations (a reasoner fed Turtle or N-Triples guesses a kind for an undeclared term instead of refusing it).

Example: ``hermit(Path("outputs/knowledge-graph.nt")).consistent`` is True for a build.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import owlready2
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

# OWL 2 DL leaves xsd:date and xsd:gYear out of its datatype map; ontology/careers.ttl says why the graph keeps them.
COMMAND = ["org.semanticweb.HermiT.cli.CommandLine", "--classify", "--classifyIs", "--ignoreUnsupportedDatatypes"]
BUILT_IN = (str(RDF), str(RDFS), str(OWL), "http://www.w3.org/2001/XMLSchema#")
KINDS = {OWL.Class: "class", RDFS.Datatype: "datatype", OWL.ObjectProperty: "object property",
         OWL.DatatypeProperty: "data property", OWL.AnnotationProperty: "annotation property"}  # fmt: skip
PROPERTY_KINDS = {"object property", "data property", "annotation property"}


@dataclass(frozen=True)
class Reasoned:
    consistent: bool
    unsatisfiable: frozenset[str]
    types: dict[str, frozenset[str]]  # individual -> the most specific classes the reasoner finds it in
    output: str


def hermit(path: Path) -> Reasoned:
    """Run HermiT on ``path`` (N-Triples): classify the classes and realise the individuals."""
    jars = Path(owlready2.__file__).parent / "hermit"
    done = subprocess.run(
        ["java", "-Xmx2g", "-cp", f"{jars}:{jars / 'HermiT.jar'}", *COMMAND, path.resolve().as_uri()],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    output = done.stdout + done.stderr
    if "InconsistentOntologyException" in output:
        return Reasoned(False, frozenset(), {}, output)
    assert done.returncode == 0, output[-3000:]
    nothing = set()
    for members in re.findall(r"EquivalentClasses\(([^)]*)\)", output):
        iris = re.findall(r"<([^>]+)>", members) + [m for m in members.split() if m == "owl:Nothing"]
        if str(OWL.Nothing) in iris or "owl:Nothing" in iris:
            nothing |= {i for i in iris if i.startswith("http") and i != str(OWL.Nothing)}
    types: dict[str, set[str]] = {}
    for individual, cls in re.findall(r"^Type\(\s*<([^>]+)>\s+<([^>]+)>\s*\)", output, re.M):
        types.setdefault(individual, set()).add(cls)
    return Reasoned(True, frozenset(nothing), {i: frozenset(c) for i, c in types.items()}, output)


def unexpected_types(path: Path, reasoned: Reasoned) -> list[str]:
    """Types the reasoner finds that the graph does not state (its most specific types must all be stated ones)."""
    g = Graph().parse(path, format="nt")
    stated: dict[str, set[str]] = {}
    for individual, cls in g.subject_objects(RDF.type):
        stated.setdefault(str(individual), set()).add(str(cls))
    found = {i: classes - stated.get(i, set()) - {str(OWL.Thing)} for i, classes in reasoned.types.items()}
    return sorted(f"{i} a {c}" for i, classes in found.items() for c in classes)


def kinds(g: Graph) -> dict[URIRef, set[str]]:
    """Every declared term of ``g`` and the kinds it is declared with."""
    declared: dict[URIRef, set[str]] = {}
    for declaration, kind in KINDS.items():
        for term in g.subjects(RDF.type, declaration):
            if isinstance(term, URIRef):
                declared.setdefault(term, set()).add(kind)
    return declared


def undeclared(g: Graph) -> list[str]:
    """Properties and classes ``g`` uses without declaring them (OWL 2 DL requires a declaration)."""
    declared = kinds(g)
    missing = {f"property {p}" for p in g.predicates() if not str(p).startswith(BUILT_IN) and not declared.get(p, set()) & PROPERTY_KINDS}  # type: ignore[arg-type]
    classes = {*g.objects(None, RDF.type), *g.objects(None, RDFS.subClassOf), *g.objects(None, RDFS.domain)}
    classes |= {o for p, o in g.subject_objects(RDFS.range) if "object property" in declared.get(p, set())}  # type: ignore[arg-type]
    missing |= {
        f"class {c}" for c in classes if isinstance(c, URIRef) and not str(c).startswith(BUILT_IN) and "class" not in declared.get(c, set())
    }
    return sorted(missing)


def illegal_punning(g: Graph) -> list[str]:
    """Terms declared with two kinds OWL 2 DL keeps apart (two kinds of property, or a class and a datatype)."""
    return sorted(
        f"{term}: {', '.join(sorted(k))}" for term, k in kinds(g).items() if len(k & PROPERTY_KINDS) > 1 or {"class", "datatype"} <= k
    )
