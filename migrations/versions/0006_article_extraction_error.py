"""articles: the error of an extraction that failed, so the page keeps its other articles

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 09:00:00

One article whose text makes the extractor raise must not lose the whole page:
ingest stores the document and its other articles' claims, records an
`article.extraction_failed` event and keeps the error here, where the
documents screen shows it; `claims reextract` clears it once it succeeds.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on both databases (SQLite needs no table rebuild for it).
    op.add_column("articles", sa.Column("extraction_error", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:  # SQLite rebuilds the table
        batch.drop_column("extraction_error")
