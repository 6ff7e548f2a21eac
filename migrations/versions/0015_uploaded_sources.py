"""uploaded sources: a kept copy may be a file the reviewer uploaded

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 16:10:00

A source may be a file (a PDF the agency sent, a saved page) instead of an
address: its kept copy names the file it came from, and has no HTTP status or URL.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("source_snapshots", sa.Column("file_name", sa.Text(), nullable=True))


def downgrade() -> None:
    # Plain SQL (SQLite 3.35+ and PostgreSQL): a batch rebuild would drop the table's
    # append-only triggers with it.
    op.execute("ALTER TABLE source_snapshots DROP COLUMN file_name")
