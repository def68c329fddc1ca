"""Add what follows from the loaded data: positions, official-skill links, and the positions the job templates describe.

* A **position** is generated for each role and each work stream the source says the role is found in
  (``gcdc:foundInStream``), at the role's level: nowhere else. A stream in which the source places no
  role (the Information and Data Governance and Data Centre of Expertise streams) gets one position at
  each level of the group its assumption names (``gcd:assumption-levels-of-streams-without-levels``:
  a deployment keeps a person's level), marked ``gcdc:levelStated false`` and ``gcdc:assumes`` it.
* Each responsibility, expertise and functional area gets a ``gcdc:SkillLink`` per official skill its
  words name (`graph.skills`: name or keyword match, English and French) or an editor chose
  (``gcdc:curatedSkill``), less the matches an editor excluded (``gcdc:excludedSkill``), and a plain
  ``gcdc:requiresSkill`` shortcut.
* Each GC Digital Talent job template is linked (``gcdc:templateFor``) to the position it describes:
  the stream whose ``skos:exactMatch`` is its work stream, its level, and its path (a supervisor is on
  the management path, an individual contributor on the individual-contributor path from IT-03).

Derivation is deterministic and idempotent: the same graph in gives the same triples out.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> g = derive(load().g)
>>> from graph.namespaces import GCD, GCDC
>>> (GCD["position-it-03-team-lead-it-security"], GCDC.hasRole, GCD["role-team-lead"]) in g
True
>>> (GCD["position-it-02-data-systems-operations"], GCDC.levelStated, None) in g
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from graph.iris import name_of
from graph.namespaces import GCD, GCD_IRI, GCDC

__all__ = ["LEVELS_SETTING", "ambiguous_names", "derive", "english_label", "position_iri"]

WORK_ITEMS = (GCDC.Responsibility, GCDC.Expertise, GCDC.FunctionalArea)
LEVELS_SETTING = "levels_of_streams_without_levels"
"""The setting (``gcdc:parameterName``) of the assumption that gives streams without stated levels their positions (its
value names a group)."""


def _iris(nodes: Iterable[Node]) -> list[URIRef]:
    """The IRIs among ``nodes``, sorted (literals and blank nodes left out)."""
    return sorted(n for n in nodes if isinstance(n, URIRef))


def _rank(g: Graph, level: Node) -> int:
    """A level's ``gcdc:rank`` (0 when it has none)."""
    rank = g.value(level, GCDC.rank)
    return int(rank) if isinstance(rank, Literal) else 0


def _order(g: Graph, node: Node) -> int:
    """A node's ``gcdc:order`` (99 when it has none)."""
    order = g.value(node, GCDC.order)
    return int(order) if isinstance(order, Literal) else 99


def english_label(g: Graph, node: Node, lang: str = "en") -> str | None:
    """The ``rdfs:label`` of ``node`` in ``lang`` (or without a language), else ``None``."""
    for label in sorted(label for label in g.objects(node, RDFS.label) if isinstance(label, Literal)):
        if label.language in (lang, None):
            return str(label)
    return None


def position_iri(level: URIRef, role: URIRef | None, stream: URIRef, ambiguous: frozenset[URIRef] = frozenset()) -> URIRef:
    """The IRI of the position of ``role`` (``None``: no role stated) at ``level`` in ``stream``.

    A level, role or stream in ``ambiguous`` (its local name is another's in another namespace: `ambiguous_names`) is
    named with a short hash of its whole IRI too, so that two streams called ``stream-x`` give two positions.

    >>> position_iri(GCD["level-it-03"], GCD["role-team-lead"], GCD["stream-it-security"])
    rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/position-it-03-team-lead-it-security')
    >>> position_iri(GCD["level-it-02"], None, GCD["stream-data-systems-operations"])
    rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/position-it-02-data-systems-operations')
    >>> x = URIRef("https://example.org/a/stream-x")
    >>> position_iri(GCD["level-it-02"], None, x, frozenset({x}))
    rdflib.term.URIRef('https://w3id.org/gc-digital-careers/id/position-it-02-x-60d06025')
    """

    def part(node: URIRef, prefix: str) -> str:
        name = name_of(node).removeprefix(prefix)
        return f"{name}-{hashlib.sha256(str(node).encode()).hexdigest()[:8]}" if node in ambiguous else name

    parts = [part(level, "level-")]
    if role is not None:
        parts.append(part(role, "role-"))
    parts.append(part(stream, "stream-"))
    return GCD["position-" + "-".join(parts)]


