"""Helpers for tests that start `careers serve`, an Oxigraph server or a canary on 127.0.0.1."""

from __future__ import annotations

import contextlib
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def careers_serve(data: str, *args: str, deadline: float = 60.0):
    """Start `careers serve` on the built N-Triples ``data`` on a free port; yield its base URL; stop it afterwards.

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
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    try:
        try:
            line = lines.get(timeout=deadline)
        except queue.Empty:
            raise AssertionError(f"careers serve did not say where it listens within {deadline} s") from None
        match = re.search(r"at (http://[\d.]+:\d+)/sparql", line)
        assert match, f"careers serve did not start: {line}"
        yield match.group(1)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@contextlib.contextmanager
def oxigraph_server(location: Path):
    """Start the `oxigraph` server (PyPI package `oxigraph`) on a free port; yield its base URL."""
    port = free_port()
    binary = Path(sys.executable).parent / "oxigraph"
    process = subprocess.Popen(
        [str(binary), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the oxigraph server did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


class Canary:
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

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
