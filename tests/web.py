"""A local web server on 127.0.0.1 for the tests that fetch pages and feeds."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator


@dataclass
class Route:
    """What one path answers."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    drip: float = 0.0  # seconds between bytes: a server that sends the body a byte at a time
    length: int | None = None  # the Content-Length claimed, when it is a lie
    reason: str | None = None  # the reason phrase sent after the status, when not the standard one


@dataclass
class LocalWeb:
    """Routes served on a free port of 127.0.0.1; nothing else is ever contacted."""

    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)  # every path asked for, in order

    def url(self, path: str) -> str:
        """The full address of a path."""
        return f"http://127.0.0.1:{self.port}{path}"

    def add(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        delay: float = 0.0,
        **extra: Any,
    ) -> str:
        """Serve `body` at `path` (headers, drip, length: see Route); returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, status, delay, **extra)
        return self.url(path)

    def redirect(self, path: str, to: str) -> str:
        """Answer `path` with a 302 to another address; returns its URL."""
        return self.add(path, b"", status=302, headers={"Location": to})


@pytest.fixture
def intranet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Feed links and redirects may reach this machine: the test server is on 127.0.0.1."""
    from app.extract.fetch import ALLOW_INTERNAL_ENV

    monkeypatch.setenv(ALLOW_INTERNAL_ENV, "1")


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    """A fresh local web server for one test."""
    site = LocalWeb()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requested.append(self.path)
            route = site.routes.get(self.path.split("?")[0])
            if route is None:
                self.send_error(404, "Not Found")
                return
            time.sleep(route.delay)
            self.send_response(route.status, route.reason)
            self.send_header("Content-Type", route.content_type)
            length = len(route.body) if route.length is None else route.length
            self.send_header("Content-Length", str(length))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not route.drip:
                self.wfile.write(route.body)
                return
            for byte in route.body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(route.drip)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda *_: None  # type: ignore[method-assign]  # clients that hang up
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
