"""Privacy by default: no published count about fewer people than the threshold, and none recoverable by subtraction.

**Primary suppression**: a count below the threshold (`DEFAULT_MIN_CELL`: 10, the Treasury Board Secretariat's
for its own open HR statistics, ``gcd:disclosure-threshold``) is not published. **Complementary suppression**: a
table's cells fall into groups whose totals are published elsewhere (the flows out of one level in one year sum to
that level's promotions that year); a group with exactly one suppressed cell would give it away by subtraction, so
its smallest other cell is suppressed too, and so on until no group has exactly one. A group whose only
published figure is its total is suppressed whole.

Examples
--------
>>> protect({"a": 25, "b": 3, "c": 14}, [lambda cell: "one group"], threshold=10)
{'a': 25, 'b': None, 'c': None}
>>> protect({"a": 25, "b": 3}, [], threshold=10)
{'a': 25, 'b': None}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable

__all__ = ["DEFAULT_MIN_CELL", "protect", "safe"]

DEFAULT_MIN_CELL = 10
"""No count about fewer people than this is published (``gcd:disclosure-threshold``)."""


def protect(cells: dict[Hashable, int], groupings: Iterable[Callable[[Hashable], Hashable]], *, threshold: int = DEFAULT_MIN_CELL) -> dict:
    """Suppress (``None``) the cells below ``threshold`` and, for each grouping, enough others that no group has exactly one.

    ``groupings`` are functions from a cell's key to the group whose total is (or could be) published.
    """
    published = {key: (value if value >= threshold else None) for key, value in cells.items()}
    groupings = list(groupings)
    changed = True
    while changed:
        changed = False
        for grouping in groupings:
            groups: dict[Hashable, list] = defaultdict(list)
            for key in cells:
                groups[grouping(key)].append(key)
            for members in groups.values():
                hidden = [k for k in members if published[k] is None]
                if len(hidden) == 1 and len(members) > 1:
                    shown = sorted((k for k in members if published[k] is not None), key=lambda k: (cells[k], str(k)))
                    published[shown[0]] = None
                    changed = True
    return published


def safe(count: int | None, threshold: int = DEFAULT_MIN_CELL) -> int | None:
    """A single count, published only when at least ``threshold``."""
    return count if count is not None and count >= threshold else None
