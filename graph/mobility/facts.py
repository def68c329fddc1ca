"""The facts of the knowledge graph that the mobility model uses, read once through SPARQL.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> from graph.store import RdflibStore
>>> facts = read_facts(RdflibStore(derive(load().g)))
>>> len(facts.positions), len(facts.streams), len(facts.skills)
(72, 13, 394)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from graph.errors import CareersError
from graph.iris import node_id
from graph.store import Store

__all__ = [
    "Assumption",
    "CareerPathInfo",
    "Facts",
    "Item",
    "Level",
    "Mapping",
    "PayRange",
    "Position",
    "Requirement",
    "Route",
    "Rule",
    "Skill",
    "StatedProgression",
    "Stream",
    "Template",
    "read_facts",
    "stream_order",
]


@dataclass(frozen=True, slots=True)
class Stream:
    """A work stream, in its community (IT, Information and Data Governance, Data Centre of Expertise), in the source's order."""

    label: str
    community: str
    community_label: str
    community_order: int
    order: int
    fr: str = ""
    """The French name (the English one when the graph has none)."""


@dataclass(frozen=True, slots=True)
class Level:
    """A level of an occupational group (``IT-03``, ``EX-01``) and its rank in the group."""

    label: str
    rank: int
    group: str
    paid_at: str | None = None
    """The level whose pay it takes (``gcdc:paidAtRateOf``), if any."""


@dataclass(frozen=True, slots=True)
class Position:
    """A position: a stream at a level, with its role and path when the source gives them."""

    label: str
    level: str
    level_label: str
    rank: int
    group: str
    stream: str
    community: str
    role: str | None = None
    path: str | None = None
    level_stated: bool = True
    """``False`` when the source does not state the level (an assumption placed it)."""


@dataclass(frozen=True, slots=True)
class CareerPathInfo:
    """A career path of a stream (management, individual contributor), in the source's order."""

    label: str
    order: int
    fr: str = ""
    """The French name (``""`` when the graph has none)."""


@dataclass(frozen=True, slots=True)
class Route:
    """A way into the public service (students, apprentices, ...), and the assumptions its entry level rests on."""

    label: str
    order: int
    assumes: tuple[str, ...] = ()
    """The assumptions (``gcdc:assumes``) that place its entries: at the lowest level of each stream, or at any level."""


@dataclass(frozen=True, slots=True)
class Skill:
    """An official skill of GC Digital Talent, with its French name and category (``Technical``, ``Behavioural``)."""

    label: str
    category: str
    fr: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    """A staffing rule: the kind of move it governs, its condition, and its quotes (the key quote first)."""

    label: str
    kind: str
    condition: str
    quotes: tuple[str, ...] = ()
    condition_fr: str = ""
    """The condition in French (the project's translation; ``""`` when the graph has none)."""


@dataclass(frozen=True, slots=True)
class Assumption:
    """A named choice the sources do not make, with its parameter, chosen value and why."""

    label: str
    parameter: str
    value: str
    note: str
    note_fr: str = ""
    """Why, in French (the project's translation; ``""`` when the graph has none)."""


@dataclass(frozen=True, slots=True)
class StatedProgression:
    """A move the source states between two states (levels, positions, routes), with its quotes."""

    id: str
    from_state: str
    to_state: str
    kind: str
    quotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mapping:
    """A crosswalk of a position or stream to an outside classification (NOC, ESCO), with why."""

    relation: str
    target: str
    label: str
    code: str | None
    why: str


@dataclass(frozen=True)
class Item:
    """A responsibility, expertise or functional area, with the official skills linked to it."""

    id: str
    label: str
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Requirement:
    """One skill of a job template: essential or not, and the level (1 beginner .. 4 lead) or ``None``."""

    skill: str
    essential: bool
    level: int | None


@dataclass(frozen=True)
class PayRange:
    """A salary range of a level, from one source document, with its effective date or what is known of it."""

    level: str
    minimum: int
    maximum: int
    date: str | None
    note: str | None
    document: str
    """The source document it comes from (``prov:wasDerivedFrom``), by id; ``label`` names it."""
    label: str


@dataclass(frozen=True, slots=True)
class Template:
    """A GC Digital Talent job template: its level, the position it is for (if any) and its skill requirements."""

    reference: str
    label: str
    level: str
    position: str | None
    requirements: tuple[Requirement, ...]


