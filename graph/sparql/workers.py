r"""Query worker processes: each holds its own copy of the store, reads and guards its requests, and can really be stopped.

pyoxigraph's ``Store.query`` has no timeout and runs in compiled code that no Python timer can
interrupt, so each query runs in a worker process, which is killed if it runs too long (`drive`).

A worker does all the work of a query away from the caller: it reads the SPARQL Protocol request
(`graph.sparql.protocol`), runs the guard (`graph.sparql.guard`), chooses the format, runs the engine
and writes the answer. Once its data is loaded it is confined (`graph.sparql.sandbox`): the kernel
refuses it any network call, so a ``SERVICE`` the guard might misread reaches nothing, and its
address space is capped at what it holds plus ``WorkerSpec.memory``, so a query that needs more ends
the worker, not the machine. Where seccomp is unavailable, each query is also parsed by rdflib's
grammar for a second opinion (`graph.sparql.guard.check_parsed`), as before the sandbox existed.

When the guard has passed and the engine starts, the worker posts the job's number, its shape and its
CPU time at that moment on its `Board` (a few integers of shared memory: the caller reads them when it
looks, no message wakes it), so that a budget counts the engine's time alone. Its replies: ``held``
(the query's shape is one the caller asked to hold: it waits for ``run`` or ``drop``), then the answer
or a refusal.

Examples
--------
>>> pool = WorkerPool(b'<http://e/a> <http://e/p> "x" .\n', size=1)
>>> pool.run("ASK { ?s ?p 'x' }", "json", timeout=5).body
b'{"head": {}, "boolean": true}'
>>> pool.close()
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import gc
import hashlib
import itertools
import logging
import multiprocessing
import os
import pickle
import queue
import select
import signal
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext, ForkContext, ForkServerContext, SpawnContext
from typing import TYPE_CHECKING, Any, Protocol, cast

import psutil

from graph.errors import CareersError
from graph.sparql.engine import DEFAULT_ROW_LIMIT, Answer, Engine
from graph.sparql.entities import NoSuchEntity, entity_answer
from graph.sparql.guard import QuerySyntaxError, QueryTooComplex, UnsafeQuery, check_parsed, inspect_query
from graph.sparql.pages import page_language
from graph.sparql.protocol import RDF_OFFERS, HttpQuery, Refusal, choose_format, query_of, result_format

if TYPE_CHECKING:  # rdflib is imported in a worker only when it runs the second engine
    from graph.sparql.rdflib_engine import RdflibEngine

Context = ForkContext | ForkServerContext | SpawnContext
"""How a worker process is started (`multiprocessing.get_context`)."""

__all__ = [
    "DEFAULT_TIMEOUT",
    "EntityJob",
    "OutOfBounds",
    "Overloaded",
    "QueryFailed",
    "QueryJob",
    "Board",
    "Conversation",
    "QueryTimeout",
    "REFUSALS",
    "Watch",
    "Worker",
    "CPU_GRACE",
    "WorkerDied",
    "WorkerFactory",
    "WorkerLost",
    "WorkerPool",
    "WorkerSpec",
    "drive",
]

DEFAULT_TIMEOUT = 10.0
"""Seconds a query may run before its worker is killed."""
DEFAULT_QUERY_MEMORY = 256 * 1024 * 1024
"""Bytes a query may use beyond what its worker holds once loaded."""
DEFAULT_MAX_ANSWER = 32 * 1024 * 1024
"""Largest answer a worker sends back, in bytes (row limit or not)."""
_PRELOAD = ["graph.sparql.workers", "graph.sparql.sandbox", "pyseccomp", "rdflib.plugins.sparql.parser"]
"""What the forkserver imports once, so that a new worker starts without importing it again."""
_TICK = 0.05
"""Seconds between two looks at a running query (its CPU time, whether its client is still there)."""


class QueryTimeout(CareersError):
    """The query did not finish within its time limit: its worker was killed."""


class Overloaded(CareersError):
    """No worker or slow slot is free for this query now; ``retry_after`` says in how many seconds to try again.

    ``throttle``: the client is being slowed down (it keeps sending slow queries): the answer waits ``retry_after``.
    """

    def __init__(self, message: str, retry_after: int, *, throttle: bool = False) -> None:
        super().__init__(message)
        self.retry_after, self.throttle = retry_after, throttle


class OutOfBounds(CareersError):
    """The query needed more memory than a query may use, or its answer was larger than an answer may be."""


class WorkerDied(CareersError):
    """The worker ended while answering (a crash the guard did not foresee); it is replaced."""


class WorkerLost(WorkerDied):
    """The worker was gone before it took the job: nothing was done, the job may be given to another worker."""


class QueryFailed(CareersError):
    """The engine could not evaluate the query (an error in the query that the parser does not see)."""


CPU_GRACE = 5.0
"""CPU seconds beyond a caller's time limit before the kernel ends the worker itself (`WorkerSpec.cpu`)."""


