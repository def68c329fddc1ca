"""The k cheapest career paths between two states, with constraints; each step a move of `graph.mobility.moves`.

The search asks the model for a state's moves as it goes (deployments and promotions across streams are not
stored), runs A* (Dijkstra's algorithm guided by the levels left to climb) for the cheapest path and Yen's
algorithm for the next ones (loopless;
``nx.shortest_simple_paths`` does the same on a stored graph). Ties are broken by the states' ids, so the
answer is the same every time.

Examples
--------
>>> from graph.load import load
>>> from graph.derive import derive
>>> from graph.store import RdflibStore
>>> from graph.mobility.facts import read_facts
>>> from graph.mobility.moves import MobilityModel
>>> model = MobilityModel(read_facts(RdflibStore(derive(load().g))))
>>> best = best_paths(model, "position-it-02-analyst-it-security", "position-it-05-director-it-security", k=1)[0]
>>> [s.kind for s in best.steps], best.basis
(['promotion', 'promotion', 'promotion'], 'stated')
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graph.errors import CareersError
from graph.mobility.moves import KIND_ORDER, Bucket, MobilityModel, Move

__all__ = ["NoPath", "CareerPath", "best_paths", "cheapest_path", "levels_to_climb"]


class NoPath(CareersError):
    """No path satisfies the request."""


@dataclass(frozen=True)
class CareerPath:
    """A path: its states, its moves and its total cost."""

    nodes: tuple[str, ...]
    steps: tuple[Move, ...] = field(default=())
    cost: float = 0.0

    @property
    def basis(self) -> str:
        """``stated`` when the page states every move, ``rule`` when a rule allows every one that it does not state."""
        bases = {s.basis for s in self.steps}
        return "stated" if bases <= {"stated"} else "rule" if bases <= {"stated", "rule"} else "inferred"


@dataclass(frozen=True)
class _Options:
    """Which moves a search may use."""

    stated_only: bool = False
    acting: bool = False
    demotion: bool = False

    def allows(self, move: Move) -> bool:
        return not self.stated_only or move.basis == "stated"


def levels_to_climb(model: MobilityModel, node: str, target: str) -> float:
    """A lower bound on the cost of any path from ``node`` to ``target``: the levels between them (every move up costs 1 or more).

    From a position to an executive level: the levels up to the top, the cheapest executive appointment, and the EX
    levels above EX-01.
    """
    here, there = model.nodes[node], model.nodes[target]
    if "entry" in (here.kind, there.kind):
        return 0.0
    if there.kind == "executive" and here.kind != "executive":
        return max(0, model.top_rank.get(here.group, here.rank) - here.rank) + model.cheapest_appointment + there.rank - 1
    return float(max(0, there.rank - here.rank)) if there.group == here.group else 0.0


def _search(
    model: MobilityModel, source: str, target: str, options: _Options, banned_nodes: set[str], banned_moves: set[tuple[Any, ...]]
) -> CareerPath | None:
    """A* search for the cheapest path (`levels_to_climb` as the bound), skipping banned states and moves.

    The implicit moves come in lanes of buckets of targets that cost the same (`graph.mobility.moves.Bucket`): a lane
    is queued one bucket at a time, the next when the previous comes out, and a bucket queues its targets only then,
    so a state's thousands of implicit moves cost the search only those it reaches before the target. Among entries
    of equal bound the queue takes the states nearest the target first (the routes to one state all have its bound,
    so this changes what is explored, not which route wins); ties go to fewer moves, then to the states' ids, then to
    the kinds of move.
    """
    bound: dict[str, float] = {}

    def estimate(node: str) -> float:
        if node not in bound:
            bound[node] = float(levels_to_climb(model, node, target))
        return bound[node]

    counter = itertools.count()  # after the keys that order the queue: entries never compare their moves
    queue: list[tuple[Any, ...]] = [(estimate(source), estimate(source), 0, (source,), (), 0.0, next(counter), (), None)]
    settled: set[str] = set()
    best = {source: 0.0}

    def allowed(move_target: str, kind: str, key: tuple[Any, ...]) -> bool:
        """A move the search may take: not into a settled or banned state, and an acting appointment only as the last move."""
        if move_target in settled or move_target in banned_nodes or key in banned_moves:
            return False
        return kind != "acting appointment" or move_target == target

    def expand(node: str, cost: float, nodes: tuple[Any, ...], kinds: tuple[Any, ...], steps: tuple[Any, ...]) -> None:
        explicit, lanes = model.buckets_from(node, acting=options.acting, demotion=options.demotion)
        for move in explicit:
            if allowed(move.target, move.kind, move.key) and options.allows(move):
                push_move(move, round(cost + move.cost, 9), nodes, kinds, steps)  # rounded: equal sums compare equal
        if options.stated_only:
            return
        for lane in lanes:  # sorted by cost; within a lane the bound is the same, so a lane is in queue order
            if lane[0].kind == "acting appointment":  # only into the target: an acting appointment ends a path
                bucket = next((b for b in lane if target in b.targets), None)
                if bucket is not None and allowed(target, bucket.kind, (node, target, bucket.kind)):
                    move = model.move_in(bucket, node, target)
                    push_move(move, round(cost + move.cost, 9), nodes, kinds, steps)
                continue
            push_bucket(lane, 0, cost, nodes, kinds, steps)

    def push_bucket(
        lane: Sequence[Bucket], i: int, cost: float, nodes: tuple[Any, ...], kinds: tuple[Any, ...], steps: tuple[Any, ...]
    ) -> None:
        """Queue the ``i``-th bucket of a node's lane; the next is queued when this one comes out (lazily)."""
        if i < len(lane):
            bucket = lane[i]
            total = round(cost + bucket.cost, 9)
            first = bucket.targets[0]
            h = estimate(first)
            entry = (round(total + h, 9), h, len(steps) + 1, (*nodes, first), (*kinds, KIND_ORDER[bucket.kind]), total, next(counter))
            heapq.heappush(queue, (*entry, steps, (lane, i, cost, nodes, kinds)))

    def push_move(move: Move, total: float, nodes: tuple[Any, ...], kinds: tuple[Any, ...], steps: tuple[Any, ...]) -> None:
        nxt = move.target
        if total <= best.get(nxt, float("inf")):
            best[nxt] = total
            h = estimate(nxt)
            entry = (round(total + h, 9), h, len(steps) + 1, (*nodes, nxt), (*kinds, KIND_ORDER[move.kind]), total, next(counter))
            heapq.heappush(queue, (*entry, (*steps, move), None))

    while queue:
        _, _, _, nodes, kinds, cost, _, steps, lazy = heapq.heappop(queue)
        if lazy is not None:  # a bucket: queue each target it may improve, then the lane's next bucket
            lane, i, base, origin_nodes, origin_kinds = lazy
            push_bucket(lane, i + 1, base, origin_nodes, origin_kinds, steps)
            bucket, origin = lane[i], origin_nodes[-1]
            for t in bucket.targets:
                if allowed(t, bucket.kind, (origin, t, bucket.kind)):
                    push_move(model.move_in(bucket, origin, t), cost, origin_nodes, origin_kinds, steps)
            continue
        node = nodes[-1]
        if node in settled:
            continue
        if node == target:
            return CareerPath(nodes, steps, round(cost, 4))
        settled.add(node)
        expand(node, cost, nodes, kinds, steps)
    return None