@dataclass
class Facts:
    """Positions, streams, routes, levels, rules, assumptions, skills, templates, pay and stated progressions."""

    positions: dict[str, Position] = field(default_factory=dict)
    streams: dict[str, Stream] = field(default_factory=dict)
    routes: dict[str, Route] = field(default_factory=dict)
    levels: dict[str, Level] = field(default_factory=dict)
    executive_levels: dict[str, Level] = field(default_factory=dict)
    role_labels: dict[str, str] = field(default_factory=dict)
    stream_items: dict[str, list[Item]] = field(default_factory=dict)
    role_items: dict[str, list[Item]] = field(default_factory=dict)
    skills: dict[str, Skill] = field(default_factory=dict)
    templates: dict[str, Template] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)
    assumptions: dict[str, Assumption] = field(default_factory=dict)
    pay: dict[str, list[PayRange]] = field(default_factory=dict)
    agreements: dict[str, str] = field(default_factory=dict)
    """The date each group's first collective agreement was signed (an agreement whose ``dcterms:subject`` is the group)."""
    group_abbreviations: dict[str, str] = field(default_factory=dict)
    """Each occupational group's abbreviation (``IT``, ``EX``: ``gcdc:abbreviation``)."""
    progressions: list[StatedProgression] = field(default_factory=list)
    crosswalks: dict[str, list[Mapping]] = field(default_factory=dict)
    skill_level_labels: dict[int, str] = field(default_factory=dict)
    skill_level_names: dict[str, int] = field(default_factory=dict)
    skill_level_labels_fr: dict[int, str] = field(default_factory=dict)
    """Every name of a skill level, in lower case, English and French (``"débutant"``: 1)."""
    link_methods: dict[str, set[str]] = field(default_factory=dict)
    """How each responsibility, expertise or functional area was linked to its skills (``NameMatch``, ``KeywordMatch``, ``CuratedLink``)."""
    item_count: int = 0
    """How many responsibilities, expertise and functional areas the graph holds."""
    paths: dict[str, CareerPathInfo] = field(default_factory=dict)
    """The career paths (``gcdc:CareerPath``): the management path, then the individual-contributor path, as shipped."""
    role_levels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The levels at which each role exists (``gcdc:atLevel``)."""
    group_communities: dict[str, str] = field(default_factory=dict)
    """The career community of each occupational group (``gcdc:community``)."""
    executive_groups: frozenset[str] = frozenset()
    """The occupational groups of the executive community: the community the stated executive transitions lead to."""

    def path_called(self, name: str) -> str | None:
        """The career path whose English name starts with ``name`` (``"management"``, ``"individual"``), if one does."""
        wanted = name.strip().lower()
        return next((p for p in self.path_order() if wanted and self.paths[p].label.lower().startswith(wanted)), None)

    def path_order(self) -> list[str]:
        """The career paths in the source's order (``gcdc:order``)."""
        return sorted(self.paths, key=lambda p: (self.paths[p].order, p))

    def path_names(self) -> dict[str, str]:
        """Each career path's short English name, in order: its label less " path" (``management``, ``individual-contributor``)."""
        return {p: self.paths[p].label.removesuffix(" path") for p in self.path_order()}

    @property
    def executive_communities(self) -> list[str]:
        """The communities of the executive groups (the digital executives), sorted."""
        return sorted({self.group_communities[g] for g in self.executive_groups})

    @property
    def communities(self) -> set[str]:
        """The career communities: of the streams, and of the occupational groups."""
        return {s.community for s in self.streams.values()} | set(self.group_communities.values())

    def rule_for(self, kind: str) -> str:
        """The staffing rule that governs moves of ``kind`` (``gcdc:governsKind``: ``"Promotion"``, ``"ActingAppointment"``).

        Raises `CareersError` when the graph has none: every move names the rule that allows it.
        """
        found = sorted(rule for rule, data in self.rules.items() if data.kind == kind)
        if not found:
            raise CareersError(f"no staffing rule governs gcdc:{kind} (gcdc:governsKind): the graph's rules are {sorted(self.rules)}")
        return found[0]

    def assumption_named(self, parameter: str) -> str | None:
        """The assumption that holds the setting ``parameter`` (``gcdc:parameterName``, ``"levels_per_promotion"``), if any."""
        return min((a for a, data in self.assumptions.items() if data.parameter == parameter), default=None)

    def setting(self, parameter: str, default: str) -> str:
        """The chosen value of the assumption that holds ``parameter`` (``default`` when the graph has none)."""
        found = self.assumption_named(parameter)
        return self.assumption_value(found, default) if found else default

    def assumption_for(self, parameter: str) -> str:
        """`assumption_named`, or `CareersError` when the graph has none: every move names the assumptions it rests on."""
        found = self.assumption_named(parameter)
        if found is None:
            raise CareersError(f"no assumption holds the setting {parameter!r} (gcdc:parameterName)")
        return found

    def skill_label(self, skill: str, lang: str = "en") -> str:
        """The name of an official skill in ``lang`` (``"en"`` or ``"fr"``; its id when unknown)."""
        found = self.skills.get(skill)
        return (found.fr if lang == "fr" else "") or found.label if found else skill

    def rule_label(self, rule: str) -> str:
        """The English name of a staffing rule (its id when unknown)."""
        found = self.rules.get(rule)
        return found.label if found else rule

    def assumption_label(self, assumption: str) -> str:
        """The English name of an assumption (its id when unknown)."""
        found = self.assumptions.get(assumption)
        return found.label if found else assumption

    def assumption_note(self, assumption: str, default: str = "", lang: str = "en") -> str:
        """Why an assumption was chosen, in the graph's words, in ``lang`` when the graph has it (``default`` when it lacks it)."""
        found = self.assumptions.get(assumption)
        return ((found.note_fr if lang == "fr" else "") or found.note) if found else default

    def level_label(self, level: str) -> str:
        """The label of a level (``IT-03``; its id when unknown)."""
        found = self.levels.get(level)
        return found.label if found else level

    def assumption_value(self, assumption: str, default: str) -> str:
        """The chosen value of an assumption (``default`` when the graph lacks it)."""
        found = self.assumptions.get(assumption)
        return found.value if found and found.value else default


