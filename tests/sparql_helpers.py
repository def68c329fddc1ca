"""Helpers for tests that start `careers serve`, an Oxigraph server or a canary on 127.0.0.1."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A port free now, for a server that cannot bind port 0 itself and say which it got (Virtuoso's ini file)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def refusing_port():
    """A port held bound but not listening while the block runs: a connection to it is refused, and nothing else can
    take it meanwhile."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def wait_for(condition, message: str, seconds: float = 120) -> None:
    """Wait until ``condition()`` holds (an event, not a time, orders what a test does next); fail with ``message``."""
    until = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < until, message
        time.sleep(0.05)


def stop(process: subprocess.Popen, grace: float = 30.0) -> None:
    """SIGTERM, then SIGKILL if ``process`` has not exited within ``grace`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()


@dataclasses.dataclass
class Served:
    """A running `careers serve`: its base URL, its process, and what it has written to stderr so far."""

    url: str
    process: subprocess.Popen
    log: list[str]

    def cpu_seconds(self) -> float:
        """CPU time (user and system) the server process itself has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def threads(self) -> int:
        """How many threads the server process has now."""
        return len(os.listdir(f"/proc/{self.process.pid}/task"))

    def workers(self) -> set[int]:
        """The process ids of the query workers now (the children of the server's forkserver)."""
        import psutil

        server = psutil.Process(self.process.pid)
        return {grandchild.pid for child in server.children() for grandchild in child.children()}

    def rss(self, *, workers: bool = True) -> int:
        """Resident memory in bytes of the server process, and with ``workers`` of every process it started."""
        import psutil

        server = psutil.Process(self.process.pid)
        processes = [server, *server.children(recursive=True)] if workers else [server]
        total = 0
        for process in processes:
            with contextlib.suppress(psutil.Error):
                total += process.memory_info().rss
        return total

    def connections(self) -> int:
        """How many TCP connections the server process holds open now (accepted ones included)."""
        import psutil

        return sum(c.status == psutil.CONN_ESTABLISHED for c in psutil.Process(self.process.pid).net_connections("tcp"))

    def slow_workers(self) -> int:
        """How many query workers run a query past its first budget now (they run it at a lower priority, niceness 10)."""
        import psutil

        niced = 0
        for pid in self.workers():
            with contextlib.suppress(psutil.Error):
                niced += psutil.Process(pid).nice() > 0
        return niced

    def worker_cpu_seconds(self) -> float:
        """CPU time the query workers have used: those alive now, and those already ended (replaced after a time limit).

        Never goes down, so that a wait for a query's CPU holds even when its worker is killed between two looks.
        """
        import psutil

        total = 0.0
        for pid in self.workers():
            with contextlib.suppress(psutil.Error):
                times = psutil.Process(pid).cpu_times()
                total += times.user + times.system
        with contextlib.suppress(psutil.Error):
            for forkserver in psutil.Process(self.process.pid).children():  # the ended workers' CPU, once it reaped them
                times = forkserver.cpu_times()
                total += times.children_user + times.children_system
        return total


@contextlib.contextmanager
def serve_process(data: str, *args: str, deadline: float = 60.0):
    """Start `careers serve` on the built N-Triples ``data`` on a free port; yield a `Served`; stop it (SIGTERM) afterwards.

    Waits for the line that says where it listens, for ``deadline`` seconds at most.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--port", "0", "--data", data, *args],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    log: list[str] = []

    def read() -> None:
        for line in process.stderr:
            log.append(line)
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        try:
            line = lines.get(timeout=deadline)
        except queue.Empty:
            raise AssertionError(f"careers serve did not say where it listens within {deadline} s") from None
        match = re.search(r"at (http://[\d.]+:\d+)/sparql", line)
        assert match, f"careers serve did not start: {line}"
        yield Served(match.group(1), process, log)
    finally:
        stop(process)
        reader.join(10)  # everything the server wrote is in the log once it has exited


@contextlib.contextmanager
def careers_serve(data: str, *args: str, deadline: float = 60.0):
    """`serve_process`, yielding only the base URL."""
    with serve_process(data, *args, deadline=deadline) as served:
        yield served.url


@contextlib.contextmanager
def oxigraph_server(location: Path):
    """Start the `oxigraph` server (PyPI package `oxigraph`) on a port it binds itself (port 0); yield its base URL.

    The server says only ":0", so the port is read back from the socket it listens on (no port picked as free
    beforehand, which another test could take first).
    """
    import psutil

    binary = Path(sys.executable).parent / "oxigraph"
    process = subprocess.Popen(
        [str(binary), "serve", "--location", str(location), "--bind", "127.0.0.1:0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def listening() -> list[int]:
            assert process.poll() is None, "the oxigraph server exited"
            return [c.laddr.port for c in psutil.Process(process.pid).net_connections("tcp") if c.status == psutil.CONN_LISTEN]

        wait_for(listening, "the oxigraph server did not start", seconds=20)
        (port,) = listening()
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


class _LocalServer:
    """An HTTP server on 127.0.0.1, on a free port, in a thread, answering with ``handler`` (quietly)."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        handler.log_message = lambda *args: None
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Canary(_LocalServer):
    """An HTTP server on 127.0.0.1 that records every request it receives."""

    def __init__(self) -> None:
        requests = self.requests = []

        class Handler(BaseHTTPRequestHandler):
            def _record(self):
                requests.append((self.command, self.path))
                self.send_response(200)
                self.send_header("Content-Type", "text/turtle")
                self.end_headers()
                self.wfile.write(b"<http://canary/s> <http://canary/p> <http://canary/o> .\n")

            do_GET = do_POST = do_HEAD = _record

        super().__init__(Handler)


VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
VIRTUOSO_DB = "/var/lib/virtuoso-opensource-7/db/"


@dataclasses.dataclass
class Virtuoso:
    """A running Virtuoso Open Source: its HTTP base URL and the user allowed to write through Digest authentication."""

    url: str
    user: str
    password: str

    def count(self, graph: str) -> int:
        """How many triples ``graph`` holds, asked through Virtuoso's own SPARQL endpoint."""
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        request = urllib.request.Request(
            f"{self.url}/sparql?{urllib.parse.urlencode({'query': query})}",
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"])


def _answers(url: str, process: subprocess.Popen, deadline: float) -> bool:
    """Wait until the store at ``url`` answers (True), its process ends (False), or ``deadline`` seconds pass (an error)."""
    until = time.monotonic() + deadline
    while process.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=2):
                return True
        except (OSError, urllib.error.URLError):
            if time.monotonic() > until:
                stop(process)
                raise AssertionError(f"Virtuoso did not answer within {deadline} s") from None
            time.sleep(0.2)
    return False


@contextlib.contextmanager
def virtuoso_server(directory: Path, *, user: str = "publisher", password: str = "Pa55-w0rd-x", deadline: float = 60.0):
    """Start Debian's Virtuoso Open Source (``virtuoso-opensource``) with its database in ``directory``; yield a `Virtuoso`.

    Runs a copy of the packaged ``virtuoso.ini`` whose database files and both ports (SQL and HTTP)
    point into ``directory`` and free ports, then creates ``user`` with the right to update through
    SPARQL, which is what ``/sparql-graph-crud-auth`` (Digest authentication) checks.
    """
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not (binary and isql and VIRTUOSO_INI.is_file()):
        raise AssertionError("Virtuoso is not installed: `make test` installs Debian's virtuoso-opensource")
    for attempt in range(3):  # a port picked as free may be taken by another test before Virtuoso binds it: try others
        sql_port, http_port = free_port(), free_port()
        work = directory / f"attempt-{attempt}"  # a fresh database each time: a failed start may leave a lock behind
        work.mkdir()
        ini = VIRTUOSO_INI.read_text().replace(VIRTUOSO_DB, f"{work}/")
        ini = re.sub(r"(?m)^(ServerPort\s*=\s*)1111$", rf"\g<1>{sql_port}", ini)
        ini = re.sub(r"(?m)^(ServerPort\s*=\s*)8890$", rf"\g<1>{http_port}", ini)
        (work / "virtuoso.ini").write_text(ini)
        process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(work / "virtuoso.ini")],
            cwd=work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{http_port}"
        if _answers(url, process, deadline) or attempt == 2:
            break
        stop(process)
    try:
        if process.poll() is not None:
            log = work / "virtuoso.log"
            raise AssertionError(f"Virtuoso did not start: {log.read_text()[-2000:] if log.exists() else ''}")
        statements = f"DB.DBA.USER_CREATE('{user}', '{password}'); GRANT SPARQL_UPDATE TO \"{user}\";"
        subprocess.run([isql, str(sql_port), "dba", "dba", f"exec={statements}"], check=True, capture_output=True, timeout=60)
        yield Virtuoso(url, user, password)
    finally:
        stop(process)


class GuardedStore(_LocalServer):
    """A Graph Store on 127.0.0.1 that takes writes only with one ``Authorization`` header (Basic or bearer).

    Anything else gets a 401 with the challenge for ``scheme``; each request is recorded as
    (method, Authorization header or None, body length).
    """

    def __init__(self, scheme: str, authorization: str) -> None:
        requests = self.requests = []

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                given = self.headers.get("Authorization")
                requests.append((self.command, given, len(body)))
                status = (201 if self.command == "PUT" else 204) if given == authorization else 401
                self.send_response(status)
                if status == 401:
                    self.send_header("WWW-Authenticate", f'{scheme} realm="store"')
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = _answer

        super().__init__(Handler)
        self.url += "/store"


def leave_early(url: str, query: str) -> None:
    """Two clients that go away: one after sending ``query`` whole, one in the middle of its request line."""
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        sock.sendall(f"GET /sparql?query={urllib.parse.quote(query)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        sock.sendall(b"GET /sparql?query=ASK")  # half a request line


def no_traceback(served) -> None:
    """The server logged no traceback and no error."""
    assert not [line for line in served.log if "Traceback" in line or "Error" in line], served.log