def ambiguous_names(g: Graph) -> frozenset[URIRef]:
    """The levels, roles and streams outside the project's namespace whose local name another of them has."""
    seen: dict[str, set[URIRef]] = {}
    for cls in (GCDC.Level, GCDC.Role, GCDC.WorkStream):
        for node in g.subjects(RDF.type, cls):
            if isinstance(node, URIRef):
                seen.setdefault(name_of(node), set()).add(node)
    return frozenset(n for nodes in seen.values() if len(nodes) > 1 for n in nodes if not str(n).startswith(GCD_IRI))


def derive(g: Graph) -> Graph:
    """Add positions, official-skill links and template links to ``g`` in place and return it."""
    ambiguous = ambiguous_names(g)
    _add_positions(g, ambiguous)
    _add_positions_without_stated_levels(g, ambiguous)
    _add_skill_links(g)
    _link_templates(g)
    return g


def _add_labels(g: Graph, position: URIRef, names_of: Callable[[str], list[str | None]], note: dict[str, str] | None = None) -> None:
    for lang in ("en", "fr"):
        names = names_of(lang)
        if all(names):
            label = f"{names[0]} {names[1]}, {names[2]}" if len(names) == 3 else f"{names[0]}, {names[1]}"
            g.add((position, RDFS.label, Literal(label + (note or {}).get(lang, ""), lang=lang)))
            if lang == "fr":  # its level's, role's and stream's French labels, each with its own source
                g.add((position, GCDC.frenchLabelSource, GCDC.ComposedLabel))


def _names_of(g: Graph, nodes: tuple[URIRef, ...]) -> Callable[[str], list[str | None]]:
    """The labels of ``nodes`` in a language, for a position's label."""

    def names(lang: str) -> list[str | None]:
        return [english_label(g, n, lang) for n in nodes]

    return names


def _add_positions(g: Graph, ambiguous: frozenset[URIRef]) -> None:
    for role in _iris(g.subjects(RDF.type, GCDC.Role)):
        levels = _iris(g.objects(role, GCDC.atLevel))
        if len(levels) != 1:
            continue  # a role spanning several levels (Executive) has no stream-specific positions
        level = levels[0]
        for stream in _iris(g.objects(role, GCDC.foundInStream)):
            position = position_iri(level, role, stream, ambiguous)
            g.add((position, RDF.type, GCDC.Position))
            g.add((position, GCDC.hasRole, role))
            g.add((position, GCDC.hasLevel, level))
            g.add((position, GCDC.inStream, stream))
            g.add((position, GCDC.levelStated, Literal(True)))
            for path in g.objects(role, GCDC.onPath):
                g.add((position, GCDC.onPath, path))
            _add_labels(g, position, _names_of(g, (level, role, stream)))
            g.add((position, PROV.wasDerivedFrom, role))
            for quote in g.objects(role, GCDC.quote):
                g.add((position, GCDC.quote, quote))


_NOT_STATED = {"en": " (level not stated by the source)", "fr": " (niveau non précisé par la source)"}


def _add_positions_without_stated_levels(g: Graph, ambiguous: frozenset[URIRef]) -> None:
    """One position per level of the assumed group for each stream in which the source places no role."""
    assumption = next(iter(_iris(g.subjects(GCDC.parameterName, Literal(LEVELS_SETTING)))), None)
    group = g.value(assumption, GCDC.parameterValue) if assumption is not None else None
    if assumption is None or group is None:
        return
    levels = sorted(_iris(g.subjects(GCDC.occupationalGroup, GCD[str(group)])), key=lambda lvl: _rank(g, lvl))
    levels = [lvl for lvl in levels if (lvl, RDF.type, GCDC.Level) in g]
    placed = set(g.objects(None, GCDC.foundInStream))
    for stream in _iris(g.subjects(RDF.type, GCDC.WorkStream)):
        if stream in placed:
            continue
        for level in levels:
            position = position_iri(level, None, stream, ambiguous)
            g.add((position, RDF.type, GCDC.Position))
            g.add((position, GCDC.hasLevel, level))
            g.add((position, GCDC.inStream, stream))
            g.add((position, GCDC.levelStated, Literal(False)))
            g.add((position, GCDC.assumes, assumption))
            _add_labels(g, position, _names_of(g, (level, stream)), _NOT_STATED)
            g.add((position, PROV.wasDerivedFrom, stream))
            g.add((position, PROV.wasDerivedFrom, assumption))


