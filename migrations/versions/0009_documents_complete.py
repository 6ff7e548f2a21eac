"""documents: whether all of a document's claims are written yet

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 18:00:00

Ingest now writes a page's claims in short transactions, so that reviewers never
wait on a long one. A document is stored first with complete = false and marked
complete with its last claims; an ingest cut short leaves it incomplete, and
running the same ingest again writes the rest. Every existing document was
written whole: they are complete.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on both databases (with its default, no table rebuild).
    op.add_column(
        "documents",
        sa.Column("complete", sa.Boolean(), nullable=False, server_default=sa.true()),
    )


def downgrade() -> None:
    op.execute("ALTER TABLE documents DROP COLUMN complete")  # no SQLite table rebuild
