"""Write ``graph/vocab.py``, the closed namespace of the ontology's terms, from ``ontology/careers.ttl``.

Run after adding a term to the ontology; ``tests/test_ontology.py`` fails while the two disagree.

Example
-------
    python scripts/generate_vocab.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.namespaces import GCDC_IRI  # noqa: E402

TARGET = ROOT / "graph" / "vocab.py"


def render(ontology: Path = ROOT / "ontology" / "careers.ttl") -> str:
    """Return the source of ``graph/vocab.py`` for the terms declared in ``ontology``."""
    g = rdflib.Graph().parse(ontology, format="turtle")
    terms = sorted(str(s)[len(GCDC_IRI) :] for s in set(g.subjects(RDF.type, None)) if str(s).startswith(GCDC_IRI) and str(s) != GCDC_IRI)
    lines = [
        '"""The closed namespace of the gc-digital-careers ontology (generated: do not edit).',
        "",
        "Regenerate with ``python scripts/generate_vocab.py`` after changing ``ontology/careers.ttl``.",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class GCDC(DefinedNamespace):",
        '    """Terms of ``ontology/careers.ttl``; a misspelt term raises ``AttributeError``."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{GCDC_IRI}")',
        "",
    ]
    for term in terms:
        kind = "class" if (rdflib.URIRef(GCDC_IRI + term), RDF.type, OWL.Class) in g else "term"
        label = g.value(rdflib.URIRef(GCDC_IRI + term), RDFS.label) or ""
        lines.append(f"    {term}: URIRef  # {kind}: {label}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
