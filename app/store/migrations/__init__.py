"""Alembic migrations of the PledgeWatch schema; run by app.store.migrate, never by hand."""
