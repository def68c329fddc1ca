r"""The endpoint as an ASGI application: the event loop reads requests, looks answers up and waits; workers do the rest.

On the event loop: reading each request within its limits, the route (`graph.sparql.app.EndpointApp.route`),
the digest of a query request and its lookup in the answer cache (answers and the refusals a request
would meet again), and sending. Files are read on a thread; queries are read, guarded, negotiated and
run by a query worker (`graph.sparql.service.QueryService`). While a request waits for its answer, its
connection is watched: a client that goes away has its request withdrawn (`graph.sparql.scheduling.Abandoned`).

A client the service throttles (one that keeps sending slow queries, `graph.sparql.service`) gets its
refusal after the ``Retry-After`` delay rather than at once: a held connection costs nothing, and a
client that retries at once without reading ``Retry-After`` cannot make its refusals a load.

A body must arrive within ``body_timeout`` seconds (408) and be at most `graph.sparql.app.MAX_REQUEST_BYTES`
long (413), and all the bodies being received at once may hold at most ``body_budget`` bytes (503 beyond);
each refusal closes the connection, so an unread body is never read as the next request.

Examples
--------
>>> import asyncio
>>> from graph.sparql.app import Endpoint, EndpointApp
>>> from graph.sparql.service import QueryService
>>> from graph.sparql.workers import WorkerFactory, WorkerSpec
>>> service = QueryService(WorkerFactory(WorkerSpec(b'<http://e/a> <http://e/p> "x" .\n')), size=2)
>>> asgi = AsgiEndpoint(EndpointApp(Endpoint(triples=1)), service)
>>> sent, messages = [], [{"type": "http.request", "body": b"", "more_body": False}]
>>> async def receive():  # the request, then nothing until the answer is sent
...     return messages.pop() if messages else await asyncio.Event().wait()
>>> async def send(message):
...     sent.append(message)
>>> scope = {"type": "http", "method": "GET", "path": "/sparql", "query_string": b"query=ASK%7B%7D", "headers": []}
>>> asyncio.run(asgi(scope, receive, send))
>>> sent[0]["status"], sent[1]["body"]
(200, b'{"head": {}, "boolean": true}')
>>> service.close()
"""

from __future__ import annotations

import asyncio
import collections
from http import HTTPStatus
from typing import Any

from graph.sparql.app import MAX_REQUEST_BYTES, EndpointApp, FileRead, Request, Response, request_key
from graph.sparql.engine import Answer
from graph.sparql.scheduling import Abandoned, Departure, Receive, Send
from graph.sparql.service import QueryService
from graph.sparql.workers import Overloaded

__all__ = ["BODY_BUDGET", "AsgiEndpoint"]

BODY_BUDGET = 64 * 1024 * 1024
"""Bytes of request bodies the server holds at once while they arrive (503 beyond)."""
TARPIT = 64
"""Most refusals held back at once for one throttled client (beyond, they are sent at once)."""


class _Unreadable(Exception):
    def __init__(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.headers = status, headers or {}


class AsgiEndpoint:
    """The ASGI application of ``app``, whose query jobs ``service`` answers."""

    def __init__(self, app: EndpointApp, service: QueryService, *, body_timeout: float = 10.0, body_budget: int = BODY_BUDGET) -> None:
        self.app, self.service = app, service
        self.body_timeout, self.body_budget = body_timeout, body_budget
        self._receiving = 0
        self._tarpitted: collections.Counter[str] = collections.Counter()

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        """Answer one HTTP request (other ASGI scopes, such as lifespan, are not used)."""
        if scope["type"] != "http":
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}
        client = (scope.get("client") or ("",))[0]
        try:
            body = await self._body(headers, receive)
        except _Unreadable as exc:
            response = Response.text(exc.status, str(exc), {"Connection": "close", **exc.headers})
            return await self._send(send, scope, response, Request(scope["method"], scope["path"], b"", headers, client=client))
        request = Request(scope["method"].upper(), scope["path"] or "/", scope.get("query_string", b""), headers, body, client)
        answered = await self._respond(request, receive)
        if answered is not None:  # None: the client has gone
            await self._send(send, scope, answered, request)

    async def _respond(self, request: Request, receive: Receive) -> Response | None:
        routed = self.app.route(request)
        if isinstance(routed, Response):
            return routed
        if isinstance(routed, FileRead):
            return await asyncio.get_running_loop().run_in_executor(None, routed.read)
        key = request_key(request)
        cached = self.app.cache.get(key)
        if cached is not None:
            return cached
        departure = Departure(receive)
        outcome: Answer | Exception
        try:
            outcome = await self.service.answer(routed, request.client, departure)
        except Abandoned:
            return None
        except Exception as exc:  # the job's refusal: turned into its status
            outcome = exc
        finally:
            departure.close()
        if isinstance(outcome, Overloaded) and outcome.throttle:
            await self._tarpit(request.client, outcome.retry_after)
        response, remembered = self.app.response(outcome)
        if remembered:
            self.app.cache.put(key, response, size=len(response.body) + len(response.media))
        return response

    async def _tarpit(self, client: str, seconds: float) -> None:
        """Hold a throttled client's refusal for ``seconds`` (at most `TARPIT` at once per client): its retries cost no work."""
        if self._tarpitted[client] >= TARPIT:
            return
        self._tarpitted[client] += 1
        try:
            await asyncio.sleep(seconds)
        finally:
            self._tarpitted[client] -= 1
            if self._tarpitted[client] <= 0:
                del self._tarpitted[client]

    async def _body(self, headers: dict[str, str], receive: Receive) -> bytes:
        declared = headers.get("content-length")
        if declared in (None, "0") and "transfer-encoding" not in headers:
            return b""  # no body announced (a GET): nothing to wait for
        if declared is not None and declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
            raise _Unreadable(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request larger than {MAX_REQUEST_BYTES} bytes")
        chunks, size, more = [], 0, True
        deadline = asyncio.get_running_loop().time() + self.body_timeout
        try:
            while more:
                remaining = deadline - asyncio.get_running_loop().time()
                try:
                    message = await asyncio.wait_for(receive(), timeout=max(remaining, 0))
                except TimeoutError:
                    late = f"the request body did not arrive within {self.body_timeout:g} s"
                    raise _Unreadable(HTTPStatus.REQUEST_TIMEOUT, late) from None
                if message["type"] == "http.disconnect":
                    raise _Unreadable(HTTPStatus.BAD_REQUEST, "the client went away")
                chunk = message.get("body", b"")
                size += len(chunk)
                self._receiving += len(chunk)
                if size > MAX_REQUEST_BYTES:
                    raise _Unreadable(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request larger than {MAX_REQUEST_BYTES} bytes")
                if self._receiving > self.body_budget:
                    busy = "the server is receiving too many requests at once"
                    raise _Unreadable(HTTPStatus.SERVICE_UNAVAILABLE, busy, {"Retry-After": "1"})
                chunks.append(chunk)
                more = message.get("more_body", False)
        finally:
            self._receiving -= size
        return b"".join(chunks)

    async def _send(self, send: Send, scope: dict[str, Any], response: Response, request: Request) -> None:
        headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in self.app.headers(request, response)]
        await send({"type": "http.response.start", "status": response.status.value, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else response.body})
