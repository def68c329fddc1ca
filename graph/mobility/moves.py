"""The mobility model: every move a person can make between career states, each named by the rule that allows it.

States are positions (a role at a level in a stream; in a stream without stated levels, the level a person
brings), entry routes and executive levels. Moves:

=====================  =========  ===============================================================  ================
kind                   basis      when                                                              rule
=====================  =========  ===============================================================  ================
promotion              stated     next level, same stream and path (IT-02 branches into both        promotion
                                  paths at IT-03): the page states progress through each level
promotion              rule       next level in another stream or path; next level in a stream      promotion
                                  without stated levels; EX-0n to EX-0n+1
deployment             rule       any other position of the same group and level, with a skill      deployment
                                  gap within ``costs.DEPLOYMENT_CAP``
appointment            rule       any other position of the same group and level whose gap is       appointment
                                  beyond the cap: an advertised process, on merit
acting appointment     rule       as a promotion or an executive appointment, temporary (only      acting appointment
                                  when asked for; the last move of a path)
entry                  rule       students, apprentices, recent graduates: each stream's lowest     entry
                                  level; mid-career professionals: any position
executive appointment  rule       from the most senior non-executive level (IT-05) to EX-01         executive appointment
executive appointment  stated     private-sector executives to EX-01..EX-05                         executive appointment
demotion               rule       a position one level lower, same group (only when asked for)      demotion
=====================  =========  ===============================================================  ================

Every move carries its ``rule``, the ``assumptions`` it rests on (``gcd:assumption-...``), its skill
``gap`` in official skills and its ``cost`` (`graph.mobility.costs`). A move is *stated* only when a
sentence of the page states it, and then carries the sentence; any move that rests on an assumption is
at most *rule*-based.

Deployments and promotions across streams are many (they grow with the square of the positions), so the
model does not store them: `MobilityModel.moves_from` computes a state's moves when asked (the path search
asks as it goes), and `MobilityModel.graph` draws a bounded graph for analyses and pages: the stated and
explicit moves plus each position's ``k`` cheapest deployments and promotions across streams.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> from graph.store import RdflibStore
>>> from graph.mobility.facts import read_facts
>>> model = MobilityModel(read_facts(RdflibStore(derive(load().g))))
>>> moves = model.moves_from("position-it-02-analyst-it-security")
>>> [(m.kind, m.basis) for m in moves if m.target == "position-it-03-team-lead-it-security"]
[('promotion', 'stated')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, overload

import networkx as nx

from graph.mobility.costs import (
    ASSUMED_LEVEL_PENALTY,
    DEPLOYMENT,
    DEPLOYMENT_CAP,
    GAIN_SCALE,
    LEFT_WEIGHT,
    PROMOTION,
    gap_weight,
    left_behind,
    move_cost,
)
from graph.mobility.facts import Facts, StatedProgression
from graph.mobility.gap import GapItem, skill_gap
from graph.mobility.pay import pay_change
from graph.mobility.profiles import Profile, position_profiles

if TYPE_CHECKING:  # NumPy is imported when the bounded graph is built, not when a command starts
    import numpy as np

    from graph.mobility.nearest import Parts, Targets

__all__ = [
    "RULE_KINDS",
    "EVIDENCE",
    "EVIDENCE_FR",
    "KINDS",
    "SETTINGS",
    "Bucket",
    "MobilityModel",
    "Move",
    "State",
    "edge_data",
    "same_level_kind",
]

KINDS = ("promotion", "deployment", "appointment", "acting appointment", "entry", "executive appointment", "demotion")
"""The kinds of move."""
KIND_ORDER = {kind: i for i, kind in enumerate(sorted(KINDS, key=lambda kind: (kind == "acting appointment", kind)))}
"""How kinds break ties between paths of equal cost and states: by name, an acting appointment after every permanent move."""
RULE_KINDS = {
    "promotion": "Promotion",
    "deployment": "Deployment",
    "appointment": "Appointment",
    "acting appointment": "ActingAppointment",
    "demotion": "Demotion",
    "entry": "Entry",
    "executive appointment": "ExecutiveAppointment",
}
"""The ontology's kind (``gcdc:``) of each kind of move: the rule that ``gcdc:governsKind`` it allows the move (`MobilityModel.rules`)."""
SETTINGS = {
    "unstated levels": "levels_of_streams_without_levels",
    "entry level": "entry_level",
    "mid-career": "mid_career_entry_levels",
    "one level": "levels_per_promotion",
    "executive entry": "executive_entry_from_rank",
    "assumed level penalty": "assumed_level_penalty",
}
"""The settings (``gcdc:parameterName``) of the named assumptions moves may rest on (`MobilityModel.assumption`)."""
_CACHES = ("_cache", "_bucket_cache", "_lanes", "_graphs", "_gaps", "_terms", "_level_targets")
EVIDENCE = {  # why an implicit move of each kind is possible, in words
    "deployment": "Another position of the same group and level.",
    "appointment": "Another position of the same group and level, through an advertised process on merit: the skills to gain are "
    "beyond what a deployment asks.",
    "promotion": "The next level, in another stream or path.",
    "acting appointment": "Temporarily, the duties of the next level; the person keeps their own position.",
    "demotion": "A position one level lower, by the person's choice (only when asked for).",
}
EVIDENCE_FR = {
    "deployment": "Un autre poste du même groupe et du même niveau.",
    "appointment": "Un autre poste du même groupe et du même niveau, par un processus annoncé fondé sur le mérite : les compétences "
    "à acquérir dépassent ce que demande une mutation.",
    "promotion": "Le niveau suivant, dans un autre volet ou cheminement.",
    "acting appointment": "Temporairement, les fonctions du niveau suivant ; la personne garde son propre poste.",
    "demotion": "Un poste d'un niveau inférieur, au choix de la personne (seulement sur demande).",
}
"""`EVIDENCE` in French (the project's own translation), for the French pages."""