def _add_skill_links(g: Graph) -> None:
    from graph.skills import matchers_from_graph

    matchers = matchers_from_graph(g)
    methods = {"name": GCDC.NameMatch, "keyword": GCDC.KeywordMatch}
    items = _iris({item for cls in WORK_ITEMS for item in g.subjects(RDF.type, cls)})
    for item in items:
        links: dict[URIRef, tuple[set[URIRef], list[str]]] = {}
        for lang, matcher in matchers.items():
            text = english_label(g, item, lang) if lang == "en" else _label_in(g, item, lang)
            for skill, (method, words) in matcher.match(text or "").items():
                found, matched = links.setdefault(URIRef(skill), (set(), []))
                found.add(methods[method])
                matched += [w for w in words if w not in matched]
        for excluded in _iris(g.objects(item, GCDC.excludedSkill)):
            links.pop(excluded, None)
        for curated in _iris(g.objects(item, GCDC.curatedSkill)):
            links.setdefault(curated, (set(), []))[0].add(GCDC.CuratedLink)
        for skill, (found, words) in sorted(links.items()):
            link = GCD[f"skill-link-{name_of(item)}--{name_of(skill).removeprefix('skill-')}"]
            g.add((item, GCDC.requiresSkill, skill))
            g.add((item, GCDC.skillLink, link))
            g.add((link, RDF.type, GCDC.SkillLink))
            g.add((link, GCDC.linkedSkill, skill))
            for method in sorted(found):
                g.add((link, GCDC.linkMethod, method))
            for word in words:
                g.add((link, GCDC.matchedText, Literal(word)))


def _label_in(g: Graph, node: Node, lang: str) -> str | None:
    labels = sorted(str(label) for label in g.objects(node, RDFS.label) if isinstance(label, Literal) and label.language == lang)
    return labels[0] if labels else None


_SUPERVISOR = "SUPERVISOR"


def _link_templates(g: Graph) -> None:
    streams = {talent: ours for ours, talent in g.subject_objects(SKOS.exactMatch) if (ours, RDF.type, GCDC.WorkStream) in g}
    paths = sorted(_iris(g.subjects(RDF.type, GCDC.CareerPath)), key=lambda p: (_order(g, p), p))
    if len(paths) < 2:
        return
    management, individual = paths[:2]  # in the page's order: "those following a management path, and individual contributors"
    on_paths = [_rank(g, lvl) for role in _iris(g.subjects(GCDC.onPath, None)) for lvl in _iris(g.objects(role, GCDC.atLevel))]
    split = min(on_paths, default=0)  # the rank from which roles are on a path (IT-03: "two types of IT-03 employees")
    positions: dict[tuple[Node | None, ...], list[URIRef]] = {}
    for position in _iris(g.subjects(RDF.type, GCDC.Position)):
        key = (g.value(position, GCDC.inStream), g.value(position, GCDC.hasLevel), g.value(position, GCDC.onPath))
        positions.setdefault(key, []).append(position)
    for template in _iris(g.subjects(RDF.type, GCDC.JobTemplate)):
        talent = g.value(template, GCDC.talentWorkStream)
        stream = streams.get(talent) if talent is not None else None
        level = g.value(template, GCDC.hasLevel)
        if stream is None or level is None:
            continue
        supervisor = str(g.value(template, GCDC.supervisoryStatus)) == _SUPERVISOR
        rank = _rank(g, level)
        path = management if supervisor else individual if rank >= split else None
        for position in sorted(positions.get((stream, level, path), [])):
            g.add((template, GCDC.templateFor, position))
