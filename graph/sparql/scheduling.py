"""Share the query workers fairly between clients, and keep slow queries from starving fast ones.

Three parts, each bounded in memory whatever the clients send:

* `FairQueue` hands free workers to waiting requests client by client (a client is an address): the
  client with the fewest workers in use goes first, so one client with many requests in flight gets
  its share, not the whole pool. A client may have at most ``max_waiting`` requests waiting.
* `SlowSlots` caps how many queries may run past their first budget at once, and how many of those one
  client may hold.
* `SlowRecord` remembers, per client, the query shapes that overran their budget (a shape is a query with
  its numbers and strings left out) and whether the client keeps sending slow queries. A shape counts
  as slow for a client after ``repeats`` overruns by that client only, so one client cannot make a shape
  slow for the others; a client with ``client_limit`` overruns within ``period`` seconds is a slow client
  for that long: each of its queries of a shape it has not yet seen answered within budget waits for a
  slow slot (so that new slow queries, each of another shape, cannot each take a worker's first budget),
  while its known fast ones go on as before.

Examples
--------
>>> record = SlowRecord(repeats=2)
>>> record.overran("10.0.0.1", b"shape"); record.overran("10.0.0.1", b"shape")
>>> record.slow_shapes("10.0.0.1"), record.slow_shapes("10.0.0.2")
(frozenset({b'shape'}), frozenset())
>>> slots = SlowSlots(total=2, per_client=1)
>>> slots.take("a"), slots.take("a"), slots.take("b"), slots.take("c")
(True, False, True, False)
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from graph.sparql.workers import Overloaded

__all__ = ["Abandoned", "Departure", "FairQueue", "SlowRecord", "SlowSlots"]

W = TypeVar("W")
Receive = Callable[[], Awaitable[dict[str, Any]]]
"""An ASGI ``receive``: the next event of the request (``http.request``, ``http.disconnect``)."""
Send = Callable[[dict[str, Any]], Awaitable[None]]
"""An ASGI ``send``."""
_UNREAD_MESSAGES = 3
"""Request messages `Departure` reads past while it waits for the disconnect (a server that sent more would make it spin)."""


class Abandoned(Exception):
    """The client went away before its answer was ready; nothing is sent."""


class Departure:
    """Whether a request's client has gone, learnt from the ASGI ``receive`` (a disconnect), and only once asked.

    Most requests are answered before anyone needs to know: watching starts at the first `watch`.
    """

    def __init__(self, receive: Receive | None = None) -> None:
        self._receive = receive
        self._task: asyncio.Future[Any] | None = None
        self.event = asyncio.Event()

    def watch(self) -> asyncio.Event:
        """Start watching (once); the event set when the client goes."""
        if self._task is None and self._receive is not None:
            self._task = asyncio.ensure_future(self._wait())
        return self.event

    def gone(self) -> bool:
        """Whether the client has gone (as far as watching has shown)."""
        self.watch()
        return self.event.is_set()

    async def _wait(self) -> None:
        # Uvicorn's ``receive`` gives what is left of the request (an unread empty body), then waits for the disconnect
        assert self._receive is not None, "watched only with a receive"
        for _ in range(_UNREAD_MESSAGES):
            if (await self._receive())["type"] == "http.disconnect":
                self.event.set()
                return

    def close(self) -> None:
        """Stop watching."""
        if self._task is not None:
            self._task.cancel()


class FairQueue(Generic[W]):
    """Free workers, handed to waiting requests client by client; lives on one event loop.

    The worker handed out is the one freed last: at low load one worker does most of the work, with its
    store and code warm in the CPU's caches (handed out in turn, each query found the caches cold, and cost
    a quarter more at one client).

    ``usable(worker)`` is asked before a worker is handed out; one that is not usable goes to ``discard``
    (which starts its replacement) and the next is tried.
    """

    def __init__(self, *, max_waiting: int, usable: Callable[[W], bool], discard: Callable[[W], None]) -> None:
        self.max_waiting = max_waiting
        self._usable, self._discard = usable, discard
        self._free: collections.deque[W] = collections.deque()
        self._waiting: dict[str, collections.deque[tuple[int, asyncio.Future[Any]]]] = {}
        self._in_use: collections.Counter[str] = collections.Counter()
        self._arrival = itertools.count()

    def add(self, worker: W) -> None:
        """A worker joins the free ones (a new or replaced worker)."""
        self._free.append(worker)
        self._hand_out()

    def release(self, client: str, worker: W | None) -> None:
        """``client`` is done with ``worker`` (None: the worker is gone and a replacement will be added)."""
        self._in_use[client] -= 1
        if self._in_use[client] <= 0:
            del self._in_use[client]
        if worker is not None:
            self.add(worker)

    async def acquire(self, client: str, *, wait: float, departure: Departure) -> W:
        """A free worker for ``client``, waiting in turn for at most ``wait`` seconds.

        Raises `Overloaded` when the wait is over or ``client`` has too many requests waiting, and `Abandoned`
        when the client leaves first.
        """
        if self._free and not self._waiting:  # nobody waits: the first usable worker, at once
            while self._free:
                worker = self._free.pop()
                if self._usable(worker):
                    self._in_use[client] += 1
                    return worker
                self._discard(worker)
        waiters = self._waiting.setdefault(client, collections.deque())
        if len(waiters) >= self.max_waiting:
            if not waiters:
                del self._waiting[client]
            raise Overloaded(f"this client has {self.max_waiting} requests waiting for a query worker already; try again later", 1)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[W] = loop.create_future()
        waiters.append((next(self._arrival), future))
        self._hand_out()
        if future.done():
            return future.result()
        timer = loop.call_later(wait, _expire, future, wait)
        leaving = asyncio.ensure_future(departure.watch().wait())
        try:
            await asyncio.wait((future, leaving), return_when=asyncio.FIRST_COMPLETED)
        finally:
            timer.cancel()
            leaving.cancel()
        if not future.done():  # the client left first
            future.cancel()
            self._forget(client, future)
            raise Abandoned
        return future.result()

    def _forget(self, client: str, future: asyncio.Future[Any]) -> None:
        waiters = self._waiting.get(client)
        if waiters is None:
            return
        for item in waiters:
            if item[1] is future:
                waiters.remove(item)
                break
        if not waiters:
            del self._waiting[client]

    def _hand_out(self) -> None:
        while self._free and self._waiting:
            client = min(self._waiting, key=lambda c: (self._in_use[c], self._waiting[c][0][0]))
            _, future = self._waiting[client].popleft()
            if not self._waiting[client]:
                del self._waiting[client]
            if future.done():  # expired or cancelled while waiting
                continue
            worker = self._free.pop()
            while not self._usable(worker):
                self._discard(worker)
                if not self._free:
                    self._waiting.setdefault(client, collections.deque()).appendleft((-1, future))
                    return
                worker = self._free.pop()
            self._in_use[client] += 1
            future.set_result(worker)


def _expire(future: asyncio.Future[Any], wait: float) -> None:
    if not future.done():
        future.set_exception(Overloaded(f"no query worker became free within {wait:g} s", 1))


class SlowSlots:
    """At most ``total`` slow queries at once, at most ``per_client`` of them for one client; safe between threads."""

    def __init__(self, total: int, per_client: int) -> None:
        self.total, self.per_client = total, per_client
        self._held: collections.Counter[str] = collections.Counter()
        self._lock = threading.Lock()

    def take(self, client: str) -> bool:
        """Take a slot for ``client`` if one is free and the client has fewer than its share."""
        with self._lock:
            if sum(self._held.values()) >= self.total or self._held[client] >= self.per_client:
                return False
            self._held[client] += 1
            return True

    def give_back(self, client: str) -> None:
        """Free a slot ``client`` took."""
        with self._lock:
            self._held[client] -= 1
            if self._held[client] <= 0:
                del self._held[client]


class SlowRecord:
    """Per client: the query shapes that overran their budget, and the outcome of its last queries; safe between threads.

    At most ``capacity`` clients are remembered (the least recently seen are forgotten), each with at most
    ``shapes`` shapes: the memory taken is bounded whatever the clients send.
    """

    def __init__(self, *, repeats: int = 2, client_limit: int = 3, period: float = 30.0, capacity: int = 4096, shapes: int = 64) -> None:
        self.repeats, self.client_limit, self.period = repeats, client_limit, period
        self.capacity, self.shapes = capacity, shapes
        self._clients: collections.OrderedDict[str, _ClientRecord] = collections.OrderedDict()
        self._lock = threading.Lock()

    def _record(self, client: str) -> _ClientRecord:
        record = self._clients.get(client)
        if record is None:
            record = self._clients[client] = _ClientRecord(
                collections.OrderedDict(), collections.OrderedDict(), collections.deque(maxlen=self.client_limit)
            )
            while len(self._clients) > self.capacity:
                self._clients.popitem(last=False)
        else:
            self._clients.move_to_end(client)
        return record

    def known_fast(self, client: str) -> frozenset[bytes]:
        """The shapes ``client`` has seen answered within budget since its first overrun (the most recent ``shapes``)."""
        with self._lock:
            record = self._clients.get(client)
            return frozenset(record.fast) if record is not None else frozenset()

    def slow_shapes(self, client: str) -> frozenset[bytes]:
        """The shapes ``client`` has seen overrun at least ``repeats`` times."""
        with self._lock:
            record = self._clients.get(client)
            if record is None:
                return frozenset()
            return frozenset(shape for shape, count in record.overruns.items() if count >= self.repeats)

    def is_slow_client(self, client: str) -> bool:
        """Whether ``client`` had ``client_limit`` overruns within the last ``period`` seconds."""
        with self._lock:
            record = self._clients.get(client)
            if record is None or len(record.recent) < self.client_limit:
                return False
            return time.monotonic() - record.recent[0] < self.period

    def overran(self, client: str, shape: bytes) -> None:
        """A query of ``client`` with ``shape`` ran past its budget."""
        with self._lock:
            record = self._record(client)
            record.fast.pop(shape, None)
            record.overruns[shape] = record.overruns.get(shape, 0) + 1
            record.overruns.move_to_end(shape)
            while len(record.overruns) > self.shapes:
                record.overruns.popitem(last=False)
            record.recent.append(time.monotonic())

    def within_budget(self, client: str, shape: bytes) -> None:
        """A query of ``client`` with ``shape`` finished within its budget: known fast, no longer slow, for that client.

        Only clients that have overrun are recorded: the others cost nothing.
        """
        with self._lock:
            record = self._clients.get(client)
            if record is None:
                return
            record.overruns.pop(shape, None)
            record.fast[shape] = None
            record.fast.move_to_end(shape)
            while len(record.fast) > self.shapes:
                record.fast.popitem(last=False)


class _ClientRecord:
    __slots__ = ("fast", "overruns", "recent")

    def __init__(
        self, overruns: collections.OrderedDict[bytes, int], fast: collections.OrderedDict[bytes, None], recent: collections.deque[float]
    ) -> None:
        self.overruns, self.fast, self.recent = overruns, fast, recent