def _round4(values: np.ndarray) -> np.ndarray:
    """Python's ``round(x, 4)`` of each value of a NumPy array (the nearest double to the nearest 4-place decimal).

    ``rint(x * 10**4) / 10**4`` is it but where ``x * 10**4`` lies within a hair of a half: those few go through ``round``.
    """
    import numpy as np

    scaled = values * 1e4
    rounded = np.rint(scaled) / 1e4
    with np.errstate(invalid="ignore"):  # inf (a move of the other kind) stays inf
        near = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    for i in np.flatnonzero(near):
        rounded[i] = round(float(values[i]), 4)
    return rounded


def _cost_vector(kind: str, parts: Parts, row: int, into: _Buckets, left: np.ndarray) -> np.ndarray:
    """The cost, not rounded, of a move of ``kind`` from source ``row`` of ``parts`` into each of the buckets ``into``.

    The arithmetic of `graph.mobility.costs.move_cost`, with ``left`` the shares left behind; ``inf`` where a same-level
    move is of the other kind (a deployment within `DEPLOYMENT_CAP`, else an appointment).
    """
    import numpy as np

    whole = parts.gained[row] + parts.deepen[row]
    gap = parts.gained[row] if kind in ("promotion", "acting appointment") else whole  # a promotion's gain: skills to gain
    with np.errstate(divide="ignore", invalid="ignore"):  # GAIN_SCALE * gap / size, as `costs.gain` (0 without skills)
        gains = np.where(parts.size > 0, GAIN_SCALE * gap / np.where(parts.size > 0, parts.size, 1), 0.0)
    base = DEPLOYMENT if kind == "deployment" else PROMOTION
    costs: np.ndarray = base + gains + LEFT_WEIGHT * left + np.array(into.penalty)
    if kind in ("deployment", "appointment"):
        costs = np.where((whole <= DEPLOYMENT_CAP) == (kind == "deployment"), costs, np.inf)
    return costs


def _sorted_items(profile: dict[str, int | None]) -> tuple[Any, ...]:
    return tuple(sorted(profile.items(), key=lambda item: item[0]))


def same_level_kind(gap: Iterable[GapItem]) -> str:
    """A move to another position of one's group and level: a deployment within the cap on the skills to gain, else an appointment.

    >>> same_level_kind([GapItem("a", 4, None)]), same_level_kind([GapItem(s, 4, None) for s in "abcde"])
    ('deployment', 'appointment')
    """
    return "deployment" if gap_weight(gap) <= DEPLOYMENT_CAP else "appointment"


@dataclass(frozen=True, slots=True)
class State:
    """A state of a career: a position, a way in (``kind="entry"``) or an executive level.

    Only positions have a stream, a role and a path; an entry has no community, group, level or rank (``""``, ``0``).
    """

    kind: str
    """``"position"``, ``"entry"`` or ``"executive"``."""
    label: str
    community: str = ""
    rank: int = 0
    level: str = ""
    """The level's label (``IT-03``)."""
    level_id: str = ""
    group: str = ""
    stream: str = ""
    stream_label: str = ""
    role: str | None = None
    role_label: str = ""
    path: str | None = None
    level_stated: bool = True