def _paths(model: MobilityModel, source: str, target: str, options: _Options, avoid: set[str]) -> Iterator[CareerPath]:
    """Yen's algorithm: loopless paths from ``source`` to ``target``, cheapest first."""
    first = _search(model, source, target, options, avoid, set())
    if first is None:
        return
    found = [first]
    seen = {first.nodes + tuple(s.kind for s in first.steps)}
    candidates: list[tuple[float, int, int, tuple[str, ...], int, CareerPath]] = []
    counter = itertools.count()
    yield first
    while True:
        last = found[-1]
        for i in range(len(last.steps)):
            root_nodes, root_steps = last.nodes[: i + 1], last.steps[:i]
            banned_moves = {p.steps[i].key for p in found if p.nodes[: i + 1] == root_nodes and len(p.steps) > i}
            spur = _search(model, root_nodes[-1], target, options, avoid | set(root_nodes[:-1]), banned_moves)
            if spur is None:
                continue
            path = CareerPath(root_nodes[:-1] + spur.nodes, root_steps + spur.steps, round(sum(s.cost for s in root_steps) + spur.cost, 4))
            signature = path.nodes + tuple(s.kind for s in path.steps)
            if signature not in seen:
                seen.add(signature)
                heapq.heappush(candidates, (path.cost, _acting(path), len(path.steps), path.nodes, next(counter), path))
        if not candidates:
            return
        path = heapq.heappop(candidates)[-1]
        found.append(path)
        yield path


def _acting(path: CareerPath) -> int:
    """How many acting appointments a path has: of two paths of equal cost, the permanent one ranks first."""
    return sum(s.kind == "acting appointment" for s in path.steps)


