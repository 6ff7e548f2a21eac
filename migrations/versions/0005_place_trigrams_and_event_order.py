"""queue: a trigram index for places on SQLite, and an index for "latest event first"

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 10:00:00

- SQLite: "place contains X" is LIKE '%X%', which no b-tree serves; when few
  claims match, the queue found that out by reading all of them (140 ms at
  100,000). Places repeat (a few thousand names across a million claims), so
  the names are kept once each in `place_names`, filled by triggers on claims
  (a name never leaves it: a stale one only matches no claim), with an FTS5
  trigram index over it that finds the names holding any substring of three
  characters or more; the queue then reads those names' claims through
  ix_claims_location and keeps the LIKE as the exact test. A trigram index
  over every claim's place instead cost a sixth of ingest time.
- PostgreSQL: "latest event first" sorts undated claims last (DESC NULLS
  LAST), which a plain ascending index read backwards does not give (NULLS
  FIRST): this index gives that order as stored. SQLite needs none: NULL sorts
  lowest there, so ix_claims_event_date_start read backwards is that order.
Neither object is in the models (one per dialect), so the schema test ignores
them by name (SEARCH_OBJECTS in tests/test_packaging.py).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_claims_event_order ON claims "
            "(event_date_start DESC NULLS LAST, id DESC)"
        )
        return
    op.execute("CREATE TABLE place_names (name TEXT PRIMARY KEY)")
    op.execute(
        "CREATE VIRTUAL TABLE place_names_fts USING fts5(name, content='place_names', "
        "tokenize='trigram')"
    )
    # A name already there is ignored, and then fires no trigger of its own.
    op.execute(
        "CREATE TRIGGER place_names_insert AFTER INSERT ON place_names BEGIN "
        "INSERT INTO place_names_fts(rowid, name) VALUES (new.rowid, new.name); END"
    )
    for name, event in (("insert", "INSERT"), ("update", "UPDATE OF location")):
        op.execute(
            f"CREATE TRIGGER claims_place_{name} AFTER {event} ON claims "
            "WHEN new.location IS NOT NULL BEGIN "
            "INSERT OR IGNORE INTO place_names(name) VALUES (new.location); END"
        )
    op.execute(
        "INSERT OR IGNORE INTO place_names(name) "
        "SELECT DISTINCT location FROM claims WHERE location IS NOT NULL"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_claims_event_order")
        return
    for trigger in ("claims_place_insert", "claims_place_update", "place_names_insert"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE place_names_fts")
    op.execute("DROP TABLE place_names")
