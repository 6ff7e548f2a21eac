"""kept copies: uploaded files, and the figures read in each copy

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 16:10:00

A source may be a file (a PDF the agency sent, a saved page) instead of an
address: its kept copy names the file it came from, and has no HTTP status or URL.
Each copy also keeps the figures the extractor read in it (JSON), read once when
it is kept, so a workspace matches the claim's figure against them without
reading the text again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("source_snapshots", sa.Column("file_name", sa.Text(), nullable=True))
    figures = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
    op.add_column("source_snapshots", sa.Column("figures", figures, nullable=True))


def downgrade() -> None:
    # Plain SQL (SQLite 3.35+ and PostgreSQL): a batch rebuild would drop the table's
    # append-only triggers with it.
    op.execute("ALTER TABLE source_snapshots DROP COLUMN figures")
    op.execute("ALTER TABLE source_snapshots DROP COLUMN file_name")
