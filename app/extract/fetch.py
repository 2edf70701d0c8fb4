"""Fetches a web page or feed over http or https, with a size cap, one time limit for the whole
fetch, and no way for a third party's address to reach this machine's network."""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from app import __version__
from app.domain.errors import ExtractError

if TYPE_CHECKING:
    import urllib.request

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
_CHUNK = 64 * 1024
_USER_AGENT = f"PledgeWatch/{__version__} (+news pledge tracker)"
# Set to 1 where feeds legitimately link to an intranet (a newsroom's own server).
ALLOW_INTERNAL_ENV = "PLEDGEWATCH_ALLOW_INTERNAL_ADDRESSES"


@dataclass(frozen=True, slots=True)
class Fetched:
    """What a URL answered: the bytes, their content type and the address after redirects."""

    data: bytes
    content_type: str
    url: str


class RefusedAddressError(ExtractError):
    """An address a third party supplied leads where PledgeWatch does not go."""


def is_web_address(target: str) -> bool:
    """Whether a command-line target is a URL rather than a file path."""
    return urlsplit(target).scheme in {"http", "https"}


def looks_like_address(target: str) -> bool:
    """Whether a target is written as an address of any scheme (ftp://, file://…), not a path."""
    scheme = urlsplit(target).scheme
    return "://" in target and len(scheme) > 1


def is_internal(address: str) -> bool:
    """Loopback, private, link-local, reserved and other addresses that are not the internet."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def internal_allowed() -> bool:
    """Whether the analyst has allowed feed links and redirects to reach internal addresses."""
    return os.environ.get(ALLOW_INTERNAL_ENV, "") == "1"


class _Guard:
    """Checks every connection a fetch opens, and cuts it off at the deadline or on cancel.

    The first request may reach an internal address when the user typed it (`trusted`); a
    redirect, or an address a feed supplied, may not, unless the analyst allowed it."""

    def __init__(self, url: str, *, trusted: bool, deadline: float) -> None:
        self.url = url
        self.trusted = trusted
        self.deadline = deadline
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.cancelled = False

    def connect(self, request: urllib.request.Request, address: tuple[str, int],
                timeout: float, source: Any = None) -> socket.socket:  # fmt: skip
        """socket.create_connection, then a check of the address actually reached."""
        remaining = max(0.01, self.deadline - time.monotonic())
        sock = socket.create_connection(address, min(timeout, remaining), source)
        peer = str(sock.getpeername()[0])
        first = not hasattr(request, "redirect_dict")  # urllib marks requests it redirected
        if is_internal(peer) and not (first and self.trusted) and not internal_allowed():
            sock.close()
            how = "a redirect" if not first else "this address"
            raise RefusedAddressError(
                stage="fetch",
                source=self.url,
                message=f"{how} leads to an internal address ({peer}): feed links and redirects "
                f"may reach only the public internet (set {ALLOW_INTERNAL_ENV}=1 to allow)",
            )
        self.sockets.append(sock)
        return sock

    def watch(self, done: threading.Event, cancelled: threading.Event | None) -> None:
        """Cut the connections off once the deadline passes or the fetch is cancelled: a server
        that drips a byte at a time cannot hold the fetch past its limit."""
        while not done.wait(0.05):
            if cancelled is not None and cancelled.is_set():
                self.cancelled = True
            elif time.monotonic() >= self.deadline:
                self.expired = True
            else:
                continue
            for sock in self.sockets:
                with contextlib.suppress(OSError):  # already closed
                    sock.shutdown(socket.SHUT_RDWR)
            return


def _opener(guard: _Guard) -> urllib.request.OpenerDirector:
    """An opener whose connections go through the guard and whose redirects stay on the web."""
    import urllib.error
    import urllib.request

    def guarded(base: type[http.client.HTTPConnection], request: Any) -> Any:
        def make(host: str, **kwargs: Any) -> http.client.HTTPConnection:
            connection = base(host, **kwargs)
            connection._create_connection = (  # type: ignore[attr-defined]
                lambda address, timeout, source=None: guard.connect(
                    request, address, timeout, source
                )
            )
            return connection

        return make

    class HttpHandler(urllib.request.HTTPHandler):
        def http_open(self, req: Any) -> Any:
            return self.do_open(guarded(http.client.HTTPConnection, req), req)

    class HttpsHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: Any) -> Any:
            return self.do_open(
                guarded(http.client.HTTPSConnection, req),
                req,
                context=self._context,  # type: ignore[attr-defined]
            )

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if urlsplit(newurl).scheme not in {"http", "https"}:
                raise urllib.error.URLError(f"redirected to a non-web address: {newurl}")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(HttpHandler, HttpsHandler, HttpOnlyRedirects)


def fetch(
    url: str,
    *,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT_SECONDS,
    trusted: bool = True,
    cancelled: threading.Event | None = None,
) -> Fetched:
    """GET a URL within `timeout` seconds in all; raise ExtractError saying why when the page
    cannot be read whole. `trusted` is False for an address a third party supplied (a feed's
    link): it must then lead to a public address."""

    def fail(message: str) -> ExtractError:
        return ExtractError(stage="fetch", source=url, message=message)

    import urllib.error
    import urllib.request

    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise RefusedAddressError(
            stage="fetch", source=url, message="only http and https addresses can be fetched"
        )
    guard = _Guard(url, trusted=trusted, deadline=time.monotonic() + timeout)
    done = threading.Event()
    threading.Thread(target=guard.watch, args=(done, cancelled), daemon=True).start()
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with _opener(guard).open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            expected = int(length) if length is not None and length.isdigit() else None
            if expected is not None and expected > max_bytes:
                raise fail(f"the page is {expected:,} bytes; the limit is {max_bytes:,}")
            data = _read(response, max_bytes)
            if len(data) > max_bytes:
                raise fail(f"the page is larger than the limit of {max_bytes:,} bytes")
            if guard.cancelled:
                raise fail("cancelled")
            if guard.expired:
                raise fail(f"no complete answer within {timeout:g} seconds")
            if expected is not None and len(data) < expected:
                raise fail(f"the page was cut short: {len(data):,} of {expected:,} bytes arrived")
            content_type = response.headers.get_content_type()
            return Fetched(data=data, content_type=content_type, url=response.geturl())
    except ExtractError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()  # the error holds the connection open: let it go now, not at GC
        raise fail(f"the server answered HTTP {exc.code} {exc.reason}") from None
    except http.client.IncompleteRead as exc:
        raise fail(f"the page was cut short after {len(exc.partial):,} bytes") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, ExtractError):
            raise reason from None
        if guard.cancelled:
            raise fail("cancelled") from None
        if guard.expired or isinstance(reason, socket.timeout | TimeoutError):
            raise fail(f"no complete answer within {timeout:g} seconds") from None
        raise fail(f"could not read the page: {reason}") from None
    finally:
        done.set()


def _read(response: Any, max_bytes: int) -> bytes:
    """Read the body in chunks up to one byte past the cap (the watchdog may cut it off)."""
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = response.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)
