"""queue: every place named once, for the place filter; an index for "latest event first"

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 10:00:00

- "Place contains X" is ILIKE '%X%', which no b-tree serves, and when few
  claims match, the queue found that out by reading a page's worth of the sort
  order or more (140 ms at 100,000 claims on SQLite, 60 ms at a million on
  PostgreSQL for a place no claim has). Places repeat: a few thousand names
  across a million claims. `place_names` holds each once, filled by triggers
  on claims (a name never leaves it: a stale one only matches no claim), so
  the queue first finds the names holding X among those few rows, then reads
  their claims as `location IN (names)` through ix_claims_location, a filter
  the planner can weigh (services/queue.py).
- PostgreSQL: "latest event first" sorts undated claims last (DESC NULLS
  LAST), which a plain ascending index read backwards does not give (NULLS
  FIRST): this index gives that order as stored. SQLite needs none: NULL sorts
  lowest there, so ix_claims_event_date_start read backwards is that order,
  and the index would not even be accepted there; the schema test ignores it
  by name (SEARCH_OBJECTS in tests/test_packaging.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FILL = "SELECT DISTINCT location FROM claims WHERE location IS NOT NULL"

# PostgreSQL: a statement-level trigger sees all of an INSERT's rows at once
# (ingest inserts a page's claims in one statement); a correction of one
# claim's place fires the row-level one.
_PG_FUNCTIONS = """
CREATE FUNCTION place_names_from_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO place_names (name)
    SELECT DISTINCT location FROM inserted WHERE location IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE FUNCTION place_name_from_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.location IS NOT NULL THEN
        INSERT INTO place_names (name) VALUES (NEW.location) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER claims_place_insert AFTER INSERT ON claims
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
    EXECUTE FUNCTION place_names_from_inserted();
CREATE TRIGGER claims_place_update AFTER UPDATE OF location ON claims
    FOR EACH ROW EXECUTE FUNCTION place_name_from_row();
"""


def upgrade() -> None:
    op.create_table("place_names", sa.Column("name", sa.Text(), primary_key=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_claims_event_order ON claims "
            "(event_date_start DESC NULLS LAST, id DESC)"
        )
        op.execute(_PG_FUNCTIONS)
        op.execute(f"INSERT INTO place_names (name) {_FILL}")
        return
    # A name already there is ignored.
    for name, event in (("insert", "INSERT"), ("update", "UPDATE OF location")):
        op.execute(
            f"CREATE TRIGGER claims_place_{name} AFTER {event} ON claims "
            "WHEN new.location IS NOT NULL BEGIN "
            "INSERT OR IGNORE INTO place_names(name) VALUES (new.location); END"
        )
    op.execute(f"INSERT INTO place_names (name) {_FILL}")


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    on_claims = " ON claims" if postgresql else ""  # PostgreSQL names a trigger's table
    for name in ("insert", "update"):
        op.execute(f"DROP TRIGGER claims_place_{name}{on_claims}")
    if postgresql:
        op.execute("DROP FUNCTION place_names_from_inserted()")
        op.execute("DROP FUNCTION place_name_from_row()")
        op.execute("DROP INDEX ix_claims_event_order")
    op.drop_table("place_names")