def _en(var: str) -> str:
    return f'FILTER (lang(?{var}) = "en")'


def _fr(var: str) -> str:
    return f'FILTER (lang(?{var}) = "fr")'


def stream_order(facts: Facts) -> list[str]:
    """The streams in the source's order: by community (IT, Information and Data Governance, Data Centre of Expertise), then in it."""
    return sorted(facts.streams, key=lambda s: (facts.streams[s].community_order, facts.streams[s].order, s))


def read_facts(store: Store) -> Facts:
    """Read every fact the mobility model needs from ``source``."""
    facts = Facts()
    _read_structure(store, facts)
    _read_items(store, facts)
    _read_skills_and_templates(store, facts)
    _read_rules(store, facts)
    _read_pay(store, facts)
    _read_progressions(store, facts)
    _read_crosswalks(store, facts)
    _find_executives(facts)
    return facts


def _find_executives(facts: Facts) -> None:
    """The executive groups and levels: those of the community the stated executive transitions lead to."""
    reached = {p.to_state for p in facts.progressions if p.kind == "ExecutiveTransition"}
    facts.executive_groups = frozenset(g for g, community in facts.group_communities.items() if community in reached)
    facts.executive_levels = {lvl: d for lvl, d in sorted(facts.levels.items()) if d.group in facts.executive_groups}