def _via_paths(model: MobilityModel, stops: list[str], options: _Options, avoid: set[str], per_leg: int) -> list[CareerPath]:
    """Paths through every stop in order: the ``per_leg`` cheapest paths of each leg, joined, without loops, cheapest first."""
    legs = []
    for a, b in itertools.pairwise(stops):
        leg = options if b == stops[-1] else replace(options, acting=False)  # an acting appointment only at the end
        legs.append(list(itertools.islice(_paths(model, a, b, leg, avoid | (set(stops) - {a, b})), per_leg)))
    joined = []
    for parts in itertools.product(*legs):
        nodes = parts[0].nodes + tuple(n for part in parts[1:] for n in part.nodes[1:])
        if len(set(nodes)) == len(nodes):
            joined.append(CareerPath(nodes, tuple(s for part in parts for s in part.steps), round(sum(part.cost for part in parts), 4)))
    return sorted(joined, key=lambda p: (p.cost, _acting(p), len(p.steps), p.nodes, tuple(KIND_ORDER[s.kind] for s in p.steps)))


def best_paths(
    model: MobilityModel,
    source: str,
    target: str,
    *,
    k: int = 3,
    via: Iterable[str] = (),
    avoid: Iterable[str] = (),
    path: str | None = None,
    max_steps: int | None = None,
    stated_only: bool = False,
    acting: bool = False,
    assumed_levels: bool = False,
    demotion: bool = False,
    search_limit: int = 200,
) -> list[CareerPath]:
    """Up to ``k`` cheapest loopless paths from ``source`` to ``target``, cheapest first (ties by fewer moves, then ids).

    ``via`` states must all be on the path, in that order (each leg's few cheapest paths are joined); ``avoid``
    states never; ``path`` (``management`` or ``individual``) keeps off the other path's positions; ``max_steps``
    bounds the moves; ``stated_only`` uses only moves the page states; ``acting`` allows an acting appointment as
    the last move; ``assumed_levels`` lets a path pass through positions whose level the page does not state
    (without it they may only be its start, its end or a ``via`` stop); ``demotion`` allows moves one level down.
    At most ``search_limit`` candidate paths
    are examined. Raises `NoPath` when none qualifies, saying why when it can.
    """
    chosen = model.facts.path_called(path) if path is not None else None
    if path is not None and chosen is None:
        raise ValueError(f"no career path is called {path!r}: {', '.join(model.facts.path_names().values())}")
    for node in (source, target, *via):
        if node not in model.nodes:
            raise NoPath(f"{node} is not a state of the mobility model")
    if source == target:
        raise NoPath(f"the start and the end are the same ({model.label(source)}): there is no move to make")
    via, avoid = list(via), set(avoid)
    if source in avoid or target in avoid:
        raise NoPath("the start or the end is among the states to avoid")
    if chosen is not None:  # the positions of the other paths
        avoid |= {n for n, d in model.nodes.items() if d.path is not None and d.path != chosen}
        if source in avoid or target in avoid:
            raise NoPath("the start or the end is off the chosen career path")

    constrained = bool(via or avoid or path or max_steps or stated_only)
    if not assumed_levels:  # positions whose level rests on an assumption: never a stepping stone unless asked
        avoid |= {n for n, d in model.nodes.items() if d.level_stated is False} - {source, target, *via}
    options = _Options(stated_only, acting, demotion)
    if via:
        candidates: Iterable[CareerPath] = _via_paths(model, [source, *via, target], options, avoid, max(k, 5) if len(via) <= 2 else k)
    else:
        candidates = itertools.islice(_paths(model, source, target, options, avoid), search_limit)
    found: list[CareerPath] = []
    for candidate in candidates:
        if max_steps is not None and len(candidate.steps) > max_steps:
            continue
        found.append(candidate)
        if len(found) == k:
            break
    if not found:
        raise NoPath(_why_none(model, source, target, constrained=constrained, demotion=demotion))
    return found


def _why_none(model: MobilityModel, source: str, target: str, *, constrained: bool, demotion: bool) -> str:
    """Why no path leads from ``source`` to ``target``: a lower level, a state nothing leads into, or the constraints."""
    here, there = model.nodes[source], model.nodes[target]
    lower = here.kind != "entry" and here.group == there.group and there.rank < here.rank
    lower = lower or (here.kind == "executive" and there.kind == "position")
    if lower and not demotion:
        return (
            f"{model.label(target)} is at a lower level ({there.level}) than {model.label(source)} ({here.level}): "
            "the model has no move down unless asked (a voluntary demotion: --demotion; it is a choice the person makes, not a career "
            "step the model recommends)"
        )
    if there.kind == "entry":
        return f"{model.label(target)} is a way into the public service: no move leads to it"
    words = "satisfies the constraints" if constrained else "exists under the staffing rules"
    return f"no path from {model.label(source)} to {model.label(target)} {words}"


def cheapest_path(model: MobilityModel, source: str, target: str) -> CareerPath | None:
    """The cheapest path without constraints, or ``None`` (for analyses that ask many pairs)."""
    try:
        return best_paths(model, source, target, k=1)[0]
    except NoPath:
        return None