@dataclass(frozen=True)
class WorkerSpec:
    """What every worker of a pool is made of: the data, the engine and its confinement."""

    data: bytes
    engine: str = "oxigraph"
    confine: bool = True
    """Forbid the worker every network call (seccomp): where that is impossible, `start` falls back to ``second_opinion``."""
    second_opinion: bool = False
    """Parse each query with rdflib's grammar too (always true for the rdflib engine)."""
    memory: int | None = DEFAULT_QUERY_MEMORY
    """Bytes a query may use beyond the loaded store (None: no limit)."""
    max_answer: int = DEFAULT_MAX_ANSWER
    cpu: float | None = None
    """CPU seconds one job may use before the kernel ends its worker (None: no limit): the backstop for a worker whose
    caller is gone, and so cannot stop it at the time limit."""


@dataclass(frozen=True)
class QueryJob:
    """A query for a worker: its text and format (``careers query``), or a SPARQL Protocol request to read (``careers serve``).

    ``hold`` lists query shapes (`shape_digest`) that must wait for the caller's ``run`` before the engine starts;
    with ``hold_unknown``, so must every shape not in ``known_fast``.
    """

    text: str | None = None
    fmt: str = "json"
    request: HttpQuery | None = None
    row_limit: int = DEFAULT_ROW_LIMIT
    hold: frozenset[bytes] = field(default_factory=frozenset)
    hold_unknown: bool = False
    known_fast: frozenset[bytes] = field(default_factory=frozenset)


@dataclass(frozen=True)
class EntityJob:
    """An entity's page or description (``/id/NAME``), in the format ``?format=`` or ``accept`` asks for."""

    name: str
    params: dict[str, list[str]]
    accept: str | None
    row_limit: int = 2_000


def shape_digest(shape: str) -> bytes:
    """A short fixed-size key for a query shape (`graph.sparql.guard.QueryInfo.shape`)."""
    return hashlib.blake2b(shape.encode("utf-8", "surrogatepass"), digest_size=16).digest()


# ---------------------------------------------------------------- inside the worker process


class Board:
    """What a worker is running, in shared memory: the job's number, its shape, and the worker's CPU time when its engine started.

    The worker writes, its caller reads, with no lock and no message: a sequence number, odd while a post is
    being written, tells the reader to look again.

    >>> board = Board(multiprocessing.get_context("fork"))
    >>> board.post(7, b"0123456789abcdef", 1.5)
    >>> board.read(7), board.read(8)
    ((b'0123456789abcdef', 1.5), None)
    """

    def __init__(self, context: BaseContext) -> None:
        self._cells = context.RawArray(ctypes.c_int64, 5)  # sequence, job, CPU nanoseconds, shape (16 bytes)

    def post(self, job: int, shape: bytes, cpu: float) -> None:
        """Say that ``job`` (of ``shape``) started its engine when the worker had used ``cpu`` seconds (the worker's side)."""
        cells = self._cells
        cells[0] += 1
        cells[1], cells[2] = job, int(cpu * 1e9)
        cells[3], cells[4] = struct.unpack("<qq", shape.ljust(16, b"\0")[:16])
        cells[0] += 1

    def read(self, job: int) -> tuple[bytes, float] | None:
        """The shape of ``job`` and the worker's CPU time when its engine started, or None if it has not started."""
        cells = self._cells
        for _ in range(100):
            before = cells[0]
            if before % 2:
                continue
            posted, cpu, a, b = cells[1], cells[2], cells[3], cells[4]
            if cells[0] == before:
                return (struct.pack("<qq", a, b), cpu / 1e9) if posted == job else None
        return None


