r"""``careers serve``'s HTTP layer: the endpoint (`graph.sparql.asgi`) served by Uvicorn, with httptools and uvloop.

Uvicorn parses HTTP with llhttp (Node.js's parser: two ``Content-Length`` headers, a negative one or bad
chunking are a 400 and the connection is closed; a body is never read as a request), keeps every
connection on one event loop (an idle connection costs a socket, not a thread), listens with a deep
backlog, closes kept-alive connections idle for ``idle_timeout`` seconds and stops gracefully on
SIGTERM or SIGINT: it stops accepting, answers the requests in flight, then exits. On top of it,
`_Protocol`:

* gives each request ``request_timeout`` seconds from its first byte to the end of its headers (a client
  sending them a byte at a time loses its connection), and closes a new connection that sends nothing for
  ``idle_timeout`` seconds, as Uvicorn does a kept-alive one;
* counts a request's bytes as they arrive, before the parser keeps them: a request line longer than
  `MAX_REQUEST_LINE` gets 414, header fields longer than `MAX_HEADER_FIELDS` in all get 431, and the
  connection is closed (a 32 MB header costs the server 16 KiB, not 32 MB);
* lets one client (one address) hold at most ``client_connections`` connections: beyond, a new one gets
  503 and is closed, so that one client's idle sockets never take every other client's place.

Examples
--------
>>> from graph.sparql.app import Endpoint
>>> from graph.sparql.service import QueryService
>>> from graph.sparql.workers import WorkerFactory, WorkerSpec
>>> service = QueryService(WorkerFactory(WorkerSpec(b'<http://e/a> <http://e/p> "x" .\n')), size=2)
>>> server = make_server(Endpoint(triples=1), service, port=0)
>>> server.address[0]
'127.0.0.1'
>>> server.close()
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import resource
import signal
import socket
from dataclasses import dataclass
from types import FrameType

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from graph.sparql.app import Endpoint, EndpointApp
from graph.sparql.asgi import AsgiEndpoint
from graph.sparql.service import QueryService

__all__ = ["MAX_HEADER_FIELDS", "MAX_REQUEST_LINE", "Server", "make_server"]

IDLE_TIMEOUT = 30
"""Seconds a kept-alive connection may stay silent after an answer before it is closed."""
REQUEST_TIMEOUT = 10
"""Seconds a request's headers may take to arrive (from the connection, or the previous answer); its body has as long again."""
CONNECTION_LIMIT = 4096
"""Most connections and requests at once; beyond them a request gets 503 at once."""
CLIENT_CONNECTIONS = 256
"""Most connections one client address may hold at once."""
BACKLOG = 2048
"""Connections the kernel queues before they are accepted (Python's default is 5)."""
MAX_REQUEST_LINE = 16 * 1024
"""Longest request line (method, path and query string): 414 beyond; longer queries go in a POST body."""
MAX_HEADER_FIELDS = 16 * 1024
"""Most bytes of header fields in one request: 431 beyond."""
_HEAD_ENDS = (b"\r\n\r\n", b"\n\n")


def _refuse(transport: asyncio.WriteTransport, status: bytes, message: bytes) -> None:
    transport.write(
        b"HTTP/1.1 " + status + b"\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: "
        + str(len(message) + 1).encode() + b"\r\nconnection: close\r\n\r\n" + message + b"\n"
    )  # fmt: skip
    transport.close()


