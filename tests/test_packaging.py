"""What a built wheel carries, and that models and migrations agree."""

import zipfile

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from tests.conftest import REPO


def test_wheel_ships_templates_migrations_and_static(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    (wheel,) = WheelBuilder(str(REPO)).build(directory=str(tmp_path), versions=["standard"])
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "claims_app/templates/base.html" in names
    assert "claims_app/templates/documents/index.html" in names
    assert "claims_app/migrations/env.py" in names
    assert any(n.startswith("claims_app/migrations/versions/0001") for n in names)
    assert "claims_app/static/htmx.min.js" in names


# Search indexes live outside the models (see migrations 0003 to 0005).
SEARCH_OBJECTS = (
    "claims_fts",
    "ix_claims_search",
    "search_vector",
    "ix_claims_location_trgm",
    "ix_claims_event_order",
)


def _not_search(name, type_, parent_names) -> bool:
    return not (name or "").startswith(SEARCH_OBJECTS)


def test_migrations_build_exactly_the_models_schema(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_search})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []
