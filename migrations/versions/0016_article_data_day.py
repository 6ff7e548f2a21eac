"""articles: the day an article's figures stand at, when it is not its date

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 11:00:00

A report issued on 18 March may give its figures "as of 16 March": the article is
dated by its issue, and what it counts "since 2022" or "in the last 21 days" ends on
the data day. Re-extraction reads this column so that it dates such periods as the
first extraction did.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("data_day", sa.Date(), nullable=True))


def downgrade() -> None:
    # Plain SQL (SQLite 3.35+ and PostgreSQL), as in 0015.
    op.execute("ALTER TABLE articles DROP COLUMN data_day")
