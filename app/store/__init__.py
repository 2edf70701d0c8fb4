"""Persistence: SQLModel tables, the engine factory and keyword-only queries."""
