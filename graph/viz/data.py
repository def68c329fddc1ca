"""What the pages show that the mobility facts do not: labels in both languages, the knowledge graph and the ontology.

Read through SPARQL (`graph.store`), on the graph being built or on the built files.

Examples
--------
>>> from graph.store import OxigraphStore
>>> from graph.serialize import serialize
>>> from graph.load import load
>>> from graph.derive import derive
>>> source = OxigraphStore.from_ntriples(serialize(derive(load().g), "nt").encode())
>>> labels(source, "fr")["role-director"]
'directeur'
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.iris import GCDC_IRI, curie, name_of, node_id
from graph.store import Store

__all__ = ["KIND_OF_CLASS", "KnowledgeGraph", "Ontology", "knowledge_graph", "labels", "ontology"]

KIND_OF_CLASS = {
    "OccupationalGroup": "group",
    "CareerCommunity": "community",
    "WorkStream": "stream",
    "Level": "level",
    "CareerPath": "path",
    "Role": "role",
    "Position": "position",
    "Specialisation": "specialisation",
    "Team": "team",
    "ReportingRelationship": "reporting",
    "Responsibility": "responsibility",
    "Expertise": "expertise",
    "FunctionalArea": "functional area",
    "Competency": "retired competency",
    "Skill": "skill",
    "SkillFamily": "skill family",
    "JobTemplate": "job template",
    "StaffingRule": "staffing rule",
    "Assumption": "assumption",
    "PayRange": "pay range",
    "Benefit": "benefit",
    "ApplicationRule": "application rule",
    "Progression": "progression",
    "EntryRoute": "entry route",
    "EmploymentStatus": "employment status",
    "Program": "program",
    "Pilot": "program",
    "QualificationStandard": "qualification",
    "PayScale": "pay scale",
    "Organisation": "organisation",
}
"""The kinds of node shown in the knowledge-graph view. Skill links, skill requirements and crosswalk records are left out
(they are edges in disguise), and so are the source documents, which every node cites (their quotes are in each node's
details), and the moves that a staffing rule allows (the career map draws them): only stated progressions are nodes."""


_FRENCH = {
    "retired competency": "compétence retirée",  # the class is "compétence", as a skill is: the page must tell them apart
    "closeMatch": "correspondance proche",
    "broadMatch": "correspondance plus large",
    "narrowMatch": "correspondance plus étroite",
    "exactMatch": "correspondance exacte",
    "relatedMatch": "correspondance connexe",
    "isReplacedBy": "est remplacé par",
    "replaces": "remplace",
    "member": "membre",
    "subOrganizationOf": "sous-organisation de",
    "wasDerivedFrom": "tiré de",
}
"""The French of kinds of node and of other vocabularies' links the ontology does not label (the project's own translations)."""


def labels(store: Store, lang: str) -> dict[str, str]:
    """``{node id: label}`` in ``lang`` for everything that has an ``rdfs:label`` (what names on the command line resolve to)."""
    rows = store.select(f'SELECT ?s ?l WHERE {{ ?s rdfs:label ?l FILTER (lang(?l) = "{lang}") }}')
    return {node_id(r["s"]): r["l"] for r in sorted(rows, key=lambda r: (r["s"], r["l"]))}


def display_labels(store: Store, lang: str) -> dict[str, str]:
    """`labels`, and the ``skos:prefLabel`` of the SKOS concepts that have no ``rdfs:label``: what the knowledge graph names nodes by.

    Official skills, skill families and the crosswalks' occupations would otherwise be named by their ids.
    """
    found = labels(store, lang)
    rows = store.select(f'SELECT ?s ?l WHERE {{ ?s skos:prefLabel ?l FILTER (lang(?l) = "{lang}") }}')
    for r in sorted(rows, key=lambda r: (r["s"], r["l"])):
        found.setdefault(node_id(r["s"]), r["l"])
    return found


@dataclass
class KnowledgeGraph:
    """Nodes (id -> kind), edges (source, property label, target), and per-node details."""

    kinds: dict[str, str] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    definitions: dict[str, str] = field(default_factory=dict)
    french_definitions: dict[str, str] = field(default_factory=dict)
    quotes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    responsibilities: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    property_labels: dict[str, str] = field(default_factory=dict)
    french: dict[str, str] = field(default_factory=dict)
    """The French of each kind of node and each property label (from the ontology's ``@fr`` labels), for the French page."""


def knowledge_graph(store: Store) -> KnowledgeGraph:
    """Read the knowledge graph's nodes, links and details."""
    kg = KnowledgeGraph()
    for row in store.select(
        f'SELECT ?s ?t WHERE {{ ?s a ?t FILTER (STRSTARTS(STR(?t), "{GCDC_IRI}")) FILTER isIRI(?s) '
        "FILTER NOT EXISTS { ?s gcdc:basis ?basis FILTER (?basis != gcdc:Stated) } }"
    ):
        kind = KIND_OF_CLASS.get(row["t"][len(GCDC_IRI) :])
        if kind and not (kind == "program" and node_id(row["s"]) in kg.kinds):
            kg.kinds[node_id(row["s"])] = kind
    for row in store.select('SELECT ?p ?l WHERE { ?p a ?t ; rdfs:label ?l FILTER (lang(?l) = "en") VALUES ?t { owl:ObjectProperty } }'):
        kg.property_labels[row["p"]] = row["l"]
    for row in store.select('SELECT ?p ?l WHERE { ?p a owl:ObjectProperty ; rdfs:label ?l FILTER (lang(?l) = "fr") }'):
        if row["p"] in kg.property_labels:
            kg.french[kg.property_labels[row["p"]]] = row["l"]
    rows = store.select('SELECT ?c ?l WHERE { ?c a owl:Class ; rdfs:label ?l FILTER (lang(?l) = "fr") }')
    classes = {r["c"][len(GCDC_IRI) :]: r["l"] for r in rows if r["c"].startswith(GCDC_IRI)}
    for cls, kind in KIND_OF_CLASS.items():  # in its order: the first class of a kind names it (Program, not Pilot)
        if cls in classes:
            kg.french.setdefault(kind, classes[cls])
    kg.french |= _FRENCH
    for row in store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER (isIRI(?o) && ?p != rdf:type) }"):
        s, o = node_id(row["s"]), node_id(row["o"])
        if s in kg.kinds and o in kg.kinds and s != o:
            kg.edges.append((s, kg.property_labels.get(row["p"], name_of(row["p"])), o))
    kg.edges.sort()
    for row in store.select('SELECT ?s ?d WHERE { ?s skos:definition|rdfs:comment ?d FILTER (lang(?d) = "en" || lang(?d) = "") }'):
        kg.definitions.setdefault(node_id(row["s"]), row["d"])
    for row in store.select('SELECT ?s ?d WHERE { ?s skos:definition|rdfs:comment ?d FILTER (lang(?d) = "fr") }'):
        kg.french_definitions.setdefault(node_id(row["s"]), row["d"])
    for row in store.select('SELECT ?s ?q WHERE { { ?s gcdc:quote ?q } UNION { ?s gcdc:evidence ?q FILTER (lang(?q) = "en") } }'):
        kg.quotes[node_id(row["s"])].append(row["q"])
    for row in store.select(
        'SELECT ?s ?l WHERE { ?s gcdc:hasResponsibility|gcdc:hasExpertise ?r . ?r rdfs:label ?l FILTER (lang(?l) = "en") }'
    ):
        kg.responsibilities[node_id(row["s"])].append(row["l"])
    for values in (*kg.quotes.values(), *kg.responsibilities.values()):
        values.sort()
    return kg


