"""The parts of the cost of every implicit move into one level, for many sources at once, with NumPy.

A move's cost (`graph.mobility.costs.move_cost`) is made of the weight of the skills to gain and to deepen, the size
of the target's profile and the share of the source's skills the target leaves unused. Costing every bucket of a
level one pair at a time is quadratic work in Python (4.6 million calls on 3,500 positions of distinct profiles);
here those parts come from a few matrix products over skill levels, with the very operations Python's costs use:
the gap weights are sums of quarters (exact) and the share left is ``1 - kept / total`` of two whole numbers, so the
costs made from them, rounded as Python rounds, are the costs (`MobilityModel` checks it against its one-by-one
costs in the tests).

Levels run 1 to 4; a level not given counts as `graph.mobility.costs.UNKNOWN_LEVEL`, as the costs count it.

Examples
--------
>>> from graph.mobility.profiles import Profile
>>> have = Profile({"a": 2, "b": 2}, "")
>>> need = Profile({"b": 3, "c": 3}, "")
>>> parts = Targets([need]).parts([have])
>>> float(parts.gained[0, 0]), float(parts.deepen[0, 0]), float(parts.left[0, 0]), int(parts.size[0])
(0.75, 0.25, 0.5, 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from graph.mobility.costs import UNKNOWN_LEVEL
from graph.mobility.profiles import Profile

__all__ = ["MARGIN", "Parts", "Targets"]

MARGIN = 2e-4
"""How far above the k-th cheapest estimate a bucket is still costed one by one (costs are rounded to 4 places)."""
_UNKNOWN = 5
"""The code of a level not given, in the level matrices (1 to 4 are the levels, 0 not there)."""
_STEPS = range(1, 5)


@dataclass(frozen=True)
class Parts:
    """The parts of the costs of the moves from each source (rows) to each target (columns).

    The weight of the skills to gain and of the levels to deepen (over 4, as `graph.mobility.costs.gap_weight` counts
    them), the share of the source's skills the target leaves unused (not rounded); and each target's number of
    essential skills.
    """

    gained: np.ndarray
    deepen: np.ndarray
    left: np.ndarray
    size: np.ndarray


class Targets:
    """The targets of one level (a profile each, ``None`` for a state without one) as matrices over their skills."""

    def __init__(self, targets: Sequence[Profile | None]) -> None:
        skills = sorted({s for p in targets if p is not None for s in (*p.essential, *p.uses)})
        self.column = {s: i for i, s in enumerate(skills)}
        required = _codes([p.essential if p is not None else {} for p in targets], self.column)
        used = _weights(_codes([p.uses if p is not None else {} for p in targets], self.column))
        self.required_weight = _weights(required).T.astype(np.float32)  # to gain: by the level required
        self.required_from = [((required >= t) & (required != _UNKNOWN)).T.astype(np.float32) for t in _STEPS]  # to deepen
        self.used_from = [(used >= t).T.astype(np.float32) for t in _STEPS]  # kept
        self.profiled = np.array([p is not None for p in targets])
        self.size = np.where(self.profiled, (required != 0).sum(axis=1), 0)

    def parts(self, sources: Sequence[Profile | None]) -> Parts:
        """`Parts` of every move from each of ``sources`` to each target.

        A state without a profile (``None``) has an empty gap and leaves nothing behind, as the model has it.
        """
        held = _codes([p.essential if p is not None else {} for p in sources], self.column)
        mine = _weights(held)
        # to gain: the skills the source does not hold; to deepen: a skill held at h below the required r counts r - h,
        # the steps t with h < t <= r; kept: min(a, b) of the source's weight and the target's use, the steps t <= both
        gained = (held == 0).astype(np.float32) @ self.required_weight
        deepen: np.ndarray = sum(((held >= 1) & (held < t)).astype(np.float32) @ r for t, r in zip(_STEPS, self.required_from, strict=True))
        kept: np.ndarray = sum((mine >= t).astype(np.float32) @ u for t, u in zip(_STEPS, self.used_from, strict=True))  # type: ignore[assignment]
        total = np.array(
            [[sum(UNKNOWN_LEVEL if lvl is None else lvl for lvl in p.essential.values()) if p is not None else 0] for p in sources]
        )
        with np.errstate(divide="ignore", invalid="ignore"):
            left = np.where(total > 0, 1 - kept.astype(float) / np.where(total > 0, total, 1), 0.0)
        profiled = np.array([p is not None for p in sources])[:, None] & self.profiled[None, :]

        def zero(a: np.ndarray) -> np.ndarray:
            return np.where(profiled, a.astype(float), 0.0)

        return Parts(zero(gained) / 4, zero(deepen) / 4, zero(left), self.size)


def _codes(profiles: Sequence[dict[str, int | None]], column: dict[str, int]) -> np.ndarray:
    """A matrix of level codes: one row per profile, one column per skill of ``column`` (0 absent, 1 to 4, `_UNKNOWN`)."""
    codes = np.zeros((len(profiles), len(column)), dtype=np.int8)
    for row, profile in enumerate(profiles):
        for skill, level in profile.items():
            if skill in column:  # a source's skill no target requires or uses adds to its total only
                codes[row, column[skill]] = _UNKNOWN if level is None else level
    return codes


def _weights(codes: np.ndarray) -> np.ndarray:
    """Level codes as the costs weigh them (a level not given: `UNKNOWN_LEVEL`)."""
    return np.where(codes == _UNKNOWN, UNKNOWN_LEVEL, codes).astype(np.int8)