def _serve(spec: WorkerSpec, conn: Connection, board: Board) -> None:
    from graph.sparql.sandbox import limit_cpu

    os.environ["RUST_BACKTRACE"] = "0"  # a failed allocation prints one line, not a backtrace
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)  # a literal rdflib cannot convert is the query's problem, not a log line
    if spec.engine == "rdflib":
        from graph.sparql.rdflib_engine import RdflibEngine

        engine: Engine | RdflibEngine = RdflibEngine.from_ntriples(spec.data)
    else:
        engine = Engine.from_ntriples(spec.data)
    second_opinion = spec.second_opinion or spec.engine == "rdflib"
    if spec.confine:
        from graph.sparql.sandbox import forbid_network

        forbid_network()
    if spec.memory is not None:
        from graph.sparql.sandbox import limit_memory

        limit_memory(spec.memory)
    _send(conn, ("ready",))
    while True:
        try:
            number, job = _receive(conn)
        except EOFError:
            return
        if spec.cpu is not None:
            limit_cpu(spec.cpu)
        started = functools.partial(_post_start, board, number)
        try:
            _send(conn, _work(engine, job, conn, second_opinion, spec.max_answer, started))
        except MemoryError:
            _send(conn, ("memory",))


def _send(conn: Connection, message: object) -> None:
    """Send ``message`` through ``conn`` with plain pickle (multiprocessing's own pickler costs ten times as much)."""
    conn.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))


def _receive(conn: Connection) -> Any:
    """The next message from ``conn`` (blocks until it is whole); raises EOFError when the other end has gone."""
    return pickle.loads(conn.recv_bytes())


def _post_start(board: Board, number: int, shape: bytes) -> None:
    board.post(number, shape, time.process_time())


def _work(
    engine: Engine | RdflibEngine,
    job: QueryJob | EntityJob,
    conn: Connection,
    second_opinion: bool,
    max_answer: int,
    started: Callable[..., Any],
) -> tuple[Any, ...]:
    """The final reply to ``job`` (a ``held`` notice is sent on the way, and ``started(shape)`` called as the engine starts).

    An answer comes with its query's shape, so that the caller knows which shapes answer within their budget.
    """
    shape = b""
    try:
        if isinstance(job, EntityJob):
            fmt = choose_format(job.params, job.accept, {"html": "text/html", **RDF_OFFERS})
            started(shape)
            answer = entity_answer(engine.run, job.name, fmt, row_limit=job.row_limit, lang=page_language(job.params))
        else:
            if job.request is not None:
                text, params = query_of(job.request)
                info = inspect_query(text)
                fmt = result_format(info.form, params, job.request.accept)
            else:
                text, fmt = job.text or "", job.fmt
                info = inspect_query(text)
            if second_opinion:
                _second_opinion(text)
            shape = shape_digest(info.shape)
            if shape in job.hold or (job.hold_unknown and shape not in job.known_fast):
                _send(conn, ("held", shape))
                if _receive(conn) != "run":
                    return ("dropped",)
            started(shape)
            answer = engine.run(text, fmt, row_limit=job.row_limit)
    except Refusal as exc:
        return ("refused", "protocol", (int(exc.status), exc.message, exc.headers))
    except QuerySyntaxError as exc:
        return ("refused", "syntax", (exc.reason, exc.query, exc.line, exc.column))
    except UnsafeQuery as exc:
        return ("refused", "unsafe", (type(exc) is QueryTooComplex, exc.reason, exc.line, exc.column))
    except NoSuchEntity as exc:
        return ("refused", "entity", (str(exc),))
    except MemoryError:
        raise
    except Exception as exc:  # an engine error must not kill the worker; report it
        return ("refused", "failed", (f"{type(exc).__name__}: {exc}",))
    if len(answer.body) > max_answer:
        return ("refused", "size", (len(answer.body), max_answer))
    return ("answer", answer, shape)


