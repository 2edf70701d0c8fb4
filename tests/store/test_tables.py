"""The light Core tables that reads use describe the real tables exactly."""

from __future__ import annotations

from sqlmodel import SQLModel

from app.store import models  # noqa: F401  (registers the tables)
from app.store.tables import article, pledge, pledge_event, pledge_quote


def test_every_light_column_is_a_real_column_of_the_same_kind() -> None:
    for light in (pledge, article, pledge_quote, pledge_event):
        real = SQLModel.metadata.tables[light.name]
        for column in light.columns:
            assert column.name in real.columns, f"{light.name}.{column.name} is not in models.py"
            real_type = real.columns[column.name].type
            real_type = getattr(real_type, "impl", real_type)  # SQLModel's type decorators
            assert column.type.python_type is real_type.python_type, (light.name, column.name)