@dataclass(frozen=True)
class Move:
    """One move: from, to, kind, basis (``stated`` or ``rule``), rule, cost, gap, assumptions and the page's words."""

    source: str
    target: str
    kind: str
    basis: str
    rule: str
    cost: float
    gap: tuple[GapItem, ...] = ()
    assumptions: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    progression: str | None = None
    evidence: str = ""
    same_track: bool = False
    """Whether the move stays on one's own stream and path (a promotion up one's own ladder)."""
    evidence_fr: str = ""
    """`evidence` in French (the project's own translation)."""

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies the move: ``(source, target, kind)``."""
        return (self.source, self.target, self.kind)


@dataclass(frozen=True)
class Bucket:
    """Implicit moves of one kind into targets that cost the same: the positions of a level that share a profile.

    The states that share a profile share their buckets; ``group`` names the targets' profile group.
    """

    kind: str
    basis: str
    cost: float
    gap: tuple[GapItem, ...] | None
    """``None`` until a move of the bucket is made (`MobilityModel.move_in` works it out: the targets share a profile)."""
    assumptions: tuple[str, ...]
    targets: tuple[str, ...]
    group: tuple[Any, ...]


@dataclass(frozen=True)
class _Buckets:
    """The buckets of one level, as the search for each position's cheapest moves into it reads them."""

    members: list[tuple[str, ...]]
    groups: list[tuple[Any, ...]]
    sizes: list[int]
    where: dict[str, int]
    """A position -> the index of its bucket."""
    penalty: list[float]
    """The penalty of a move into each bucket (its level not stated)."""
    rank: list[int]
    """Each bucket's place when the buckets are sorted by their targets (ties of cost are broken so)."""

    @classmethod
    def of(cls, model: MobilityModel, groups: dict[tuple[Any, ...], tuple[str, ...]]) -> _Buckets:
        members = list(groups.values())

        def stated(m: tuple[str, ...]) -> bool:
            return model.nodes[m[0]].level_stated

        rank = [0] * len(members)
        for place, i in enumerate(sorted(range(len(members)), key=lambda i: members[i])):
            rank[i] = place
        return cls(
            members,
            list(groups),
            [len(m) for m in members],
            {t: i for i, m in enumerate(members) for t in m},
            [0.0 if stated(m) else model.assumed_level_penalty for m in members],
            rank,
        )


class Lane(Sequence[Bucket]):
    """A state's buckets of one kind into one level, sorted by cost then targets; each `Bucket` is made when it is read.

    It holds the costs and the order only (a lane of 700 buckets is a few kilobytes), so that a search that opens
    thousands of states of distinct profiles keeps them all. `without` leaves out some targets (the state itself, the
    promotions on its own track) and the buckets they empty.
    """

    def __init__(
        self,
        kind: str,
        into: _Buckets,
        costs: np.ndarray,
        order: np.ndarray,
        assumed: list[tuple[str, ...]],
        skip: frozenset[str] = frozenset(),
    ) -> None:
        self.kind, self.into, self.costs, self.order, self.assumed, self.skip = kind, into, costs, order, assumed, skip

    def __len__(self) -> int:
        return len(self.order)

    @overload
    def __getitem__(self, i: int) -> Bucket: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Bucket]: ...
    def __getitem__(self, i: int | slice) -> Bucket | Sequence[Bucket]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        j = int(self.order[i])
        members = self.into.members[j]
        targets = tuple(t for t in members if t not in self.skip) if self.skip else members
        return Bucket(self.kind, "rule", float(self.costs[j]), None, self.assumed[j], targets, self.into.groups[j])

    def without(self, skip: set[str]) -> Lane:
        """The lane less the targets in ``skip``, and less the buckets left without a target."""
        emptied = {self.into.where[t] for t in skip if t in self.into.where}
        emptied = {j for j in emptied if all(t in skip for t in self.into.members[j])}
        import numpy as np

        order = np.array([j for j in self.order.tolist() if j not in emptied], dtype=self.order.dtype) if emptied else self.order
        return Lane(self.kind, self.into, self.costs, order, self.assumed, frozenset(skip))


@dataclass
class MobilityModel:
    """The states of a career and the moves between them, built from `Facts`; see the module docstring."""

    facts: Facts
    profiles: dict[str, Profile] = field(init=False)
    nodes: dict[str, State] = field(init=False)

    def __post_init__(self) -> None:
        self.profiles = position_profiles(self.facts)
        signatures: dict[tuple[Any, ...], int] = {}
        self._profile_class = {  # what a move's cost depends on: the essential skills, and the skills put to use
            node: signatures.setdefault((_sorted_items(p.essential), _sorted_items(p.uses)), len(signatures))
            for node, p in self.profiles.items()
        }
        self.rules = {kind: self.facts.rule_for(term) for kind, term in RULE_KINDS.items()}
        """The staffing rule (``gcd:`` id) that allows each kind of move: the one that ``gcdc:governsKind`` it."""
        self.assumption = {name: self.facts.assumption_for(setting) for name, setting in SETTINGS.items()}
        """The named assumption (``gcd:`` id) of each of `SETTINGS`: the one whose ``gcdc:parameterName`` it is."""
        try:
            penalty = self.facts.assumption_value(self.assumption["assumed level penalty"], str(ASSUMED_LEVEL_PENALTY))
            self.assumed_level_penalty = float(penalty)
        except ValueError:
            self.assumed_level_penalty = ASSUMED_LEVEL_PENALTY
        self._gaps: dict[tuple[int, int], tuple[GapItem, ...]] = {}
        self._terms: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.nodes = self._nodes()
        self.top_rank: dict[str, int] = {}  # the highest rank of each occupational group's positions
        for data in self.nodes.values():
            if data.kind == "position":
                self.top_rank[data.group] = max(self.top_rank.get(data.group, 0), data.rank)
        groups: dict[str, dict[tuple[Any, ...], list[str]]] = {}
        self._group_of: dict[str, tuple[Any, ...]] = {}
        for pid, p in sorted(self.facts.positions.items()):  # the positions of a level that cost the same to move into
            key = (p.level, self._profile_class.get(pid), p.level_stated)
            groups.setdefault(p.level, {}).setdefault(key, []).append(pid)
            self._group_of[pid] = key
        self._groups = {level: {key: tuple(members) for key, members in found.items()} for level, found in groups.items()}
        self._next_level = {lvl: self._level_at(d.group, d.rank + 1) for lvl, d in self.facts.levels.items()}
        try:
            self.executive_entry_rank = int(self.facts.assumption_value(self.assumption["executive entry"], "5"))
        except ValueError:
            self.executive_entry_rank = 5
        """The rank from which a position's holder may be appointed to EX-01 (``gcd:assumption-executive-entry-from-the-top-level``)."""
        self._prev_level = {lvl: self._level_at(d.group, d.rank - 1) for lvl, d in self.facts.levels.items()}
        self._explicit: dict[str, list[Move]] = defaultdict(list)
        self._cache: dict[tuple[str, bool, bool], tuple[Move, ...]] = {}
        self._bucket_cache: dict[tuple[str, bool, bool], tuple[tuple[Move, ...], tuple[Lane, ...]]] = {}
        self._lanes: dict[tuple[Any, ...], Lane | tuple[()]] = {}
        self._level_targets: dict[str, tuple[Targets, _Buckets]] = {}
        self._graphs: dict[int, nx.MultiDiGraph[str]] = {}
        self._add_stream_promotions()
        self._add_entries()
        self._add_executive_moves()
        appointments = [
            m.cost
            for moves in self._explicit.values()
            for m in moves
            if m.kind == "executive appointment" and self.nodes[m.source].kind == "position"
        ]
        self.cheapest_appointment = min((c for c in appointments if c), default=1.0)  # a lower bound for the path search

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the caches (the build sends the model to a worker while this process keeps using it)."""
        return {key: value for key, value in self.__dict__.items() if key not in _CACHES}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, **{key: {} for key in _CACHES})

    # ---------------------------------------------------------------- states

    def _nodes(self) -> dict[str, State]:
        f = self.facts
        nodes = {}
        for pid, p in sorted(f.positions.items()):
            nodes[pid] = State(
                kind="position",
                label=p.label,
                role=p.role,
                role_label=f.role_labels.get(p.role, "") if p.role else "",
                level=p.level_label,
                level_id=p.level,
                rank=p.rank,
                group=p.group,
                stream=p.stream,
                stream_label=f.streams[p.stream].label,
                community=p.community,
                path=p.path,
                level_stated=p.level_stated,
            )
        for rid, r in sorted(f.routes.items()):
            nodes[rid] = State(kind="entry", label=r.label)
        for lid, lvl in sorted(f.executive_levels.items()):
            nodes[lid] = State(
                kind="executive",
                label=lvl.label,
                level=lvl.label,
                level_id=lid,
                rank=lvl.rank,
                group=lvl.group,
                community=f.group_communities.get(lvl.group, ""),
            )
        return nodes

    def _level_at(self, group: str, rank: int) -> str | None:
        return next((lvl for lvl, d in sorted(self.facts.levels.items()) if d.group == group and d.rank == rank), None)

    @property
    def groups(self) -> dict[str, dict[tuple[Any, ...], tuple[str, ...]]]:
        """The positions of each level that cost the same to move into (same profile, level stated or not): the buckets."""
        return self._groups

    def explicit_moves(self, node: str) -> tuple[Move, ...]:
        """The moves out of ``node`` the model lists one by one: stated, on one's own track, entries, executive ones."""
        return tuple(self._explicit.get(node, ()))

    def level_above(self, level: str) -> str | None:
        """The next level of ``level``'s group (``None`` at the top): where a promotion from it goes."""
        return self._next_level.get(level)

    def label(self, node: str) -> str:
        """The English label of a state."""
        return self.nodes[node].label

    # ---------------------------------------------------------------- moves

    def _move(
        self, source: str, target: str, kind: str, basis: str, *, same_track: bool = False, assumptions: Iterable[str] = (),
        quotes: Iterable[str] = (), progression: str | None = None, evidence: str = "", evidence_fr: str = "",
    ) -> Move:  # fmt: skip
        founded, cost, gap, assumed = self._term(source, target, kind, basis, same_track, tuple(assumptions))
        return Move(
            source,
            target,
            kind,
            founded,
            self.rules[kind],
            cost,
            gap,
            assumed,
            tuple(quotes),
            progression,
            evidence,
            same_track,
            evidence_fr,
        )

    def _term(self, source: str, target: str, kind: str, basis: str, same_track: bool, assumptions: tuple[str, ...]) -> tuple[Any, ...]:
        """``(basis, cost, gap, assumptions)`` of a move: they depend on the two profiles and flags, not on which positions hold them."""
        assumed_target = not self.nodes[target].level_stated
        unstated = assumed_target or not self.nodes[source].level_stated
        classes = (self._profile_class.get(source), self._profile_class.get(target))
        key = (*classes, kind, basis, same_track, unstated, assumed_target, assumptions)
        if key not in self._terms:
            gap = self._qualifications(target) if kind == "entry" else self._gap(source, target)
            penalty = self.assumed_level_penalty if assumed_target else 0.0
            assumed = self._assumed(unstated, penalty, assumptions)
            founded = "rule" if assumed and basis == "stated" else basis  # a move that rests on an assumption is never "stated"
            size = len(self.profiles[target].essential) if target in self.profiles else 0
            cost = move_cost(kind, gap, size=size, same_track=same_track, left=self._left(source, target), penalty=penalty)
            self._terms[key] = (founded, cost, gap, assumed)
        return self._terms[key]

    def _qualifications(self, target: str) -> tuple[GapItem, ...]:
        """What a person entering ``target`` shows: its essential skills, each as one to gain (an entry costs the same whatever)."""
        profile = self.profiles.get(target)
        return tuple(GapItem(skill, level, None) for skill, level in sorted(profile.essential.items())) if profile else ()

    def _left(self, source: str, target: str) -> float:
        """The share of ``source``'s skills that ``target`` leaves behind (`graph.mobility.costs.left_behind`)."""
        if source not in self.profiles or target not in self.profiles:
            return 0.0
        return left_behind(self.profiles[source].essential, self.profiles[target].uses)

    def _gap(self, source: str, target: str) -> tuple[GapItem, ...]:
        """The skill gap between two states, computed once per pair of distinct profiles (many positions share one)."""
        if source not in self._profile_class or target not in self._profile_class:
            return ()
        key = (self._profile_class[source], self._profile_class[target])
        if key not in self._gaps:
            self._gaps[key] = tuple(skill_gap(self.profiles[source], self.profiles[target]))
        return self._gaps[key]

    def _stated_between(self, a: str, b: str) -> StatedProgression | None:
        return next((p for p in self.facts.progressions if p.from_state == a and p.to_state == b), None)

    def _add_stream_promotions(self) -> None:
        by_stream: dict[str, list[str]] = defaultdict(list)
        for pid, p in self.facts.positions.items():
            by_stream[p.stream].append(pid)
        for positions in by_stream.values():
            for a in sorted(positions):
                pa = self.facts.positions[a]
                for b in sorted(positions):
                    pb = self.facts.positions[b]
                    if pb.level != self._next_level.get(pa.level) or (pa.path and pa.path != pb.path):
                        continue
                    stated = self._stated_between(pa.level, pb.level)
                    branches, stream = not pa.path and pb.path, self.facts.streams[pa.stream]
                    branch = " It branches into the management or the individual-contributor path." if branches else ""
                    branch_fr = " Il se divise en cheminement de gestion ou de contributeur individuel." if branches else ""
                    self._explicit[a].append(
                        self._move(
                            a,
                            b,
                            "promotion",
                            "stated" if stated else "rule",
                            same_track=True,
                            quotes=stated.quotes if stated else (),
                            progression=stated.id if stated else None,
                            evidence=f"{pa.level_label} to {pb.level_label} in {stream.label}.{branch}",
                            evidence_fr=f"{pa.level_label} à {pb.level_label} dans {stream.fr or stream.label}.{branch_fr}",
                        )
                    )

    def _entry_positions(self, communities: set[str] | None) -> list[str]:
        """The lowest-level positions of each stream (of ``communities``; ``None``: all)."""
        lowest: dict[str, int] = {}
        for p in self.facts.positions.values():
            lowest[p.stream] = min(lowest.get(p.stream, 99), p.rank)
        return sorted(
            pid
            for pid, p in self.facts.positions.items()
            if p.rank == lowest[p.stream] and (communities is None or p.community in communities)
        )

    def _add_entries(self) -> None:
        by_route: dict[str, list[StatedProgression]] = defaultdict(list)
        known = self.facts.communities  # a set built from every stream: once, not once per progression
        for p in self.facts.progressions:
            by_route[p.from_state].append(p)
        for route in sorted(self.facts.routes):
            progressions = by_route.get(route, [])
            if not progressions:
                continue
            quotes = tuple(sorted({q for p in progressions for q in p.quotes}))
            if any(p.kind == "ExecutiveTransition" for p in progressions):
                for level in sorted(self.facts.executive_levels):
                    rule = self.facts.rules.get(self.rules["executive appointment"])
                    rule_quotes = tuple(q for q in (rule.quotes if rule else ()) if "EX-01 to EX-05" in q)
                    self._explicit[route].append(
                        self._move(
                            route,
                            level,
                            "executive appointment",
                            "stated",
                            quotes=quotes + rule_quotes,
                            progression=progressions[0].id,
                            evidence="The page invites private-sector executives to the executive ranks; the OCIO staffs EX-01 to EX-05.",
                            evidence_fr="La page invite les cadres du secteur privé dans les rangs de la direction ; le BDPI dote les "
                            "postes EX-01 à EX-05.",
                        )
                    )
                continue
            communities = {p.to_state for p in progressions if p.to_state in known} or None
            mid_career = self.assumption["mid-career"] in self.facts.routes[route].assumes  # entries at any level, not the lowest
            targets = sorted(pid for pid, p in self.facts.positions.items() if communities is None or p.community in communities)
            targets = targets if mid_career else self._entry_positions(communities)
            assumption = self.assumption["mid-career" if mid_career else "entry level"]
            where = "any position" if mid_career else "the lowest level of each stream"
            where_fr = "n'importe quel poste" if mid_career else "le niveau le plus bas de chaque volet"
            for node in targets:
                self._explicit[route].append(
                    self._move(
                        route,
                        node,
                        "entry",
                        "rule",
                        assumptions=(assumption,),
                        quotes=quotes,
                        progression=progressions[0].id,
                        evidence=f"The page states this way in; the level is the project's assumption ({where}).",
                        evidence_fr=f"La page énonce cette voie d'entrée ; le niveau est une hypothèse du projet ({where_fr}).",
                    )
                )

    def _add_executive_moves(self) -> None:
        executives = sorted(self.facts.executive_levels, key=lambda lvl: self.facts.executive_levels[lvl].rank)
        if not executives:
            return
        communities = self.facts.communities
        to_exec = {p.from_state: p for p in self.facts.progressions if p.kind == "ExecutiveTransition" and p.from_state in communities}
        for pid, p in sorted(self.facts.positions.items()):
            stated = to_exec.get(p.community)
            if p.rank != self.executive_entry_rank or stated is None:
                continue
            pay = pay_change(self.facts, p.level, executives[0])
            pay_fr = pay_change(self.facts, p.level, executives[0], "fr")
            self._explicit[pid].append(
                self._move(
                    pid,
                    executives[0],
                    "executive appointment",
                    "rule",
                    assumptions=(self.assumption["executive entry"],),
                    quotes=stated.quotes,
                    progression=stated.id,
                    evidence="The page says a digital career may continue as a digital executive; the move starts from the most senior "
                    "non-executive level (the project's assumption)." + (f" {pay}" if pay else ""),
                    evidence_fr="La page dit qu'une carrière numérique peut se poursuivre comme cadre du numérique ; le déplacement part "
                    "du niveau non exécutif le plus élevé (hypothèse du projet)." + (f" {pay_fr}" if pay_fr else ""),
                )
            )
        for a, b in zip(executives, executives[1:], strict=False):
            self._explicit[a].append(
                self._move(
                    a,
                    b,
                    "promotion",
                    "rule",
                    same_track=True,
                    assumptions=(self.assumption["one level"],),
                    evidence="The next executive level.",
                    evidence_fr="Le niveau de direction suivant.",
                )
            )

    def moves_from(self, node: str, *, acting: bool = False, demotion: bool = False) -> tuple[Move, ...]:
        """Every move out of ``node``: the explicit ones, then deployments and promotions into other streams or paths.

        ``acting`` adds acting appointments (temporary: not part of a career path unless asked for), ``demotion`` moves
        one level down (a person's choice, never a recommended step). Computed once per state.
        """
        key = (node, acting, demotion)
        if key not in self._cache:
            self._cache[key] = self._compute_moves(node, acting, demotion)
        return self._cache[key]

    def _compute_moves(self, node: str, acting: bool, demotion: bool) -> tuple[Move, ...]:
        explicit, lanes = self.buckets_from(node, acting=acting, demotion=demotion)
        return (*explicit, *(self.move_in(bucket, node, target) for lane in lanes for bucket in lane for target in bucket.targets))

    def buckets_from(self, node: str, *, acting: bool = False, demotion: bool = False) -> tuple[tuple[Move, ...], tuple[Lane, ...]]:
        """The moves out of ``node``: the explicit ones, and the implicit ones as lanes of buckets (one lane per kind).

        Deployments and promotions into another stream or path cost what the two skill profiles make them cost, so
        the positions of a level that share a profile are one bucket (the path search settles them together), and
        the positions that share a profile share their lanes. Each lane is sorted by cost.
        """
        key = (node, acting, demotion)
        if key not in self._bucket_cache:
            self._bucket_cache[key] = self._compute_buckets(node, acting, demotion)
        return self._bucket_cache[key]

    def _compute_buckets(self, node: str, acting: bool, demotion: bool) -> tuple[tuple[Move, ...], tuple[Lane, ...]]:
        explicit = list(self._explicit.get(node, ()))
        lanes: list[Lane] = []
        p = self.facts.positions.get(node)
        if p is not None:
            on_track = {m.target for m in explicit if m.kind == "promotion"}
            up = self._next_level.get(p.level)
            kinds = [("deployment", p.level, {node}), ("appointment", p.level, {node}), ("promotion", up, on_track)]
            if acting:
                kinds.append(("acting appointment", up, on_track))
            if demotion:
                kinds.append(("demotion", self._prev_level.get(p.level), set()))
            for kind, level, skip in kinds:
                lane = self._lane(node, kind, level)
                if lane and skip:  # the source itself, or the promotions on its own track, leave their buckets
                    lane = lane.without(skip)
                if lane:
                    lanes.append(lane)
        if acting:  # the duties of the next level, or of EX-01, for a while: as the permanent move would cost
            explicit += [
                replace(
                    m,
                    kind="acting appointment",
                    basis="rule",
                    rule=self.rules["acting appointment"],
                    assumptions=tuple(dict.fromkeys((*m.assumptions, self.assumption["one level"]))),
                    quotes=(),
                    progression=None,
                    evidence=EVIDENCE["acting appointment"],
                    evidence_fr=EVIDENCE_FR["acting appointment"],
                )
                for m in list(explicit)
                if m.kind in ("promotion", "executive appointment") and self.nodes[node].kind != "entry"
            ]
        return tuple(explicit), tuple(lanes)

    def _lane(self, node: str, kind: str, level: str | None) -> Lane | tuple[()]:
        """The buckets of ``kind`` into ``level`` for a state with ``node``'s profile, sorted by cost (shared by profile)."""
        unstated = self.nodes[node].level_stated is False
        key = (self._profile_class.get(node), unstated, kind, level)
        if key not in self._lanes:
            self._lanes[key] = self._costed_lane(node, kind, level)
        return self._lanes[key]

    def _costed_lane(self, node: str, kind: str, level: str | None) -> Lane | tuple[()]:
        """Every bucket of ``kind`` into ``level`` from ``node``, costed at once, as a `Lane`.

        From the parts `graph.mobility.nearest` gives, with the arithmetic of `_term` (the tests check one against the
        other) and Python's rounding; a bucket's gap is worked out when one of its moves is made (`move_in`).
        """
        import numpy as np

        if not self._groups.get(level or ""):
            return ()
        targets, into = self._targets_at(level or "")
        parts = targets.parts([self.profiles.get(node)])
        costs = _round4(_cost_vector(kind, parts, 0, into, _round4(parts.left[0])))  # rounded as `costs.move_cost` rounds
        unstated = self.nodes[node].level_stated is False
        assumptions = () if kind in ("deployment", "appointment", "demotion") else (self.assumption["one level"],)
        plain, penalised = self._assumed(unstated, 0.0, assumptions), self._assumed(True, self.assumed_level_penalty, assumptions)
        assumed = [penalised if p else plain for p in into.penalty]
        kept = np.flatnonzero(np.isfinite(costs))  # a same-level move is one kind or the other
        order = kept[np.lexsort((np.array(into.rank)[kept], costs[kept]))]
        return Lane(kind, into, costs, order, assumed)

    def _targets_at(self, level: str) -> tuple[Targets, _Buckets]:
        """The buckets of ``level`` as `graph.mobility.nearest` reads them, and as a search for the cheapest does (once per level)."""
        from graph.mobility.nearest import Targets

        if level not in self._level_targets:
            groups = self._groups.get(level, {})
            self._level_targets[level] = (
                Targets([self.profiles.get(members[0]) for members in groups.values()]),
                _Buckets.of(self, groups),
            )
        return self._level_targets[level]

    def _assumed(self, unstated: bool, penalty: float, assumptions: tuple[str, ...]) -> tuple[str, ...]:
        """What a move assumes: ``assumptions``, the levels the page does not state, and their penalty if there is one."""
        assumed = tuple(dict.fromkeys([*assumptions, *([self.assumption["unstated levels"]] if unstated else [])]))
        return (*assumed, self.assumption["assumed level penalty"]) if penalty else assumed

    def move_in(self, bucket: Bucket, source: str, target: str) -> Move:
        """The move of ``bucket`` from ``source`` to one of its targets."""
        return Move(
            source,
            target,
            bucket.kind,
            bucket.basis,
            self.rules[bucket.kind],
            bucket.cost,
            bucket.gap if bucket.gap is not None else self._gap(source, target),
            bucket.assumptions,
            evidence=EVIDENCE[bucket.kind],
            evidence_fr=EVIDENCE_FR[bucket.kind],
        )

    # ---------------------------------------------------------------- bounded graph

    def graph(self, *, k: int = 3) -> nx.MultiDiGraph[str]:
        """A ``networkx.MultiDiGraph`` of the states with the explicit moves and each position's ``k`` cheapest implicit ones.

        Node attributes as `nodes`; edge key the kind, attributes those of `Move` (``gap`` as skill ids). Built once
        per ``k``; each call returns a copy, free to change.
        """
        if k not in self._graphs:
            self._graphs[k] = self._bounded_graph(k)
        return self._graphs[k].copy()

    def _cheapest(self, k: int) -> dict[str, dict[str, list[Move]]]:
        """Every position's ``k`` cheapest implicit moves of each kind, level by level.

        The costs of every bucket of a level, for every position that moves into it, are estimated at once
        (`graph.mobility.nearest`); only the buckets within `graph.mobility.nearest.MARGIN` of the k-th cheapest
        estimate are costed exactly, as `buckets_from` costs them. Memory is one level's estimates at a time.
        """
        found: dict[str, dict[str, list[Move]]] = {}
        below: dict[str, list[str]] = defaultdict(list)  # a level -> the positions one level below it
        at: dict[str, list[str]] = defaultdict(list)
        for pid, p in sorted(self.facts.positions.items()):
            at[p.level].append(pid)
            if above := self._next_level.get(p.level):
                below[above].append(pid)
        for level in sorted(self._groups):
            targets, into = self._targets_at(level)
            for kinds, sources in ((("deployment", "appointment"), at[level]), (("promotion",), below[level])):
                if not sources:
                    continue
                parts = targets.parts([self.profiles.get(s) for s in sources])
                for row, node in enumerate(sources):
                    for kind in kinds:
                        found.setdefault(node, {})[kind] = self._k_cheapest(node, kind, k, into, parts, row)
        return found

    def _k_cheapest(self, node: str, kind: str, k: int, into: _Buckets, parts: Parts, row: int) -> list[Move]:
        """The ``k`` cheapest moves of ``kind`` from ``node`` into the buckets ``into``, whose cost parts are ``parts[row]``."""
        import numpy as np

        from graph.mobility.nearest import MARGIN

        if kind == "promotion":
            skip = {m.target for m in self._explicit.get(node, ()) if m.kind == "promotion"}  # its own track: explicit moves
        else:
            skip = {node}
        estimated = _cost_vector(kind, parts, row, into, parts.left[row])  # the share left not rounded: an estimate
        counts = np.array(into.sizes)
        for t in skip:  # the source itself, or its own track's promotions, are not targets of these buckets
            if t in into.where:
                counts[into.where[t]] -= 1
        counts[~np.isfinite(estimated)] = 0  # buckets of the other same-level kind
        order = np.argsort(estimated, kind="stable")
        enough = min(int(np.searchsorted(np.cumsum(counts[order]), k)), len(order) - 1)  # the bucket by which k targets are in hand
        bound = estimated[order[enough]] + MARGIN if len(order) else -np.inf
        if not np.isfinite(bound):  # fewer than k targets of this kind: all of them
            bound = np.max(estimated, initial=-np.inf, where=np.isfinite(estimated)) + MARGIN
        assumptions = () if kind in ("deployment", "appointment") else (self.assumption["one level"],)
        candidates: list[tuple[float, str, Bucket]] = []
        for i in np.flatnonzero((estimated <= bound) & (counts > 0)):  # estimated within MARGIN: costed exactly
            members = into.members[i]
            if kind != "promotion" and same_level_kind(self._gap(node, members[0])) != kind:
                continue
            basis, cost, gap_items, assumed = self._term(node, members[0], kind, "rule", False, assumptions)
            targets = tuple(t for t in members if t not in skip)
            bucket = Bucket(kind, basis, cost, gap_items, assumed, targets, self._group_of[members[0]])
            candidates.extend((cost, t, bucket) for t in targets)
        candidates.sort(key=lambda c: c[:2])
        return [self.move_in(bucket, node, target) for _, target, bucket in candidates[:k]]

    def _bounded_graph(self, k: int) -> nx.MultiDiGraph[str]:
        G: nx.MultiDiGraph[str] = nx.MultiDiGraph(k=k)
        for node, data in self.nodes.items():
            G.add_node(node, **asdict(data))
        cheapest = self._cheapest(k)
        for node in sorted(self.nodes):
            implicit = (m for kind in ("deployment", "appointment", "promotion") for m in cheapest.get(node, {}).get(kind, []))
            kept = [*self._explicit.get(node, ()), *implicit]
            for m in kept:
                G.add_edge(m.source, m.target, key=m.kind, **edge_data(m))
        return G


def edge_data(m: Move) -> dict[str, Any]:
    """A move as the attributes of an edge of `MobilityModel.graph`."""
    return {
        "kind": m.kind,
        "basis": m.basis,
        "rule": m.rule,
        "cost": m.cost,
        "gap": [g.skill for g in m.gap],
        "assumptions": list(m.assumptions),
        "quotes": list(m.quotes),
        "progression": m.progression,
        "evidence": m.evidence,
        "evidence_fr": m.evidence_fr,
        "same_track": m.same_track,
    }
