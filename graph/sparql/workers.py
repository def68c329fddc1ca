r"""Run queries in worker processes that a wall-clock limit can really stop, and keep slow queries from starving fast ones.

pyoxigraph's ``Store.query`` has no timeout and runs in compiled code that no Python timer can
interrupt, so each query runs in a worker process holding its own copy of the store; if the answer
is late, the worker is killed and replaced (in the background: the caller does not wait for it).

Fair scheduling (`WorkerPool` with ``slow_slots``): every query starts on a free worker with a short
budget (``fast_budget``, 0.25 s). Most answer within it. One that does not becomes a *slow* query and
goes on only if one of the ``slow_slots`` (fewer than the workers) is free; otherwise its worker is
killed and the caller gets `Overloaded` (HTTP 503 with ``Retry-After``). The text of a query that
overran its budget is remembered (its shape: other numbers and strings do not make it another query,
`graph.sparql.guard.QueryInfo.shape`), so the same query asked again goes straight to a slow slot, or is
refused at once, without holding a worker (it is forgotten when it then answers within budget). So
however many slow queries arrive, at least ``size - slow_slots`` workers keep serving the fast ones.
A caller that finds no free worker within ``queue_wait`` seconds gets `Overloaded` too.

Examples
--------
>>> pool = WorkerPool(b'<http://e/a> <http://e/p> "x" .\n', size=1)
>>> pool.run("ASK { ?s ?p 'x' }", "json", timeout=5).body
b'{"head": {}, "boolean": true}'
>>> pool.close()
"""

from __future__ import annotations

import collections
import functools
import logging
import multiprocessing
import queue
import threading
import time
from multiprocessing.connection import Connection

from graph.errors import CareersError
from graph.sparql.engine import DEFAULT_ROW_LIMIT, Answer, Engine
from graph.sparql.guard import QuerySyntaxError, QueryTooComplex, UnsafeQuery, check_parsed, inspect_query

__all__ = ["DEFAULT_TIMEOUT", "FAST_BUDGET", "Overloaded", "QueryTimeout", "WorkerPool"]

DEFAULT_TIMEOUT = 10.0
"""Seconds a query may run before its worker is killed."""
FAST_BUDGET = 0.25
"""Seconds a query may run before it counts as slow and needs a slow slot."""
_REMEMBERED_SLOW = 1024
"""How many slow query texts are remembered (the oldest are forgotten first)."""


class QueryTimeout(CareersError):
    """The query did not finish within its time limit: its worker was killed."""


class Overloaded(CareersError):
    """No worker or slow slot is free for this query now; ``retry_after`` says in how many seconds to try again."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _serve(data: bytes, engine_name: str, second_opinion: bool, conn: Connection) -> None:
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)  # a literal rdflib cannot convert is the query's problem, not a log line
    if engine_name == "rdflib":
        from graph.sparql.rdflib_engine import RdflibEngine

        engine = RdflibEngine.from_ntriples(data)
    else:
        engine = Engine.from_ntriples(data)
    conn.send(("ready",))
    while True:
        try:
            query, fmt, row_limit = conn.recv()
        except EOFError:
            return
        try:
            if second_opinion:
                _second_opinion(query)
            conn.send(("ok", engine.run(query, fmt, row_limit=row_limit)))
        except QuerySyntaxError as exc:
            conn.send(("syntax", exc.reason, exc.query, exc.line, exc.column))
        except UnsafeQuery as exc:
            conn.send(("unsafe", type(exc) is QueryTooComplex, exc.reason, exc.line, exc.column))
        except Exception as exc:  # an engine error must not kill the worker; report it
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


@functools.lru_cache(maxsize=512)
def _second_opinion(query: str) -> None:
    """The reading by rdflib's parser of the text the engine will run (`graph.sparql.guard.check_parsed`), once per distinct query."""
    info = inspect_query(query)
    try:
        check_parsed(info.text)
    except QuerySyntaxError as exc:
        raise exc.relocated(query, info) from None


