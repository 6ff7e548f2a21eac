"""verdicts: at most one current verdict per claim, held by the database

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 17:40:00

The services keep one current verdict per claim under the claim row's lock;
a partial unique index makes the database refuse a second one whatever code
path tries (both SQLite and PostgreSQL index only the rows it names).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "uq_verdicts_one_current", "verdicts", ["claim_id"], unique=True,
        sqlite_where=sa.text("current = 1"), postgresql_where=sa.text("current"),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_index("uq_verdicts_one_current", table_name="verdicts")
