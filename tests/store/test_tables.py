"""The light Core tables that reads use describe the real tables exactly."""

from __future__ import annotations

from sqlalchemy.sql.expression import TableClause
from sqlmodel import SQLModel

from app.store import (
    models,  # noqa: F401  (registers the tables)
    tables,
)

LIGHT = [value for value in vars(tables).values() if isinstance(value, TableClause)]


def test_every_light_table_of_tables_py_is_checked() -> None:
    names = {light.name for light in LIGHT}
    assert names == {
        "pledge", "article", "pledge_quote", "pledge_report", "pledge_event", "reminder",
        "suggestion", "actor_word",
    }  # fmt: skip


def test_every_light_column_is_a_real_column_of_the_same_kind() -> None:
    for light in LIGHT:
        real = SQLModel.metadata.tables[light.name]
        for column in light.columns:
            assert column.name in real.columns, f"{light.name}.{column.name} is not in models.py"
            real_type = real.columns[column.name].type
            real_type = getattr(real_type, "impl", real_type)  # SQLModel's type decorators
            assert column.type.python_type is real_type.python_type, (light.name, column.name)
