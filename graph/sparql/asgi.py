r"""The endpoint as an ASGI application: reads each request within its limits, answers from the event loop when it can.

A cached answer, a refusal, a page or a file is given at once, on the event loop. A request that needs
a query worker waits in one first-come, first-served queue for one of as many threads as there are
workers; one that has waited longer than ``queue_wait`` seconds gets 503 with ``Retry-After``
instead. Everything else holds nothing but its connection. A body must arrive within
``body_timeout`` seconds (408) and be at most `graph.sparql.app.MAX_REQUEST_BYTES` long (413); both
close the connection, so an unread body is never read as the next request.

Examples
--------
>>> import asyncio
>>> from graph.sparql.app import Endpoint, EndpointApp
>>> from graph.sparql.workers import WorkerPool
>>> asgi = AsgiEndpoint(EndpointApp(Endpoint(WorkerPool(b'<http://e/a> <http://e/p> "x" .\n', size=1), triples=1)))
>>> sent = []
>>> async def receive():
...     return {"type": "http.request", "body": b"", "more_body": False}
>>> async def send(message):
...     sent.append(message)
>>> scope = {"type": "http", "method": "GET", "path": "/sparql", "query_string": b"query=ASK%7B%7D", "headers": []}
>>> asyncio.run(asgi(scope, receive, send))
>>> sent[0]["status"], sent[1]["body"]
(200, b'{"head": {}, "boolean": true}')
>>> asgi.close(); asgi.app.endpoint.pool.close()
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from urllib.parse import parse_qs

from graph.sparql.app import MAX_REQUEST_BYTES, EndpointApp, NeedsWorker, Request, Response

__all__ = ["AsgiEndpoint"]


class _Unreadable(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class AsgiEndpoint:
    """The ASGI application of ``app``; as many threads as ``app``'s query workers answer the requests that need one."""

    def __init__(self, app: EndpointApp, *, body_timeout: float = 10.0, queue_wait: float = 5.0) -> None:
        self.app = app
        self.body_timeout, self.queue_wait = body_timeout, queue_wait
        self._threads = ThreadPoolExecutor(max_workers=app.endpoint.pool.size, thread_name_prefix="answer")

    async def __call__(self, scope: dict, receive, send) -> None:
        """Answer one HTTP request (other ASGI scopes, such as lifespan, are not used)."""
        if scope["type"] != "http":
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}
        try:
            body = await self._body(headers, receive)
        except _Unreadable as exc:
            response = Response.text(exc.status, str(exc), {"Connection": "close"})
            return await self._send(send, scope, response, Request(scope["method"], scope["path"], {}, headers))
        params = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        request = Request(scope["method"].upper(), scope["path"] or "/", params, headers, body)
        try:
            response = self.app.respond(request, without_worker=True)
        except NeedsWorker:
            response = await asyncio.get_running_loop().run_in_executor(self._threads, self._respond_in_turn, request, time.monotonic())
        await self._send(send, scope, response, request)

    def _respond_in_turn(self, request: Request, queued: float) -> Response:
        """Answer ``request`` on an answer thread, unless it waited too long for its turn (503: try again later)."""
        waited = time.monotonic() - queued
        if waited > self.queue_wait:
            message = f"the server is busy: this request waited {waited:.1f} s for a query worker; try again later"
            return Response.text(HTTPStatus.SERVICE_UNAVAILABLE, message, {"Retry-After": "1"})
        return self.app.respond(request)

    async def _body(self, headers: dict[str, str], receive) -> bytes:
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
            raise _Unreadable(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request larger than {MAX_REQUEST_BYTES} bytes")
        chunks, size, more = [], 0, True
        deadline = asyncio.get_running_loop().time() + self.body_timeout
        while more:
            remaining = deadline - asyncio.get_running_loop().time()
            try:
                message = await asyncio.wait_for(receive(), timeout=max(remaining, 0))
            except TimeoutError:
                raise _Unreadable(HTTPStatus.REQUEST_TIMEOUT, f"the request body did not arrive within {self.body_timeout:g} s") from None
            if message["type"] == "http.disconnect":
                raise _Unreadable(HTTPStatus.BAD_REQUEST, "the client went away")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_REQUEST_BYTES:
                raise _Unreadable(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request larger than {MAX_REQUEST_BYTES} bytes")
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)

    async def _send(self, send, scope: dict, response: Response, request: Request) -> None:
        headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in self.app.headers(request, response)]
        await send({"type": "http.response.start", "status": response.status.value, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else response.body})

    def close(self) -> None:
        """Let the answer threads finish and stop."""
        self._threads.shutdown(wait=True, cancel_futures=True)