class _Protocol(HttpToolsProtocol):
    """Uvicorn's httptools protocol with deadlines, limits on the size of a request's head, and a cap per client."""

    request_timeout: float = REQUEST_TIMEOUT
    client_connections: int = CLIENT_CONNECTIONS
    per_client: collections.Counter[str]  # set per server by `make_server`
    _deadline = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]  # noqa: D102 (asyncio's protocol interface)
        super().connection_made(transport)
        self._address = self.client[0] if self.client else ""
        self.per_client[self._address] += 1
        self._in_head, self._line_done, self._line, self._fields, self._tail = True, False, 0, 0, b""
        if self.per_client[self._address] > self.client_connections:
            _refuse(transport, b"503 Service Unavailable", b"too many connections from this address")
            return
        self._arm(self.timeout_keep_alive)  # silent from the start: as idle as a kept-alive connection

    def data_received(self, data: bytes) -> None:  # noqa: D102
        if self._in_head and not self._count_head(data):
            return
        super().data_received(data)

    def _count_head(self, data: bytes) -> bool:
        """Count the bytes of the request's head in ``data``; refuse (and return False) past a limit."""
        joined = self._tail + data
        ends = [at + len(end) - len(self._tail) for end in _HEAD_ENDS if (at := joined.find(end)) >= 0]
        head = len(data) if not ends else max(min(ends), 0)
        self._tail = joined[-3:]
        if not self._line_done:
            newline = data.find(b"\n", 0, head)
            self._line += head if newline < 0 else newline
            if newline >= 0:
                self._line_done = True
                self._fields += head - newline
        else:
            self._fields += head
        if self._line > MAX_REQUEST_LINE:
            message = f"request line longer than {MAX_REQUEST_LINE} bytes: send the query with POST"
            _refuse(self.transport, b"414 URI Too Long", message.encode())
            return False
        if self._fields > MAX_HEADER_FIELDS:
            message = f"header fields longer than {MAX_HEADER_FIELDS} bytes"
            _refuse(self.transport, b"431 Request Header Fields Too Large", message.encode())
            return False
        return True

    def on_message_begin(self) -> None:  # noqa: D102 (httptools' parser callbacks)
        super().on_message_begin()
        self._arm(self.request_timeout)

    def on_headers_complete(self) -> None:  # noqa: D102
        self._disarm()
        self._in_head = False
        super().on_headers_complete()

    def on_message_complete(self) -> None:  # noqa: D102
        super().on_message_complete()
        self._in_head, self._line_done, self._line, self._fields, self._tail = True, False, 0, 0, b""

    def connection_lost(self, exc: Exception | None) -> None:  # noqa: D102
        self._disarm()
        self.per_client[self._address] -= 1
        if self.per_client[self._address] <= 0:
            del self.per_client[self._address]
        super().connection_lost(exc)

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


class _Stopped(BaseException):
    """The signal that stopped the server, raised again by Uvicorn after its graceful shutdown."""


def _stopped(signum: int, frame: FrameType | None) -> None:
    raise _Stopped


@dataclass
class Server:
    """A bound listening socket and the Uvicorn server that will serve ``app`` on it."""

    sock: socket.socket
    uvicorn: uvicorn.Server
    app: AsgiEndpoint

    @property
    def address(self) -> tuple[str, int]:
        """The host and port bound (the port chosen when 0 was asked for)."""
        host, port = self.sock.getsockname()[:2]
        return host, port

    def run(self) -> None:
        """Serve until SIGTERM or SIGINT, then answer the requests in flight and return.

        Uvicorn handles the signal gracefully, then raises it again once stopped; that second time it ends `run`.
        """
        previous = {sig: signal.signal(sig, _stopped) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            self.uvicorn.run(sockets=[self.sock])
        except _Stopped:
            pass
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self.close()

    def close(self) -> None:
        """Close the socket and stop the query workers."""
        self.sock.close()
        self.app.service.close()


def make_server(
    endpoint: Endpoint,
    service: QueryService,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    idle_timeout: int = IDLE_TIMEOUT,
    request_timeout: int = REQUEST_TIMEOUT,
    connection_limit: int = CONNECTION_LIMIT,
    client_connections: int = CLIENT_CONNECTIONS,
    grace: float | None = None,
) -> Server:
    """Bind ``host:port`` (0 picks a free port) and prepare the server for ``endpoint``, whose queries ``service`` answers.

    `Server.run` starts it. ``grace`` is how long a stop waits for the requests in flight (default: the query
    time limit and 5 s). Raises OSError when the address cannot be bound.
    """
    _allow_open_files(connection_limit + 64)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    attributes = {"request_timeout": request_timeout, "client_connections": client_connections, "per_client": collections.Counter()}
    protocol = type("Protocol", (_Protocol,), attributes)
    app = AsgiEndpoint(EndpointApp(endpoint), service, body_timeout=request_timeout)
    config = uvicorn.Config(
        app,
        http=protocol,
        loop=_event_loop(),
        lifespan="off",
        backlog=BACKLOG,
        timeout_keep_alive=idle_timeout,
        limit_concurrency=connection_limit,
        timeout_graceful_shutdown=grace if grace is not None else service.timeout + 5,  # type: ignore[arg-type]  # uvicorn waits with asyncio.wait_for: seconds as a float work
        server_header=False,  # the application names itself
        proxy_headers=False,  # a client is its address: X-Forwarded-For would let it pick another, and escape its share
        access_log=False,
        log_config=None,
        log_level="error",  # a malformed request or a client that goes away is answered, not logged
    )
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).setLevel(logging.ERROR)
    return Server(sock, uvicorn.Server(config), app)


def _event_loop() -> str:
    """Uvloop where it is installed (Linux and macOS), asyncio's own loop elsewhere."""
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio"
    return "uvloop"


def _allow_open_files(wanted: int) -> None:
    """Raise the soft limit on open files towards ``wanted`` (within the hard limit): each connection is one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
