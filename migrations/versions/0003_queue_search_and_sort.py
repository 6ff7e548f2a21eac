"""queue: full-text search in the database's own index, and an index for each sort

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 06:10:00

Search covers a claim's quote and sentence:
- SQLite: an FTS5 table (porter stemming, so "civilian" finds "civilians") over
  `claims`, kept in step by triggers;
- PostgreSQL: a GIN index on the English tsvector of quote and sentence, used
  by queries that repeat the same expression (services/queue.py).
Neither is a table or column of the models, so the schema test ignores them
by name (SEARCH_OBJECTS in tests/test_packaging.py).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PG_DOCUMENT = "to_tsvector('english', coalesce(quote, '') || ' ' || coalesce(sentence, ''))"


def upgrade() -> None:
    # "Take next": status, then the queue order to its end, so no sort is needed.
    op.drop_index("ix_claims_queue", "claims")
    op.create_index("ix_claims_queue", "claims", ["status", "check_worthiness", "id"])
    op.create_index("ix_claims_worthiness", "claims", ["check_worthiness", "id"])
    op.create_index("ix_claims_status_assignee", "claims", ["status", "assignee_id"])
    # Reports and exports page through one status by id: no sort per page.
    op.create_index("ix_claims_status_id", "claims", ["status", "id"])
    op.create_index("ix_claims_kind", "claims", ["kind"])
    op.create_index("ix_claims_location", "claims", ["location"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_claims_search ON claims USING GIN ({PG_DOCUMENT})")
        return
    op.execute(
        "CREATE VIRTUAL TABLE claims_fts USING fts5(quote, sentence, content='claims', "
        "content_rowid='id', tokenize='porter unicode61')"
    )
    op.execute(
        "INSERT INTO claims_fts(rowid, quote, sentence) SELECT id, quote, sentence FROM claims"
    )
    op.execute(
        "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
        "INSERT INTO claims_fts(rowid, quote, sentence) VALUES (new.id, new.quote, new.sentence); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
        "INSERT INTO claims_fts(claims_fts, rowid, quote, sentence) "
        "VALUES ('delete', old.id, old.quote, old.sentence); END"
    )
    op.execute(
        "CREATE TRIGGER claims_fts_update AFTER UPDATE OF quote, sentence ON claims BEGIN "
        "INSERT INTO claims_fts(claims_fts, rowid, quote, sentence) "
        "VALUES ('delete', old.id, old.quote, old.sentence); "
        "INSERT INTO claims_fts(rowid, quote, sentence) VALUES (new.id, new.quote, new.sentence); "
        "END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_claims_search")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER claims_fts_{name}")
        op.execute("DROP TABLE claims_fts")
    for name in ("location", "kind", "status_assignee", "status_id", "worthiness", "queue"):
        op.drop_index(f"ix_claims_{name}", "claims")
    op.create_index("ix_claims_queue", "claims", ["status", "check_worthiness"])