class _Worker:
    def __init__(self, context, data: bytes, engine: str, second_opinion: bool) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(data, engine, second_opinion, child), daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(60) or self.conn.recv() != ("ready",):
            self.kill()
            raise CareersError("a query worker failed to start")

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool:
    """``size`` worker processes, each with the graph loaded from N-Triples ``data``.

    ``method`` is the multiprocessing start method: ``fork`` (fast; for single-threaded callers such
    as the CLI) or ``forkserver`` (safe to call from a threaded server). ``engine`` is ``oxigraph``
    (the default) or ``rdflib`` (rdflib's own SPARQL engine, for comparison). ``second_opinion`` also
    parses each query with rdflib's grammar before Oxigraph runs it (the endpoint's second guard layer),
    inside the worker, so that its cost counts against the time limit. ``slow_slots`` (None: no
    scheduling, every query may run to its time limit) caps how many queries may run past
    ``fast_budget`` at once; ``queue_wait`` is how long a caller waits for a free worker.
    """

    def __init__(
        self,
        data: bytes,
        *,
        size: int = 2,
        method: str = "fork",
        engine: str = "oxigraph",
        second_opinion: bool = False,
        slow_slots: int | None = None,
        fast_budget: float = FAST_BUDGET,
        queue_wait: float = 5.0,
    ) -> None:
        if engine not in ("oxigraph", "rdflib"):
            raise ValueError(f"unknown engine {engine!r}: oxigraph or rdflib")
        if slow_slots is not None and not 0 < slow_slots < size:
            raise ValueError(f"slow_slots must be at least 1 and fewer than the {size} workers")
        self.size = size
        self._context = multiprocessing.get_context(method)
        if method == "forkserver":  # new workers start from a process that has already imported their code
            self._context.set_forkserver_preload(["graph.sparql.workers", "graph.sparql.guard", "rdflib.plugins.sparql.parser"])
        self._data, self._engine, self._second_opinion = data, engine, second_opinion
        self._fast_budget, self._queue_wait = fast_budget, queue_wait
        self._slow_slots = threading.BoundedSemaphore(slow_slots) if slow_slots is not None else None
        self._slow: collections.OrderedDict[str, None] = collections.OrderedDict()
        self._slow_lock = threading.Lock()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        for _ in range(size):
            self._idle.put(self._new_worker())

    def run(self, query: str, fmt: str, *, timeout: float = DEFAULT_TIMEOUT, row_limit: int = DEFAULT_ROW_LIMIT) -> Answer:
        """Run ``query`` on a free worker; kill and replace it if it takes longer than ``timeout`` seconds.

        Raises `QueryTimeout` at the time limit, `Overloaded` when no worker (or, for a slow query, no slow
        slot) is free, and the guard's errors for a query the worker refuses.
        """
        if self._slow_slots is None:
            return self._on_worker(query, fmt, row_limit, lambda worker: self._wait(worker, timeout))
        shape = inspect_query(query).shape
        if self._known_slow(shape):
            if not self._slow_slots.acquire(blocking=False):
                raise Overloaded("this query is slow and every slot for slow queries is taken; try again later", int(timeout) or 1)
            started = time.monotonic()
            try:
                answer = self._on_worker(query, fmt, row_limit, lambda worker: self._wait(worker, timeout))
            finally:
                self._slow_slots.release()
            if time.monotonic() - started < self._fast_budget:  # slow only when the machine was busy: forget it
                self._forget_slow(shape)
            return answer
        return self._on_worker(query, fmt, row_limit, lambda worker: self._wait_fast_then_slow(worker, shape, timeout))

    def _on_worker(self, query: str, fmt: str, row_limit: int, wait) -> Answer:
        try:
            worker = self._idle.get(timeout=self._queue_wait)
        except queue.Empty:
            raise Overloaded(f"no query worker became free within {self._queue_wait:g} s", retry_after=1) from None
        try:
            worker.conn.send((query, fmt, row_limit))
            reply = wait(worker)
        except (EOFError, OSError):
            self._replace(worker)
            raise CareersError("the query worker died; it has been replaced") from None
        except BaseException:
            self._replace(worker)
            raise
        self._idle.put(worker)
        return _answer(reply)

    def _wait(self, worker: _Worker, timeout: float):
        if not worker.conn.poll(timeout):
            raise QueryTimeout(f"query stopped after {timeout:g} s (time limit)")
        return worker.conn.recv()

    def _wait_fast_then_slow(self, worker: _Worker, shape: str, timeout: float):
        if worker.conn.poll(min(self._fast_budget, timeout)):
            return worker.conn.recv()
        self._remember_slow(shape)
        assert self._slow_slots is not None
        if not self._slow_slots.acquire(blocking=False):
            raise Overloaded("this query ran past its first budget and every slot for slow queries is taken; try again later", 1)
        try:
            return self._wait(worker, max(timeout - self._fast_budget, 0))
        finally:
            self._slow_slots.release()

    def _known_slow(self, shape: str) -> bool:
        with self._slow_lock:
            if shape in self._slow:
                self._slow.move_to_end(shape)
                return True
            return False

    def _forget_slow(self, shape: str) -> None:
        with self._slow_lock:
            self._slow.pop(shape, None)

    def _remember_slow(self, shape: str) -> None:
        with self._slow_lock:
            self._slow[shape] = None
            while len(self._slow) > _REMEMBERED_SLOW:
                self._slow.popitem(last=False)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start its replacement in the background; it joins the idle workers when ready."""
        worker.kill()

        def start() -> None:
            while not self._closed:
                try:
                    self._idle.put(self._new_worker())
                    return
                except CareersError:  # the machine is short of something for a moment: try again
                    time.sleep(1)

        threading.Thread(target=start, name="worker-replacement", daemon=True).start()

    def _new_worker(self) -> _Worker:
        return _Worker(self._context, self._data, self._engine, self._second_opinion)

    def close(self) -> None:
        """Stop every idle worker (a busy one stops when its caller returns it)."""
        self._closed = True
        while not self._idle.empty():
            self._idle.get_nowait().kill()


def _answer(reply: tuple) -> Answer:
    kind = reply[0]
    if kind == "ok":
        return reply[1]
    if kind == "syntax":
        raise QuerySyntaxError(reply[1], reply[2], reply[3], reply[4])
    if kind == "unsafe":
        raise (QueryTooComplex if reply[1] else UnsafeQuery)(*reply[2:])
    raise CareersError(reply[1])
