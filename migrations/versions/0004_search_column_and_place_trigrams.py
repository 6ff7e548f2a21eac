"""PostgreSQL: a stored search column, and a trigram index for the place filter

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 08:00:00

At a million claims the queue's text filters must be cheap whichever way the
planner reads them (services/queue.py decides that way by counting first):
- search: the English tsvector of quote and sentence is now a stored generated
  column with the GIN index on it, so testing a row read in sort order costs
  a comparison, not a to_tsvector() call (about ten times less);
- place: "location contains X" is ILIKE '%X%', which no b-tree can serve; a
  pg_trgm GIN index can. pg_trgm ships with PostgreSQL and is a trusted
  extension (13+), so a database owner may create it.
SQLite needs neither: FTS5 (0003) serves search, and a place filter over
100,000 claims reads its index in milliseconds. Neither object is in the
models, so the schema test ignores them by name (SEARCH_OBJECTS).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PG_DOCUMENT = "to_tsvector('english', coalesce(quote, '') || ' ' || coalesce(sentence, ''))"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_claims_search")
    op.execute(
        f"ALTER TABLE claims ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({PG_DOCUMENT}) "
        "STORED"
    )
    op.execute("CREATE INDEX ix_claims_search ON claims USING GIN (search_vector)")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE INDEX ix_claims_location_trgm ON claims USING GIN (location gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_claims_location_trgm")
    op.execute("DROP INDEX ix_claims_search")
    op.execute("ALTER TABLE claims DROP COLUMN search_vector")
    op.execute(f"CREATE INDEX ix_claims_search ON claims USING GIN ({PG_DOCUMENT})")
