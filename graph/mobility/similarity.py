"""How alike two work streams (or positions) are, by the competencies their responsibilities call on.

A stream's **profile** counts, for each competency, how many of its items (responsibilities with
their sub-items, functional areas, specialisation expertise) are linked to it. Two profiles are
compared with the **weighted Jaccard** index: the sum over competencies of the smaller count,
divided by the sum of the larger one (1 for identical profiles, 0 for nothing shared). Unlike a
plain Jaccard index it weighs a competency a stream relies on often more than one it mentions once.

Examples
--------
>>> weighted_jaccard({"a": 2, "b": 1}, {"a": 1, "c": 1})
0.25
>>> weighted_jaccard({}, {})
0.0
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from graph.mobility.facts import Facts, Item, stream_order

__all__ = ["LATERAL_THRESHOLD", "jaccard", "profile", "shared_evidence", "stream_similarity", "weighted_jaccard"]

LATERAL_THRESHOLD = 0.15
"""Weighted Jaccard similarity from which a lateral move between two streams is inferred."""


def profile(items: list[Item]) -> Counter:
    """Count, per competency, the items linked to it."""
    return Counter(c for item in items for c in item.competencies)


def weighted_jaccard(a: dict[str, float], b: dict[str, float]) -> float:
    """Sum of minima over sum of maxima, rounded to 4 places (0.0 when both are empty)."""
    keys = set(a) | set(b)
    top = sum(max(a.get(k, 0), b.get(k, 0)) for k in keys)
    return round(sum(min(a.get(k, 0), b.get(k, 0)) for k in keys) / top, 4) if top else 0.0


def jaccard(a: set[str], b: set[str]) -> float:
    """Plain Jaccard index of two sets, rounded to 4 places."""
    return round(len(a & b) / len(a | b), 4) if a | b else 0.0


def shared_evidence(facts: Facts, a: str, b: str, *, top: int = 5) -> tuple[list[str], list[str]]:
    """The competencies streams ``a`` and ``b`` share (most weight first) and the responsibilities behind them."""
    pa, pb = profile(facts.stream_items.get(a, [])), profile(facts.stream_items.get(b, []))
    shared = sorted(set(pa) & set(pb), key=lambda c: (-min(pa[c], pb[c]), facts.competencies.get(c, c)))[:top]
    behind = []
    for stream in (a, b):
        for item in facts.stream_items.get(stream, []):
            hits = [facts.competencies[c] for c in item.competencies if c in shared]
            if hits:
                behind.append(f"{facts.streams[stream]['label']}: “{item.label}” ({', '.join(hits)})")
    return [facts.competencies.get(c, c) for c in shared], behind[: 2 * top]


def stream_similarity(facts: Facts) -> dict[tuple[str, str], float]:
    """Weighted Jaccard similarity of every pair of streams, keyed by the pair sorted by stream order."""
    order = stream_order(facts)
    profiles = {s: profile(facts.stream_items.get(s, [])) for s in order}
    return {(a, b): weighted_jaccard(profiles[a], profiles[b]) for a, b in combinations(order, 2)}
