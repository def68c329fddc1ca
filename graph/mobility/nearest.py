"""The parts of the cost of every implicit move into one level, estimated at once with NumPy.

`MobilityModel.graph` keeps each position's few cheapest implicit moves of each kind. Costing every bucket of a
level for every position one pair at a time is quadratic work in Python (4.6 million calls on 3,500 positions of
distinct profiles); here the skill gaps and the shares left behind of all (source, target) pairs of a level come from
a handful of matrix products over skill levels. The gap weights are exact (sums of quarters); the shares left behind
are within float rounding of `graph.mobility.costs.left_behind`, so the model costs exactly, as always, the few
buckets that can be among the cheapest (`MARGIN`).

Levels run 1 to 4; a level not given counts as `graph.mobility.costs.UNKNOWN_LEVEL`, as the costs count it.

Examples
--------
>>> from graph.mobility.profiles import Profile
>>> have = Profile({"a": 2, "b": 2}, "")
>>> need = Profile({"b": 3, "c": 3}, "")
>>> parts = estimate([have], [need])
>>> float(parts.gained[0, 0]), float(parts.deepen[0, 0]), float(parts.left[0, 0]), int(parts.size[0])
(0.75, 0.25, 0.5, 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from graph.mobility.costs import UNKNOWN_LEVEL
from graph.mobility.profiles import Profile

__all__ = ["MARGIN", "Parts", "estimate"]

MARGIN = 2e-4
"""How far above the k-th cheapest estimate a bucket is still costed exactly: costs are rounded to 4 places
(half a unit of the last place) and the estimates are within float rounding of the unrounded costs."""
_UNKNOWN = 5
"""The code of a level not given, in the level matrices (1 to 4 are the levels, 0 not required)."""


@dataclass(frozen=True)
class Parts:
    """The parts of the costs of the moves from each source (rows) to each target (columns).

    The weight of the skills to gain and of the levels to deepen (over 4, as `graph.mobility.costs.gap_weight` counts
    them), the share of the source's skills the target leaves unused; and each target's number of essential skills.
    """

    gained: np.ndarray
    deepen: np.ndarray
    left: np.ndarray
    size: np.ndarray


def estimate(sources: Sequence[Profile | None], targets: Sequence[Profile | None]) -> Parts:
    """`Parts` of every move from each of ``sources`` to each of ``targets``.

    ``None`` is a state without a profile: its gap is empty and it leaves nothing behind, as the model has it.
    """
    skills = sorted({s for p in (*sources, *targets) if p is not None for s in (*p.essential, *p.uses)})
    column = {s: i for i, s in enumerate(skills)}
    held = _levels([p.essential if p is not None else {} for p in sources], column)
    required = _levels([p.essential if p is not None else {} for p in targets], column)
    used = _levels([p.uses if p is not None else {} for p in targets], column)
    weight = lambda codes: np.where(codes == _UNKNOWN, UNKNOWN_LEVEL, codes).astype(float)  # noqa: E731
    # to gain: the target's skills the source does not hold, each by its required level (not given: UNKNOWN_LEVEL)
    gained = (held == 0).astype(float) @ weight(required).T / 4
    # to deepen: a skill held at h below the required r counts r - h, the number of steps t with h < t <= r
    deepen = (
        sum(
            (((held >= 1) & (held < t)).astype(float) @ ((required >= t) & (required != _UNKNOWN)).astype(float).T for t in range(1, 5)),
            np.zeros((len(sources), len(targets))),
        )
        / 4
    )
    # kept: min(a, b) of the source's weight a and the target's use b, the number of steps t with t <= a and t <= b
    mine, theirs = weight(held), weight(used)
    kept = sum(((mine >= t).astype(float) @ (theirs >= t).astype(float).T for t in range(1, 5)), np.zeros((len(sources), len(targets))))
    total = mine.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        left = np.where(total > 0, 1 - kept / np.where(total > 0, total, 1), 0.0)
    profiled = np.array([p is not None for p in sources])[:, None] & np.array([p is not None for p in targets])[None, :]
    size = (required != 0).sum(axis=1)
    return Parts(
        np.where(profiled, gained, 0.0),
        np.where(profiled, deepen, 0.0),
        np.where(profiled, left, 0.0),
        np.where(np.array([p is not None for p in targets]), size, 0),
    )


def _levels(profiles: Sequence[dict[str, int | None]], column: dict[str, int]) -> np.ndarray:
    """A matrix of level codes: one row per profile, one column per skill (0 absent, 1 to 4, `_UNKNOWN`)."""
    codes = np.zeros((len(profiles), len(column)), dtype=np.int8)
    for row, profile in enumerate(profiles):
        for skill, level in profile.items():
            codes[row, column[skill]] = _UNKNOWN if level is None else level
    return codes
