"""The ontology declares every term the project uses, labels it in English and French, and matches graph/vocab.py."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from graph.load import parse_file
from graph.namespaces import GCD_IRI, GCDC_IRI, PREFIXES
from graph.paths import ontology_dir

ROOT = Path(__file__).resolve().parent.parent


def _ontology() -> Graph:
    return parse_file(ontology_dir() / "careers.ttl")


def _terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(GCDC_IRI)}


def test_every_class_and_property_has_english_and_french_labels_and_a_comment():
    g = _ontology()
    declared = {s for s in g.subjects(RDF.type, None) if (s, RDF.type, OWL.Class) in g or str(g.value(s, RDF.type)).startswith(str(OWL))}
    declared = {s for s in declared if str(s).startswith(GCDC_IRI)}
    assert len(declared) == 152
    for term in declared:
        langs = {lbl.language for lbl in g.objects(term, RDFS.label) if isinstance(lbl, Literal)}
        assert {"en", "fr"} <= langs, term
        assert {"en", "fr"} <= {c.language for c in g.objects(term, RDFS.comment)}, term  # the French glosses (issue 20)


def test_every_gcdc_term_used_anywhere_is_declared():
    declared = _terms(_ontology())
    used: set[str] = set()
    files = [*ontology_dir().glob("**/*.ttl"), *ontology_dir().glob("queries/*.rq")]
    for path in files:
        used |= set(re.findall(r"\bgcdc:([A-Za-z]\w*)", path.read_text(encoding="utf-8")))
    missing = sorted(t for t in used if URIRef(GCDC_IRI + t) not in declared)
    assert missing == []


def test_the_standard_vocabularies_are_reused():
    g = _ontology()
    parents = {str(o) for o in g.objects(None, RDFS.subClassOf)} | {str(o) for o in g.objects(None, RDFS.subPropertyOf)}
    assert {
        "http://www.w3.org/ns/org#Post",
        "http://www.w3.org/ns/org#Role",
        "https://schema.org/Occupation",
        "http://www.w3.org/2004/02/skos/core#Concept",
        "http://www.w3.org/ns/prov#Entity",
    } <= parents


def test_generated_vocab_is_up_to_date():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from generate_vocab import TARGET, render
    finally:
        sys.path.pop(0)
    assert TARGET.read_text(encoding="utf-8") == render(), "run: python scripts/generate_vocab.py"


def test_turtle_prefixes_agree_with_the_python_namespaces():
    for path in ontology_dir().glob("**/*.ttl"):
        for prefix, iri in re.findall(r"@prefix\s+(\w+):\s+<([^>]+)>", path.read_text(encoding="utf-8")):
            if prefix in PREFIXES:
                assert PREFIXES[prefix] == iri, (path.name, prefix)
    assert PREFIXES["gcd"] == GCD_IRI


def test_standard_prefixes_are_rdflibs():
    from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD

    standard = {
        "rdf": RDF,
        "rdfs": RDFS,
        "owl": OWL,
        "xsd": XSD,
        "skos": SKOS,
        "org": ORG,
        "prov": PROV,
        "dcterms": DCTERMS,
        "dcat": DCAT,
        "void": VOID,
        "sh": SH,
    }
    assert {k: PREFIXES[k] for k in standard} == {k: str(v) for k, v in standard.items()}