def _read_structure(store: Store, facts: Facts) -> None:
    for row in store.select(
        "SELECT ?s ?label ?fr ?community ?communityLabel ?communityOrder ?order WHERE { ?s a gcdc:WorkStream ; rdfs:label ?label ; "
        "gcdc:community ?community ; gcdc:order ?order . ?community rdfs:label ?communityLabel . "
        'OPTIONAL { ?s rdfs:label ?fr FILTER (lang(?fr) = "fr") } '
        f"OPTIONAL {{ ?community gcdc:order ?communityOrder }} {_en('label')} {_en('communityLabel')} }}"
    ):
        facts.streams[node_id(row["s"])] = Stream(
            label=row["label"],
            fr=row.get("fr") or row["label"],
            community=node_id(row["community"]),
            community_label=row["communityLabel"],
            community_order=int(row.get("communityOrder") or 99),
            order=int(row["order"]),
        )
    for row in store.select(
        "SELECT ?l ?label ?rank ?group ?paidAt WHERE { ?l a gcdc:Level ; rdfs:label ?label ; gcdc:rank ?rank ; "
        f"gcdc:occupationalGroup ?group . OPTIONAL {{ ?l gcdc:paidAtRateOf ?paidAt }} {_en('label')} }}"
    ):
        paid_at = row.get("paidAt")
        facts.levels[node_id(row["l"])] = Level(
            label=row["label"], rank=int(row["rank"]), group=node_id(row["group"]), paid_at=node_id(paid_at) if paid_at else None
        )
    for row in store.select(f"SELECT ?r ?label WHERE {{ ?r a gcdc:Role ; rdfs:label ?label . {_en('label')} }}"):
        facts.role_labels[node_id(row["r"])] = row["label"]
    role_levels: dict[str, list[str]] = defaultdict(list)
    for row in store.select("SELECT ?r ?l WHERE { ?r a gcdc:Role ; gcdc:atLevel ?l }"):
        role_levels[node_id(row["r"])].append(node_id(row["l"]))
    facts.role_levels = {role: tuple(sorted(levels)) for role, levels in sorted(role_levels.items())}
    for row in store.select(
        "SELECT ?p ?label ?role ?level ?stream ?path ?stated WHERE { ?p a gcdc:Position ; rdfs:label ?label ; "
        "gcdc:hasLevel ?level ; gcdc:inStream ?stream . OPTIONAL { ?p gcdc:hasRole ?role } OPTIONAL { ?p gcdc:onPath ?path } "
        f"OPTIONAL {{ ?p gcdc:levelStated ?stated }} {_en('label')} }}"
    ):
        stream, level, role, path = node_id(row["stream"]), node_id(row["level"]), row.get("role"), row.get("path")
        facts.positions[node_id(row["p"])] = Position(
            label=row["label"],
            role=node_id(role) if role else None,
            level=level,
            level_label=facts.levels[level].label,
            rank=facts.levels[level].rank,
            group=facts.levels[level].group,
            stream=stream,
            path=node_id(path) if path else None,
            level_stated=row.get("stated") != "false",
            community=facts.streams[stream].community,
        )
    for row in store.select(
        f"SELECT ?r ?label ?order WHERE {{ ?r a gcdc:EntryRoute ; rdfs:label ?label ; gcdc:order ?order . {_en('label')} }}"
    ):
        facts.routes[node_id(row["r"])] = Route(label=row["label"], order=int(row["order"]))
    assumed: dict[str, list[str]] = defaultdict(list)
    for row in store.select("SELECT ?r ?a WHERE { ?r a gcdc:EntryRoute ; gcdc:assumes ?a }"):
        assumed[node_id(row["r"])].append(node_id(row["a"]))
    for route, assumptions in assumed.items():
        if route in facts.routes:
            facts.routes[route] = replace(facts.routes[route], assumes=tuple(sorted(assumptions)))
    for row in store.select(
        f"SELECT ?p ?label ?order ?fr WHERE {{ ?p a gcdc:CareerPath ; rdfs:label ?label ; gcdc:order ?order . {_en('label')} "
        f"OPTIONAL {{ ?p rdfs:label ?fr {_fr('fr')} }} }}"
    ):
        facts.paths[node_id(row["p"])] = CareerPathInfo(row["label"], int(row["order"]), row.get("fr") or "")
    for row in store.select("SELECT ?g ?c WHERE { ?g a gcdc:OccupationalGroup ; gcdc:community ?c }"):
        facts.group_communities[node_id(row["g"])] = node_id(row["c"])


def _items(store: Store, owner_pattern: str) -> dict[str, list[Item]]:
    rows = store.select(
        f"SELECT ?owner ?item ?label ?skill WHERE {{ {owner_pattern} "
        f"?item rdfs:label ?label ; gcdc:requiresSkill ?skill . {_en('label')} }}"
    )
    grouped: dict[str, dict[str, tuple[str, set[str]]]] = defaultdict(dict)
    for row in rows:
        label, skills = grouped[node_id(row["owner"])].get(node_id(row["item"]), (row["label"], set()))
        skills.add(node_id(row["skill"]))
        grouped[node_id(row["owner"])][node_id(row["item"])] = (label, skills)
    return {
        owner: [Item(item, label, tuple(sorted(skills))) for item, (label, skills) in sorted(items.items())]
        for owner, items in sorted(grouped.items())
    }


