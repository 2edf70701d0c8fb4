"""Database addresses as people may see them: the password is never shown."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError


def shown_url(target: URL | str) -> str:
    """A database URL or path with its password masked ('***'); a path is shown as it is."""
    if isinstance(target, URL):
        return target.render_as_string(hide_password=True)
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except ArgumentError:
        return target.split("://", 1)[0] + "://…"  # unparsable: show no credentials at all
