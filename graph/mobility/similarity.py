"""How alike two work streams are, by the official skills their responsibilities call on.

A stream's **profile** counts, for each official skill, how many of its items (responsibilities with their
sub-items, functional areas, specialisation expertise) are linked to it. Two profiles are compared with the
**weighted Jaccard** index: the sum over skills of the smaller count, divided by the sum of the larger one
(1 for identical profiles, 0 for nothing shared). It weighs a skill a stream relies on often more than one
it mentions once. Similarity no longer decides which moves exist (the staffing rules do); it groups streams
into skill clusters and draws the stream-mobility page.

Examples
--------
>>> weighted_jaccard({"a": 2, "b": 1}, {"a": 1, "c": 1})
0.25
>>> weighted_jaccard({}, {})
0.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import combinations

from graph.mobility.facts import Facts, Item, stream_order

__all__ = ["profile", "shared_evidence", "stream_similarity", "weighted_jaccard"]


def profile(items: list[Item]) -> Counter[str]:
    """Count, per official skill, the items linked to it."""
    return Counter(s for item in items for s in item.skills)


def weighted_jaccard(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Sum of minima over sum of maxima, rounded to 4 places (0.0 when both are empty)."""
    keys = set(a) | set(b)
    top = sum(max(a.get(k, 0), b.get(k, 0)) for k in keys)
    return round(sum(min(a.get(k, 0), b.get(k, 0)) for k in keys) / top, 4) if top else 0.0


def shared_evidence(facts: Facts, a: str, b: str, *, top: int = 5, lang: str = "en") -> tuple[list[str], list[tuple[str, str, list[str]]]]:
    """The official skills streams ``a`` and ``b`` share (most weight first) and the responsibilities behind them.

    Each responsibility behind is ``(stream, the responsibility's words, the shared skills it calls on)``. Skills and
    streams are named in ``lang``; the responsibilities are the page's own words, in English.
    """
    pa, pb = profile(facts.stream_items.get(a, [])), profile(facts.stream_items.get(b, []))
    shared = sorted(set(pa) & set(pb), key=lambda s: (-min(pa[s], pb[s]), facts.skill_label(s)))[:top]

    def name(s: str) -> str:
        return facts.skill_label(s, lang)

    behind = []
    for stream in (a, b):
        stream_name = (facts.streams[stream].fr if lang == "fr" else "") or facts.streams[stream].label
        for item in facts.stream_items.get(stream, []):
            hits = [name(s) for s in item.skills if s in shared]
            if hits:
                behind.append((stream_name, item.label, hits))
    return [name(s) for s in shared], behind[: 2 * top]


def stream_similarity(facts: Facts, streams: list[str] | None = None) -> dict[tuple[str, str], float]:
    """Weighted Jaccard similarity of every pair of streams (or of ``streams``), keyed by the pair in stream order."""
    order = streams if streams is not None else stream_order(facts)
    profiles = {s: profile(facts.stream_items.get(s, [])) for s in order}
    having: dict[str, list[str]] = {}  # each skill's streams: only two streams that share a skill have a similarity above 0
    for s in order:
        for skill in profiles[s]:
            having.setdefault(skill, []).append(s)
    place = {s: i for i, s in enumerate(order)}
    sharing = {tuple(sorted(pair, key=place.__getitem__)) for streams_of in having.values() for pair in combinations(streams_of, 2)}
    return {(a, b): weighted_jaccard(profiles[a], profiles[b]) if (a, b) in sharing else 0.0 for a, b in combinations(order, 2)}
