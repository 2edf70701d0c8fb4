"""Fetches a web page or feed over http or https, with a size cap and a time limit."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from app import __version__
from app.domain.errors import ExtractError

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
_USER_AGENT = f"PledgeWatch/{__version__} (+news pledge tracker)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """What a URL answered: the bytes, their content type and the address after redirects."""

    data: bytes
    content_type: str
    url: str


def _http_only_redirects() -> Any:
    """A redirect handler that follows only http and https addresses."""
    import urllib.error
    import urllib.request

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if urlsplit(newurl).scheme not in {"http", "https"}:
                raise urllib.error.URLError(f"redirected to a non-web address: {newurl}")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return HttpOnlyRedirects


def is_web_address(target: str) -> bool:
    """Whether a command-line target is a URL rather than a file path."""
    return urlsplit(target).scheme in {"http", "https"}


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET a URL; raise ExtractError saying why when the page cannot be read."""

    def fail(message: str) -> ExtractError:
        return ExtractError(stage="fetch", source=url, message=message)

    import urllib.error
    import urllib.request

    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise fail("only http and https addresses can be fetched")
    opener = urllib.request.build_opener(_http_only_redirects())
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length is not None and length.isdigit() and int(length) > max_bytes:
                raise fail(f"the page is {int(length):,} bytes; the limit is {max_bytes:,}")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise fail(f"the page is larger than the limit of {max_bytes:,} bytes")
            content_type = response.headers.get_content_type()
            return Fetched(data=data, content_type=content_type, url=response.geturl())
    except urllib.error.HTTPError as exc:
        raise fail(f"the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.timeout | TimeoutError):
            raise fail(f"no answer within {timeout:g} seconds") from None
        raise fail(f"could not connect: {reason}") from None
    except TimeoutError:
        raise fail(f"no answer within {timeout:g} seconds") from None
    except OSError as exc:
        raise fail(f"could not read the page: {exc}") from None