@functools.lru_cache(maxsize=16)
def _second_opinion(query: str) -> None:
    """The reading by rdflib's parser of the text the engine will run (`graph.sparql.guard.check_parsed`), once per distinct query."""
    info = inspect_query(query)
    try:
        check_parsed(info.text)
    except QuerySyntaxError as exc:
        raise exc.relocated(query, info) from None


# ---------------------------------------------------------------- the caller's side


def _refusal(kind: str, payload: tuple[Any, ...]) -> Exception:
    """The exception a worker's refusal stands for."""
    if kind == "protocol":
        status, message, headers = payload
        from http import HTTPStatus

        return Refusal(HTTPStatus(status), message, headers)
    if kind == "syntax":
        return QuerySyntaxError(*payload)
    if kind == "unsafe":
        too_complex, *rest = payload
        return (QueryTooComplex if too_complex else UnsafeQuery)(*rest)
    if kind == "entity":
        return NoSuchEntity(*payload)
    if kind == "size":
        size, limit = payload
        return OutOfBounds(f"the answer would be {size / 2**20:.1f} MB, more than the {limit / 2**20:g} MB an answer may take; add a LIMIT")
    return QueryFailed(f"the query could not be evaluated: {payload[0]}")


class Worker:
    """A running worker process: send it a job, read its replies, watch its CPU time, kill it."""

    def __init__(self, context: Context, spec: WorkerSpec) -> None:
        self.spec = spec
        self.conn, child = context.Pipe()
        self.board = Board(context)
        self.jobs = itertools.count(1)
        self.process = context.Process(target=_serve, args=(spec, child, self.board), daemon=True)
        # A forked worker never collects the objects it inherits (Python's advice for fork without exec): collecting them
        # there writes to every page it shares with the server (copy on write), and runs the collector over objects of
        # libraries that may not expect to be in a child: one worker died of a segmentation fault in the collector
        # while setting up its seccomp filter, forked from a test process that had loaded many extension modules.
        gc.freeze()
        try:
            self.process.start()
        finally:
            gc.unfreeze()
        child.close()
        self._poller = select.poll()
        self._poller.register(self.conn.fileno(), select.POLLIN)
        try:
            ready = self.ready(120) and self.read() == ("ready",)
        except WorkerDied:
            ready = False
        if not ready:
            self.kill()
            raise CareersError("a query worker failed to start")
        self._usage = psutil.Process(self.process.pid)

    def ready(self, timeout: float) -> bool:
        """Whether the worker has something to say (a reply, or its end) within ``timeout`` seconds."""
        try:
            return bool(self._poller.poll(max(timeout, 0) * 1000))
        except (OSError, ValueError):
            return True  # its pipe is closed: `read` says how it ended

    def alive(self) -> bool:
        """Whether the worker is running and has nothing unread to say (an idle worker never has)."""
        return self.process.is_alive() and not self.ready(0)

    def cpu_seconds(self) -> float:
        """The worker's CPU time so far (user and system)."""
        try:
            times = self._usage.cpu_times()
        except psutil.Error:
            return 0.0
        return times.user + times.system

    def send(self, message: object) -> None:
        """Send ``message``; raises `WorkerDied` if the worker is gone."""
        try:
            _send(self.conn, message)
        except (OSError, ValueError):
            raise self._death() from None

    def read(self) -> Any:
        """The worker's next reply, once it has begun to arrive (see `ready`); raises `WorkerDied` if the worker is gone."""
        try:
            return _receive(self.conn)
        except (EOFError, OSError, ValueError, pickle.UnpicklingError):
            raise self._death() from None

    def _death(self) -> CareersError:
        self.process.join(1)
        code = self.process.exitcode
        if code == -signal.SIGABRT:
            limit = f"the {self.spec.memory / 2**20:g} MB a query may use" if self.spec.memory else "the memory available"
            return OutOfBounds(f"the query needed more memory than {limit}; its worker was stopped and replaced")
        if code == -signal.SIGXCPU:
            return QueryTimeout(f"query stopped after {self.spec.cpu:g} s of CPU (the kernel's limit)")
        cause = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        return WorkerDied(f"the query stopped its worker ({cause}); the worker has been replaced")

    def renice(self, niceness: int) -> bool:
        """Set the worker's scheduling niceness; False when not allowed (lowering it needs privilege)."""
        assert self.process.pid is not None, "a started worker"
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, niceness)
        except OSError:
            return False
        return True

    def stop(self) -> None:
        """Send the worker SIGKILL, without waiting for it to end (`kill` waits)."""
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()

    def kill(self) -> None:
        """Stop the worker and wait for it to end."""
        self.stop()
        self.process.join()
        self.conn.close()


