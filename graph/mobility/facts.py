"""The facts of the knowledge graph that the mobility analysis uses, read once through SPARQL.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> from graph.mobility.source import RdflibSource
>>> facts = read_facts(RdflibSource(derive(load().g)))
>>> len(facts.positions), len(facts.streams)
(47, 13)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from graph.iris import GCD_IRI
from graph.mobility.source import Source

__all__ = ["Facts", "Item", "local", "read_facts", "stream_order"]


def local(iri: str) -> str:
    """The node id of an IRI: its name in the instance namespace (``position-it-03-...``), or the IRI."""
    return iri[len(GCD_IRI) :] if iri.startswith(GCD_IRI) else iri


@dataclass(frozen=True)
class Item:
    """A responsibility, expertise or functional area, with the competencies linked to it."""

    id: str
    label: str
    competencies: tuple[str, ...]


@dataclass
class Facts:
    """Positions, streams, entry routes, executive levels, competencies and stated progressions."""

    positions: dict[str, dict] = field(default_factory=dict)
    streams: dict[str, dict] = field(default_factory=dict)
    routes: dict[str, dict] = field(default_factory=dict)
    executive_levels: dict[str, dict] = field(default_factory=dict)
    competencies: dict[str, str] = field(default_factory=dict)
    stream_items: dict[str, list[Item]] = field(default_factory=dict)
    role_items: dict[str, list[Item]] = field(default_factory=dict)
    progressions: list[dict] = field(default_factory=list)
    role_labels: dict[str, str] = field(default_factory=dict)


def _en(var: str) -> str:
    return f'FILTER (lang(?{var}) = "en")'


def _items(source: Source, owner_pattern: str) -> dict[str, list[Item]]:
    rows = source.select(
        f"SELECT ?owner ?item ?label ?competency WHERE {{ {owner_pattern} "
        f"?item rdfs:label ?label ; gcdc:requiresCompetency ?competency . {_en('label')} }}"
    )
    grouped: dict[str, dict[str, tuple[str, set]]] = defaultdict(dict)
    for row in rows:
        label, comps = grouped[local(row["owner"])].get(local(row["item"]), (row["label"], set()))
        comps.add(local(row["competency"]))
        grouped[local(row["owner"])][local(row["item"])] = (label, comps)
    return {
        owner: [Item(item, label, tuple(sorted(comps))) for item, (label, comps) in sorted(items.items())]
        for owner, items in sorted(grouped.items())
    }


def stream_order(facts: Facts) -> list[str]:
    """The streams in the source's order: by community (IT, Information and Data Governance, Data Centre of Expertise), then in it."""
    return sorted(facts.streams, key=lambda s: (facts.streams[s]["community_order"], facts.streams[s]["order"], s))


def read_facts(source: Source) -> Facts:
    """Read every fact the analysis needs from ``source``."""
    facts = Facts()
    for row in source.select(
        "SELECT ?s ?label ?community ?communityLabel ?communityOrder ?order WHERE { ?s a gcdc:WorkStream ; rdfs:label ?label ; "
        "gcdc:community ?community ; gcdc:order ?order . ?community rdfs:label ?communityLabel . "
        f"OPTIONAL {{ ?community gcdc:order ?communityOrder }} {_en('label')} {_en('communityLabel')} }}"
    ):
        facts.streams[local(row["s"])] = {
            "label": row["label"],
            "community": local(row["community"]),
            "community_label": row["communityLabel"],
            "community_order": int(row["communityOrder"] or 99),
            "order": int(row["order"]),
        }
    for row in source.select(
        "SELECT ?p ?label ?role ?level ?levelLabel ?rank ?stream ?path WHERE { ?p a gcdc:Position ; rdfs:label ?label ; "
        "gcdc:hasRole ?role ; gcdc:hasLevel ?level ; gcdc:inStream ?stream . ?level gcdc:rank ?rank ; rdfs:label ?levelLabel . "
        f"OPTIONAL {{ ?p gcdc:onPath ?path }} {_en('label')} {_en('levelLabel')} }}"
    ):
        stream = local(row["stream"])
        facts.positions[local(row["p"])] = {
            "label": row["label"],
            "role": local(row["role"]),
            "level": local(row["level"]),
            "level_label": row["levelLabel"],
            "rank": int(row["rank"]),
            "stream": stream,
            "path": local(row["path"]) if row["path"] else None,
            "community": facts.streams[stream]["community"],
        }
    for row in source.select(f"SELECT ?r ?label WHERE {{ ?r a gcdc:Role ; rdfs:label ?label . {_en('label')} }}"):
        facts.role_labels[local(row["r"])] = row["label"]
    for row in source.select(
        f"SELECT ?r ?label ?order WHERE {{ ?r a gcdc:EntryRoute ; rdfs:label ?label ; gcdc:order ?order . {_en('label')} }}"
    ):
        facts.routes[local(row["r"])] = {"label": row["label"], "order": int(row["order"])}
    executive = "?l a gcdc:Level ; gcdc:occupationalGroup gcd:group-ex ; rdfs:label ?label ; gcdc:rank ?rank ."
    for row in source.select(f"SELECT ?l ?label ?rank WHERE {{ {executive} {_en('label')} }}"):
        facts.executive_levels[local(row["l"])] = {"label": row["label"], "rank": int(row["rank"])}
    for row in source.select(f"SELECT ?c ?label WHERE {{ ?c a gcdc:Competency ; skos:prefLabel ?label . {_en('label')} }}"):
        facts.competencies[local(row["c"])] = row["label"]
    facts.stream_items = _items(
        source,
        "?owner a gcdc:WorkStream . "
        "?owner (gcdc:hasResponsibility/^gcdc:subItemOf?|gcdc:hasFunctionalArea|gcdc:hasSpecialisation/gcdc:hasExpertise) ?item .",
    )
    facts.role_items = _items(source, "?owner a gcdc:Role ; gcdc:hasResponsibility ?item .")
    quotes: dict[str, list[str]] = defaultdict(list)
    base: dict[str, dict] = {}
    for row in source.select(
        "SELECT ?p ?from ?to ?kind ?quote WHERE { ?p a gcdc:Progression ; gcdc:basis gcdc:Stated ; gcdc:fromState ?from ; "
        "gcdc:toState ?to ; gcdc:progressionKind ?kind ; gcdc:quote ?quote }"
    ):
        base[local(row["p"])] = {
            "id": local(row["p"]),
            "from": local(row["from"]),
            "to": local(row["to"]),
            "kind": row["kind"].rsplit("#", 1)[-1],
        }
        quotes[local(row["p"])].append(row["quote"])
    facts.progressions = [{**base[p], "quotes": sorted(quotes[p])} for p in sorted(base)]
    return facts