def _read_items(store: Store, facts: Facts) -> None:
    facts.stream_items = _items(
        store,
        "?owner a gcdc:WorkStream . "
        "?owner (gcdc:hasResponsibility/^gcdc:subItemOf?|gcdc:hasFunctionalArea|gcdc:hasSpecialisation/gcdc:hasExpertise) ?item .",
    )
    facts.role_items = _items(store, "?owner a gcdc:Role ; gcdc:hasResponsibility ?item .")
    for row in store.select("SELECT ?item ?method WHERE { ?item gcdc:skillLink/gcdc:linkMethod ?method }"):
        facts.link_methods.setdefault(node_id(row["item"]), set()).add(row["method"].rsplit("#", 1)[-1])
    (row,) = store.select(
        "SELECT (COUNT(DISTINCT ?item) AS ?n) WHERE { ?item a ?type "
        "VALUES ?type { gcdc:Responsibility gcdc:Expertise gcdc:FunctionalArea } }"
    )
    facts.item_count = int(row["n"])


def _read_skills_and_templates(store: Store, facts: Facts) -> None:
    for row in store.select(
        "SELECT ?s ?label ?fr ?category WHERE { ?s a gcdc:Skill ; skos:prefLabel ?label ; gcdc:skillCategory ?category . "
        f'OPTIONAL {{ ?s skos:prefLabel ?fr FILTER (lang(?fr) = "fr") }} {_en("label")} }}'
    ):
        facts.skills[node_id(row["s"])] = Skill(
            label=row["label"], fr=row.get("fr") or row["label"], category=row["category"].rsplit("#", 1)[-1]
        )
    for row in store.select(
        f"SELECT ?l ?rank ?label WHERE {{ ?l a gcdc:SkillLevel ; gcdc:rank ?rank ; rdfs:label ?label . {_en('label')} }}"
    ):
        facts.skill_level_labels[int(row["rank"])] = row["label"]
    for row in store.select(
        "SELECT ?rank ?label (lang(?label) AS ?lang) WHERE { ?l a gcdc:SkillLevel ; gcdc:rank ?rank ; rdfs:label ?label }"
    ):
        facts.skill_level_names[row["label"].lower()] = int(row["rank"])  # English and French
        if row["lang"] == "fr":
            facts.skill_level_labels_fr[int(row["rank"])] = row["label"]
    requirements: dict[str, list[Requirement]] = defaultdict(list)
    for row in store.select(
        "SELECT ?t ?skill ?type ?rank WHERE { ?t gcdc:skillRequirement ?r . ?r gcdc:requiredSkill ?skill ; gcdc:requirementType ?type . "
        "OPTIONAL { ?r gcdc:requiredLevel/gcdc:rank ?rank } }"
    ):
        rank = row.get("rank")
        requirements[node_id(row["t"])].append(
            Requirement(node_id(row["skill"]), row["type"].endswith("#Essential"), int(rank) if rank else None)
        )
    for row in store.select(
        "SELECT ?t ?ref ?label ?position ?level WHERE { ?t a gcdc:JobTemplate ; gcdc:referenceId ?ref ; rdfs:label ?label ; "
        f"gcdc:hasLevel ?level . OPTIONAL {{ ?t gcdc:templateFor ?position }} {_en('label')} }}"
    ):
        template, position = node_id(row["t"]), row.get("position")
        facts.templates[template] = Template(
            reference=row["ref"],
            label=row["label"],
            level=node_id(row["level"]),
            position=node_id(position) if position else None,
            requirements=tuple(sorted(requirements[template], key=lambda r: (r.skill, not r.essential))),
        )


def _read_rules(store: Store, facts: Facts) -> None:
    quotes: dict[str, list[str]] = defaultdict(list)
    rules: dict[str, Rule] = {}
    for row in store.select(
        "SELECT ?r ?label ?kind ?condition ?french ?quote WHERE { ?r a gcdc:StaffingRule ; rdfs:label ?label ; gcdc:governsKind ?kind ; "
        f"gcdc:condition ?condition ; gcdc:quote ?quote . {_en('label')} {_en('condition')} "
        f"OPTIONAL {{ ?r gcdc:condition ?french {_fr('french')} }} }}"
    ):
        kind = row["kind"].rsplit("#", 1)[-1]
        rules[node_id(row["r"])] = Rule(row["label"], kind, row["condition"], condition_fr=row.get("french") or "")
        quotes[node_id(row["r"])].append(row["quote"])
    keys = {node_id(row["r"]): row["key"] for row in store.select("SELECT ?r ?key WHERE { ?r a gcdc:StaffingRule ; gcdc:keyQuote ?key }")}
    for rule, data in rules.items():  # the key quote first: pages that show one quote show the one that states the rule
        key = keys.get(rule)
        facts.rules[rule] = replace(data, quotes=tuple(sorted(quotes[rule], key=lambda q: (q != key, q))))
    for row in store.select(
        "SELECT ?a ?label ?name ?value ?note ?french WHERE { ?a a gcdc:Assumption ; rdfs:label ?label ; gcdc:parameterName ?name ; "
        f"gcdc:parameterValue ?value ; skos:editorialNote ?note . {_en('label')} {_en('note')} "
        f"OPTIONAL {{ ?a skos:editorialNote ?french {_fr('french')} }} }}"
    ):
        facts.assumptions[node_id(row["a"])] = Assumption(
            label=row["label"], parameter=row["name"], value=row["value"], note=row["note"], note_fr=row.get("french") or ""
        )