REFUSALS = (Refusal, QuerySyntaxError, UnsafeQuery, NoSuchEntity, QueryFailed)
"""What a worker answers about the request itself: after these it is as it was, ready for the next job."""


class Watch(Protocol):
    """What `drive` asks while a query is under way: whether a held query may run, and whether a running one may go on."""

    def held(self, shape: bytes) -> Exception | None:
        """None to run the held query of ``shape`` now, or the reason (an exception) to refuse it."""

    def running(self, shape: bytes, cpu: float) -> None:
        """Called every few hundredths of a second with the engine's CPU seconds so far; raise to stop the query."""


class Conversation:
    """One job's exchange with a worker, fed one reply (`receive`) or one look at the running query (`look`) at a time.

    The protocol lives here once; `drive` runs it by blocking, `graph.sparql.service.QueryService` from an event loop.
    """

    def __init__(self, worker: Worker, job: QueryJob | EntityJob, watch: Watch | None = None) -> None:
        self.worker, self.job, self.watch = worker, job, watch
        self.number = next(worker.jobs)
        self.shape, self.replied = b"", False

    def start(self) -> None:
        """Send the job; raises `WorkerLost` if the worker is gone."""
        try:
            self.worker.send((self.number, self.job))
        except WorkerDied as exc:
            raise WorkerLost(str(exc)) from None

    def receive(self) -> Answer | None:
        """Read the reply that has begun to arrive: the answer when it is the last, None while the query is under way.

        Raises the refusals, `OutOfBounds`, `WorkerDied`, `WorkerLost`, and what the watch gives as a reason to refuse.
        """
        try:
            reply = self.worker.read()
        except WorkerDied as exc:
            if self.replied:
                raise
            raise WorkerLost(str(exc)) from None
        self.replied = True
        kind = reply[0]
        if kind == "held":
            self.shape = reply[1]
            reason = self.watch.held(self.shape) if self.watch else None
            self.worker.send("run" if reason is None else "drop")
            if reason is not None:
                if self.worker.ready(5):
                    self.worker.read()  # "dropped"
                raise reason
            return None
        if kind == "answer":
            self.shape = reply[2]
            answer: Answer = reply[1]
            return answer
        if kind == "memory":
            limit = f"{self.worker.spec.memory / 2**20:g} MB" if self.worker.spec.memory else "the memory available"
            raise OutOfBounds(f"the query needed more memory than {limit} (the limit per query)")
        raise _refusal(*reply[1:])

    def look(self) -> None:
        """Tell the watch how much CPU the engine has used; if the watch raises, the worker is killed and the reason raised."""
        if self.watch is None:
            return
        started = self.worker.board.read(self.number)
        if started is None:  # still reading and guarding the request
            return
        self.shape, cpu_at_start = started
        try:
            self.watch.running(self.shape, self.worker.cpu_seconds() - cpu_at_start)
        except BaseException:
            self.worker.stop()
            raise


