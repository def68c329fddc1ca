"""A byte-bounded memory of answers: every byte counted (keys and bookkeeping too), the least recently used forgotten first.

Keys are digests of the request (fixed size, whatever the request's size), so that a flood of distinct
large requests costs at most the budget.

Examples
--------
>>> cache = ByteBoundedCache(max_bytes=4000)
>>> cache.put(b"k" * 32, "answer", size=6)
>>> cache.get(b"k" * 32), cache.used <= 4000
('answer', True)
"""

from __future__ import annotations

import collections
import threading
from typing import Generic, TypeVar

__all__ = ["ENTRY_OVERHEAD", "ByteBoundedCache"]

V = TypeVar("V")

ENTRY_OVERHEAD = 256
"""Bytes counted for each entry beyond its key and value: the dictionary slot, the objects around the value."""


class ByteBoundedCache(Generic[V]):
    """Values by key, at most ``max_bytes`` in all (0 keeps none); safe to share between threads."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.used = 0
        self._entries: collections.OrderedDict[bytes, tuple[V, int]] = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes) -> V | None:
        """The value kept for ``key``, or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: bytes, value: V, *, size: int) -> None:
        """Keep ``value`` (``size`` bytes) for ``key``, forgetting the least recently used beyond the budget.

        A value larger than a quarter of the budget is not kept: one answer never crowds out the rest.
        """
        cost = size + len(key) + ENTRY_OVERHEAD
        if cost > self.max_bytes // 4:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = (value, cost)
            self.used += cost
            while self.used > self.max_bytes:
                _, (_, old) = self._entries.popitem(last=False)
                self.used -= old