@dataclass
class Ontology:
    """Classes (id -> comment), subclass links, and properties (id, label, domain, range, comment), in one language.

    ``english`` names the classes and properties (``"gcdc:x"``, ``"gcdc:x label"``) whose comment or label exists only in
    English, when the language is another.
    """

    classes: dict[str, str] = field(default_factory=dict)
    subclass_of: list[tuple[str, str]] = field(default_factory=list)
    properties: list[dict[str, Any]] = field(default_factory=list)
    english: set[str] = field(default_factory=set)


def _short(iri: str) -> str:
    return curie(iri) or iri


def _in(lang: str, variable: str) -> str:
    """A SPARQL filter: ``variable`` in ``lang`` or, failing that, in English (both are read, ``lang`` is preferred)."""
    return f'FILTER (lang(?{variable}) = "{lang}" || lang(?{variable}) = "en")'


def ontology(store: Store, lang: str = "en") -> Ontology:
    """Read the ontology's classes, subclass links and properties, their comments and labels in ``lang`` (else English)."""
    onto = Ontology()
    for row in sorted(
        store.select(
            f'SELECT ?c ?comment (lang(?comment) AS ?cl) WHERE {{ ?c a owl:Class FILTER STRSTARTS(STR(?c), "{GCDC_IRI}") '
            f"OPTIONAL {{ ?c rdfs:comment ?comment {_in(lang, 'comment')} }} }}"
        ),
        key=lambda r: (r["c"], r.get("cl") == lang),  # the page's language last: it wins
    ):
        cls = _short(row["c"])
        onto.classes[cls] = row.get("comment") or ""
        (onto.english.add if row.get("comment") and row.get("cl") != lang else onto.english.discard)(cls)
    for row in store.select(f'SELECT ?c ?parent WHERE {{ ?c rdfs:subClassOf ?parent FILTER STRSTARTS(STR(?c), "{GCDC_IRI}") }}'):
        onto.subclass_of.append((_short(row["c"]), _short(row["parent"])))
    found: dict[str, dict[str, Any]] = {}
    for row in sorted(
        store.select(
            "SELECT ?p ?label (lang(?label) AS ?ll) ?domain ?range ?comment (lang(?comment) AS ?cl) WHERE { ?p a ?type ; rdfs:label ?label "
            f'FILTER STRSTARTS(STR(?p), "{GCDC_IRI}") VALUES ?type {{ owl:ObjectProperty owl:DatatypeProperty }} {_in(lang, "label")} '
            "OPTIONAL { ?p rdfs:domain ?domain } OPTIONAL { ?p rdfs:range ?range } "
            f"OPTIONAL {{ ?p rdfs:comment ?comment {_in(lang, 'comment')} }} }}"
        ),
        key=lambda r: (r["p"], r["ll"] == lang, r.get("cl") == lang),
    ):
        pid = _short(row["p"])
        found[pid] = {
            "id": pid,
            "label": row["label"],
            "domain": _short(domain) if (domain := row.get("domain")) else None,
            "range": _short(range_) if (range_ := row.get("range")) else None,
            "comment": row.get("comment") or "",
        }
        for part, value, language in (("label", row["label"], row["ll"]), ("comment", row.get("comment"), row.get("cl"))):
            (onto.english.add if value and language != lang else onto.english.discard)(f"{pid} {part}")
    onto.properties = list(found.values())
    onto.subclass_of.sort()
    onto.properties.sort(key=lambda p: p["id"])
    return onto
