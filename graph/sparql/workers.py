r"""Run queries in worker processes that a wall-clock limit can really stop: a late worker is killed.

pyoxigraph's ``Store.query`` has no timeout and runs in compiled code that no Python timer can
interrupt, so each query runs in a worker process holding its own copy of the store; if the answer
is late, the worker is killed and replaced.

Examples
--------
>>> pool = WorkerPool(b'<http://e/a> <http://e/p> "x" .\n', size=1)
>>> pool.run("ASK { ?s ?p 'x' }", "json", timeout=5).body
b'{"head": {}, "boolean": true}'
>>> pool.close()
"""

from __future__ import annotations

import functools
import multiprocessing
import queue
import threading
from multiprocessing.connection import Connection

from graph.errors import CareersError
from graph.sparql.engine import DEFAULT_ROW_LIMIT, Answer, Engine
from graph.sparql.guard import QuerySyntaxError, QueryTooComplex, UnsafeQuery, check_parsed, inspect_query

__all__ = ["DEFAULT_TIMEOUT", "QueryTimeout", "WorkerPool"]

DEFAULT_TIMEOUT = 10.0
"""Seconds a query may run before its worker is killed."""


class QueryTimeout(CareersError):
    """The query did not finish within its time limit (its worker was killed), or no worker was free."""


def _serve(data: bytes, engine_name: str, second_opinion: bool, conn: Connection) -> None:
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
    inside the worker, so that its cost counts against the time limit.
    """

    def __init__(self, data: bytes, *, size: int = 2, method: str = "fork", engine: str = "oxigraph", second_opinion: bool = False) -> None:
        if engine not in ("oxigraph", "rdflib"):
            raise ValueError(f"unknown engine {engine!r}: oxigraph or rdflib")
        self._context = multiprocessing.get_context(method)
        self._data, self._engine, self._second_opinion = data, engine, second_opinion
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        for _ in range(size):
            self._idle.put(self._new_worker())

    def run(self, query: str, fmt: str, *, timeout: float = DEFAULT_TIMEOUT, row_limit: int = DEFAULT_ROW_LIMIT) -> Answer:
        """Run ``query`` on a free worker; kill and replace it if it takes longer than ``timeout`` seconds."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"no query worker became free within {timeout:g} s") from None
        try:
            worker.conn.send((query, fmt, row_limit))
            if not worker.conn.poll(timeout):
                worker.kill()
                worker = self._new_worker()
                raise QueryTimeout(f"query stopped after {timeout:g} s (time limit)")
            reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            worker.kill()
            worker = self._new_worker()
            raise CareersError("the query worker died; it has been replaced") from None
        finally:
            self._idle.put(worker)
        kind = reply[0]
        if kind == "ok":
            return reply[1]
        if kind == "syntax":
            raise QuerySyntaxError(reply[1], reply[2], reply[3], reply[4])
        if kind == "unsafe":
            raise (QueryTooComplex if reply[1] else UnsafeQuery)(*reply[2:])
        raise CareersError(reply[1])

    def _new_worker(self) -> _Worker:
        return _Worker(self._context, self._data, self._engine, self._second_opinion)

    def close(self) -> None:
        """Stop every worker."""
        while not self._idle.empty():
            self._idle.get_nowait().kill()