def _read_pay(store: Store, facts: Facts) -> None:
    rows = store.select(
        "SELECT ?r ?level ?min ?max ?date ?note ?source ?sourceLabel WHERE { ?r a gcdc:PayRange ; gcdc:payRangeOf ?level ; "
        "gcdc:minimumSalary ?min ; gcdc:maximumSalary ?max ; prov:wasDerivedFrom ?source . ?source rdfs:label ?sourceLabel . "
        f"OPTIONAL {{ ?r gcdc:effectiveDate ?date }} OPTIONAL {{ ?r gcdc:dateNote ?note }} {_en('sourceLabel')} }}"
    )
    for row in rows:
        facts.pay.setdefault(node_id(row["level"]), []).append(
            PayRange(
                node_id(row["level"]),
                int(row["min"]),
                int(row["max"]),
                row.get("date"),
                row.get("note"),
                node_id(row["source"]),
                row["sourceLabel"],
            )
        )
    for ranges in facts.pay.values():
        ranges.sort(key=lambda r: (r.date or "", r.document))
    for row in store.select(
        "SELECT ?group (MIN(?date) AS ?first) WHERE { ?agreement a prov:Entity ; dcterms:subject ?group ; dcterms:date ?date . "
        "?group a gcdc:OccupationalGroup } GROUP BY ?group"
    ):
        facts.agreements[node_id(row["group"])] = row["first"]
    for row in store.select("SELECT ?g ?abbreviation WHERE { ?g a gcdc:OccupationalGroup ; gcdc:abbreviation ?abbreviation }"):
        facts.group_abbreviations[node_id(row["g"])] = row["abbreviation"]


def _read_progressions(store: Store, facts: Facts) -> None:
    quotes: dict[str, list[str]] = defaultdict(list)
    base: dict[str, tuple[str, str, str]] = {}
    for row in store.select(
        "SELECT ?p ?from ?to ?kind ?quote WHERE { ?p a gcdc:Progression ; gcdc:basis gcdc:Stated ; gcdc:fromState ?from ; "
        "gcdc:toState ?to ; gcdc:progressionKind ?kind ; gcdc:quote ?quote "
        "FILTER NOT EXISTS { ?p gcdc:allowedBy ?rule } }"  # not the moves the build wrote back
    ):
        base[node_id(row["p"])] = (node_id(row["from"]), node_id(row["to"]), row["kind"].rsplit("#", 1)[-1])
        quotes[node_id(row["p"])].append(row["quote"])
    facts.progressions = [StatedProgression(p, *base[p], quotes=tuple(sorted(quotes[p]))) for p in sorted(base)]


def _read_crosswalks(store: Store, facts: Facts) -> None:
    for row in store.select(
        "SELECT ?from ?to ?relation ?label ?notation ?why WHERE { ?c a gcdc:Crosswalk ; gcdc:mapsFrom ?from ; gcdc:mapsTo ?to ; "
        "gcdc:mappingRelation ?relation ; rdfs:comment ?why . ?to skos:prefLabel ?label . OPTIONAL { ?to skos:notation ?notation } }"
    ):
        facts.crosswalks.setdefault(node_id(row["from"]), []).append(
            Mapping(
                relation="skos:" + row["relation"].rsplit("#", 1)[-1],
                target=row["to"],
                label=row["label"],
                code=row.get("notation"),
                why=row["why"],
            )
        )
    for mappings in facts.crosswalks.values():
        mappings.sort(key=lambda m: (m.target, m.relation))
