"""Small factories and probes shared by tests."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlmodel import SQLModel

from claims_app.db import session_scope


def table_counts(engine: Engine) -> dict[str, int]:
    """Row count of every table: compare before and after to prove nothing changed."""
    with session_scope(engine) as session:
        return {
            t.name: session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in SQLModel.metadata.sorted_tables
        }