def drive(worker: Worker, job: QueryJob | EntityJob, *, timeout: float, watch: Watch | None = None) -> Answer:
    """Send ``job`` to ``worker`` and return its answer, blocking; the worker is killed at ``timeout`` seconds or when ``watch`` raises.

    Raises `QueryTimeout` at the time limit, what ``watch`` raises, the refusals (`REFUSALS`: the worker is
    fine), `OutOfBounds`, `WorkerDied`, and `WorkerLost` when the worker was gone before it took the job (which may
    then go to another worker). After anything but a refusal, check `Worker.alive` before reusing it.
    """
    started_at = time.monotonic()
    conversation = Conversation(worker, job, watch)
    conversation.start()
    while True:
        remaining = timeout - (time.monotonic() - started_at)
        if remaining <= 0:
            worker.stop()
            raise QueryTimeout(f"query stopped after {timeout:g} s (time limit)")
        if not worker.ready(min(_TICK, remaining) if watch else remaining):
            conversation.look()
            continue
        answer = conversation.receive()
        if answer is not None:
            return answer


class WorkerFactory:
    """Starts workers of one `WorkerSpec`, and replaces dead ones in the background.

    ``method`` is the multiprocessing start method: ``fork`` (fast; for single-threaded callers such as the
    CLI) or ``forkserver`` (safe to start from a threaded server). Where seccomp is unavailable the spec
    runs unconfined, with rdflib's second opinion instead (``confined`` says which).
    """

    def __init__(self, spec: WorkerSpec, *, method: str = "fork") -> None:
        if spec.engine not in ("oxigraph", "rdflib"):
            raise ValueError(f"unknown engine {spec.engine!r}: oxigraph or rdflib")
        self.context = cast(Context, multiprocessing.get_context(method))  # "fork", "forkserver" or "spawn"
        if method == "forkserver":  # new workers start from a process that has already imported their code
            self.context.set_forkserver_preload(_PRELOAD)
        self.spec = _confinable(spec)
        self.confined = self.spec.confine
        self._closed = False

    def start(self) -> Worker:
        """A new worker, ready for its first job."""
        return Worker(self.context, self.spec)

    def replace(self, worker: Worker, deliver: Callable[[Worker], None]) -> None:
        """Kill ``worker`` (if it still runs) and start its replacement in the background; ``deliver`` receives it when ready."""

        def start() -> None:
            worker.kill()
            while not self._closed:
                try:
                    deliver(self.start())
                    return
                except CareersError:  # the machine is short of something for a moment: try again
                    time.sleep(1)

        threading.Thread(target=start, name="worker-replacement", daemon=True).start()

    def close(self) -> None:
        """Start no more replacements."""
        self._closed = True


class WorkerPool:
    """``size`` workers taking one query at a time; `run` answers on the first free one (``careers query``)."""

    def __init__(self, data: bytes, *, size: int = 1, method: str = "fork", engine: str = "oxigraph", **spec: Any) -> None:
        self.factory = WorkerFactory(WorkerSpec(data, engine=engine, **spec), method=method)
        self._idle: queue.Queue[Worker] = queue.Queue()
        for _ in range(size):
            self._idle.put(self.factory.start())

    def run(self, query: str, fmt: str, *, timeout: float = DEFAULT_TIMEOUT, row_limit: int = DEFAULT_ROW_LIMIT) -> Answer:
        """Run ``query`` on a free worker; kill and replace it if it takes longer than ``timeout`` seconds."""
        worker = self._idle.get()
        try:
            answer = drive(worker, QueryJob(text=query, fmt=fmt, row_limit=row_limit), timeout=timeout)
        except REFUSALS:
            self._idle.put(worker)
            raise
        except BaseException:
            self.factory.replace(worker, self._idle.put)
            raise
        self._idle.put(worker)
        return answer

    def close(self) -> None:
        """Stop every idle worker (a busy one stops when its caller returns it)."""
        self.factory.close()
        while not self._idle.empty():
            self._idle.get_nowait().kill()


def _confinable(spec: WorkerSpec) -> WorkerSpec:
    """``spec`` as it can run here: without seccomp, no confinement but rdflib's second opinion instead."""
    from graph.sparql.sandbox import network_confinement_available

    if spec.confine and not network_confinement_available():
        return dataclasses.replace(spec, confine=False, second_opinion=True)
    return spec
