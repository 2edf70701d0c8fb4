"""Fetching: one time limit for the whole fetch, pages cut short refused, third parties kept off
this machine's network, other schemes never read as paths."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

import pytest

from app.domain.errors import ExtractError
from app.extract.fetch import ALLOW_INTERNAL_ENV, RefusedAddressError, fetch, is_internal
from app.extract.readers import read_source

if TYPE_CHECKING:
    from tests.web import LocalWeb


def test_a_server_dripping_bytes_cannot_hold_the_fetch_past_its_limit(web: LocalWeb) -> None:
    slow = web.add("/drip", b"x" * 200, "text/plain", drip=0.1)  # 20 s of bytes, each in time
    started = time.monotonic()
    with pytest.raises(ExtractError, match=r"no complete answer within 1 seconds"):
        fetch(slow, timeout=1.0)
    assert time.monotonic() - started < 3.0


def test_cancel_stops_a_fetch_at_once(web: LocalWeb) -> None:
    slow = web.add("/drip", b"x" * 200, "text/plain", drip=0.1)
    cancelled = threading.Event()
    threading.Timer(0.3, cancelled.set).start()
    started = time.monotonic()
    with pytest.raises(ExtractError, match="cancelled"):
        fetch(slow, cancelled=cancelled)
    assert time.monotonic() - started < 2.0


def test_a_page_shorter_than_its_content_length_is_refused(web: LocalWeb) -> None:
    cut = web.add("/cut.html", b"<html><body><p>The minister will", length=5000)
    with pytest.raises(ExtractError, match="cut short: 32 of 5,000 bytes"):
        fetch(cut)


def test_a_redirect_to_this_machine_is_refused(web: LocalWeb) -> None:
    target = web.add("/inside.txt", "The ministry will publish the report.", "text/plain")
    hop = web.redirect("/hop", target)
    with pytest.raises(RefusedAddressError, match=r"a redirect leads to an internal address"):
        fetch(hop)
    assert fetch(target).data.startswith(b"The ministry")  # typed by the user: allowed


def test_an_address_a_third_party_supplied_may_not_reach_this_machine(
    web: LocalWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = web.add("/inside.txt", "The ministry will publish the report.", "text/plain")
    with pytest.raises(RefusedAddressError, match=r"internal address \(127\.0\.0\.1\)"):
        fetch(page, trusted=False)
    monkeypatch.setenv(ALLOW_INTERNAL_ENV, "1")  # an intranet newsroom, allowed by the analyst
    assert fetch(page, trusted=False).data.startswith(b"The ministry")


@pytest.mark.parametrize(
    ("address", "internal"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("10.1.2.3", True),
        ("172.16.0.9", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("fe80::1", True),
        ("::ffff:127.0.0.1", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("93.184.216.34", False),
        ("2606:2800:220:1:248:1893:25c8:1946", False),
    ],
)
def test_which_addresses_are_internal(address: str, internal: bool) -> None:
    assert is_internal(address) is internal


@pytest.mark.parametrize("address", ["ftp://127.0.0.1/article.txt", "file:///etc/hostname"])
def test_other_schemes_are_refused_and_never_read_as_paths(address: str) -> None:
    with pytest.raises(ExtractError, match="only http and https addresses can be fetched"):
        read_source(address)
