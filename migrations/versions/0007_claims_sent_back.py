"""claims: when an editor sent the claim back to its reviewer

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 16:40:00

An editor may return a verdict to the reviewer who gave it, with a reason (an
audit event, claim.sent_back). The claim is then in review again; this column
says it waits for a second look, so the reviewer's "Needs a second look" view
is a plain filter. A column rather than a new status: the status CHECK
constraint would need a rebuild of the claims table on SQLite, which would
drop its search and place-name triggers.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("sent_back_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+), never a batch rebuild: rebuilding the claims
    # table on SQLite would drop the triggers of migrations 0003 and 0005.
    op.execute("ALTER TABLE claims DROP COLUMN sent_back_at")
