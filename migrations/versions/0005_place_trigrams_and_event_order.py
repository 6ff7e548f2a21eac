"""queue: a trigram index for places on SQLite, and an index for "latest event first"

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 10:00:00

- SQLite: "place contains X" is LIKE '%X%', which no b-tree serves; when few
  claims match, the queue found that out by reading all of them (140 ms at
  100,000). An FTS5 table with the trigram tokenizer over `claims.location`
  (kept in step by triggers, like claims_fts) finds the candidates for any
  substring of three characters or more; services/queue.py keeps the LIKE as
  the exact test.
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
    op.execute(
        "CREATE VIRTUAL TABLE claims_places USING fts5(location, content='claims', "
        "content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        "INSERT INTO claims_places(rowid, location) "
        "SELECT id, location FROM claims WHERE location IS NOT NULL"
    )
    # NULL places are never indexed, so a delete must not name them either.
    op.execute(
        "CREATE TRIGGER claims_places_insert AFTER INSERT ON claims "
        "WHEN new.location IS NOT NULL BEGIN "
        "INSERT INTO claims_places(rowid, location) VALUES (new.id, new.location); END"
    )
    op.execute(
        "CREATE TRIGGER claims_places_delete AFTER DELETE ON claims "
        "WHEN old.location IS NOT NULL BEGIN "
        "INSERT INTO claims_places(claims_places, rowid, location) "
        "VALUES ('delete', old.id, old.location); END"
    )
    op.execute(
        "CREATE TRIGGER claims_places_update AFTER UPDATE OF location ON claims BEGIN "
        "INSERT INTO claims_places(claims_places, rowid, location) "
        "SELECT 'delete', old.id, old.location WHERE old.location IS NOT NULL; "
        "INSERT INTO claims_places(rowid, location) "
        "SELECT new.id, new.location WHERE new.location IS NOT NULL; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_claims_event_order")
        return
    for name in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER claims_places_{name}")
    op.execute("DROP TABLE claims_places")
