"""Alembic migrations of the PledgeWatch schema; run by app.store.schema, never by hand."""
