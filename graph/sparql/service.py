r"""The server's query workers: fair turns between clients, a CPU budget per query, slow slots, and no work for clients that left.

A request waits for a worker in `graph.sparql.scheduling.FairQueue` (client by client); then the event
loop holds the conversation with that worker (`graph.sparql.workers.Conversation`): it sends the job,
reads each reply when the worker's pipe is readable, and looks at the running query every few
hundredths of a second. No thread waits on a worker, and the loop never waits on one either.

* **Budget.** A query may use ``fast_budget`` seconds of its worker's CPU time (the engine's alone:
  reading and guarding the request are not counted, nor is time spent waiting for a busy machine).
  One that needs more becomes a *slow* query: it goes on only with one of the slow slots
  (`graph.sparql.scheduling.SlowSlots`; a client may hold only its share of them), at a lower
  scheduling priority (niceness 10) so that the machine's other work comes first; otherwise its
  worker is killed and the client gets `Overloaded` (503 with ``Retry-After``).
* **Memory of slow shapes.** A shape that overran twice for a client, and every query of a client that
  keeps overrunning unless its shape has been answered within budget before, is *held* by the worker
  after its guard: it runs only once a slow slot is taken, or is refused at once
  (`graph.sparql.scheduling.SlowRecord`). Other clients asking the same shape are not affected.
* **Clients that leave.** A request whose client disconnects stops waiting for a worker; a query that
  is already slow is killed. One still within its budget finishes (its answer is cached for the next).
* **Dead workers** are found before a request is given to them, and replaced; one that dies between that check
  and taking the request costs nothing but a second try on another worker.

Examples
--------
>>> import asyncio
>>> from graph.sparql.scheduling import Departure
>>> from graph.sparql.workers import QueryJob, WorkerFactory, WorkerSpec
>>> service = QueryService(WorkerFactory(WorkerSpec(b'<http://e/a> <http://e/p> "x" .\n')), size=2)
>>> async def ask():
...     return await service.answer(QueryJob(text="ASK { ?s ?p 'x' }"), "127.0.0.1", Departure())
>>> asyncio.run(ask()).body
b'{"head": {}, "boolean": true}'
>>> service.close()
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import threading
from collections.abc import Callable

from graph.sparql.engine import Answer
from graph.sparql.scheduling import Abandoned, Departure, FairQueue, SlowRecord, SlowSlots
from graph.sparql.workers import (
    DEFAULT_TIMEOUT,
    Conversation,
    EntityJob,
    Overloaded,
    QueryJob,
    QueryTimeout,
    Worker,
    WorkerFactory,
    WorkerLost,
)

__all__ = ["FAST_BUDGET", "SLOW_NICENESS", "QueryService"]

FAST_BUDGET = 0.25
"""CPU seconds a query may use before it counts as slow and needs a slow slot."""

SLOW_NICENESS = 10
_TICK = 0.05
"""Seconds between two looks at a running query: its CPU time, its time limit, whether its client is still there."""
"""The scheduling niceness of a worker running a slow query (fast queries and the event loop run at the server's own)."""


class QueryService:
    """``size`` workers from ``factory`` answering jobs for clients, fairly; `answer` is called on the server's event loop.

    ``slow_slots`` (default: half the workers) caps the slow queries at once; a client may hold at most half of
    them (at least one). A request waits at most ``queue_wait`` seconds for a worker, and a client may have at
    most ``max_waiting`` requests waiting (as many as it may hold connections).
    """

    def __init__(
        self,
        factory: WorkerFactory,
        *,
        size: int,
        slow_slots: int | None = None,
        fast_budget: float = FAST_BUDGET,
        queue_wait: float = 5.0,
        timeout: float = DEFAULT_TIMEOUT,
        max_waiting: int = 256,
    ) -> None:
        slow_slots = slow_slots if slow_slots is not None else max(1, size // 2)
        if not 0 < slow_slots < size:
            raise ValueError(f"slow_slots must be at least 1 and fewer than the {size} workers")
        self.factory, self.size = factory, size
        self.fast_budget, self.queue_wait, self.timeout = fast_budget, queue_wait, timeout
        self.slots = SlowSlots(slow_slots, max(1, slow_slots // 2))
        self.record = SlowRecord()
        self.queue: FairQueue[Worker] = FairQueue(max_waiting=max_waiting, usable=Worker.alive, discard=self._replace)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._workers: set[Worker] = set()
        self._listened: set[Worker] = set()  # workers whose pipe the event loop watches
        self._listeners: dict[Worker, Callable[[], None]] = {}  # what reads each busy worker's replies
        self._lock = threading.Lock()
        for _ in range(size):
            self._join(factory.start())

    async def answer(self, job: QueryJob | EntityJob, client: str, departure: Departure) -> Answer:
        """The answer to ``job`` for ``client``; raises `Abandoned` if the client leaves (``departure``) before it is ready.

        Raises what `graph.sparql.workers.drive` raises, and `Overloaded` when no worker or slow slot is free in time.
        """
        self._loop = asyncio.get_running_loop()
        if isinstance(job, QueryJob):
            hold = self.record.slow_shapes(client)
            if hold:
                job = dataclasses.replace(job, hold=hold)
            if self.record.is_slow_client(client):
                job = dataclasses.replace(job, hold_unknown=True, known_fast=self.record.known_fast(client))
        # A request whose worker was gone before it took the request goes to another: as many times as there are workers, so
        # that when every idle worker died at once (a kill, the memory limit) the last try waits for a fresh one, not a 503
        attempts = self.size + 1
        for attempt in range(attempts):
            worker = await self.queue.acquire(client, wait=self.queue_wait, departure=departure)
            watch = _Watch(self, worker, client, departure)
            conversation = Conversation(worker, job, watch)
            answered = False
            try:
                answer = await self._converse(conversation)
                answered = True
            except WorkerLost:
                if attempt == attempts - 1:
                    raise
                continue
            finally:
                self._done(worker, client, watch, answered)
            if conversation.shape and not watch.overran:
                self.record.within_budget(client, conversation.shape)
            return answer
        raise AssertionError("unreachable")

    async def _converse(self, conversation: Conversation) -> Answer:
        """Run ``conversation`` from the event loop: a reader on the worker's pipe, a look at its CPU every few hundredths of a second."""
        loop = asyncio.get_running_loop()
        worker = conversation.worker
        outcome: asyncio.Future[Answer] = loop.create_future()
        deadline = loop.time() + self.timeout

        def settle(answer: Answer | None = None, error: BaseException | None = None) -> None:
            if not outcome.done():
                if error is not None:
                    outcome.set_exception(error)
                elif answer is not None:
                    outcome.set_result(answer)

        def readable() -> None:  # one reply a call: the loop calls again while the pipe is readable
            try:
                answer = conversation.receive()
            except BaseException as exc:
                settle(error=exc)
            else:
                if answer is not None:
                    settle(answer)

        def look() -> None:
            if outcome.done():
                return
            if loop.time() >= deadline:
                worker.stop()
                settle(error=QueryTimeout(f"query stopped after {self.timeout:g} s (time limit)"))
                return
            try:
                conversation.look()
            except BaseException as exc:
                settle(error=exc)
                return
            timer[0] = loop.call_later(_TICK, look)

        self._listen(worker, loop)
        self._listeners[worker] = readable
        conversation.start()
        timer = [loop.call_later(_TICK, look)]
        try:
            return await outcome
        except asyncio.CancelledError:
            worker.stop()  # the server is stopping: no one will read this answer
            raise
        finally:
            timer[0].cancel()
            del self._listeners[worker]

    def _listen(self, worker: Worker, loop: asyncio.AbstractEventLoop) -> None:
        """Watch ``worker``'s pipe from the event loop, once for all its jobs."""
        if worker in self._listened:
            return
        fd = worker.conn.fileno()
        loop.add_reader(fd, self._readable, worker, loop)
        os.set_blocking(fd, True)  # uvloop's reader makes the pipe non-blocking; a reply is read whole once it has begun
        self._listened.add(worker)

    def _readable(self, worker: Worker, loop: asyncio.AbstractEventLoop) -> None:
        listener = self._listeners.get(worker)
        if listener is not None:
            listener()
        else:  # an idle worker has nothing to say: it has ended (its pipe reads as closed)
            self._unlisten(worker, loop)

    def _unlisten(self, worker: Worker, loop: asyncio.AbstractEventLoop | None) -> None:
        if worker in self._listened and loop is not None:
            loop.remove_reader(worker.conn.fileno())
            self._listened.discard(worker)

    def _done(self, worker: Worker, client: str, watch: _Watch, answered: bool) -> None:
        """Once the conversation is over: free the slow slot, then give the worker back or replace it."""
        if watch.slot:
            self.slots.give_back(client)
            if worker.process.is_alive() and not worker.renice(0):
                worker.stop()  # lowering the niceness back needs privilege: a fresh worker instead
        usable = (answered and not watch.slot) or worker.alive()  # a worker that has just answered is there and idle
        if not usable:
            self._replace(worker)
        self.queue.release(client, worker if usable else None)

    def _join(self, worker: Worker) -> None:
        with self._lock:
            self._workers.add(worker)
        self.queue.add(worker)

    def _replace(self, worker: Worker) -> None:
        self._unlisten(worker, self._loop)  # before its pipe is closed
        with self._lock:
            self._workers.discard(worker)

        def deliver(new: Worker) -> None:
            with self._lock:
                self._workers.add(new)
            loop = self._loop
            if loop is not None and not loop.is_closed():
                loop.call_soon_threadsafe(self.queue.add, new)
            else:
                self.queue.add(new)

        self.factory.replace(worker, deliver)

    def close(self) -> None:
        """Stop every worker."""
        self.factory.close()
        with self._lock:
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            if worker.process.is_alive():
                worker.kill()


class _Watch:
    """What `QueryService` decides while one query runs: slots, overruns, and the client leaving."""

    def __init__(self, service: QueryService, worker: Worker, client: str, departure: Departure) -> None:
        self.service, self.worker, self.client, self.departure = service, worker, client, departure
        self.slot = self.overran = False
        self.shape = b""

    def held(self, shape: bytes) -> Exception | None:
        self.shape = shape
        if self.departure.gone():
            return Abandoned()
        if not self._take_slot():
            message = "this query is slow and this client's slots for slow queries are taken; try again later"
            return Overloaded(message, 1, throttle=True)
        return None

    def running(self, shape: bytes, cpu: float) -> None:
        self.shape = shape
        if cpu > self.service.fast_budget and not self.overran:
            self.overran = True
            self.service.record.overran(self.client, shape)
            if not self.slot and not self._take_slot():
                raise Overloaded("this query ran past its first budget and every slot for slow queries is taken; try again later", 1)
        if self.departure.gone() and self.overran:
            raise Abandoned

    def _take_slot(self) -> bool:
        if not self.service.slots.take(self.client):
            return False
        self.slot = True
        self.worker.renice(SLOW_NICENESS)
        return True
